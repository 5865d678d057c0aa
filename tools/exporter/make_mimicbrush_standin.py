"""Writes the tiny random-weight MimicBrush stand-in (brushedit-models/src/test/resources/standins/mimicbrush-tiny).

Run from tools/exporter:  python make_mimicbrush_standin.py [--out DIR] [--source DIR]

It first writes a tiny *source* checkpoint in MimicBrush's release layout (a ``mimicbrush.bin`` with the keys
unet, referencenet, image_proj, image_encoder, depth_guider; config folders for the inpainting UNet, the
SD1.5 UNet, the VAE, the CLIP image encoder and Depth Anything), then exports it with ``load_mimicbrush`` and
``export_mimicbrush`` exactly as a real release would be. The parity script (tools/parity/mimicbrush_parity.py)
loads the same source folder into MimicBrush's own pipeline. Everything is seeded.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys

import torch

from brushedit_export import tiny
from brushedit_export.brushnet import randomize_
from brushedit_export.exporter import ExportOptions
from brushedit_export.mimicbrush import DepthGuider, export_mimicbrush, load_mimicbrush

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, "..", "..", "brushedit-models", "src", "test", "resources", "standins", "mimicbrush-tiny")
VISION_HIDDEN = 16


def tiny_vision(seed: int = 11):
    from transformers import CLIPVisionConfig, CLIPVisionModelWithProjection
    torch.manual_seed(seed)
    cfg = CLIPVisionConfig(hidden_size=VISION_HIDDEN, intermediate_size=32, num_hidden_layers=2, num_attention_heads=2,
                           image_size=224, patch_size=14, projection_dim=8, hidden_act="gelu")
    return CLIPVisionModelWithProjection(cfg).eval()


def tiny_depth_anything(seed: int = 12):
    from transformers import DepthAnythingConfig, DepthAnythingForDepthEstimation, Dinov2Config
    torch.manual_seed(seed)
    backbone = Dinov2Config(hidden_size=16, num_hidden_layers=4, num_attention_heads=2, mlp_ratio=2, image_size=518,
                            patch_size=14, out_features=["stage1", "stage2", "stage3", "stage4"],
                            reshape_hidden_states=False)
    cfg = DepthAnythingConfig(backbone_config=backbone, reassemble_hidden_size=16, neck_hidden_sizes=[8, 8, 16, 16],
                              fusion_hidden_size=8, head_hidden_size=8)
    return randomize_(DepthAnythingForDepthEstimation(cfg), seed, std=0.2).eval()


def write_source(src: str) -> dict:
    """The tiny checkpoint in MimicBrush's release layout; returns the paths load_mimicbrush takes."""
    os.makedirs(src, exist_ok=True)
    unet = tiny.tiny_unet(in_channels=13, seed=21)
    ref = tiny.tiny_unet(in_channels=4, seed=22)
    vae = tiny.tiny_vae(seed=23)
    vision = tiny_vision()
    torch.manual_seed(24)
    projection = torch.nn.Linear(VISION_HIDDEN, tiny.TEXT_HIDDEN)
    guider = randomize_(DepthGuider(), 25, std=0.1).eval()
    depth = tiny_depth_anything()
    paths = {k: os.path.join(src, k) for k in ("inpainting_unet", "reference_unet", "vae", "image_encoder", "depth_model")}
    unet.save_config(paths["inpainting_unet"])
    ref.save_config(paths["reference_unet"])
    vae.save_pretrained(paths["vae"])
    vision.save_pretrained(paths["image_encoder"])
    depth.save_pretrained(paths["depth_model"])
    paths["checkpoint"] = os.path.join(src, "mimicbrush.bin")
    torch.save({"unet": unet.state_dict(), "referencenet": ref.state_dict(),
                "image_proj": {"projector." + k: v for k, v in projection.state_dict().items()},
                "image_encoder": vision.state_dict(), "depth_guider": guider.state_dict()}, paths["checkpoint"])
    return paths


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--out", default=DEFAULT_OUT)
    p.add_argument("--source", default=os.path.join("/tmp", "mimicbrush-tiny-source"),
                   help="where the tiny source checkpoint is written (kept for the parity script)")
    a = p.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    paths = write_source(a.source)
    comps = load_mimicbrush(**paths)
    options = ExportOptions(latent_hw=(64, 64), source="tiny random weights (mimicbrush-tiny, make_mimicbrush_standin.py)")
    print(export_mimicbrush(comps, os.path.abspath(a.out), options).summary())
    _relative_config_paths(os.path.abspath(a.out), os.path.abspath(a.source))
    return 0


def _relative_config_paths(out: str, source: str) -> None:
    """transformers/diffusers record the folder a config came from; the committed stand-in names it relative to
    the source folder's parent (``mimicbrush-tiny-source/...``), not by this machine's absolute path."""
    parent = os.path.dirname(source) + os.sep
    for sub in sorted(os.listdir(out)):
        path = os.path.join(out, sub, "config.json")
        if not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8") as f:
            cfg = json.load(f)
        name = cfg.get("_name_or_path")
        if isinstance(name, str) and name.startswith(parent):
            cfg["_name_or_path"] = name[len(parent):]
            with open(path, "w", encoding="utf-8") as f:
                json.dump(cfg, f, indent=2, sort_keys=True)
                f.write("\n")


if __name__ == "__main__":
    sys.exit(main())
