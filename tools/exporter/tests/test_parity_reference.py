"""Our BrushNet + feature UNet (PyTorch and ONNX) == TencentARC's reference BrushNet on the same random weights.

Needs the reference source outside the repo: BRUSHNET_REF_SRC = <TencentARC/BrushNet checkout>/src and
BRUSHNET_REF_PATH = a folder with huggingface_hub 0.25.2 (pip install --target DIR huggingface_hub==0.25.2);
skipped when absent. The reference runs in a subprocess (it is a fork of diffusers 0.27).
"""

import os
import subprocess
import sys

import numpy as np
import pytest
import torch

from brushedit_export.exporter import ExportOptions, feature_names
from brushedit_export.onnx_io import export_graph, run_onnx
from brushedit_export.unet_features import BrushNetGraph, FusedBrushNetUNet, UNetWithFeatures, unet_forward
from conftest import report

REF_SRC = os.environ.get("BRUSHNET_REF_SRC", "/tmp/brushnet-src/src")
REF_PATH = os.environ.get("BRUSHNET_REF_PATH", "/work/pyenv-ref/site")
SCRIPT = os.path.join(os.path.dirname(__file__), "..", "..", "parity", "brushnet_reference.py")

pytestmark = pytest.mark.skipif(not os.path.isfile(os.path.join(REF_SRC, "diffusers", "models", "brushnet.py")),
                                reason="reference BrushNet source not available (BRUSHNET_REF_SRC)")


@pytest.fixture(scope="module")
def case(unet, brushnet, tmp_path_factory):
    d = tmp_path_factory.mktemp("parity")
    brushnet.save_pretrained(str(d / "brushnet"))
    unet.save_pretrained(str(d / "unet"))
    g = torch.Generator().manual_seed(99)
    sample = torch.randn(1, 4, 16, 24, generator=g)
    cond = torch.randn(1, 5, 16, 24, generator=g)
    cond[:, 4:] = (cond[:, 4:] > 0).float()
    x = {"sample": torch.cat([sample, sample]), "timestep": torch.tensor([421.0]),
         "encoder_hidden_states": torch.randn(2, 77, 8, generator=g), "brushnet_cond": cond,
         "conditioning_scale": torch.tensor([0.8])}
    np.savez(d / "in.npz", **{k: v.numpy() for k, v in x.items()})
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([REF_PATH, REF_SRC]))
    subprocess.run([sys.executable, SCRIPT, "--brushnet", str(d / "brushnet"), "--unet", str(d / "unet"),
                    "--inputs", str(d / "in.npz"), "--out", str(d / "ref.npz")], check=True, env=env)
    return d, x, dict(np.load(d / "ref.npz"))


def test_state_dict_names_identical(brushnet, case):
    _, _, ref = case
    assert sorted(brushnet.state_dict().keys()) == list(ref["brushnet_param_names"])


def test_brushnet_features_match_reference(brushnet, case):
    _, x, ref = case
    with torch.no_grad():
        down, mid, up = brushnet(x["sample"][:1], x["timestep"], x["brushnet_cond"], x["conditioning_scale"])
    ours = [*down, mid, *up]
    refs = [ref[f"down_{i}"] for i in range(12)] + [ref["mid"]] + [ref[f"up_{i}"] for i in range(15)]
    assert len(ours) == len(refs) == 28
    err = max(float(np.abs(o.numpy() - r[:1]).max()) for o, r in zip(ours, refs))
    # the reference ran on the guidance batch with repeated condition: both halves must be equal
    assert all(np.array_equal(r[:1], r[1:]) for r in refs)
    ref_max = max(float(np.abs(r).max()) for r in refs)
    report(f"torch BrushNet features vs reference BrushNetModel, max abs err (max |ref| {ref_max:.3g})", err)
    assert err < 1e-5 * max(1.0, ref_max)  # fp32 rounding, relative to the largest feature value


