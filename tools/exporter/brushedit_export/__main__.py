"""Command line: brushedit-export SOURCE OUT_DIR [options], or python -m brushedit_export from tools/exporter.

torch, diffusers and onnx are imported only when an export runs, so ``--help`` works without them.
"""

from __future__ import annotations

import argparse
import logging
import sys

from . import MAX_OPSET


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="brushedit-export",
        description="Export a Stable Diffusion 1.5 checkpoint (and optionally a BrushNet) to the brushedit ONNX "
                    "folder described in tools/exporter/CONTRACT.md.")
    p.add_argument("source", help="diffusers SD1.5 folder, or a single .safetensors/.ckpt checkpoint")
    p.add_argument("out_dir", help="output folder (created; existing graphs are overwritten)")
    p.add_argument("--brushnet", metavar="DIR",
                   help="BrushNet checkpoint folder (config.json + diffusion_pytorch_model.safetensors)")
    p.add_argument("--config", metavar="DIR",
                   help="single-file sources: local diffusers SD1.5 folder for configs and tokenizer (offline)")
    p.add_argument("--precision", choices=("fp32", "fp16"), default="fp32")
    p.add_argument("--flavour", choices=("optimum", "legacy"), default="optimum",
                   help="layout of the standard graphs (legacy = diffusers' old conversion script)")
    p.add_argument("--opset", type=int, default=17, help=f"ONNX opset, 17..{MAX_OPSET} (default 17)")
    p.add_argument("--fused", action=argparse.BooleanOptionalAction, default=True,
                   help="write brushnet_unet/ (variant b, default on when --brushnet is given)")
    p.add_argument("--separate", action=argparse.BooleanOptionalAction, default=True,
                   help="write brushnet/ and a UNet with BrushNet inputs (variant a, default on)")
    p.add_argument("--unet-brushnet-inputs", action=argparse.BooleanOptionalAction, default=None,
                   help="give unet/ the 28 BrushNet feature inputs (default: when brushnet/ is written)")
    p.add_argument("--unet-only", action="store_true",
                   help="write only unet/ (+ model_index.json), e.g. a community UNet for an existing brushnet/")
    p.add_argument("--external-data", choices=("auto", "always", "never"), default="auto",
                   help="weights in model.onnx_data: auto = only above protobuf's 2 GB limit")
    p.add_argument("--check-size", type=int, nargs=2, metavar=("H", "W"), default=(16, 24),
                   help="latent size of the trace and check inputs (multiples of 8; axes stay dynamic)")
    p.add_argument("--no-verify", dest="verify", action="store_false",
                   help="skip the onnxruntime-vs-torch check of every graph")
    p.add_argument("--cross-attention-outputs", action="store_true",
                   help="also output the cross-attention maps ZONE reads (up/down blocks at 1/32 of the image), "
                        "for InstructPix2Pix-family UNets (CONTRACT.md)")
    p.add_argument("--fused-attention", action=argparse.BooleanOptionalAction, default=True,
                   help="write attention as ONNX Runtime's com.microsoft.MultiHeadAttention, whose CPU kernel never "
                        "holds the full score matrix (default on; --no-fused-attention keeps MatMul-Softmax-MatMul)")
    p.add_argument("--device", default="cpu", help="torch device for tracing (cpu, cuda)")
    p.add_argument("-v", "--verbose", action="store_true")
    return p


def main(argv=None) -> int:
    a = parser().parse_args(argv)
    from .exporter import ExportOptions, export_folder  # heavy (torch): only once an export runs
    from .loading import load_components
    logging.basicConfig(level=logging.INFO if a.verbose else logging.WARNING, format="%(message)s")
    if a.unet_only and a.brushnet and a.fused:
        a.fused = False  # a lone UNet never carries the BrushNet weights
    opts = ExportOptions(precision=a.precision, flavour=a.flavour, opset=a.opset, fused=a.fused,
                         separate=a.separate, unet_brushnet_inputs=a.unet_brushnet_inputs, unet_only=a.unet_only,
                         external_data=a.external_data, latent_hw=tuple(a.check_size), verify=a.verify,
                         device=a.device, cross_attention_outputs=a.cross_attention_outputs,
                         fused_attention=a.fused_attention,
                         source=f"{a.source}" + (f" + BrushNet {a.brushnet}" if a.brushnet else ""))
    try:
        opts.validate()
        comps = load_components(a.source, a.brushnet, a.config, unet_only=a.unet_only)
        result = export_folder(comps, a.out_dir, opts)
    except (ValueError, FileNotFoundError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(result.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
