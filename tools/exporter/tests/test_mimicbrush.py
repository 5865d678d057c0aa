"""MimicBrush's fused step, its depth guider and the committed stand-in folder."""

import json
import os

import numpy as np
import pytest
import torch

from brushedit_export import tiny
from brushedit_export.mimicbrush import DepthGuider, MimicBrushStep, fusion_blocks
from conftest import STANDINS


@pytest.fixture(scope="module")
def pair():
    return tiny.tiny_unet(in_channels=13, seed=21), tiny.tiny_unet(in_channels=4, seed=22)


def _inputs(seed=0, h=8, w=8):
    g = torch.Generator().manual_seed(seed)
    return (torch.randn(2, 13, h, w, generator=g), torch.tensor([401.0]), torch.randn(2, 5, tiny.TEXT_HIDDEN, generator=g),
            torch.randn(1, 4, h, w, generator=g))


def test_fusion_blocks_are_the_middle_and_up_transformers(pair):
    names = [n for n, _ in fusion_blocks(pair[0])]
    assert names[0].startswith("mid_block.") and all(n.startswith(("mid_block.", "up_blocks.")) for n in names)
    assert len(names) == 1 + 3 * 3  # SD1.5 topology: one in the middle, three in each cross-attention up block
    assert names == [n for n, _ in fusion_blocks(pair[1])]


def test_unconditional_half_reads_no_reference_and_conditional_half_does(pair):
    import copy
    unet, ref = copy.deepcopy(pair[0]), copy.deepcopy(pair[1])
    sample, t, ctx, ref_latents = _inputs()
    with torch.no_grad():
        plain = unet(sample, t, ctx, return_dict=False)[0]  # diffusers' own attention, before the processors change
        step = MimicBrushStep(unet, ref).eval()
        fused = step(sample, t, ctx, ref_latents)
        other = step(sample, t, ctx, ref_latents + 1.0)
    assert torch.allclose(fused[:1], plain[:1], atol=1e-5)
    assert (fused[1:] - plain[1:]).abs().max() > 1e-3
    assert torch.allclose(other[:1], fused[:1], atol=1e-6)
    assert (other[1:] - fused[1:]).abs().max() > 1e-4


def test_depth_guider_gives_the_512_latent_grid():
    out = DepthGuider()(torch.rand(1, 1, 37, 37))
    assert tuple(out.shape) == (1, 4, 64, 64)


def test_committed_standin_declares_the_contract():
    folder = os.path.join(STANDINS, "mimicbrush-tiny")
    import onnx
    model = onnx.load(os.path.join(folder, "mimicbrush_unet", "model.onnx"), load_external_data=False)
    assert [i.name for i in model.graph.input] == ["sample", "timestep", "encoder_hidden_states", "reference_latents"]
    assert [o.name for o in model.graph.output] == ["out_sample"]
    with open(os.path.join(folder, "depth_guider", "config.json")) as f:
        shape = json.load(f)["blank_feature_shape"]
    blank = np.fromfile(os.path.join(folder, "depth_guider", "blank_feature.f32"), dtype="<f4")
    assert blank.size == int(np.prod(shape)) and shape == [1, 4, 64, 64] and np.isfinite(blank).all()


def _step_graph(tmp_path, name, pair, fused):
    from brushedit_export.exporter import Components, ExportOptions, _Exporter
    from brushedit_export.mimicbrush import write_step_graph
    ex = _Exporter(Components(unet=None, scheduler_config={}, pipeline_class="MimicBrushPipeline"), str(tmp_path / name),
                   ExportOptions(latent_hw=(8, 8), fused_attention=fused))
    write_step_graph(ex, pair[0], pair[1], 5)
    return str(tmp_path / name / "mimicbrush_unet" / "model.onnx")


def _ops(path):
    import onnx
    from collections import Counter
    return Counter(n.op_type for n in onnx.load(path, load_external_data=False).graph.node)


