"""MimicBrush (reference-imitating inpainting) as three ONNX graphs; see CONTRACT.md, "MimicBrush folders".

MimicBrush pairs two SD1.5-topology UNets. The *reference* UNet runs on the reference image's latents and
keeps, in every transformer block of its middle and up path, the normalised hidden states that enter the
block's self-attention. The *imitative* UNet (13 input channels) denoises the target; in the same blocks its
self-attention for the conditional half of the guidance batch also attends to the reference's stored
states, and the result is averaged with its plain self-attention. The unconditional half sees plain
self-attention only. Text embeddings are replaced by image-prompt embeddings (CLIP vision features
projected by a linear layer), and four extra input channels carry a depth feature (a depth estimator's map
through a small convolutional guider).

This module writes our own PyTorch wrappers for those pieces (they reuse diffusers' ``Attention`` weights,
not MimicBrush's code) so that the reference states never leave the ONNX Runtime session:

* ``mimicbrush_unet``: reference UNet + imitative UNet for one denoising step;
* ``image_encoder``: CLIP vision penultimate hidden states -> projection;
* ``depth``: depth estimator -> guider.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from typing import Dict, List, Optional

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from . import tiny

log = logging.getLogger("brushedit_export")

SIZE = 512  # MimicBrush works on 512 x 512 squares; its guider resizes the depth map to this size
DEPTH_INPUT = 518  # Depth Anything's input side for a square image (37 patches of 14)
CLIP_INPUT = 224
REFERENCE_WEIGHT = 0.5  # weight of the reference-reading attention against plain self-attention

# MimicBrush's inference scheduler: its demo builds DDIM with SD1.5's betas and these flags
DDIM_SCHEDULER = {k: v for k, v in tiny.SD15_SCHEDULER.items() if k not in ("_diffusers_version", "skip_prk_steps")}
DDIM_SCHEDULER["_class_name"] = "DDIMScheduler"


# ------------------------------------------------------------------ attention with a reference bank
def _attend(attn, x: torch.Tensor, context: torch.Tensor) -> torch.Tensor:
    """Attention with the query from ``x`` and keys and values from ``context``, without residual.

    Written as diffusers' SDPA processor writes it (heads split as [b, heads, tokens, d], then
    ``F.scaled_dot_product_attention``), so that the exporter's fused-attention rewrite (fuse_attention.py) turns
    it into one MultiHeadAttention node: for the reference-reading form, K and V are the projections of the
    concatenated [own; reference] tokens, computed before the op. Same result as diffusers' eager attention
    (softmax(q k^T * attn.scale) v) up to float rounding."""
    b = x.shape[0]
    q, k, v = attn.to_q(x), attn.to_k(context), attn.to_v(context)
    d = k.shape[-1] // attn.heads
    q, k, v = (t.view(b, -1, attn.heads, d).transpose(1, 2) for t in (q, k, v))
    # SDPA's default scale is 1/sqrt(d); pass attn.scale only when it differs (a numeric scale fuses too)
    scale = None if abs(attn.scale - d ** -0.5) < 1e-12 else attn.scale
    out = F.scaled_dot_product_attention(q, k, v, dropout_p=0.0, is_causal=False, scale=scale)
    out = out.transpose(1, 2).reshape(b, -1, attn.heads * d)
    return attn.to_out[1](attn.to_out[0](out))


class _Bank:
    """The reference UNet's states by block name, filled by the writers and read by the readers of one step."""

    def __init__(self):
        self.states: Dict[str, torch.Tensor] = {}


class _Writer:
    """Self-attention processor of the reference UNet: stores its (normalised) input, then attends as usual."""

    def __init__(self, bank: _Bank, name: str):
        self.bank, self.name = bank, name

    def __call__(self, attn, hidden_states, encoder_hidden_states=None, attention_mask=None, temb=None, **kw):
        self.bank.states[self.name] = hidden_states
        return _attend(attn, hidden_states, hidden_states)


