"""Composes a fused brushnet_unet/model.onnx from a folder's separate brushnet/ and unet/ graphs, for benchmarks.

Tracing the fp32 SD1.5-size fused graph with the exporter needs about 4x its 5.9 GB in RAM; this joins the two
already exported graphs instead, without loading their weights: BrushNet runs on sample[:b] (b = the batch of
brushnet_cond), each of its features is tiled k = batch / b times along the batch ([f; f]) and fed to the UNet's
feature inputs. That is the fused contract (tools/exporter/CONTRACT.md, variant b). The weights stay where they
are: brushnet_unet/brushnet.onnx_data and brushnet_unet/unet.onnx_data are hard links to the separate graphs'
model.onnx_data files (same file system), and the initializers' external-data locations are rewritten to them.

Usage: python tools/bench/compose_fused_graph.py FOLDER     (writes FOLDER/brushnet_unet/model.onnx)
"""

import os
import sys

import onnx
from onnx import helper as h


def _prefixed(graph, prefix, keep, data_file):
    """Renames every node output and initializer of ``graph`` with ``prefix`` except the names in ``keep``."""
    rename = {}
    for init in graph.initializer:
        rename[init.name] = prefix + init.name
    for node in graph.node:
        for o in node.output:
            if o and o not in keep:
                rename[o] = prefix + o
    for init in graph.initializer:
        init.name = rename[init.name]
        for entry in init.external_data:
            if entry.key == "location":
                entry.value = data_file
    for node in graph.node:
        node.name = prefix + node.name
        node.input[:] = [rename.get(i, i) for i in node.input]
        node.output[:] = [rename.get(o, o) for o in node.output]
        for attr in node.attribute:
            if attr.type == onnx.AttributeProto.GRAPH:
                raise SystemExit("subgraphs are not supported by this composer")
    return rename


def main(folder: str) -> int:
    bn = onnx.load(os.path.join(folder, "brushnet", "model.onnx"), load_external_data=False)
    un = onnx.load(os.path.join(folder, "unet", "model.onnx"), load_external_data=False)
    out_dir = os.path.join(folder, "brushnet_unet")
    os.makedirs(out_dir, exist_ok=True)
    for src, name in (("brushnet", "brushnet.onnx_data"), ("unet", "unet.onnx_data")):
        dst = os.path.join(out_dir, name)
        if os.path.exists(dst):
            os.remove(dst)
        if os.path.exists(os.path.join(folder, src, "model.onnx_data")):  # small graphs keep their weights inline
            os.link(os.path.join(folder, src, "model.onnx_data"), dst)

    features = [o.name for o in bn.graph.output]
    bn_inputs = {i.name for i in bn.graph.input}
    # BrushNet: its graph inputs sample/timestep/brushnet_cond/conditioning_scale; sample comes from a Slice
    bn_names = _prefixed(bn.graph, "bn/", set(), "brushnet.onnx_data")
    for node in bn.graph.node:
        node.input[:] = ["bn_sample" if i == "sample" else i for i in node.input]
    _prefixed(un.graph, "un/", {o.name for o in un.graph.output}, "unet.onnx_data")
    tiled = {f: f"tiled/{f}" for f in features}
    for node in un.graph.node:
        node.input[:] = [tiled.get(i, i) for i in node.input]

    i64 = onnx.TensorProto.INT64
    glue = [
        h.make_node("Shape", ["brushnet_cond"], ["glue/cond_shape"]),
        h.make_node("Shape", ["sample"], ["glue/sample_shape"]),
        h.make_node("Constant", [], ["glue/zero"], value=h.make_tensor("z", i64, [1], [0])),
        h.make_node("Constant", [], ["glue/one"], value=h.make_tensor("o", i64, [1], [1])),
        h.make_node("Constant", [], ["glue/ones3"], value=h.make_tensor("o3", i64, [3], [1, 1, 1])),
        h.make_node("Slice", ["glue/cond_shape", "glue/zero", "glue/one"], ["glue/b"]),
        h.make_node("Slice", ["glue/sample_shape", "glue/zero", "glue/one"], ["glue/n"]),
        h.make_node("Div", ["glue/n", "glue/b"], ["glue/k"]),
        h.make_node("Concat", ["glue/k", "glue/ones3"], ["glue/repeats"], axis=0),
        h.make_node("Slice", ["sample", "glue/zero", "glue/b", "glue/zero"], ["bn_sample"]),
    ] + [h.make_node("Tile", [bn_names.get(f, f), "glue/repeats"], [tiled[f]]) for f in features]

    un_inputs = [i for i in un.graph.input if i.name not in tiled]
    cond = next(i for i in bn.graph.input if i.name == "brushnet_cond")
    scale = next(i for i in bn.graph.input if i.name == "conditioning_scale")
    assert {"sample", "timestep", "brushnet_cond", "conditioning_scale"} == bn_inputs, bn_inputs
    graph = h.make_graph(list(bn.graph.node) + glue + list(un.graph.node), "brushnet_unet",
                         un_inputs + [cond, scale], list(un.graph.output),
                         initializer=list(bn.graph.initializer) + list(un.graph.initializer))
    model = h.make_model(graph, opset_imports=un.opset_import, producer_name="compose_fused_graph.py")
    model.ir_version = un.ir_version
    onnx.save(model, os.path.join(out_dir, "model.onnx"))
    print(f"wrote {os.path.join(out_dir, 'model.onnx')}: {len(graph.node)} nodes, "
          f"{len(graph.initializer)} initializers")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1].startswith("-"):
        sys.exit("usage: python tools/bench/compose_fused_graph.py FOLDER     (writes FOLDER/brushnet_unet/model.onnx)")
    sys.exit(main(sys.argv[1]))
