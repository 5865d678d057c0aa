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