class _Reader:
    """Self-attention processor of the imitative UNet for a guidance batch [unconditional; conditional].

    The conditional half averages attention over [own tokens, reference tokens] with plain self-attention;
    the unconditional half uses plain self-attention.
    """

    def __init__(self, bank: _Bank, name: str):
        self.bank, self.name = bank, name

    def __call__(self, attn, hidden_states, encoder_hidden_states=None, attention_mask=None, temb=None, **kw):
        ref = self.bank.states[self.name]
        plain = _attend(attn, hidden_states, hidden_states)
        half = hidden_states.shape[0] // 2
        own = hidden_states[half:]
        mixed = _attend(attn, own, torch.cat([own, ref.expand(own.shape[0], -1, -1)], dim=1))
        cond = mixed * REFERENCE_WEIGHT + plain[half:] * (1 - REFERENCE_WEIGHT)
        return torch.cat([plain[:half], cond], dim=0)


def fusion_blocks(unet) -> List[tuple]:
    """(name, self-attention module) of every transformer block in the middle block and the up blocks."""
    found = []
    for prefix, root in (("mid_block", unet.mid_block), ("up_blocks", unet.up_blocks)):
        for name, module in root.named_modules():
            if module.__class__.__name__ == "BasicTransformerBlock":
                found.append((f"{prefix}.{name}", module.attn1))
    if not found:
        raise ValueError("the UNet has no transformer blocks in its middle and up path")
    return found


class MimicBrushStep(nn.Module):
    """One denoising step: the reference UNet at ``timestep`` on ``reference_latents`` with the conditional
    image-prompt embeddings, then the imitative UNet on the guidance batch, reading the reference states."""

    def __init__(self, unet, reference_unet):
        super().__init__()
        self.unet, self.reference_unet = unet, reference_unet
        self.bank = _Bank()
        readers, writers = fusion_blocks(unet), fusion_blocks(reference_unet)
        if [n for n, _ in readers] != [n for n, _ in writers]:
            raise ValueError("the reference UNet's middle and up blocks differ from the imitative UNet's")
        for name, attn in readers:
            attn.set_processor(_Reader(self.bank, name))
        for name, attn in writers:
            attn.set_processor(_Writer(self.bank, name))

    def forward(self, sample, timestep, encoder_hidden_states, reference_latents):
        self.bank.states.clear()
        half = encoder_hidden_states.shape[0] // 2
        cond = encoder_hidden_states[half:half + reference_latents.shape[0]]
        self.reference_unet(reference_latents, timestep, cond, return_dict=False)  # fills the bank
        out = self.unet(sample, timestep, encoder_hidden_states, return_dict=False)[0]
        self.bank.states.clear()
        return out


# ------------------------------------------------------------------ image prompt and depth
class ImagePromptEncoder(nn.Module):
    """CLIP vision hidden states of the penultimate layer, projected to the UNet's cross-attention width."""

    def __init__(self, vision, projection: nn.Linear):
        super().__init__()
        self.vision, self.projection = vision, projection

    def forward(self, pixel_values):
        hidden = self.vision(pixel_values=pixel_values, output_hidden_states=True).hidden_states[-2]
        return self.projection(hidden)


class DepthGuider(nn.Module):
    """A depth map [b, 1, H, W] -> latent-sized feature [b, 4, 64, 64]: bilinear (corners aligned) to 512,
    then 3x3 convolutions with SiLU, every second one of stride 2. Parameter names follow MimicBrush's
    checkpoint (conv_in, blocks.N, conv_out)."""

    def __init__(self, channels=(16, 32, 64, 128), out_channels: int = 4, size: int = SIZE):
        super().__init__()
        self.size = size
        self.conv_in = nn.Conv2d(1, channels[0], 3, padding=1)
        blocks = []
        for c_in, c_out in zip(channels[:-1], channels[1:]):
            blocks.append(nn.Conv2d(c_in, c_in, 3, padding=1))
            blocks.append(nn.Conv2d(c_in, c_out, 3, padding=1, stride=2))
        self.blocks = nn.ModuleList(blocks)
        self.conv_out = nn.Conv2d(channels[-1], out_channels, 3, padding=1)

    def forward(self, depth):
        x = F.interpolate(depth, size=(self.size, self.size), mode="bilinear", align_corners=True)
        x = F.silu(self.conv_in(x))
        for block in self.blocks:
            x = F.silu(block(x))
        return self.conv_out(x)


class DepthBranch(nn.Module):
    """Depth estimator (transformers' Depth Anything: relative depth [b, H, W]) followed by the guider."""

    def __init__(self, estimator, guider: DepthGuider):
        super().__init__()
        self.estimator, self.guider = estimator, guider

    def forward(self, pixel_values):
        depth = self.estimator(pixel_values=pixel_values).predicted_depth.unsqueeze(1)
        return self.guider(depth)


