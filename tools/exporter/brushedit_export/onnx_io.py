"""Writing one ONNX graph: torch export, external data decision, checker, and an ONNX Runtime check run."""

from __future__ import annotations

import logging
import os
import tempfile
import warnings
from dataclasses import dataclass
from typing import Dict, List, Mapping, Sequence

import numpy as np
import onnx
import torch

log = logging.getLogger("brushedit_export")

PROTOBUF_LIMIT = 2 * 1024 ** 3
EXTERNAL_DATA_NAME = "model.onnx_data"


@dataclass
class GraphReport:
    """What was written for one graph and how its outputs compare with the PyTorch module."""

    name: str
    path: str
    bytes: int
    external: bool
    max_abs_err: float
    max_abs_ref: float

    def line(self) -> str:
        ext = " (+ model.onnx_data)" if self.external else ""
        return (f"{self.name:<14} {self.bytes / 1e6:9.2f} MB{ext}  onnxruntime vs torch: max abs err "
                f"{self.max_abs_err:.3g} (max |ref| {self.max_abs_ref:.3g})")


def _weights_bytes(model: onnx.ModelProto) -> int:
    total = 0
    for init in model.graph.initializer:
        n = int(np.prod(init.dims)) if len(init.dims) else 1
        total += n * np.dtype(onnx.helper.tensor_dtype_to_np_dtype(init.data_type)).itemsize
    return total


def export_graph(module: torch.nn.Module, args: tuple, path: str, input_names: Sequence[str],
                 output_names: Sequence[str], dynamic_axes: Mapping[str, Mapping[int, str]], opset: int,
                 external: str = "auto", output_dims: Mapping[str, Mapping[int, int]] = None,
                 limit: int = PROTOBUF_LIMIT - 64 * 1024 ** 2, fuse: bool = False) -> bool:
    """Exports ``module`` with the TorchScript-based exporter; returns True when weights went to model.onnx_data.

    external: 'auto' (only when the graph would pass protobuf's 2 GB limit), 'always' or 'never'.
    output_dims: fixed sizes to declare on outputs whose size the exporter left symbolic.
    limit: weight bytes above which 'auto' uses external data (protobuf's 2 GB less a margin for the graph).
    fuse: rewrite scaled-dot-product attention into ONNX Runtime's MultiHeadAttention (fuse_attention.py).
    """
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = os.path.join(tmp, "model.onnx")
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(module, args, tmp_path, input_names=list(input_names),
                              output_names=list(output_names), dynamic_axes=dict(dynamic_axes),
                              opset_version=opset, do_constant_folding=True, dynamo=False)
        model = onnx.load(tmp_path, load_external_data=True)
    if fuse:
        from .fuse_attention import fuse_attention
        log.info("%s: %d attention layers fused", os.path.basename(os.path.dirname(path)), fuse_attention(model))
    for out in model.graph.output:
        for axis, value in (output_dims or {}).get(out.name, {}).items():
            out.type.tensor_type.shape.dim[axis].dim_value = value
    big = _weights_bytes(model) > limit
    use_external = external == "always" or (external == "auto" and big)
    if big and external == "never":
        raise ValueError(f"{path}: weights exceed 2 GB, external data is required")
    for stale in (path, os.path.join(os.path.dirname(path), EXTERNAL_DATA_NAME)):
        if os.path.exists(stale):
            os.remove(stale)
    onnx.save_model(model, path, save_as_external_data=use_external, all_tensors_to_one_file=True,
                    location=EXTERNAL_DATA_NAME, size_threshold=1024)
    onnx.checker.check_model(path)
    return use_external


_NP_TYPES = {1: np.float32, 10: np.float16, 6: np.int32, 7: np.int64}


def run_onnx(path: str, feeds: Dict[str, np.ndarray]) -> List[np.ndarray]:
    """Runs the graph on the CPU provider with the given inputs."""
    import onnxruntime as ort
    opts = ort.SessionOptions()
    opts.log_severity_level = 3
    sess = ort.InferenceSession(path, opts, providers=["CPUExecutionProvider"])
    return sess.run(None, feeds)


def to_numpy(t) -> np.ndarray:
    return t.detach().cpu().numpy()


def compare(name: str, path: str, external: bool, feeds: Dict[str, np.ndarray], expected: Sequence[torch.Tensor],
            tolerance: float) -> GraphReport:
    """Runs ONNX Runtime and compares every output with the PyTorch results; raises if over ``tolerance``."""
    got = run_onnx(path, feeds)
    if len(got) != len(expected):
        raise AssertionError(f"{name}: {len(got)} outputs, expected {len(expected)}")
    err, ref_max = 0.0, 0.0
    for g, e in zip(got, expected):
        e = to_numpy(e).astype(np.float64)
        g = g.astype(np.float64)
        if g.shape != e.shape:
            raise AssertionError(f"{name}: output shape {g.shape}, expected {e.shape}")
        if not np.all(np.isfinite(g)):
            raise AssertionError(f"{name}: non-finite output")
        err = max(err, float(np.abs(g - e).max()))
        ref_max = max(ref_max, float(np.abs(e).max()))
    if err > tolerance * max(1.0, ref_max):
        raise AssertionError(f"{name}: onnxruntime differs from torch by {err:.3g} (tolerance {tolerance:g} "
                             f"relative to max |ref| {ref_max:.3g})")
    size = os.path.getsize(path)
    ext = os.path.join(os.path.dirname(path), EXTERNAL_DATA_NAME)
    if os.path.exists(ext):
        size += os.path.getsize(ext)
    return GraphReport(name, path, size, external, err, ref_max)
