"""Writes the brushedit ONNX checkpoint folder (tools/exporter/CONTRACT.md) from loaded PyTorch components."""

from __future__ import annotations

import json
import logging
import os
import shutil
from dataclasses import dataclass, field
from typing import List, Optional

import numpy as np
import torch

from . import MAX_OPSET, __version__
from .brushnet import BrushNet, BrushNetConfig, feature_counts
from .components import (PlainUNetGraph, TextEncoderGraph, VaeDecoderGraph, VaeEncoderParameters,
                         VaeEncoderSampled)
from .onnx_io import GraphReport, compare, export_graph, to_numpy
from .unet_features import BrushNetGraph, FusedBrushNetUNet, UNetWithFeatures

log = logging.getLogger("brushedit_export")

CONTRACT_VERSION = 1
TOKENIZER_FILES = ("vocab.json", "merges.txt", "tokenizer_config.json", "special_tokens_map.json")


@dataclass
class ExportOptions:
    """What to write. See ``python -m brushedit_export --help`` for the meaning of each field."""

    precision: str = "fp32"          # fp32 | fp16
    flavour: str = "optimum"         # optimum | legacy (layout of the standard SD graphs)
    opset: int = 17
    fused: bool = True               # write brushnet_unet/ (variant b) when a BrushNet is given
    separate: bool = True            # write brushnet/ + unet with BrushNet inputs (variant a)
    unet_brushnet_inputs: Optional[bool] = None  # None: follows ``separate`` when a BrushNet is given
    unet_only: bool = False          # write only unet/ (e.g. a community UNet for an existing BrushNet)
    external_data: str = "auto"      # auto | always | never
    latent_hw: tuple = (16, 24)      # latent size of the check inputs (not a limit: all axes are dynamic)
    seed: int = 0
    verify: bool = True
    source: str = ""
    device: str = "cpu"              # where torch traces (cuda speeds up real fp16 exports)
    cross_attention_outputs: bool = False  # plain UNets: also output ZONE's cross-attention maps (attention.py)
    fused_attention: bool = True     # attention as ONNX Runtime's MultiHeadAttention (fuse_attention.py)

    def validate(self) -> None:
        if self.precision not in ("fp32", "fp16"):
            raise ValueError(f"precision must be fp32 or fp16, was {self.precision!r}")
        if self.flavour not in ("optimum", "legacy"):
            raise ValueError(f"flavour must be optimum or legacy, was {self.flavour!r}")
        if not 17 <= self.opset <= MAX_OPSET:
            raise ValueError(f"opset must be between 17 and {MAX_OPSET}, was {self.opset}")
        if self.external_data not in ("auto", "always", "never"):
            raise ValueError(f"external_data must be auto, always or never, was {self.external_data!r}")
        h, w = self.latent_hw
        if h % 8 or w % 8:
            raise ValueError(f"latent check size must be multiples of 8, was {h}x{w}")

    @property
    def dtype(self) -> torch.dtype:
        return torch.float16 if self.precision == "fp16" else torch.float32

    @property
    def tolerance(self) -> float:
        return 3e-2 if self.precision == "fp16" else 2e-4


@dataclass
class Components:
    """The PyTorch models and files one export reads."""

    unet: object
    text_encoder: object = None
    vae: object = None
    scheduler_config: Optional[dict] = None
    tokenizer_dir: Optional[str] = None   # folder with vocab.json and merges.txt (copied verbatim)
    tokenizer: object = None              # or a transformers tokenizer (save_pretrained)
    brushnet: Optional[BrushNet] = None
    pipeline_class: Optional[str] = None   # None: from the UNet (9 input channels = inpainting)
    diffusers_version: str = ""


@dataclass
class ExportResult:
    """Paths and checks of one export."""

    out_dir: str
    graphs: List[GraphReport] = field(default_factory=list)

    def summary(self) -> str:
        return "\n".join([f"brushedit ONNX folder: {self.out_dir}"] + ["  " + g.line() for g in self.graphs])


PIPELINE_BY_UNET_CHANNELS = {4: "StableDiffusionPipeline", 8: "StableDiffusionInstructPix2PixPipeline",
                             9: "StableDiffusionInpaintPipeline"}