# ------------------------------------------------------------------ components and export
@dataclass
class MimicBrushComponents:
    unet: object  # imitative UNet2DConditionModel, 13 input channels
    reference_unet: object  # UNet2DConditionModel, 4 input channels
    vae: object
    image_encoder: object  # CLIPVisionModelWithProjection (or CLIPVisionModel)
    image_projection: nn.Linear
    depth_guider: DepthGuider
    depth_estimator: Optional[object] = None  # DepthAnythingForDepthEstimation; None = no depth/ graph
    scheduler_config: dict = field(default_factory=lambda: dict(DDIM_SCHEDULER))
    source: str = ""


def load_mimicbrush(checkpoint: str, inpainting_unet: str, reference_unet: str, vae: str, image_encoder: str,
                    depth_model: Optional[str]) -> MimicBrushComponents:
    """Loads MimicBrush's release: ``checkpoint`` is its ``mimicbrush.bin`` (keys unet, referencenet,
    image_proj, image_encoder, depth_guider); the configs come from the SD inpainting UNet folder, the SD1.5
    UNet folder, the VAE folder (sd-vae-ft-mse), the CLIP image encoder folder and the Depth Anything folder in
    transformers' layout (LiheYoung/depth-anything-base-hf holds depth_anything_vitb14's weights)."""
    from diffusers import AutoencoderKL, UNet2DConditionModel
    from transformers import CLIPVisionModelWithProjection

    state = torch.load(checkpoint, map_location="cpu", weights_only=True)
    missing = [k for k in ("unet", "referencenet", "image_proj", "image_encoder", "depth_guider") if k not in state]
    if missing:
        raise ValueError(f"{checkpoint!r} is not a MimicBrush checkpoint: it lacks {missing}")
    unet = UNet2DConditionModel.from_config(UNet2DConditionModel.load_config(inpainting_unet), in_channels=13)
    unet.load_state_dict(state["unet"])
    ref = UNet2DConditionModel.from_config(UNet2DConditionModel.load_config(reference_unet))
    # MimicBrush's reference net drops the layers after the last stored state (they never reach an output)
    ref.load_state_dict(state["referencenet"], strict=False)
    enc = CLIPVisionModelWithProjection.from_pretrained(image_encoder, torch_dtype=torch.float32)
    enc.load_state_dict(state["image_encoder"])
    proj_w = state["image_proj"]["projector.weight"]
    projection = nn.Linear(proj_w.shape[1], proj_w.shape[0])
    projection.load_state_dict({"weight": proj_w, "bias": state["image_proj"]["projector.bias"]})
    guider_state = state["depth_guider"]
    chans = [guider_state["conv_in.weight"].shape[0]] + [
        guider_state[f"blocks.{i}.weight"].shape[0] for i in range(1, 64, 2) if f"blocks.{i}.weight" in guider_state]
    guider = DepthGuider(tuple(chans), guider_state["conv_out.weight"].shape[0])
    guider.load_state_dict(guider_state)
    estimator = None
    if depth_model:
        from transformers import DepthAnythingForDepthEstimation
        estimator = DepthAnythingForDepthEstimation.from_pretrained(depth_model, torch_dtype=torch.float32)
    return MimicBrushComponents(unet=unet.eval(), reference_unet=ref.eval(),
                                vae=AutoencoderKL.from_pretrained(vae, torch_dtype=torch.float32).eval(),
                                image_encoder=enc.eval(), image_projection=projection.eval(),
                                depth_guider=guider.eval(), depth_estimator=None if estimator is None else estimator.eval(),
                                source=os.path.abspath(checkpoint))


