"""Our PyTorch BrushNet branch (BrushNet, arXiv 2403.06976), written from the published architecture.

BrushNet is an attention-free copy of the SD1.5 UNet: the noisy latents (4 channels) are concatenated with
the condition (masked-image latents, 4 channels, and the keep-mask, 1 channel), passed through resnet-only
down, mid and up blocks, and every intermediate feature map goes through a 1x1 convolution (zero-initialised
in training) before it is handed to the UNet. The parameter names follow the checkpoints TencentARC ships
(``segmentation_mask_brushnet_ckpt``, ``random_mask_brushnet_ckpt``), so their state dicts load with
``strict=True``.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field, fields
from typing import List, Tuple

import torch
from torch import nn
from diffusers.models.embeddings import TimestepEmbedding, Timesteps
from diffusers.models.resnet import ResnetBlock2D
from diffusers.models.unets.unet_2d_blocks import DownBlock2D, UpBlock2D

from .config_options import BRUSHNET_ASSUMED_DEFAULTS, BRUSHNET_IGNORED, refuse, unimplemented_options

WEIGHT_NAMES = ("diffusion_pytorch_model.safetensors", "diffusion_pytorch_model.bin")


@dataclass
class BrushNetConfig:
    """The subset of the shipped BrushNet ``config.json`` that shapes the network (other keys are kept verbatim)."""

    in_channels: int = 4
    conditioning_channels: int = 5
    flip_sin_to_cos: bool = True
    freq_shift: int = 0
    down_block_types: Tuple[str, ...] = ("DownBlock2D",) * 4
    mid_block_type: str = "MidBlock2D"
    up_block_types: Tuple[str, ...] = ("UpBlock2D",) * 4
    block_out_channels: Tuple[int, ...] = (320, 640, 1280, 1280)
    layers_per_block: int = 2
    downsample_padding: int = 1
    mid_block_scale_factor: float = 1.0
    act_fn: str = "silu"
    norm_num_groups: int = 32
    norm_eps: float = 1e-5
    resnet_time_scale_shift: str = "default"
    brushnet_conditioning_channel_order: str = "rgb"
    global_pool_conditions: bool = False
    class_embed_type: object = None
    addition_embed_type: object = None
    num_class_embeds: object = None
    encoder_hid_dim: object = None
    extra: dict = field(default_factory=dict)

    @classmethod
    def from_dict(cls, raw: dict) -> "BrushNetConfig":
        names = {f.name for f in fields(cls)} - {"extra"}
        known = {k: v for k, v in raw.items() if k in names}
        for key in ("down_block_types", "up_block_types", "block_out_channels"):
            if key in known:
                known[key] = tuple(known[key])
        cfg = cls(**known)
        cfg.extra = {k: v for k, v in raw.items() if k not in names}
        refuse("BrushNet config", unimplemented_options(cfg.extra, BRUSHNET_IGNORED, BRUSHNET_ASSUMED_DEFAULTS))
        cfg.validate()
        return cfg

    def to_dict(self) -> dict:
        out = dict(self.extra)
        for f in fields(self):
            if f.name != "extra":
                value = getattr(self, f.name)
                out[f.name] = list(value) if isinstance(value, tuple) else value
        out.setdefault("_class_name", "BrushNetModel")
        return out

    def validate(self) -> None:
        n = len(self.block_out_channels)
        if len(self.down_block_types) != n or len(self.up_block_types) != n:
            raise ValueError(f"BrushNet config: {len(self.down_block_types)} down blocks, "
                             f"{len(self.up_block_types)} up blocks and {n} block_out_channels; "
                             "expected the same number of each")
        bad = [t for t in self.down_block_types if t != "DownBlock2D"] + \
              [t for t in self.up_block_types if t != "UpBlock2D"]
        if bad:
            raise ValueError(f"BrushNet config: unsupported block types {bad}; the published BrushNet is "
                             "attention-free (DownBlock2D / UpBlock2D only)")
        if self.mid_block_type != "MidBlock2D":
            raise ValueError(f"BrushNet config: unsupported mid_block_type {self.mid_block_type!r}, "
                             "expected 'MidBlock2D'")
        for key in ("class_embed_type", "addition_embed_type", "num_class_embeds", "encoder_hid_dim"):
            if getattr(self, key) is not None:
                raise ValueError(f"BrushNet config: {key}={getattr(self, key)!r} is not supported for SD1.5 "
                                 "(expected null)")
        if self.global_pool_conditions:
            raise ValueError("BrushNet config: global_pool_conditions=true is not supported")
        if self.brushnet_conditioning_channel_order not in ("rgb", "bgr"):
            raise ValueError("BrushNet config: brushnet_conditioning_channel_order must be 'rgb' or 'bgr', was "
                             f"{self.brushnet_conditioning_channel_order!r}")


def feature_counts(cfg: BrushNetConfig) -> Tuple[int, int]:
    """(number of down features, number of up features); 12 and 15 for SD1.5."""
    n = len(cfg.block_out_channels)
    down = 1 + n * cfg.layers_per_block + (n - 1)
    up = n * (cfg.layers_per_block + 1) + (n - 1)
    return down, up


def _zero_conv(channels: int) -> nn.Conv2d:
    conv = nn.Conv2d(channels, channels, kernel_size=1)
    nn.init.zeros_(conv.weight)
    nn.init.zeros_(conv.bias)
    return conv


class _ResnetMid(nn.Module):
    """BrushNet's attention-free mid block: two resnets in sequence (``mid_block.resnets.{0,1}``)."""

    def __init__(self, channels: int, temb: int, cfg: BrushNetConfig):
        super().__init__()
        self.resnets = nn.ModuleList([
            ResnetBlock2D(in_channels=channels, out_channels=channels, temb_channels=temb, eps=cfg.norm_eps,
                          groups=cfg.norm_num_groups, time_embedding_norm=cfg.resnet_time_scale_shift,
                          non_linearity=cfg.act_fn, output_scale_factor=cfg.mid_block_scale_factor)
            for _ in range(2)])

    def forward(self, h: torch.Tensor, emb: torch.Tensor) -> torch.Tensor:
        for resnet in self.resnets:
            h = resnet(h, emb)
        return h


