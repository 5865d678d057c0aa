"""Writes a random-weight MimicBrush step graph with SD1.5's real UNet sizes for dev.brushedit.bench.MimicBrushStepBench.

Only ``mimicbrush_unet/`` (what a denoising step runs; CONTRACT.md, "MimicBrush folders") is written: the imitative
UNet (diffusers' UNet2DConditionModel defaults with 13 input channels and cross_attention_dim 768, SD1.5's
topology: channels 320/640/1280/1280) and the reference UNet (the same with 4 input channels), fp32, diffusers'
default random initialisation (torch seed 0), fused into one graph by brushedit_export.mimicbrush.write_step_graph,
the function the MimicBrush export itself uses. The image encoder, depth branch and VAE are not needed for the step
and are not written, and no mimicbrush.bin is made: the UNets are built in this process with MimicBrush's configs.
Attention goes through the exporter's default rewrite into ONNX Runtime's MultiHeadAttention
(brushedit_export.fuse_attention) wherever the pattern matches; the script prints how many nodes that gave.
Traced at 8x8 latents without verification (all spatial axes are dynamic). Never commit the output (6.9 GB: two 860 M-parameter UNets in fp32).

Usage (from the repository root, in the .venv-export environment of tools/bench/README.md):
    python tools/bench/make_mimicbrush_step_graph.py OUT [--no-fused-attention]
"""

import argparse
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "exporter"))

import torch  # noqa: E402

from brushedit_export.exporter import Components, ExportOptions, _Exporter  # noqa: E402
from brushedit_export.mimicbrush import CLIP_INPUT, write_step_graph  # noqa: E402

CLIP_PATCH = 14  # IP-Adapter's CLIP ViT-H/14: 16 x 16 patches + the class token = 257 image-prompt tokens


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("out")
    p.add_argument("--no-fused-attention", dest="fused_attention", action="store_false")
    a = p.parse_args()
    from diffusers import UNet2DConditionModel

    torch.manual_seed(0)
    unet = UNet2DConditionModel(in_channels=13, cross_attention_dim=768).eval()
    reference = UNet2DConditionModel(in_channels=4, cross_attention_dim=768).eval()
    opts = ExportOptions(latent_hw=(8, 8), verify=False, fused_attention=a.fused_attention,
                         source="random SD1.5-size MimicBrush UNets (tools/bench/make_mimicbrush_step_graph.py)")
    ex = _Exporter(Components(unet=None, text_encoder=None, vae=None, scheduler_config={},
                              pipeline_class="MimicBrushPipeline"), a.out, opts)
    write_step_graph(ex, unet, reference, (CLIP_INPUT // CLIP_PATCH) ** 2 + 1)
    print(ex.result.summary())
    import onnx
    model = onnx.load(os.path.join(a.out, "mimicbrush_unet", "model.onnx"), load_external_data=False)
    ops = {}
    for n in model.graph.node:
        ops[n.op_type] = ops.get(n.op_type, 0) + 1
    print(f"nodes: MultiHeadAttention {ops.get('MultiHeadAttention', 0)}, Softmax {ops.get('Softmax', 0)}, "
          f"MatMul {ops.get('MatMul', 0)}, total {sum(ops.values())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