def pipeline_for_unet(in_channels: int) -> str:
    """The diffusers pipeline a UNet with ``in_channels`` input channels belongs to.

    4: text-to-image (and BrushNet's base UNet); 8: InstructPix2Pix and its fine-tunes such as MagicBrush
    (noisy latents 4 | image latents 4); 9: SD inpainting (latents 4 | mask 1 | masked-image latents 4).
    """
    if in_channels not in PIPELINE_BY_UNET_CHANNELS:
        raise ValueError(f"a UNet with {in_channels} input channels is not an SD1.5-family UNet this exporter knows "
                         "(expected 4: text-to-image, 8: InstructPix2Pix/MagicBrush, 9: inpainting)")
    return PIPELINE_BY_UNET_CHANNELS[in_channels]


def feature_names(n_down: int, n_up: int) -> List[str]:
    """down_block_res_sample_0.., mid_block_res_sample, up_block_res_sample_0.. (the contract's order)."""
    return ([f"down_block_res_sample_{i}" for i in range(n_down)] + ["mid_block_res_sample"]
            + [f"up_block_res_sample_{i}" for i in range(n_up)])


def brushnet_config_for_unet(unet) -> BrushNetConfig:
    """A BrushNet config with the UNet's topology (used for the feature shapes of a UNet exported alone)."""
    c = unet.config
    return BrushNetConfig(block_out_channels=tuple(c.block_out_channels), layers_per_block=c.layers_per_block,
                          norm_num_groups=c.norm_num_groups, norm_eps=c.norm_eps,
                          flip_sin_to_cos=c.flip_sin_to_cos, freq_shift=c.freq_shift, act_fn=c.act_fn)


def _cast(module, dtype, device="cpu"):
    p = next(module.parameters())
    if p.dtype != dtype or p.device != torch.device(device):
        module = module.to(device=device, dtype=dtype)
    return module.eval()