class BrushNet(nn.Module):
    """The BrushNet branch. ``forward`` returns (down features, mid feature, up features), already scaled."""

    def __init__(self, cfg: BrushNetConfig):
        super().__init__()
        cfg.validate()
        self.cfg = cfg
        ch = list(cfg.block_out_channels)
        temb = ch[0] * 4
        self.conv_in_condition = nn.Conv2d(cfg.in_channels + cfg.conditioning_channels, ch[0], 3, padding=1)
        self.time_proj = Timesteps(ch[0], cfg.flip_sin_to_cos, cfg.freq_shift)
        self.time_embedding = TimestepEmbedding(ch[0], temb, act_fn=cfg.act_fn)

        self.down_blocks = nn.ModuleList()
        self.brushnet_down_blocks = nn.ModuleList([_zero_conv(ch[0])])
        out = ch[0]
        for i in range(len(ch)):
            last = i == len(ch) - 1
            inp, out = out, ch[i]
            self.down_blocks.append(DownBlock2D(
                in_channels=inp, out_channels=out, temb_channels=temb, num_layers=cfg.layers_per_block,
                resnet_eps=cfg.norm_eps, resnet_time_scale_shift=cfg.resnet_time_scale_shift,
                resnet_act_fn=cfg.act_fn, resnet_groups=cfg.norm_num_groups, add_downsample=not last,
                downsample_padding=cfg.downsample_padding))
            for _ in range(cfg.layers_per_block + (0 if last else 1)):
                self.brushnet_down_blocks.append(_zero_conv(out))

        self.mid_block = _ResnetMid(ch[-1], temb, cfg)
        self.brushnet_mid_block = _zero_conv(ch[-1])

        self.up_blocks = nn.ModuleList()
        self.brushnet_up_blocks = nn.ModuleList()
        rev = list(reversed(ch))
        out = rev[0]
        for i in range(len(rev)):
            last = i == len(rev) - 1
            prev, out = out, rev[i]
            inp = rev[min(i + 1, len(rev) - 1)]
            self.up_blocks.append(UpBlock2D(
                in_channels=inp, prev_output_channel=prev, out_channels=out, temb_channels=temb,
                resolution_idx=i, num_layers=cfg.layers_per_block + 1, resnet_eps=cfg.norm_eps,
                resnet_time_scale_shift=cfg.resnet_time_scale_shift, resnet_act_fn=cfg.act_fn,
                resnet_groups=cfg.norm_num_groups, add_upsample=not last))
            for _ in range(cfg.layers_per_block + 1 + (0 if last else 1)):
                self.brushnet_up_blocks.append(_zero_conv(out))

    # ------------------------------------------------------------------ loading
    @classmethod
    def from_pretrained(cls, folder: str, dtype: torch.dtype = torch.float32) -> "BrushNet":
        """Loads a BrushNet checkpoint folder (config.json + diffusion_pytorch_model.safetensors|.bin), strictly."""
        cfg_path = os.path.join(folder, "config.json")
        if not os.path.isfile(cfg_path):
            raise FileNotFoundError(f"BrushNet checkpoint {folder!r}: config.json not found")
        with open(cfg_path, encoding="utf-8") as f:
            cfg = BrushNetConfig.from_dict(json.load(f))
        model = cls(cfg)
        model.load_state_dict(load_state_dict_file(folder), strict=True)
        return model.to(dtype).eval()

    def save_pretrained(self, folder: str) -> None:
        """Writes config.json and diffusion_pytorch_model.safetensors in the shipped layout."""
        from safetensors.torch import save_file
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "config.json"), "w", encoding="utf-8") as f:
            json.dump(self.cfg.to_dict(), f, indent=2, sort_keys=True)
        save_file({k: v.contiguous() for k, v in self.state_dict().items()},
                  os.path.join(folder, WEIGHT_NAMES[0]))

    # ------------------------------------------------------------------ forward
    def forward(self, sample: torch.Tensor, timestep: torch.Tensor, brushnet_cond: torch.Tensor,
                conditioning_scale: torch.Tensor) -> Tuple[List[torch.Tensor], torch.Tensor, List[torch.Tensor]]:
        """sample [b,4,h,w]; timestep scalar, [1] or [b]; brushnet_cond [b,5,h,w]; conditioning_scale scalar or [1]."""
        if self.cfg.brushnet_conditioning_channel_order == "bgr":
            brushnet_cond = torch.flip(brushnet_cond, dims=[1])
        emb = time_embedding(self.time_proj, self.time_embedding, timestep, sample)

        h = self.conv_in_condition(torch.cat([sample, brushnet_cond], dim=1))
        skips = [h]
        for block in self.down_blocks:
            for resnet in block.resnets:
                h = resnet(h, emb)
                skips.append(h)
            if block.downsamplers is not None:
                for down in block.downsamplers:
                    h = down(h)
                skips.append(h)
        down_feats = [conv(s) for s, conv in zip(skips, self.brushnet_down_blocks)]

        h = self.mid_block(h, emb)
        mid_feat = self.brushnet_mid_block(h)

        up_raw = []
        for i, block in enumerate(self.up_blocks):
            n = len(block.resnets)
            res, skips = skips[-n:], skips[:-n]
            size = skips[-1].shape[2:] if block.upsamplers is not None else None
            for resnet in block.resnets:
                h = resnet(torch.cat([h, res.pop()], dim=1), emb)
                up_raw.append(h)
            if block.upsamplers is not None:
                for up in block.upsamplers:
                    h = up(h, size)
                up_raw.append(h)
        up_feats = [conv(s) for s, conv in zip(up_raw, self.brushnet_up_blocks)]

        scale = conditioning_scale.to(sample.dtype).reshape(-1)[0] if torch.is_tensor(conditioning_scale) \
            else conditioning_scale
        return [f * scale for f in down_feats], mid_feat * scale, [f * scale for f in up_feats]