def write_step_graph(ex, unet, reference_unet, tokens: int) -> None:
    """Writes ``mimicbrush_unet/`` (the fused step graph and its config) through the exporter ``ex``;
    ``tokens`` is the image-prompt length (257 for CLIP at 224 with 14-pixel patches)."""
    from .exporter import _cast

    opts = ex.o
    h, w = opts.latent_hw
    unet, ref = _cast(unet, ex.dt, opts.device), _cast(reference_unet, ex.dt, opts.device)
    d = unet.config.cross_attention_dim
    args = (ex.rand(2, 13, h, w), torch.tensor([601.0], device=opts.device), ex.rand(2, tokens, d), ex.rand(1, 4, h, w))
    ex.graph("mimicbrush_unet", MimicBrushStep(unet, ref), args,
             ["sample", "timestep", "encoder_hidden_states", "reference_latents"], ["out_sample"],
             {"sample": {0: "batch_size", 2: "height", 3: "width"}, "timestep": {},
              "encoder_hidden_states": {0: "batch_size", 1: "sequence_length"},
              "reference_latents": {0: "reference_batch", 2: "height", 3: "width"},
              "out_sample": {0: "batch_size", 2: "height", 3: "width"}})
    cfg = ex.config_dict(unet.config)
    cfg["_class_name"] = "UNet2DConditionModel"
    cfg["reference_unet"] = ex.config_dict(ref.config)
    cfg["reference_weight"] = REFERENCE_WEIGHT
    cfg["fusion_blocks"] = [n for n, _ in fusion_blocks(unet)]
    ex.write_json("mimicbrush_unet/config.json", cfg)


