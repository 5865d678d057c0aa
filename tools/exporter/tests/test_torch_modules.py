"""Our PyTorch modules: BrushNet structure and loading, the UNet feature forward, the fused module."""

import json

import pytest
import torch

from brushedit_export.brushnet import BrushNet, BrushNetConfig, feature_counts, randomize_
from brushedit_export.unet_features import FusedBrushNetUNet, repeat_batch, unet_forward
from conftest import report
from brushedit_export import tiny


def inputs(gen, b=1, k=2, h=8, w=16, ctx=8):
    sample = torch.randn(b, 4, h, w, generator=gen)
    return (torch.cat([sample] * k), torch.tensor([321.25]), torch.randn(k * b, 77, ctx, generator=gen),
            torch.randn(b, 5, h, w, generator=gen), torch.tensor([0.7]))


def test_sd15_feature_counts_and_shapes(brushnet, gen):
    assert feature_counts(BrushNetConfig()) == (12, 15)
    sample, t, _, cond, scale = inputs(gen, k=1)
    with torch.no_grad():
        down, mid, up = brushnet(sample, t, cond, scale)
    assert [tuple(d.shape[1:]) for d in down] == [(8, 8, 16)] * 3 + [(8, 4, 8), (16, 4, 8), (16, 4, 8), (16, 2, 4),
                                                                   (16, 2, 4), (16, 2, 4)] + [(16, 1, 2)] * 3
    assert tuple(mid.shape) == (1, 16, 1, 2)
    assert [tuple(u.shape[1:]) for u in up] == [(16, 1, 2)] * 3 + [(16, 2, 4)] * 4 + [(16, 4, 8)] * 4 + \
        [(16, 8, 16)] + [(8, 8, 16)] * 3


def test_save_and_load_strict_roundtrip(brushnet, tmp_path, gen):
    brushnet.save_pretrained(str(tmp_path))
    loaded = BrushNet.from_pretrained(str(tmp_path))
    for (k1, v1), (k2, v2) in zip(brushnet.state_dict().items(), loaded.state_dict().items()):
        assert k1 == k2 and torch.equal(v1, v2)
    with open(tmp_path / "config.json") as f:
        assert json.load(f)["_class_name"] == "BrushNetModel"


def test_load_rejects_missing_weights(brushnet, tmp_path):
    from safetensors.torch import save_file
    brushnet.save_pretrained(str(tmp_path))
    state = dict(brushnet.state_dict())
    state.pop("brushnet_mid_block.weight")
    save_file(state, str(tmp_path / "diffusion_pytorch_model.safetensors"))
    with pytest.raises(RuntimeError, match="brushnet_mid_block.weight"):
        BrushNet.from_pretrained(str(tmp_path))


def test_load_rejects_missing_folder_and_bad_config(tmp_path):
    with pytest.raises(FileNotFoundError, match="config.json"):
        BrushNet.from_pretrained(str(tmp_path))
    with pytest.raises(ValueError, match="attention-free"):
        BrushNetConfig.from_dict({"down_block_types": ["CrossAttnDownBlock2D"] * 4})
    with pytest.raises(ValueError, match="same number"):
        BrushNetConfig.from_dict({"block_out_channels": [320, 640]})


def test_plain_forward_matches_diffusers(unet, gen):
    sample, t, ctx, _, _ = inputs(gen)
    with torch.no_grad():
        ours = unet_forward(unet, sample, t, ctx)
        ref = unet(sample, t, ctx, return_dict=False)[0]
    err = (ours - ref).abs().max().item()
    report("torch unet_forward (no features) vs diffusers UNet2DConditionModel, max abs err", err)
    assert err < 1e-5


