"""Writes the Java tests' stand-in ONNX folders (brushedit-models/src/test/resources/standins/).

Run from tools/exporter:  python make_standins.py [--out DIR] [--only NAME ...]
Everything is seeded; see standins/README.md for the exact configurations.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys

import diffusers
import torch

from brushedit_export import tiny
from brushedit_export.exporter import Components, ExportOptions, _Exporter, export_folder, pipeline_for_unet

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, "..", "..", "brushedit-models", "src", "test", "resources", "standins")
TOKENIZER = os.environ.get(
    "BRUSHEDIT_TOKENIZER",
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "fixtures", "clip-tokenizer"))

STANDINS = {
    # name: (unet in_channels, brushnet?, options)
    "sd15-tiny": (4, False, dict()),
    "sd15-tiny-legacy": (4, False, dict(flavour="legacy")),
    "sd15-tiny-brushnet": (4, True, dict()),
    "sd15-tiny-inpaint": (9, False, dict()),
    "sd15-tiny-brushnet-fp16": (4, True, dict(precision="fp16")),
    "sd15-tiny-fp16": (4, False, dict(precision="fp16")),
    # InstructPix2Pix layout: 8-channel UNet (latents | image latents), IP2P's Euler-ancestral scheduler config
    "ip2p-tiny": (8, False, dict(cross_attention_outputs=True)),  # + ZONE's cross-attention outputs
    # a MagicBrush stand-in: the same layout, other UNet weights (ZONE fuses the two UNets each step)
    "magicbrush-tiny": (8, False, dict()),
}
UNET_SEEDS = {"magicbrush-tiny": 6}  # every other stand-in's UNet uses tiny_unet's default seed (1)


def build(name: str, out_root: str, tokenizer_dir: str) -> None:
    in_ch, with_brushnet, opts = STANDINS[name]
    torch.manual_seed(0)
    comps = Components(
        unet=tiny.tiny_unet(in_channels=in_ch, seed=UNET_SEEDS.get(name, 1)), text_encoder=tiny.tiny_text_encoder(), vae=tiny.tiny_vae(),
        scheduler_config=dict(tiny.IP2P_SCHEDULER if in_ch == 8 else tiny.SD15_SCHEDULER), tokenizer_dir=tokenizer_dir,
        brushnet=tiny.tiny_brushnet() if with_brushnet else None,
        pipeline_class=pipeline_for_unet(in_ch),
        diffusers_version=diffusers.__version__)
    options = ExportOptions(latent_hw=(8, 16), source=f"tiny random weights ({name}, make_standins.py)", **opts)
    result = export_folder(comps, os.path.join(out_root, name), options)
    print(result.summary())


MISMATCHED = "brushnet-tiny-mismatched"


def build_mismatched_brushnet(out_root: str) -> None:
    """A BrushNet of another model family (wider channels): its features do not fit the tiny UNet.

    The Java tests pair it with ``sd15-tiny-brushnet`` to check that the mismatch is refused before any work.
    """
    from brushedit_export.brushnet import BrushNet, BrushNetConfig, randomize_
    cfg = BrushNetConfig(block_out_channels=(8, 16, 32, 32), norm_num_groups=tiny.GROUPS,
                         extra={"cross_attention_dim": tiny.TEXT_HIDDEN, "attention_head_dim": 2,
                                "conditioning_embedding_out_channels": [16, 32, 96, 256]})
    brushnet = randomize_(BrushNet(cfg), 5, std=0.15).eval()
    comps = Components(unet=None, text_encoder=None, vae=None, scheduler_config=dict(tiny.SD15_SCHEDULER),
                       tokenizer_dir=None, brushnet=brushnet, pipeline_class="StableDiffusionPipeline",
                       diffusers_version=diffusers.__version__)
    exporter = _Exporter(comps, os.path.join(out_root, MISMATCHED),
                         ExportOptions(latent_hw=(8, 16), source=f"tiny random weights ({MISMATCHED}, make_standins.py)"))
    exporter.brushnet_graph(brushnet)
    print(exporter.result.summary())


MISMATCHED_MB = "magicbrush-tiny-mismatched"


def build_mismatched_magicbrush(out_root: str) -> None:
    """An 8-channel UNet of another family (text-embedding width 16, the stand-ins' is 8), UNet only.

    The Java tests pair it with ``ip2p-tiny`` as the MagicBrush half of ZONE's fused denoising, to check that a pair
    of different families is refused before any work.
    """
    from diffusers import UNet2DConditionModel
    torch.manual_seed(7)
    unet = UNet2DConditionModel(
        sample_size=8, in_channels=8, out_channels=4, block_out_channels=tiny.BLOCKS, layers_per_block=1,
        down_block_types=("CrossAttnDownBlock2D",) * 3 + ("DownBlock2D",),
        up_block_types=("UpBlock2D",) + ("CrossAttnUpBlock2D",) * 3,
        norm_num_groups=tiny.GROUPS, cross_attention_dim=2 * tiny.TEXT_HIDDEN, attention_head_dim=2).eval()
    comps = Components(unet=unet, text_encoder=None, vae=None, scheduler_config=dict(tiny.IP2P_SCHEDULER),
                       tokenizer_dir=None, brushnet=None, pipeline_class=pipeline_for_unet(8),
                       diffusers_version=diffusers.__version__)
    options = ExportOptions(latent_hw=(8, 16), unet_only=True, source=f"tiny random weights ({MISMATCHED_MB}, make_standins.py)")
    print(export_folder(comps, os.path.join(out_root, MISMATCHED_MB), options).summary())


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--out", default=DEFAULT_OUT)
    p.add_argument("--tokenizer", default=TOKENIZER, help="folder with CLIP vocab.json and merges.txt")
    p.add_argument("--only", nargs="*", choices=sorted(STANDINS) + [MISMATCHED, MISMATCHED_MB], default=None)
    a = p.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    for name in a.only or list(STANDINS) + [MISMATCHED, MISMATCHED_MB]:
        if name == MISMATCHED:
            build_mismatched_brushnet(os.path.abspath(a.out))
        elif name == MISMATCHED_MB:
            build_mismatched_magicbrush(os.path.abspath(a.out))
        else:
            build(name, os.path.abspath(a.out), a.tokenizer)
    return 0


if __name__ == "__main__":
    sys.exit(main())
