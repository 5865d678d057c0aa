"""Writes a random-weight folder with SD1.5's real UNet and BrushNet for dev.brushedit.bench.InpainterStepBench.

The UNet is diffusers' UNet2DConditionModel defaults with cross_attention_dim 768 (SD1.5's topology and sizes:
channels 320/640/1280/1280, 860 M parameters), the BrushNet our SD1.5-size branch (619 M parameters; the zero
convolutions drawn from N(0, 0.02^2) so the features are not all zero), both fp32 with diffusers' default random
initialisation (torch seed 0). The text encoder (hidden 768, 1 layer) and the VAE are tiny unless --full gives them
SD1.5's real sizes too (whole-edit benchmarks: VAE 83 M parameters, CLIP ViT-L/14 text encoder 123 M). Written through brushedit_export.export_folder without verification;
graphs above 2 GB go to model.onnx_data. Never commit the output (about 6 GB for --variant separate).

--variant ip2p writes an InstructPix2Pix-layout folder instead (dev.brushedit.bench.Pix2PixStepBench): the same UNet
with 8 input channels (latents | image latents, as timbrooks/instruct-pix2pix), ZONE's cross-attention outputs, IP2P's
scheduler config, no BrushNet (3.4 GB). The ZONE fused step's second (MagicBrush) UNet is the same graph: bench it with
--magicbrush pointing at the same folder.

Usage (from the repository root, in the .venv-export environment of tools/bench/README.md):
    python tools/bench/make_step_graphs.py OUT [--variant separate|fused|ip2p] [--full]
--variant separate writes unet/ (with BrushNet inputs) + brushnet/; fused writes unet/ (plain) + brushnet_unet/
(about 9 GB, and tracing the 5.9 GB fused graph needs about 4x that in RAM).
"""

import argparse
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "exporter"))

import torch  # noqa: E402

from brushedit_export import tiny  # noqa: E402
from brushedit_export.brushnet import BrushNet, BrushNetConfig  # noqa: E402
from brushedit_export.exporter import Components, ExportOptions, export_folder, pipeline_for_unet  # noqa: E402

TOKENIZER = os.path.join(HERE, "..", "..", "brushedit-models", "src", "test", "resources", "standins",
                         "sd15-tiny-brushnet", "tokenizer")


def sd15_vae():
    """SD1.5's AutoencoderKL topology and sizes (channels 128/256/512/512, two ResNets per block), random weights."""
    from diffusers import AutoencoderKL
    return AutoencoderKL(in_channels=3, out_channels=3, down_block_types=("DownEncoderBlock2D",) * 4,
                         up_block_types=("UpDecoderBlock2D",) * 4, block_out_channels=(128, 256, 512, 512),
                         layers_per_block=2, latent_channels=4, norm_num_groups=32, sample_size=512,
                         scaling_factor=0.18215).eval()


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("out")
    p.add_argument("--variant", choices=("separate", "fused", "ip2p"), default="separate")
    p.add_argument("--full", action="store_true",
                   help="also give the VAE (83 M parameters) and the text encoder (CLIP ViT-L/14, 123 M) SD1.5's real "
                        "sizes, for whole-edit benchmarks (dev.brushedit.bench.EditBench, tools/bench/ort_edit_bench.py)")
    a = p.parse_args()
    from diffusers import UNet2DConditionModel
    from transformers import CLIPTextConfig, CLIPTextModel

    ip2p = a.variant == "ip2p"
    torch.manual_seed(0)
    unet = UNet2DConditionModel(in_channels=8 if ip2p else 4, cross_attention_dim=768).eval()
    brushnet = None
    if not ip2p:
        brushnet = BrushNet(BrushNetConfig(extra={"cross_attention_dim": 768})).eval()
        for m in list(brushnet.brushnet_down_blocks) + list(brushnet.brushnet_up_blocks) + [brushnet.brushnet_mid_block]:
            torch.nn.init.normal_(m.weight, std=0.02)
    layers, inner = (12, 3072) if a.full else (1, 64)
    text = CLIPTextModel(CLIPTextConfig(vocab_size=49408, hidden_size=768, intermediate_size=inner,
                                        num_hidden_layers=layers, num_attention_heads=12, max_position_embeddings=77,
                                        projection_dim=768)).eval()
    comps = Components(unet=unet, text_encoder=text, vae=sd15_vae() if a.full else tiny.tiny_vae(), scheduler_config=dict(tiny.IP2P_SCHEDULER if ip2p else tiny.SD15_SCHEDULER),
                       tokenizer_dir=TOKENIZER, brushnet=brushnet, pipeline_class=pipeline_for_unet(8 if ip2p else 4))
    opts = ExportOptions(latent_hw=(8, 8), verify=False, fused=a.variant == "fused", separate=a.variant == "separate",
                         cross_attention_outputs=ip2p, source="random SD1.5-size weights (tools/bench/make_step_graphs.py)")
    print(export_folder(comps, a.out, opts).summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