def test_zero_features_equal_plain_and_features_matter(unet, brushnet, gen):
    sample, t, ctx, cond, scale = inputs(gen)
    with torch.no_grad():
        down, mid, up = brushnet(sample[:1], t, cond, scale)
        zeros = unet_forward(unet, sample, t, ctx, [torch.zeros_like(d) for d in down], torch.zeros_like(mid),
                             [torch.zeros_like(u) for u in up])
        plain = unet_forward(unet, sample, t, ctx)
        with_f = unet_forward(unet, sample, t, ctx, [repeat_batch(d, 2) for d in down], repeat_batch(mid, 2),
                              [repeat_batch(u, 2) for u in up])
    assert torch.allclose(zeros, plain, atol=1e-6)
    assert (with_f - plain).abs().max() > 1e-2


def test_wrong_feature_count_rejected(unet, brushnet, gen):
    sample, t, ctx, cond, scale = inputs(gen, k=1)
    with torch.no_grad():
        down, mid, up = brushnet(sample, t, cond, scale)
        with pytest.raises(ValueError, match="unused BrushNet features"):
            unet_forward(unet, sample, t, ctx, list(down) + [down[0]], mid, up)


@pytest.mark.parametrize("b,k", [(1, 2), (1, 1), (2, 2)])
def test_fused_equals_separate(unet, brushnet, gen, b, k):
    sample, t, ctx, cond, scale = inputs(gen, b=b, k=k)
    with torch.no_grad():
        fused = FusedBrushNetUNet(unet, brushnet)(sample, t, ctx, cond, scale)
        down, mid, up = brushnet(torch.cat([sample[:b]] * k), t, torch.cat([cond] * k), scale)
        separate = unet_forward(unet, sample, t, ctx, down, mid, up)
    assert torch.allclose(fused, separate, atol=1e-5)


def test_conditioning_scale_is_linear(brushnet, gen):
    sample, t, _, cond, _ = inputs(gen, k=1)
    with torch.no_grad():
        d1, m1, u1 = brushnet(sample, t, cond, torch.tensor([1.0]))
        d2, m2, u2 = brushnet(sample, t, cond, torch.tensor([0.25]))
    for a, b in zip(d1 + [m1] + u1, d2 + [m2] + u2):
        assert torch.allclose(a * 0.25, b, atol=1e-6)
    assert max(x.abs().max().item() for x in d1) > 1e-3


def test_timestep_scalar_vector_and_fraction(brushnet, gen):
    sample, _, _, cond, scale = inputs(gen, b=2, k=1)
    with torch.no_grad():
        a = brushnet(sample, torch.tensor(500.5), cond, scale)[1]
        b = brushnet(sample, torch.tensor([500.5]), cond, scale)[1]
        c = brushnet(sample, torch.tensor([500.5, 500.5]), cond, scale)[1]
        d = brushnet(sample, torch.tensor([500.0]), cond, scale)[1]
    assert torch.equal(a, b) and torch.equal(b, c)
    assert not torch.allclose(b, d)


def test_bgr_order_flips_condition(gen):
    rgb = tiny.tiny_brushnet()
    bgr = BrushNet(BrushNetConfig.from_dict({**tiny.tiny_brushnet_config().to_dict(),
                                             "brushnet_conditioning_channel_order": "bgr"}))
    bgr.load_state_dict(rgb.state_dict())
    sample, t, _, cond, scale = inputs(gen, k=1)
    with torch.no_grad():
        assert torch.allclose(rgb(sample, t, cond.flip(1), scale)[1], bgr(sample, t, cond, scale)[1], atol=1e-6)


def test_randomize_is_seeded():
    a = randomize_(BrushNet(tiny.tiny_brushnet_config()), 7)
    b = randomize_(BrushNet(tiny.tiny_brushnet_config()), 7)
    c = randomize_(BrushNet(tiny.tiny_brushnet_config()), 8)
    assert all(torch.equal(x, y) for x, y in zip(a.state_dict().values(), b.state_dict().values()))
    assert not torch.equal(a.brushnet_mid_block.weight, c.brushnet_mid_block.weight)
