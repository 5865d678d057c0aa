"""Opt-in (BRUSHEDIT_REAL_SIZE=1): SD1.5-size random-weight graphs above 2 GB go to model.onnx_data and load.

Needs about 12 GB of free RAM and 9 GB of disk; about 3 minutes on 2 CPU cores.
"""

import os

import pytest
import torch

from brushedit_export.brushnet import BrushNet, BrushNetConfig
from brushedit_export.exporter import feature_names
from brushedit_export.onnx_io import compare, export_graph, to_numpy
from brushedit_export.unet_features import BrushNetGraph, FusedBrushNetUNet
from conftest import report

pytestmark = pytest.mark.skipif(os.environ.get("BRUSHEDIT_REAL_SIZE") != "1", reason="set BRUSHEDIT_REAL_SIZE=1")


def sd15_brushnet(dtype):
    torch.manual_seed(0)
    bn = BrushNet(BrushNetConfig(extra={"cross_attention_dim": 768}))
    for m in list(bn.brushnet_down_blocks) + list(bn.brushnet_up_blocks) + [bn.brushnet_mid_block]:
        torch.nn.init.normal_(m.weight, std=0.02)  # the zero convs, else every feature is 0
    return bn.to(dtype).eval()


def test_fp32_brushnet_is_external(tmp_path):
    bn = sd15_brushnet(torch.float32)
    args = (torch.randn(1, 4, 8, 8), torch.tensor([500.5]), torch.randn(1, 5, 8, 8), torch.tensor([1.0]))
    names = feature_names(12, 15)
    with torch.no_grad():
        expected = list(BrushNetGraph(bn)(*args))
    path = str(tmp_path / "brushnet" / "model.onnx")
    inputs = ["sample", "timestep", "brushnet_cond", "conditioning_scale"]
    assert export_graph(BrushNetGraph(bn), args, path, inputs, names,
                        {n: {0: "b", 2: f"{n}_h", 3: f"{n}_w"} for n in names}, 17)
    del bn
    r = compare("brushnet", path, True, {n: to_numpy(a) for n, a in zip(inputs, args)}, expected, 2e-4)
    report(f"real-size fp32 brushnet ({r.bytes / 1e9:.2f} GB, external) onnxruntime vs torch", r.max_abs_err)


def test_fp16_fused_is_external(tmp_path):
    from diffusers import UNet2DConditionModel
    torch.manual_seed(1)
    fused = FusedBrushNetUNet(UNet2DConditionModel(cross_attention_dim=768).half().eval(),
                              sd15_brushnet(torch.float16)).eval()
    s = torch.randn(1, 4, 8, 8).half()
    args = (torch.cat([s, s]), torch.tensor([500.5]), torch.randn(2, 77, 768).half(),
            torch.randn(1, 5, 8, 8).half(), torch.tensor([1.0]))
    inputs = ["sample", "timestep", "encoder_hidden_states", "brushnet_cond", "conditioning_scale"]
    with torch.no_grad():
        expected = [fused(*args)]
    path = str(tmp_path / "brushnet_unet" / "model.onnx")
    assert export_graph(fused, args, path, inputs, ["out_sample"],
                        {"sample": {0: "n", 2: "h", 3: "w"}, "encoder_hidden_states": {0: "n"},
                         "brushnet_cond": {0: "b", 2: "h", 3: "w"}, "out_sample": {0: "n", 2: "h", 3: "w"}}, 17)
    del fused
    r = compare("brushnet_unet", path, True, {n: to_numpy(a) for n, a in zip(inputs, args)}, expected, 3e-2)
    report(f"real-size fp16 brushnet_unet ({r.bytes / 1e9:.2f} GB, external) onnxruntime vs torch", r.max_abs_err)
