"""Fused attention: rewrites exported scaled-dot-product attention into ONNX Runtime's MultiHeadAttention.

torch's exporter writes ``F.scaled_dot_product_attention`` (what diffusers' UNet, BrushNet and VAE attention
layers and MimicBrush's step wrappers call) as Reshape/Transpose of q, k and v, MatMul, Softmax, MatMul: ONNX Runtime then materialises the
whole [batch, heads, queries, keys] score tensor, 1 GiB per layer for a 512 edit and 5 GiB at 768. This pass
replaces each such chain by one ``com.microsoft.MultiHeadAttention`` node on the 3-D projections
[batch, tokens, heads * head_size]; ONNX Runtime's CPU kernel for it works block by block (flash attention) and
never holds the score matrix. The graph's inputs and outputs do not change.

A chain is fused only when it is exactly that pattern: q Reshape [b, -1, heads, d] + Transpose (0, 2, 1, 3),
k the same with Transpose (0, 2, 3, 1), v with Transpose (0, 2, 1, 3), each of q and k optionally multiplied by
a scalar, Softmax on the last axis, the output transposed back (0, 2, 1, 3) and reshaped to 3-D, and no
intermediate is used elsewhere or is a graph output (ZONE's cross-attention maps keep their probabilities).
Scalars that are SDPA's own sqrt(1 / sqrt(d)) keep MultiHeadAttention's default scale 1 / sqrt(d); numeric
scalars set its ``scale`` attribute.

Usage on an existing checkpoint folder (rewrites every ``*/model.onnx``; each file is replaced by a new one, so
hard-linked copies of a folder keep their original graphs; external weight files are left as they are):
    python -m brushedit_export.fuse_attention FOLDER
"""

from __future__ import annotations

import math
import os
import sys
from collections import defaultdict
from typing import Dict, List, Optional

import numpy as np
import onnx
from onnx import helper, numpy_helper

MS_DOMAIN = "com.microsoft"


class _Graph:
    def __init__(self, graph: onnx.GraphProto):
        self.g = graph
        self.producer: Dict[str, onnx.NodeProto] = {o: n for n in graph.node for o in n.output if o}
        self.consumers: Dict[str, List[onnx.NodeProto]] = defaultdict(list)
        for n in graph.node:
            for i in n.input:
                self.consumers[i].append(n)
        self.outputs = {o.name for o in graph.output}
        self.inits = {i.name: i for i in graph.initializer}

    def op(self, name: str, op_type: str) -> Optional[onnx.NodeProto]:
        n = self.producer.get(name)
        return n if n is not None and n.op_type == op_type and n.domain in ("", "ai.onnx") else None

    def private(self, name: str, shapes_too: bool = False) -> bool:
        """Whether ``name`` is used by exactly one node (besides Shape nodes if ``shapes_too``), not a graph output."""
        users = [n for n in self.consumers.get(name, ()) if not (shapes_too and n.op_type == "Shape")]
        return name not in self.outputs and len(users) == 1

    def constant(self, name: str) -> Optional[np.ndarray]:
        if name in self.inits:
            return numpy_helper.to_array(self.inits[name])
        n = self.producer.get(name)
        if n is not None and n.op_type == "Constant":
            for a in n.attribute:
                if a.name == "value":
                    return numpy_helper.to_array(a.t)
        return None


def _attr(node: onnx.NodeProto, name: str):
    for a in node.attribute:
        if a.name == name:
            return helper.get_attribute_value(a)
    return None


def _heads(g: _Graph, shape_name: str) -> Optional[int]:
    """The heads of a Reshape to [b, -1, heads, d] whose shape is a constant or a Concat of one-element parts."""
    value = g.constant(shape_name)
    if value is not None:
        return int(value[2]) if value.size == 4 and value[2] > 0 else None
    concat = g.op(shape_name, "Concat")
    if concat is None or len(concat.input) != 4:
        return None
    part = g.constant(concat.input[2])
    return int(part.reshape(-1)[0]) if part is not None and part.size == 1 and part.reshape(-1)[0] > 0 else None


def _split_heads(g: _Graph, name: str, perm):
    """(3-D input, heads) of Transpose(perm) of Reshape(x, [b, -1, heads, d]); None if ``name`` is not that."""
    t = g.op(name, "Transpose")
    if t is None or list(_attr(t, "perm") or ()) != perm or not g.private(name, shapes_too=True):
        return None
    r = g.op(t.input[0], "Reshape")
    if r is None or not g.private(t.input[0]):
        return None
    heads = _heads(g, r.input[1])
    if heads is None:
        return None
    return r.input[0], heads