def test_feature_unet_and_fused_match_reference(unet, brushnet, case):
    _, x, ref = case
    with torch.no_grad():
        fused = FusedBrushNetUNet(unet, brushnet)(x["sample"], x["timestep"], x["encoder_hidden_states"],
                                                  x["brushnet_cond"], x["conditioning_scale"]).numpy()
        plain = unet_forward(unet, x["sample"], x["timestep"], x["encoder_hidden_states"]).numpy()
    err = float(np.abs(fused - ref["out_sample"]).max())
    report(f"torch fused UNet+BrushNet vs reference UNet(down/mid/up_block_add_samples), max abs err (max |ref| "
           f"{float(np.abs(ref['out_sample']).max()):.3g})", err)
    assert err < 1e-5
    assert float(np.abs(plain - ref["plain_out"]).max()) < 1e-5
    assert float(np.abs(ref["out_sample"] - ref["plain_out"]).max()) > 1e-2  # the features do matter


def test_onnx_graphs_match_reference(unet, brushnet, case):
    d, x, ref = case
    feeds = {k: v.numpy() for k, v in x.items()}
    names = feature_names(12, 15)
    fused_path = str(d / "onnx" / "brushnet_unet" / "model.onnx")
    export_graph(FusedBrushNetUNet(unet, brushnet).eval(), tuple(x[k] for k in
                 ("sample", "timestep", "encoder_hidden_states", "brushnet_cond", "conditioning_scale")),
                 fused_path, ["sample", "timestep", "encoder_hidden_states", "brushnet_cond", "conditioning_scale"],
                 ["out_sample"], {"sample": {0: "n", 2: "h", 3: "w"}, "encoder_hidden_states": {0: "n"},
                                  "brushnet_cond": {0: "b", 2: "h", 3: "w"}, "out_sample": {0: "n", 2: "h", 3: "w"}},
                 ExportOptions().opset)
    fused = run_onnx(fused_path, feeds)[0]
    err_fused = float(np.abs(fused - ref["out_sample"]).max())

    bn_path = str(d / "onnx" / "brushnet" / "model.onnx")
    bn_args = tuple(x[k] for k in ("sample", "timestep", "brushnet_cond", "conditioning_scale"))
    bn_args = (bn_args[0][:1],) + bn_args[1:]
    axes = {n: {0: "b", 2: f"{n}_h", 3: f"{n}_w"} for n in names}
    export_graph(BrushNetGraph(brushnet).eval(), bn_args, bn_path,
                 ["sample", "timestep", "brushnet_cond", "conditioning_scale"], names,
                 {**axes, "sample": {0: "b", 2: "h", 3: "w"}, "brushnet_cond": {0: "b", 2: "h", 3: "w"}}, 17)
    bn_feeds = {k: feeds[k] for k in ("timestep", "brushnet_cond", "conditioning_scale")}
    bn_feeds["sample"] = feeds["sample"][:1]
    feats = run_onnx(bn_path, bn_feeds)
    refs = [ref[f"down_{i}"] for i in range(12)] + [ref["mid"]] + [ref[f"up_{i}"] for i in range(15)]
    err_bn = max(float(np.abs(f - r[:1]).max()) for f, r in zip(feats, refs))

    un_path = str(d / "onnx" / "unet" / "model.onnx")
    un_args = (x["sample"], x["timestep"], x["encoder_hidden_states"],
               *[torch.from_numpy(np.concatenate([f, f])) for f in feats])
    export_graph(UNetWithFeatures(unet, 12, 15).eval(), un_args, un_path,
                 ["sample", "timestep", "encoder_hidden_states", *names], ["out_sample"],
                 {**{n: {0: "n", 2: f"{n}_h", 3: f"{n}_w"} for n in names}, "sample": {0: "n", 2: "h", 3: "w"},
                  "encoder_hidden_states": {0: "n"}, "out_sample": {0: "n", 2: "h", 3: "w"}}, 17)
    un_feeds = {"sample": feeds["sample"], "timestep": feeds["timestep"],
                "encoder_hidden_states": feeds["encoder_hidden_states"]}
    un_feeds.update({n: np.concatenate([f, f]) for n, f in zip(names, feats)})
    separate = run_onnx(un_path, un_feeds)[0]
    err_sep = float(np.abs(separate - ref["out_sample"]).max())
    report("ONNX brushnet/model.onnx features vs reference, max abs err", err_bn)
    report("ONNX unet (BrushNet inputs) fed ONNX features vs reference UNet, max abs err", err_sep)
    report("ONNX brushnet_unet (fused) vs reference UNet, max abs err", err_fused)
    report("ONNX fused vs ONNX separate, max abs err", float(np.abs(fused - separate).max()))
    assert err_bn < 1e-4 and err_sep < 1e-4 and err_fused < 1e-4