class _Exporter:
    def __init__(self, comps: Components, out_dir: str, opts: ExportOptions):
        opts.validate()
        self.c, self.out, self.o = comps, out_dir, opts
        self.result = ExportResult(out_dir)
        self.gen = torch.Generator().manual_seed(opts.seed)
        self.dt = opts.dtype

    # -------------------------------------------------------------- helpers
    def rand(self, *shape, scale=1.0) -> torch.Tensor:
        return (torch.randn(*shape, generator=self.gen) * scale).to(device=self.o.device, dtype=self.dt)

    def graph(self, name, module, args, inputs, outputs, axes, feeds_from=None):
        path = os.path.join(self.out, name, "model.onnx")
        log.info("exporting %s", name)
        module = module.eval()
        with torch.no_grad():
            expected = module(*args)
        expected = list(expected) if isinstance(expected, (tuple, list)) else [expected]
        ext = export_graph(module, args, path, inputs, outputs, axes, self.o.opset, self.o.external_data,
                           fuse=self.o.fused_attention)
        if self.o.verify:
            feeds = {n: to_numpy(a) for n, a in zip(inputs, args)}
            report = compare(name, path, ext, feeds, expected, self.o.tolerance)
        else:
            size = os.path.getsize(path)
            report = GraphReport(name, path, size, ext, float("nan"), float("nan"))
        self.result.graphs.append(report)
        return report

    def write_json(self, rel, data):
        path = os.path.join(self.out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            json.dump(data, f, indent=2, sort_keys=True)
            f.write("\n")

    @staticmethod
    def config_dict(cfg) -> dict:
        return {k: v for k, v in dict(cfg).items() if not k.startswith("_use_default")}

    # -------------------------------------------------------------- graphs
    def text_encoder(self):
        te = _cast(self.c.text_encoder, self.dt, self.o.device)
        int_dtype = torch.int32 if self.o.flavour == "legacy" else torch.int64
        ids = torch.randint(0, te.config.vocab_size, (1, 77), generator=self.gen).to(self.o.device, int_dtype)
        self.graph("text_encoder", TextEncoderGraph(te), (ids,), ["input_ids"],
                   ["last_hidden_state", "pooler_output"],
                   {"input_ids": {0: "batch_size", 1: "sequence_length"},
                    "last_hidden_state": {0: "batch_size", 1: "sequence_length"},
                    "pooler_output": {0: "batch_size"}})
        te.config.to_json_file(os.path.join(self.out, "text_encoder", "config.json"))

    def vae(self):
        vae = _cast(self.c.vae, self.dt, self.o.device)
        h, w = self.o.latent_hw
        factor = 2 ** (len(vae.config.block_out_channels) - 1)
        image = self.rand(1, vae.config.in_channels, h * factor, w * factor).clamp(-1, 1)
        img_axes = {0: "batch_size", 2: "sample_height", 3: "sample_width"}
        lat_axes = {0: "batch_size", 2: "latent_height", 3: "latent_width"}
        if self.o.flavour == "optimum":
            self.graph("vae_encoder", VaeEncoderParameters(vae), (image,), ["sample"], ["latent_parameters"],
                       {"sample": img_axes, "latent_parameters": lat_axes})
        else:
            self._legacy_vae_encoder(vae, image, img_axes, lat_axes)
        latents = self.rand(1, vae.config.latent_channels, h, w)
        self.graph("vae_decoder", VaeDecoderGraph(vae), (latents,), ["latent_sample"], ["sample"],
                   {"latent_sample": lat_axes, "sample": img_axes})
        cfg = self.config_dict(vae.config)
        cfg["_class_name"] = "AutoencoderKL"
        self.write_json("vae_encoder/config.json", cfg)
        self.write_json("vae_decoder/config.json", cfg)

    def _legacy_vae_encoder(self, vae, image, img_axes, lat_axes):
        """Sampling happens in the graph, so the check compares the mean (std of the draw is checked too)."""
        path = os.path.join(self.out, "vae_encoder", "model.onnx")
        ext = export_graph(VaeEncoderSampled(vae).eval(), (image,), path, ["sample"], ["latent_sample"],
                           {"sample": img_axes, "latent_sample": lat_axes}, self.o.opset, self.o.external_data,
                           output_dims={"latent_sample": {1: vae.config.latent_channels}},
                           fuse=self.o.fused_attention)
        with torch.no_grad():
            dist = vae.encode(image, return_dict=False)[0]
        if self.o.verify:
            from .onnx_io import run_onnx
            draws = np.stack([run_onnx(path, {"sample": to_numpy(image)})[0] for _ in range(8)]).astype(np.float64)
            mean, std = to_numpy(dist.mean).astype(np.float64), to_numpy(dist.std).astype(np.float64)
            z = (draws - mean) / std
            if abs(z.mean()) > 0.2 or abs(z.std() - 1) > 0.2:
                raise AssertionError(f"vae_encoder (legacy): draws are not N(mean, std): z mean {z.mean():.3f}, "
                                     f"z std {z.std():.3f}")
            err = max(abs(float(z.mean())), abs(float(z.std()) - 1))  # reported: deviation of z from N(0, 1)
        else:
            err = float("nan")
        size = os.path.getsize(path)
        self.result.graphs.append(GraphReport("vae_encoder", path, size, ext, err, 1.0))

    def plain_unet(self, unet):
        h, w = self.o.latent_hw
        ctx_dim = unet.config.cross_attention_dim
        sample = self.rand(2, unet.config.in_channels, h, w)
        ctx = self.rand(2, 77, ctx_dim)
        if self.o.flavour == "optimum":
            # optimum: a scalar in the model's float type
            t = torch.tensor(601.0, dtype=self.dt, device=self.o.device)
            t_axes = {}
        else:
            # legacy script: [batch] in the model's float type
            t = torch.full((2,), 601.0, dtype=self.dt, device=self.o.device)
            t_axes = {0: "batch_size"}
        module, outputs = PlainUNetGraph(unet), ["out_sample"]
        axes = {"sample": {0: "batch_size", 2: "height", 3: "width"}, "timestep": t_axes,
                "encoder_hidden_states": {0: "batch_size", 1: "sequence_length"},
                "out_sample": {0: "batch_size", 2: "height", 3: "width"}}
        if self.o.cross_attention_outputs:
            from .attention import UNetWithCrossAttention
            module = UNetWithCrossAttention(unet)
            outputs += module.names
            for name in module.names:
                axes[name] = {0: "batch_heads", 1: f"{name}_pixels", 2: "sequence_length"}
        self.graph("unet", module, (sample, t, ctx), ["sample", "timestep", "encoder_hidden_states"], outputs, axes)

    def brushnet_inputs(self, brushnet, b=1):
        h, w = self.o.latent_hw
        sample = self.rand(b, brushnet.cfg.in_channels, h, w)
        # our contract: float32 [1], fractional values allowed
        t = torch.tensor([601.5], dtype=torch.float32, device=self.o.device)
        cond = self.rand(b, brushnet.cfg.conditioning_channels, h, w)
        cond[:, -1:] = (cond[:, -1:] > 0).to(self.dt)           # the keep-mask channel is binary
        scale = torch.tensor([0.8], dtype=torch.float32, device=self.o.device)
        return sample, t, cond, scale

    def brushnet_graph(self, brushnet):
        n_down, n_up = feature_counts(brushnet.cfg)
        names = feature_names(n_down, n_up)
        axes = {"sample": {0: "batch_size", 2: "height", 3: "width"}, "timestep": {},
                "brushnet_cond": {0: "batch_size", 2: "height", 3: "width"}, "conditioning_scale": {}}
        for n in names:
            axes[n] = {0: "batch_size", 2: f"{n}_height", 3: f"{n}_width"}
        self.graph("brushnet", BrushNetGraph(brushnet), self.brushnet_inputs(brushnet),
                   ["sample", "timestep", "brushnet_cond", "conditioning_scale"], names, axes)
        cfg = brushnet.cfg.to_dict()
        cfg["brushedit_contract"] = CONTRACT_VERSION
        self.write_json("brushnet/config.json", cfg)

    def feature_unet(self, unet, brushnet):
        n_down, n_up = feature_counts(brushnet.cfg)
        names = feature_names(n_down, n_up)
        sample, t, cond, scale = self.brushnet_inputs(brushnet, b=1)
        with torch.no_grad():
            down, mid, up = brushnet(sample, t, cond, scale)
        feats = [torch.cat([f, f]) for f in (*down, mid, *up)]  # guidance batch 2b: repeated features
        h, w = self.o.latent_hw
        args = (torch.cat([sample, sample]), t, self.rand(2, 77, unet.config.cross_attention_dim), *feats)
        axes = {"sample": {0: "batch_size", 2: "height", 3: "width"}, "timestep": {},
                "encoder_hidden_states": {0: "batch_size", 1: "sequence_length"},
                "out_sample": {0: "batch_size", 2: "height", 3: "width"}}
        for n in names:
            axes[n] = {0: "batch_size", 2: f"{n}_height", 3: f"{n}_width"}
        self.graph("unet", UNetWithFeatures(unet, n_down, n_up), args,
                   ["sample", "timestep", "encoder_hidden_states", *names], ["out_sample"], axes)

    def fused(self, unet, brushnet):
        sample, t, cond, scale = self.brushnet_inputs(brushnet, b=1)
        ctx = self.rand(2, 77, unet.config.cross_attention_dim)
        args = (torch.cat([sample, sample]), t, ctx, cond, scale)
        axes = {"sample": {0: "batch_size", 2: "height", 3: "width"}, "timestep": {},
                "encoder_hidden_states": {0: "batch_size", 1: "sequence_length"},
                "brushnet_cond": {0: "cond_batch_size", 2: "height", 3: "width"}, "conditioning_scale": {},
                "out_sample": {0: "batch_size", 2: "height", 3: "width"}}
        self.graph("brushnet_unet", FusedBrushNetUNet(unet, brushnet), args,
                   ["sample", "timestep", "encoder_hidden_states", "brushnet_cond", "conditioning_scale"],
                   ["out_sample"], axes)
        cfg = self.config_dict(unet.config)
        cfg["_class_name"] = "UNet2DConditionModel"
        self.write_json("brushnet_unet/config.json", cfg)

    # -------------------------------------------------------------- folder
    def run(self) -> ExportResult:
        c, o = self.c, self.o
        pipeline_for_unet(c.unet.config.in_channels)  # refuses UNets of unknown kinds before writing anything
        os.makedirs(self.out, exist_ok=True)
        unet = _cast(c.unet, self.dt, o.device)
        brushnet = _cast(c.brushnet, self.dt, o.device) if c.brushnet is not None else None
        if brushnet is not None and unet.config.in_channels != brushnet.cfg.in_channels:
            raise ValueError(f"BrushNet needs a {brushnet.cfg.in_channels}-channel UNet, the checkpoint's UNet has "
                             f"{unet.config.in_channels} input channels (an inpainting UNet cannot take BrushNet)")
        with_inputs = o.unet_brushnet_inputs
        if with_inputs is None:
            with_inputs = brushnet is not None and o.separate
        if o.cross_attention_outputs and (with_inputs or brushnet is not None):
            raise ValueError("--cross-attention-outputs applies to a plain UNet graph (e.g. InstructPix2Pix), not to the "
                             "BrushNet graphs")
        if with_inputs and unet.config.in_channels != 4:
            raise ValueError("--unet-brushnet-inputs needs a 4-channel UNet, the checkpoint's UNet has "
                             f"{unet.config.in_channels} (8: InstructPix2Pix/MagicBrush, 9: inpainting)")
        if with_inputs:
            feats_source = brushnet
            if feats_source is None:  # a UNet alone: the features only need the right shapes
                feats_source = _cast(BrushNet(brushnet_config_for_unet(unet)), self.dt, o.device)
            self.feature_unet(unet, feats_source)
        else:
            self.plain_unet(unet)
        cfg = self.config_dict(unet.config)
        cfg["_class_name"] = "UNet2DConditionModel"
        self.write_json("unet/config.json", cfg)
        if not o.unet_only:
            self.text_encoder()
            self.vae()
            self.tokenizer()
            self.write_json("scheduler/scheduler_config.json", c.scheduler_config)
            if brushnet is not None and o.separate:
                self.brushnet_graph(brushnet)
            if brushnet is not None and o.fused:
                self.fused(unet, brushnet)
        self.model_index(with_inputs, brushnet is not None)
        return self.result

    def tokenizer(self):
        dst = os.path.join(self.out, "tokenizer")
        os.makedirs(dst, exist_ok=True)
        if self.c.tokenizer_dir:
            for name in TOKENIZER_FILES:
                src = os.path.join(self.c.tokenizer_dir, name)
                if os.path.isfile(src):
                    shutil.copyfile(src, os.path.join(dst, name))
            for name in ("vocab.json", "merges.txt"):
                if not os.path.isfile(os.path.join(dst, name)):
                    raise FileNotFoundError(f"tokenizer folder {self.c.tokenizer_dir!r} has no {name}")
            if not os.path.isfile(os.path.join(dst, "tokenizer_config.json")):
                self.write_json("tokenizer/tokenizer_config.json", DEFAULT_TOKENIZER_CONFIG)
            if not os.path.isfile(os.path.join(dst, "special_tokens_map.json")):
                self.write_json("tokenizer/special_tokens_map.json", DEFAULT_SPECIAL_TOKENS)
        elif self.c.tokenizer is not None:
            self.c.tokenizer.save_pretrained(dst)
        else:
            raise ValueError("no tokenizer given")

    def model_index(self, unet_inputs: bool, has_brushnet: bool):
        legacy = self.o.flavour == "legacy"
        pipeline = self.c.pipeline_class or pipeline_for_unet(self.c.unet.config.in_channels)
        index = {
            "_class_name": ("Onnx" if legacy else "ORT") + pipeline,
            "_diffusers_version": self.c.diffusers_version,
            "unet": ["diffusers", "OnnxRuntimeModel"] if legacy else ["diffusers", "UNet2DConditionModel"],
        }
        if not self.o.unet_only:
            index.update({
                "scheduler": ["diffusers", self.c.scheduler_config.get("_class_name", "PNDMScheduler")],
                "text_encoder": ["diffusers", "OnnxRuntimeModel"] if legacy else ["transformers", "CLIPTextModel"],
                "tokenizer": ["transformers", "CLIPTokenizer"],
                "vae_decoder": ["diffusers", "OnnxRuntimeModel"] if legacy else ["diffusers", "AutoencoderKL"],
                "vae_encoder": ["diffusers", "OnnxRuntimeModel"] if legacy else ["diffusers", "AutoencoderKL"],
                "safety_checker": [None, None],
                "feature_extractor": [None, None],
                "requires_safety_checker": False,
            })
        index["brushedit"] = {
            "contract": CONTRACT_VERSION,
            "precision": self.o.precision,
            "flavour": self.o.flavour,
            "opset": self.o.opset,
            "unet_brushnet_inputs": bool(unet_inputs),
            "brushnet": bool(has_brushnet and self.o.separate and not self.o.unet_only),
            "brushnet_unet": bool(has_brushnet and self.o.fused and not self.o.unet_only),
            "source": self.o.source,
            "exporter": f"brushedit_export {__version__}",
        }
        self.write_json("model_index.json", index)


DEFAULT_TOKENIZER_CONFIG = {
    "tokenizer_class": "CLIPTokenizer", "model_max_length": 77, "do_lower_case": True,
    "bos_token": "<|startoftext|>", "eos_token": "<|endoftext|>", "unk_token": "<|endoftext|>",
    "pad_token": "<|endoftext|>", "errors": "replace", "add_prefix_space": False,
}
DEFAULT_SPECIAL_TOKENS = {"bos_token": "<|startoftext|>", "eos_token": "<|endoftext|>",
                          "unk_token": "<|endoftext|>", "pad_token": "<|endoftext|>"}


def export_folder(comps: Components, out_dir: str, opts: ExportOptions) -> ExportResult:
    """Exports every graph of the contract that ``opts`` asks for into ``out_dir`` and checks each one."""
    return _Exporter(comps, out_dir, opts).run()
