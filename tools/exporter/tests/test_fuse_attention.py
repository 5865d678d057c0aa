"""Fused attention (brushedit_export/fuse_attention.py): what is rewritten, what is left alone, same outputs."""

import os
from collections import Counter

import numpy as np
import onnx
import torch

from brushedit_export import tiny
from brushedit_export.exporter import Components, ExportOptions, export_folder
from brushedit_export.fuse_attention import fuse_file
from brushedit_export.onnx_io import run_onnx
from conftest import TOKENIZER, report


def ops(path):
    return Counter(n.op_type for n in onnx.load(path, load_external_data=False).graph.node)


def attention_layers(unet):
    return sum(1 for m in unet.modules() if type(m).__name__ == "Attention")


def export(tmp_path, name, fused, in_channels=4, brushnet=True, **extra):
    comps = Components(unet=tiny.tiny_unet(in_channels), text_encoder=tiny.tiny_text_encoder(), vae=tiny.tiny_vae(),
                       scheduler_config=dict(tiny.SD15_SCHEDULER), tokenizer_dir=TOKENIZER,
                       brushnet=tiny.tiny_brushnet() if brushnet else None)
    out = tmp_path / name
    export_folder(comps, str(out), ExportOptions(latent_hw=(8, 16), fused_attention=fused, **extra))
    return out


def feeds(batch, h, w, seed=5):
    g = torch.Generator().manual_seed(seed)
    cond = torch.randn(1, 5, h, w, generator=g)
    cond[:, -1:] = (cond[:, -1:] > 0).float()
    return {"sample": torch.randn(batch, 4, h, w, generator=g).numpy(), "timestep": np.array([301.0], np.float32),
            "encoder_hidden_states": torch.randn(batch, 77, tiny.TEXT_HIDDEN, generator=g).numpy(),
            "brushnet_cond": cond.numpy(), "conditioning_scale": np.array([1.0], np.float32)}


def test_default_export_fuses_every_attention_layer_and_keeps_the_outputs(tmp_path):
    fused = export(tmp_path, "fused", True)
    plain = export(tmp_path, "plain", False)
    layers = attention_layers(tiny.tiny_unet())
    for graph in ("unet", "brushnet_unet"):
        f, p = ops(str(fused / graph / "model.onnx")), ops(str(plain / graph / "model.onnx"))
        assert p["Softmax"] == layers and p["MultiHeadAttention"] == 0, (graph, p)
        assert f["MultiHeadAttention"] == layers and f["Softmax"] == 0, (graph, f)
    assert ops(str(fused / "vae_decoder" / "model.onnx"))["MultiHeadAttention"] == 1
    # the fused graph at a size and batch other than the trace's gives the unfused graph's output
    x = feeds(2, 16, 24)
    got = run_onnx(str(fused / "brushnet_unet" / "model.onnx"), x)[0]
    ref = run_onnx(str(plain / "brushnet_unet" / "model.onnx"), x)[0]
    err = float(np.abs(got - ref).max())
    report("fused vs unfused attention, brushnet_unet 16x24 latents, max abs diff", err)
    assert err < 1e-5 * max(1.0, float(np.abs(ref).max()))
    latents = torch.randn(1, 4, 16, 24, generator=torch.Generator().manual_seed(2)).numpy()
    dec_f = run_onnx(str(fused / "vae_decoder" / "model.onnx"), {"latent_sample": latents})[0]
    dec_p = run_onnx(str(plain / "vae_decoder" / "model.onnx"), {"latent_sample": latents})[0]
    assert np.abs(dec_f - dec_p).max() < 1e-5


def test_zone_maps_keep_their_probabilities(tmp_path):
    out = export(tmp_path, "ip2p", True, in_channels=8, brushnet=False, cross_attention_outputs=True)
    counts = ops(str(out / "unet" / "model.onnx"))
    layers = attention_layers(tiny.tiny_unet(8))
    outputs = [o.name for o in onnx.load(str(out / "unet" / "model.onnx"), load_external_data=False).graph.output]
    zone = len(outputs) - 1
    assert zone == 5
    # ZONE's layers run eagerly (their probabilities are outputs): not fused; every other layer is
    assert counts["Softmax"] == zone and counts["MultiHeadAttention"] == layers - zone, counts


def test_fuse_file_leaves_hard_linked_copies_alone(tmp_path):
    plain = export(tmp_path, "plain", False, brushnet=False)
    path = str(plain / "unet" / "model.onnx")
    link = str(tmp_path / "linked.onnx")
    os.link(path, link)
    before = open(link, "rb").read()
    assert fuse_file(path) == attention_layers(tiny.tiny_unet())
    assert open(link, "rb").read() == before
    assert ops(path)["MultiHeadAttention"] > 0 and ops(link)["MultiHeadAttention"] == 0
    assert fuse_file(path) == 0  # nothing left to fuse
