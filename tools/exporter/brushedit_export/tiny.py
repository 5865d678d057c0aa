"""Tiny random-weight SD1.5-topology models for tests and the Java stand-in graphs.

Block topology is SD1.5's (3 CrossAttnDownBlock2D + DownBlock2D, layers_per_block 2, cross-attention mid
block, UpBlock2D + 3 CrossAttnUpBlock2D; BrushNet therefore yields 12 down, 1 mid and 15 up features), with
tiny channel counts. The text encoder keeps CLIP's 49408-token vocabulary and 77 positions.
"""

from __future__ import annotations

import torch

from .brushnet import BrushNet, BrushNetConfig, randomize_

BLOCKS = (8, 16, 16, 16)
GROUPS = 4
TEXT_HIDDEN = 8

SD15_SCHEDULER = {
    "_class_name": "PNDMScheduler",
    "_diffusers_version": "0.6.0",
    "beta_end": 0.012,
    "beta_schedule": "scaled_linear",
    "beta_start": 0.00085,
    "clip_sample": False,
    "num_train_timesteps": 1000,
    "set_alpha_to_one": False,
    "skip_prk_steps": True,
    "steps_offset": 1,
    "trained_betas": None,
}

# timbrooks/instruct-pix2pix's scheduler/scheduler_config.json (MagicBrush ships the same): Euler ancestral,
# SD1.5's betas; timestep_spacing is absent, so each scheduler uses its own default (linspace for Euler).
IP2P_SCHEDULER = {
    "_class_name": "EulerAncestralDiscreteScheduler",
    "_diffusers_version": "0.12.0.dev0",
    "beta_end": 0.012,
    "beta_schedule": "scaled_linear",
    "beta_start": 0.00085,
    "num_train_timesteps": 1000,
    "prediction_type": "epsilon",
    "steps_offset": 1,
    "trained_betas": None,
}


def tiny_unet(in_channels: int = 4, seed: int = 1):
    from diffusers import UNet2DConditionModel
    torch.manual_seed(seed)
    unet = UNet2DConditionModel(
        sample_size=8, in_channels=in_channels, out_channels=4, block_out_channels=BLOCKS, layers_per_block=2,
        down_block_types=("CrossAttnDownBlock2D",) * 3 + ("DownBlock2D",),
        up_block_types=("UpBlock2D",) + ("CrossAttnUpBlock2D",) * 3,
        norm_num_groups=GROUPS, cross_attention_dim=TEXT_HIDDEN, attention_head_dim=2)
    return randomize_(unet, seed, std=0.15).eval()


def tiny_text_encoder(seed: int = 2):
    from transformers import CLIPTextConfig, CLIPTextModel
    torch.manual_seed(seed)
    cfg = CLIPTextConfig(vocab_size=49408, hidden_size=TEXT_HIDDEN, intermediate_size=16, num_hidden_layers=2,
                         num_attention_heads=2, max_position_embeddings=77, hidden_act="quick_gelu",
                         bos_token_id=0, eos_token_id=2, projection_dim=TEXT_HIDDEN)
    return CLIPTextModel(cfg).eval()


def tiny_vae(seed: int = 3):
    from diffusers import AutoencoderKL
    torch.manual_seed(seed)
    return AutoencoderKL(in_channels=3, out_channels=3, down_block_types=("DownEncoderBlock2D",) * 4,
                         up_block_types=("UpDecoderBlock2D",) * 4, block_out_channels=BLOCKS, layers_per_block=1,
                         latent_channels=4, norm_num_groups=GROUPS, sample_size=64, scaling_factor=0.18215).eval()


def tiny_brushnet_config() -> BrushNetConfig:
    return BrushNetConfig(block_out_channels=BLOCKS, norm_num_groups=GROUPS,
                          extra={"cross_attention_dim": TEXT_HIDDEN, "attention_head_dim": 2,
                                 "conditioning_embedding_out_channels": [16, 32, 96, 256]})


def tiny_brushnet(seed: int = 4) -> BrushNet:
    """Random weights everywhere, including the zero convolutions (else every feature would be 0)."""
    return randomize_(BrushNet(tiny_brushnet_config()), seed, std=0.15).eval()
