"""Cross-attention probabilities as extra UNet graph outputs (what ZONE reads to localise an edit).

ZONE (lsl001006/ZONE) records, at every step, the softmax probabilities of the cross-attention layers of the
InstructPix2Pix UNet and builds its coarse mask from those of the up and down blocks whose maps are 1/32 of the
image: in SD1.5's topology the two transformers of ``down_blocks[2]`` and the three of ``up_blocks[1]`` (latent
size / 4). ``UNetWithCrossAttention`` is the plain UNet forward that also returns them, named
``cross_attention_down_2_0`` .. and ``cross_attention_up_1_0`` .., each [batch * heads, pixels, tokens]
(rows batch-major as diffusers' ``head_to_batch_dim`` lays them out), in ZONE's order: up blocks first, then down.
"""

from __future__ import annotations

from typing import List, Tuple

import torch
from torch import nn


def zone_layers(unet) -> List[Tuple[str, object]]:
    """(output name, Attention module) of the cross-attention layers ZONE reads, in its order (up, then down)."""
    n_down = len(unet.down_blocks)
    layers = []
    # the blocks at latent / 4: down block 2 (after two down-samplers), up block n_down - 3 (before its up-sampler)
    for kind, index in (("up", n_down - 3), ("down", 2)):
        block = (unet.up_blocks if kind == "up" else unet.down_blocks)[index]
        for j, transformer in enumerate(getattr(block, "attentions", [])):
            for blk in transformer.transformer_blocks:
                layers.append((f"cross_attention_{kind}_{index}_{j}", blk.attn2))
    if not layers:
        raise ValueError("the UNet has no cross-attention layers at 1/32 of the image size")
    return layers


class UNetWithCrossAttention(nn.Module):
    """The plain UNet graph (sample, timestep, encoder_hidden_states -> out_sample) plus ZONE's attention maps."""

    def __init__(self, unet):
        super().__init__()
        from diffusers.models.attention_processor import AttnProcessor
        self.unet = unet
        self.layers = zone_layers(unet)
        self.names = [name for name, _ in self.layers]
        self._captured: List[torch.Tensor] = []
        for _, attn in self.layers:
            attn.set_processor(AttnProcessor())  # eager: the probabilities exist as a tensor
            original = attn.get_attention_scores

            def capture(query, key, attention_mask=None, _original=original):
                probs = _original(query, key, attention_mask)
                self._captured.append(probs)
                return probs

            attn.get_attention_scores = capture

    def forward(self, sample, timestep, encoder_hidden_states):
        self._captured.clear()
        out = self.unet(sample, timestep, encoder_hidden_states, return_dict=False)[0]
        by_module = list(self._captured)
        self._captured.clear()
        # forward order is down, mid, up; ZONE's order is up, then down
        down = by_module[:sum(1 for n in self.names if "_down_" in n)]
        up = by_module[len(down):]
        return (out, *up, *down)
