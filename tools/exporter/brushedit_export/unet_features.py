"""UNet forward that adds BrushNet features, and the fused UNet+BrushNet module (our ONNX contract, variant a/b).

The features are added where BrushNet's UNet adds them: the first one to the output of ``conv_in`` (the skip
connection keeps the value before the addition), then one after every resnet (+ attention) pair and one after
every down-sampler of the down path, one after the mid block, and one after every resnet (+ attention) pair
and every up-sampler of the up path.
"""

from __future__ import annotations

from typing import Optional, Sequence

import torch
from torch import nn

from .brushnet import BrushNet, time_embedding
from .config_options import UNET_ASSUMED_DEFAULTS, UNET_BLOCK_TYPES, UNET_HONOURED, refuse, unimplemented_options


def _attend(attentions, i: int, h: torch.Tensor, context: torch.Tensor) -> torch.Tensor:
    if attentions is None:
        return h
    return attentions[i](h, encoder_hidden_states=context, return_dict=False)[0]


def unet_forward(unet, sample: torch.Tensor, timestep, context: torch.Tensor,
                 down_add: Optional[Sequence[torch.Tensor]] = None,
                 mid_add: Optional[torch.Tensor] = None,
                 up_add: Optional[Sequence[torch.Tensor]] = None) -> torch.Tensor:
    """SD1.5 UNet2DConditionModel forward with optional BrushNet feature additions (None = plain UNet)."""
    emb = time_embedding(unet.time_proj, unet.time_embedding, timestep, sample)
    h = unet.conv_in(sample)
    skips = [h]
    down = list(down_add) if down_add is not None else None
    up = list(up_add) if up_add is not None else None
    if down is not None:
        h = h + down.pop(0)
    for block in unet.down_blocks:
        attns = getattr(block, "attentions", None)
        for i, resnet in enumerate(block.resnets):
            h = _attend(attns, i, resnet(h, emb), context)
            if down is not None:
                h = h + down.pop(0)
            skips.append(h)
        if block.downsamplers is not None:
            for d in block.downsamplers:
                h = d(h)
            if down is not None:
                h = h + down.pop(0)
            skips.append(h)

    mid = unet.mid_block
    h = mid.resnets[0](h, emb)
    for attn, resnet in zip(mid.attentions, mid.resnets[1:]):
        h = resnet(attn(h, encoder_hidden_states=context, return_dict=False)[0], emb)
    if mid_add is not None:
        h = h + mid_add

    for block in unet.up_blocks:
        n = len(block.resnets)
        res, skips = skips[-n:], skips[:-n]
        size = skips[-1].shape[2:] if block.upsamplers is not None else None
        attns = getattr(block, "attentions", None)
        for i, resnet in enumerate(block.resnets):
            h = _attend(attns, i, resnet(torch.cat([h, res.pop()], dim=1), emb), context)
            if up is not None:
                h = h + up.pop(0)
        if block.upsamplers is not None:
            for u in block.upsamplers:
                h = u(h, size)
            if up is not None:
                h = h + up.pop(0)
    if down or up:
        raise ValueError(f"unused BrushNet features: {len(down or [])} down, {len(up or [])} up")

    h = unet.conv_act(unet.conv_norm_out(h))
    return unet.conv_out(h)


def check_sd15_unet(unet) -> None:
    """Rejects UNet configurations the feature forward does not implement (SD1.5-family only), naming each option."""
    c = dict(unet.config)
    problems = unimplemented_options(c, UNET_HONOURED, UNET_ASSUMED_DEFAULTS)
    if c.get("mid_block_type", "UNetMidBlock2DCrossAttn") != "UNetMidBlock2DCrossAttn":
        problems["mid_block_type"] = f"mid_block_type={c['mid_block_type']!r} is not implemented " \
                                     "(only 'UNetMidBlock2DCrossAttn' is)"
    for key, allowed in UNET_BLOCK_TYPES.items():
        bad = [t for t in c.get(key, ()) if t not in allowed]
        if bad:
            problems[key] = f"{key} contains {bad}, not implemented (only {list(allowed)} are)"
    refuse("UNet config is not SD1.5-family, cannot add BrushNet features", problems)


class UNetWithFeatures(nn.Module):
    """Variant (a) UNet: standard inputs plus the BrushNet feature tensors as separate inputs."""

    def __init__(self, unet, n_down: int, n_up: int):
        super().__init__()
        check_sd15_unet(unet)
        self.unet, self.n_down, self.n_up = unet, n_down, n_up

    def forward(self, sample, timestep, encoder_hidden_states, *features):
        down = features[:self.n_down]
        mid = features[self.n_down]
        up = features[self.n_down + 1:]
        return unet_forward(self.unet, sample, timestep, encoder_hidden_states, down, mid, up)


class BrushNetGraph(nn.Module):
    """Variant (a) BrushNet: flat outputs (down..., mid, up...)."""

    def __init__(self, brushnet: BrushNet):
        super().__init__()
        self.brushnet = brushnet

    def forward(self, sample, timestep, brushnet_cond, conditioning_scale):
        down, mid, up = self.brushnet(sample, timestep, brushnet_cond, conditioning_scale)
        return (*down, mid, *up)


def repeat_batch(t: torch.Tensor, k) -> torch.Tensor:
    """[b,...] -> [k*b,...] as k stacked copies (the classifier-free-guidance layout)."""
    return t.unsqueeze(0).expand(k, *t.shape).reshape(-1, *t.shape[1:])


class FusedBrushNetUNet(nn.Module):
    """Variant (b): BrushNet runs once on the first b samples; its features are repeated k = batch/b times."""

    def __init__(self, unet, brushnet: BrushNet):
        super().__init__()
        check_sd15_unet(unet)
        self.unet, self.brushnet = unet, brushnet

    def forward(self, sample, timestep, encoder_hidden_states, brushnet_cond, conditioning_scale):
        b = brushnet_cond.shape[0]
        k = sample.shape[0] // b
        down, mid, up = self.brushnet(sample[:b], timestep, brushnet_cond, conditioning_scale)
        down = [repeat_batch(f, k) for f in down]
        up = [repeat_batch(f, k) for f in up]
        return unet_forward(self.unet, sample, timestep, encoder_hidden_states, down, repeat_batch(mid, k), up)