def _scaled(g: _Graph, name: str):
    """(unscaled name, factor) where factor is None for SDPA's own sqrt(1/sqrt(d)) scalar, else a number."""
    m = g.op(name, "Mul")
    if m is None or not g.private(name):
        return name, 1.0
    for mine, other in ((0, 1), (1, 0)):
        value = g.constant(m.input[other])
        if value is not None and value.size == 1:
            return m.input[mine], float(value.reshape(-1)[0])
        if g.op(m.input[other], "Sqrt") is not None:
            return m.input[mine], None
    return name, 1.0


def _match(g: _Graph, softmax: onnx.NodeProto):
    axis = _attr(softmax, "axis")
    if axis not in (-1, 3) or not g.private(softmax.output[0]):
        return None
    pv = g.consumers[softmax.output[0]][0]
    if pv.op_type != "MatMul" or pv.input[0] != softmax.output[0] or not g.private(pv.output[0]):
        return None
    qk = g.op(softmax.input[0], "MatMul")
    if qk is None or not g.private(softmax.input[0]):
        return None
    q_name, q_scale = _scaled(g, qk.input[0])
    k_name, k_scale = _scaled(g, qk.input[1])
    if (q_scale is None) != (k_scale is None):
        return None  # one SDPA factor without the other: not the pattern this pass knows
    q = _split_heads(g, q_name, [0, 2, 1, 3])
    k = _split_heads(g, k_name, [0, 2, 3, 1])
    v = _split_heads(g, pv.input[1], [0, 2, 1, 3])
    if q is None or k is None or v is None or not q[1] == k[1] == v[1]:
        return None
    back = g.consumers[pv.output[0]][0]
    if back.op_type != "Transpose" or list(_attr(back, "perm") or ()) != [0, 2, 1, 3] \
            or not g.private(back.output[0]):
        return None
    merge = g.consumers[back.output[0]][0]
    if merge.op_type != "Reshape":
        return None
    shape = g.constant(merge.input[1])
    concat = g.op(merge.input[1], "Concat")
    if not ((shape is not None and shape.size == 3) or (concat is not None and len(concat.input) == 3)):
        return None
    scale = None if q_scale is None else q_scale * k_scale
    return merge, q[0], k[0], v[0], q[1], scale, merge.output[0]


def _prune(graph: onnx.GraphProto) -> None:
    """Removes nodes none of whose outputs is used (the shape arithmetic the fused chains leave behind)."""
    while True:
        used = {o.name for o in graph.output}
        for n in graph.node:
            used.update(n.input)
        keep = [n for n in graph.node if any(o in used for o in n.output if o)]
        if len(keep) == len(graph.node):
            return
        del graph.node[:]
        graph.node.extend(keep)


def fuse_attention(model: onnx.ModelProto) -> int:
    """Rewrites every matching attention chain of ``model`` in place; returns how many were fused."""
    graph = model.graph
    g = _Graph(graph)
    fused, new_at = 0, {}
    for softmax in [n for n in graph.node if n.op_type == "Softmax"]:
        m = _match(g, softmax)
        if m is None:
            continue
        merge, q, k, v, heads, scale, out = m
        attrs = {"num_heads": heads}
        if scale is not None:
            if not math.isfinite(scale) or scale <= 0:
                continue
            attrs["scale"] = scale
        node = helper.make_node("MultiHeadAttention", [q, k, v], [out], name=f"{softmax.name}/fused_attention",
                                domain=MS_DOMAIN, **attrs)
        # the node takes the final Reshape's place (its inputs all exist before it); the rest of the chain is pruned
        new_at[merge.output[0]] = node
        fused += 1
    if not fused:
        return 0
    nodes = [new_at.get(n.output[0] if n.output else None, n) for n in graph.node]
    del graph.node[:]
    graph.node.extend(nodes)
    _prune(graph)
    if not any(o.domain == MS_DOMAIN for o in model.opset_import):
        model.opset_import.append(helper.make_opsetid(MS_DOMAIN, 1))
    return fused


def fuse_file(path: str) -> int:
    """Fuses ``path`` (its external weights stay where they are); writes a new file in its place."""
    model = onnx.load(path, load_external_data=False)
    n = fuse_attention(model)
    if n:
        tmp = path + ".fusing"
        with open(tmp, "wb") as f:
            f.write(model.SerializeToString())
        os.replace(tmp, path)  # a new inode: hard links to the old file keep the old graph
    return n


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1 or not os.path.isdir(argv[0]):
        print("usage: python -m brushedit_export.fuse_attention FOLDER", file=sys.stderr)
        return 2
    for sub in sorted(os.listdir(argv[0])):
        path = os.path.join(argv[0], sub, "model.onnx")
        if os.path.isfile(path):
            print(f"{sub}: {fuse_file(path)} attention layers fused")
    return 0


if __name__ == "__main__":
    sys.exit(main())