def time_embedding(proj: nn.Module, embed: nn.Module, timestep, sample: torch.Tensor) -> torch.Tensor:
    """Sinusoidal projection + MLP of the timestep, broadcast over the batch of ``sample`` (as diffusers does)."""
    if not torch.is_tensor(timestep):
        timestep = torch.tensor([timestep], dtype=torch.float32, device=sample.device)
    t = timestep.reshape(-1).expand(sample.shape[0])
    return embed(proj(t).to(sample.dtype))


def load_state_dict_file(folder: str) -> dict:
    """Reads the weights file of a diffusers-style model folder (safetensors preferred)."""
    for name in WEIGHT_NAMES:
        path = os.path.join(folder, name)
        if os.path.isfile(path):
            if name.endswith(".safetensors"):
                from safetensors.torch import load_file
                return load_file(path)
            return torch.load(path, map_location="cpu", weights_only=True)
    raise FileNotFoundError(f"checkpoint {folder!r}: none of {WEIGHT_NAMES} found")


def randomize_(module: nn.Module, seed: int, std: float = 0.2) -> nn.Module:
    """Overwrites every parameter with seeded N(0, std^2) values (norm weights around 1), for test models."""
    gen = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for name, p in sorted(module.named_parameters()):
            noise = torch.randn(p.shape, generator=gen, dtype=torch.float32) * std
            base = 1.0 if ("norm" in name and name.endswith("weight")) else 0.0
            p.copy_((noise + base).to(p.dtype))
    return module
