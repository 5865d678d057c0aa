"""Loading the inputs of an export: a diffusers SD1.5 folder or single checkpoint file, and a BrushNet folder."""

from __future__ import annotations

import json
import logging
import os
from typing import Optional

import torch

from .brushnet import BrushNet
from .exporter import Components, pipeline_for_unet

log = logging.getLogger("brushedit_export")

SINGLE_FILE_SUFFIXES = (".safetensors", ".ckpt", ".pt", ".pth", ".bin")
UNET_IN_KEY = "model.diffusion_model.input_blocks.0.0.weight"


def load_components(source: str, brushnet: Optional[str] = None, config: Optional[str] = None,
                    unet_only: bool = False) -> Components:
    """Loads fp32 PyTorch components from ``source`` (diffusers folder or single file) and an optional BrushNet.

    config: for single files, a local diffusers SD1.5 folder whose configs and tokenizer are used (offline);
    without it diffusers downloads them from the Hugging Face Hub.
    """
    if os.path.isdir(source):
        comps = _load_folder(source, unet_only)
    elif os.path.isfile(source) and source.lower().endswith(SINGLE_FILE_SUFFIXES):
        comps = _load_single_file(source, config)
    else:
        raise FileNotFoundError(f"source {source!r} is neither a diffusers folder nor a "
                                f"{'/'.join(SINGLE_FILE_SUFFIXES)} file")
    if brushnet:
        if not os.path.isdir(brushnet):
            raise FileNotFoundError(f"BrushNet checkpoint {brushnet!r} is not a folder (expected config.json and "
                                    "diffusion_pytorch_model.safetensors, as TencentARC ships them)")
        comps.brushnet = BrushNet.from_pretrained(brushnet)
    return comps


def _load_folder(folder: str, unet_only: bool) -> Components:
    import diffusers
    from diffusers import AutoencoderKL, UNet2DConditionModel
    from transformers import CLIPTextModel

    def need(sub):
        path = os.path.join(folder, sub)
        if not os.path.isdir(path):
            raise FileNotFoundError(f"diffusers folder {folder!r} has no {sub}/ subfolder")
        return path

    unet = UNet2DConditionModel.from_pretrained(need("unet"), torch_dtype=torch.float32)
    index = {}
    if os.path.isfile(os.path.join(folder, "model_index.json")):
        with open(os.path.join(folder, "model_index.json"), encoding="utf-8") as f:
            index = json.load(f)
    comps = Components(unet=unet, pipeline_class=pipeline_for_unet(unet.config.in_channels),
                       diffusers_version=index.get("_diffusers_version", diffusers.__version__))
    if unet_only:
        return comps
    comps.vae = AutoencoderKL.from_pretrained(need("vae"), torch_dtype=torch.float32)
    comps.text_encoder = CLIPTextModel.from_pretrained(need("text_encoder"), torch_dtype=torch.float32)
    comps.tokenizer_dir = need("tokenizer")
    with open(os.path.join(need("scheduler"), "scheduler_config.json"), encoding="utf-8") as f:
        comps.scheduler_config = json.load(f)
    return comps


def _unet_in_channels(path: str) -> int:
    if path.lower().endswith(".safetensors"):
        from safetensors import safe_open
        with safe_open(path, framework="pt") as f:
            if UNET_IN_KEY in f.keys():
                return int(f.get_slice(UNET_IN_KEY).get_shape()[1])
        return 4
    state = torch.load(path, map_location="cpu", weights_only=True)
    state = state.get("state_dict", state)
    return int(state[UNET_IN_KEY].shape[1]) if UNET_IN_KEY in state else 4


def _load_single_file(path: str, config: Optional[str]) -> Components:
    import diffusers
    in_ch = _unet_in_channels(path)
    cls = getattr(diffusers, pipeline_for_unet(in_ch))  # 8 channels: InstructPix2Pix / MagicBrush
    kwargs = {"torch_dtype": torch.float32, "safety_checker": None, "requires_safety_checker": False}
    if config:
        kwargs.update(config=config, local_files_only=True)
    log.info("loading %s with %s.from_single_file", path, cls.__name__)
    pipe = cls.from_single_file(path, **kwargs)
    return Components(unet=pipe.unet, text_encoder=pipe.text_encoder, vae=pipe.vae,
                      scheduler_config=dict(pipe.scheduler.config), tokenizer=pipe.tokenizer,
                      tokenizer_dir=os.path.join(config, "tokenizer") if config else None,
                      pipeline_class=cls.__name__, diffusers_version=diffusers.__version__)
