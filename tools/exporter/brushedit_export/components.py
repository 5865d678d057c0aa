"""The export wrappers: one small nn.Module per graph, with the exact input/output names of the contract."""

from __future__ import annotations

import torch
from torch import nn


class TextEncoderGraph(nn.Module):
    """input_ids -> (last_hidden_state, pooler_output)."""

    def __init__(self, text_encoder):
        super().__init__()
        # eager attention: the SDPA path exports mixed float32/float16 types in fp16 graphs
        if hasattr(text_encoder, "set_attn_implementation"):
            text_encoder.set_attn_implementation("eager")
        self.text_encoder = text_encoder

    def forward(self, input_ids):
        out = self.text_encoder(input_ids=input_ids, return_dict=True)
        return out.last_hidden_state, out.pooler_output


class PlainUNetGraph(nn.Module):
    """diffusers' own UNet forward (as optimum and the legacy script export it): -> out_sample."""

    def __init__(self, unet):
        super().__init__()
        self.unet = unet

    def forward(self, sample, timestep, encoder_hidden_states):
        return self.unet(sample, timestep, encoder_hidden_states, return_dict=False)[0]


class VaeEncoderParameters(nn.Module):
    """optimum flavour: image in [-1, 1] -> latent_parameters = concat(mean, logvar) (unscaled)."""

    def __init__(self, vae):
        super().__init__()
        self.vae = vae

    def forward(self, sample):
        return self.vae.encode(sample, return_dict=False)[0].parameters


class VaeEncoderSampled(nn.Module):
    """legacy flavour: image -> latent_sample = mean + std * N(0, 1), sampled inside the graph (unscaled)."""

    def __init__(self, vae):
        super().__init__()
        self.vae = vae

    def forward(self, sample):
        dist = self.vae.encode(sample, return_dict=False)[0]
        return dist.mean + dist.std * torch.randn_like(dist.mean)


class VaeDecoderGraph(nn.Module):
    """latent_sample (unscaled) -> sample (image in about [-1, 1])."""

    def __init__(self, vae):
        super().__init__()
        self.vae = vae

    def forward(self, latent_sample):
        return self.vae.decode(latent_sample, return_dict=False)[0]