def export_mimicbrush(comps: MimicBrushComponents, out_dir: str, opts, depth_graph: bool = True) -> object:
    """Writes the MimicBrush folder (CONTRACT.md) into ``out_dir``; returns the exporter's result.

    depth_graph: False leaves out depth/ (a smaller folder that cannot keep shapes); the estimator is still
    needed once, for the feature used without shape control."""
    from .exporter import Components, _Exporter, _cast

    if comps.unet.config.in_channels != 13:
        raise ValueError(f"MimicBrush's imitative UNet has 13 input channels, this one has {comps.unet.config.in_channels}")
    if comps.reference_unet.config.in_channels != 4:
        raise ValueError("MimicBrush's reference UNet has 4 input channels, this one has "
                         f"{comps.reference_unet.config.in_channels}")
    ex = _Exporter(Components(unet=None, text_encoder=None, vae=comps.vae, scheduler_config=comps.scheduler_config,
                              pipeline_class="MimicBrushPipeline"), out_dir, opts)
    os.makedirs(out_dir, exist_ok=True)
    dt = ex.dt
    ex.vae()
    tokens = (CLIP_INPUT // comps.image_encoder.config.patch_size) ** 2 + 1
    write_step_graph(ex, comps.unet, comps.reference_unet, tokens)
    enc = ImagePromptEncoder(_cast(comps.image_encoder, dt, opts.device), _cast(comps.image_projection, dt, opts.device))
    ex.graph("image_encoder", enc, (ex.rand(1, 3, CLIP_INPUT, CLIP_INPUT),), ["pixel_values"], ["image_embeds"],
             {"pixel_values": {0: "batch_size"}, "image_embeds": {0: "batch_size"}})
    ecfg = ex.config_dict(comps.image_encoder.config.to_dict())
    ecfg["projection"] = {"in_features": comps.image_projection.in_features,
                          "out_features": comps.image_projection.out_features}
    ecfg["hidden_states_layer"] = -2
    ex.write_json("image_encoder/config.json", ecfg)

    guider = _cast(comps.depth_guider, dt, opts.device)
    blank = np.ascontiguousarray(_blank_depth_feature(comps, dt, opts.device), dtype="<f4")
    gcfg = {"channels": [guider.conv_in.out_channels] + [b.out_channels for b in guider.blocks[1::2]],
            "size": guider.size, "input_size": DEPTH_INPUT, "blank_feature_shape": list(blank.shape),
            "depth_graph": bool(depth_graph)}
    os.makedirs(os.path.join(out_dir, "depth_guider"), exist_ok=True)
    blank.tofile(os.path.join(out_dir, "depth_guider", "blank_feature.f32"))
    ex.write_json("depth_guider/config.json", gcfg)
    if depth_graph:
        branch = DepthBranch(_cast(comps.depth_estimator, dt, opts.device), guider)
        ex.graph("depth", branch, (ex.rand(1, 3, DEPTH_INPUT, DEPTH_INPUT),), ["pixel_values"], ["depth_feature"],
                 {"pixel_values": {0: "batch_size"}, "depth_feature": {0: "batch_size"}})
        ex.write_json("depth/config.json", ex.config_dict(comps.depth_estimator.config.to_dict()))
    ex.write_json("scheduler/scheduler_config.json", comps.scheduler_config)
    _model_index(ex, comps, opts, depth_graph)
    return ex.result


def _blank_depth_feature(comps: MimicBrushComponents, dt, device) -> np.ndarray:
    """The depth feature without shape control: MimicBrush zeroes the depth input, so it is the depth branch
    on a zero image, a constant of the checkpoint (float32 [1, 4, 64, 64]). Without a depth estimator the
    guider alone cannot produce it, so an estimator is required here."""
    if comps.depth_estimator is None:
        raise ValueError("the depth estimator is needed once at export time, for the feature used without shape control")
    from .exporter import _cast
    branch = DepthBranch(_cast(comps.depth_estimator, dt, device), _cast(comps.depth_guider, dt, device)).eval()
    with torch.no_grad():
        out = branch(torch.zeros(1, 3, DEPTH_INPUT, DEPTH_INPUT, dtype=dt, device=device))
    return out.float().cpu().numpy()


def _model_index(ex, comps: MimicBrushComponents, opts, depth_graph: bool) -> None:
    from . import __version__
    from .exporter import CONTRACT_VERSION
    index = {
        "_class_name": "MimicBrushPipeline",
        "scheduler": ["diffusers", comps.scheduler_config.get("_class_name", "DDIMScheduler")],
        "vae_decoder": ["diffusers", "AutoencoderKL"],
        "vae_encoder": ["diffusers", "AutoencoderKL"],
        "brushedit": {
            "contract": CONTRACT_VERSION, "precision": opts.precision, "flavour": opts.flavour, "opset": opts.opset,
            "mimicbrush": True, "depth": bool(depth_graph),
            "source": opts.source or comps.source, "exporter": f"brushedit_export {__version__}",
        },
    }
    ex.write_json("model_index.json", index)


def main(argv=None) -> int:
    """python -m brushedit_export.mimicbrush CHECKPOINT OUT_DIR --inpainting-unet DIR --reference-unet DIR ..."""
    import argparse

    from .exporter import ExportOptions
    p = argparse.ArgumentParser(prog="python -m brushedit_export.mimicbrush",
                                description="Export MimicBrush's release to the brushedit ONNX folder (CONTRACT.md, "
                                            "MimicBrush folders).")
    p.add_argument("checkpoint", help="MimicBrush's mimicbrush.bin")
    p.add_argument("out_dir")
    p.add_argument("--inpainting-unet", required=True, help="stable-diffusion-inpainting's unet/ folder (config)")
    p.add_argument("--reference-unet", required=True, help="stable-diffusion-v1-5's unet/ folder (config)")
    p.add_argument("--vae", required=True, help="sd-vae-ft-mse folder")
    p.add_argument("--image-encoder", required=True, help="IP-Adapter's CLIP ViT-H image_encoder folder")
    p.add_argument("--depth-model", required=True,
                   help="Depth Anything in transformers' layout (LiheYoung/depth-anything-base-hf = depth_anything_vitb14)")
    p.add_argument("--no-depth-graph", dest="depth_graph", action="store_false",
                   help="leave out depth/ (smaller; the folder then cannot keep shapes)")
    p.add_argument("--precision", choices=("fp32", "fp16"), default="fp32")
    p.add_argument("--opset", type=int, default=17)
    p.add_argument("--external-data", choices=("auto", "always", "never"), default="auto")
    p.add_argument("--no-fused-attention", dest="fused_attention", action="store_false",
                   help="keep attention as MatMul/Softmax/MatMul (default: ONNX Runtime MultiHeadAttention, CONTRACT.md)")
    p.add_argument("--no-verify", dest="verify", action="store_false")
    p.add_argument("--device", default="cpu")
    a = p.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    comps = load_mimicbrush(a.checkpoint, a.inpainting_unet, a.reference_unet, a.vae, a.image_encoder, a.depth_model)
    opts = ExportOptions(precision=a.precision, opset=a.opset, external_data=a.external_data, verify=a.verify,
                         fused_attention=a.fused_attention, device=a.device, latent_hw=(64, 64), source=os.path.abspath(a.checkpoint))
    print(export_mimicbrush(comps, a.out_dir, opts, depth_graph=a.depth_graph).summary())
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main())
