"""Writes a random-weight folder with SD1.5's real UNet and BrushNet for dev.brushedit.bench.InpainterStepBench.

The UNet is diffusers' UNet2DConditionModel defaults with cross_attention_dim 768 (SD1.5's topology and sizes:
channels 320/640/1280/1280, 860 M parameters), the BrushNet our SD1.5-size branch (619 M parameters; the zero
convolutions drawn from N(0, 0.02^2) so the features are not all zero), both fp32 with diffusers' default random
initialisation (torch seed 0). The text encoder (hidden 768, 1 layer) and the VAE are tiny: they run outside the
denoising steps this benchmark measures. Written through brushedit_export.export_folder without verification;
graphs above 2 GB go to model.onnx_data. Never commit the output (about 6 GB for --variant separate).

Usage (from the repository root, /work/pyenv or tools/exporter's venv):
    python tools/bench/make_step_graphs.py OUT [--variant separate|fused]
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
from brushedit_export.exporter import Components, ExportOptions, export_folder  # noqa: E402

TOKENIZER = os.path.join(HERE, "..", "..", "brushedit-models", "src", "test", "resources", "standins",
                         "sd15-tiny-brushnet", "tokenizer")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("out")
    p.add_argument("--variant", choices=("separate", "fused"), default="separate")
    a = p.parse_args()
    from diffusers import UNet2DConditionModel
    from transformers import CLIPTextConfig, CLIPTextModel

    torch.manual_seed(0)
    unet = UNet2DConditionModel(cross_attention_dim=768).eval()
    brushnet = BrushNet(BrushNetConfig(extra={"cross_attention_dim": 768}))
    for m in list(brushnet.brushnet_down_blocks) + list(brushnet.brushnet_up_blocks) + [brushnet.brushnet_mid_block]:
        torch.nn.init.normal_(m.weight, std=0.02)
    text = CLIPTextModel(CLIPTextConfig(vocab_size=49408, hidden_size=768, intermediate_size=64, num_hidden_layers=1,
                                        num_attention_heads=12, max_position_embeddings=77, projection_dim=768)).eval()
    comps = Components(unet=unet, text_encoder=text, vae=tiny.tiny_vae(), scheduler_config=dict(tiny.SD15_SCHEDULER),
                       tokenizer_dir=TOKENIZER, brushnet=brushnet.eval(), pipeline_class="StableDiffusionPipeline")
    opts = ExportOptions(latent_hw=(8, 8), verify=False, fused=a.variant == "fused", separate=a.variant == "separate",
                         source="random SD1.5-size weights (tools/bench/make_step_graphs.py)")
    print(export_folder(comps, a.out, opts).summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
