"""Writes the stand-in graph for dev.brushedit.bench.ModelWrapperBench: SD1.5's real tensor sizes with
almost no compute, so the Java wrapper's own cost (copying inputs in, outputs out, NaN checks) shows.

Inputs:  sample [2, 4, 64, 64], timestep float32 [1], encoder_hidden_states [2, 77, 768],
         feature_64 [2, 320, 64, 64], feature_32 [2, 640, 32, 32], feature_16 [2, 1280, 16, 16],
         feature_8 [2, 1280, 8, 8]
Outputs: out_sample [2, 4, 64, 64] and out_64 / out_32 / out_16 / out_8 (the features scaled per channel
         by a depthwise 1x1 convolution and shifted by the timestep).

Usage: python tools/bench/make_overhead_graph.py [OUT]   (default brushedit-examples/target/bench/sd15-shapes.onnx)
"""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto as T, helper as h, numpy_helper as nh

FEATURES = [(64, 320), (32, 640), (16, 1280), (8, 1280)]


def main(out):
    rng = np.random.default_rng(0)
    inputs = [h.make_tensor_value_info("sample", T.FLOAT, [2, 4, 64, 64]),
              h.make_tensor_value_info("timestep", T.FLOAT, [1]),
              h.make_tensor_value_info("encoder_hidden_states", T.FLOAT, [2, 77, 768])]
    outputs = [h.make_tensor_value_info("out_sample", T.FLOAT, [2, 4, 64, 64])]
    inits = [nh.from_array(rng.normal(size=(4, 1, 1, 1)).astype(np.float32), "w_sample"),
             nh.from_array(np.array([0.001], dtype=np.float32), "t_scale")]
    nodes = [h.make_node("Mul", ["timestep", "t_scale"], ["t_small"]),
             h.make_node("ReduceMean", ["encoder_hidden_states"], ["ctx_mean"], keepdims=0),
             h.make_node("Conv", ["sample", "w_sample"], ["s_conv"], group=4),
             h.make_node("Add", ["s_conv", "ctx_mean"], ["s_ctx"]),
             h.make_node("Add", ["s_ctx", "t_small"], ["out_sample"])]
    for size, ch in FEATURES:
        name = f"feature_{size}"
        inputs.append(h.make_tensor_value_info(name, T.FLOAT, [2, ch, size, size]))
        outputs.append(h.make_tensor_value_info(f"out_{size}", T.FLOAT, [2, ch, size, size]))
        inits.append(nh.from_array(rng.normal(size=(ch, 1, 1, 1)).astype(np.float32), f"w_{size}"))
        nodes.append(h.make_node("Conv", [name, f"w_{size}"], [f"c_{size}"], group=ch))
        nodes.append(h.make_node("Add", [f"c_{size}", "t_small"], [f"out_{size}"]))
    model = h.make_model(h.make_graph(nodes, "sd15_shapes", inputs, outputs, inits),
                         opset_imports=[h.make_opsetid("", 17)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    onnx.save(model, out)
    print(out)


if __name__ == "__main__":
    if len(sys.argv) > 2 or len(sys.argv) == 2 and sys.argv[1].startswith("-"):
        sys.exit("usage: python tools/bench/make_overhead_graph.py [OUT]   "
                 "(default brushedit-examples/target/bench/sd15-shapes.onnx)")
    main(sys.argv[1] if len(sys.argv) > 1 else "brushedit-examples/target/bench/sd15-shapes.onnx")