def test_every_attention_of_the_step_graph_is_fused(tmp_path, pair):
    """All 72 attentions (the fusion blocks' writers and readers included) become MultiHeadAttention, same output."""
    from brushedit_export.onnx_io import run_onnx
    from conftest import report
    fused, plain = _step_graph(tmp_path, "fused", pair, True), _step_graph(tmp_path, "plain", pair, False)
    f, p = _ops(fused), _ops(plain)
    # reference UNet: 16 attentions less its last block's two (nothing reads them); imitative UNet: 16 + 10 reading
    assert p["Softmax"] == 72 and p["MultiHeadAttention"] == 0, p
    assert f["MultiHeadAttention"] == 72 and f["Softmax"] == 0, f
    sample, t, ctx, ref = _inputs(seed=3, h=16, w=24)  # another size than the trace's
    feeds = {"sample": sample.numpy(), "timestep": t.numpy(), "encoder_hidden_states": ctx.numpy(),
             "reference_latents": ref.numpy()}
    got, want = run_onnx(fused, feeds)[0], run_onnx(plain, feeds)[0]
    err = float(np.abs(got - want).max())
    report("MimicBrush step, fused vs unfused attention, 16x24 latents, max abs diff", err)
    assert err < 1e-5 * max(1.0, float(np.abs(want).max()))
    with torch.no_grad():
        expected = MimicBrushStep(*pair).eval()(sample, t, ctx, ref).numpy()
    assert np.abs(got - expected).max() < 2e-4 * max(1.0, float(np.abs(expected).max()))


def test_attention_form_equals_diffusers_eager_attention():
    """_attend (SDPA form, what the rewrite fuses) = softmax(q k^T * scale) v with a longer key/value context."""
    from diffusers.models.attention_processor import Attention, AttnProcessor
    from brushedit_export.mimicbrush import _attend
    torch.manual_seed(4)
    attn = Attention(query_dim=32, heads=2, dim_head=16).eval()
    x, ctx = torch.randn(2, 12, 32), torch.randn(2, 20, 32)
    with torch.no_grad():
        want = AttnProcessor()(attn, x, ctx)
        got = _attend(attn, x, ctx)
    assert torch.allclose(got, want, atol=1e-6), float((got - want).abs().max())


class _ReaderLayer(torch.nn.Module):
    """One imitative self-attention of a fusion block on a guidance batch, with the reference states as input."""

    def __init__(self, attn):
        super().__init__()
        from brushedit_export.mimicbrush import _Bank, _Reader
        self.attn, self.bank = attn, _Bank()
        self.reader = _Reader(self.bank, "layer")

    def forward(self, hidden, reference):
        self.bank.states["layer"] = reference
        return self.reader(self.attn, hidden)


@pytest.mark.skipif(os.environ.get("BRUSHEDIT_REAL_SIZE") != "1",
                    reason="set BRUSHEDIT_REAL_SIZE=1 (the unfused side holds ~2 GiB of scores)")
def test_real_size_reference_reading_layer_fuses_with_the_same_output(tmp_path):
    """SD1.5's largest fusion-block self-attention (up block 3: 320 channels, 8 heads, 64x64 = 4096 tokens; the
    conditional half attends to 8192 keys), random weights: fused and unfused graphs agree."""
    from diffusers.models.attention_processor import Attention
    from brushedit_export.onnx_io import export_graph, run_onnx
    from conftest import report
    torch.manual_seed(5)
    layer = _ReaderLayer(Attention(query_dim=320, heads=8, dim_head=40).eval()).eval()
    args = (torch.randn(2, 4096, 320), torch.randn(1, 4096, 320))
    axes = {"hidden": {0: "b", 1: "n"}, "reference": {1: "n"}}
    paths = {}
    for name, fuse in (("fused", True), ("plain", False)):
        paths[name] = str(tmp_path / name / "model.onnx")
        export_graph(layer, (torch.randn(2, 64, 320), torch.randn(1, 64, 320)), paths[name], ["hidden", "reference"],
                     ["out"], axes, 17, fuse=fuse)
    assert _ops(paths["fused"])["MultiHeadAttention"] == 2 and _ops(paths["fused"])["Softmax"] == 0
    assert _ops(paths["plain"])["Softmax"] == 2
    feeds = {"hidden": args[0].numpy(), "reference": args[1].numpy()}
    got = run_onnx(paths["fused"], feeds)[0]
    want = run_onnx(paths["plain"], feeds)[0]
    err = float(np.abs(got - want).max())
    report("real-size MimicBrush reading layer (4096 + 4096 keys), fused vs unfused, max abs diff", err)
    assert err < 1e-5 * max(1.0, float(np.abs(want).max()))
