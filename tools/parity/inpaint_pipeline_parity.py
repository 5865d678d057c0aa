"""Reference outputs of TencentARC's BrushNet pipeline on the sd15-tiny-brushnet stand-in weights.

Writes the vectors the Java test InpaintPipelineParityTest compares against
(brushedit-models/src/test/resources/parity/inpaint-pipeline/, see the README there):

    .venv-export/bin/python tools/parity/inpaint_pipeline_parity.py \
        --out brushedit-models/src/test/resources/parity/inpaint-pipeline

Two processes. This one (diffusers 0.42, our exporter package on the path) rebuilds the tiny torch modules
exactly as tools/exporter/make_standins.py does for sd15-tiny-brushnet (brushedit_export.tiny, same seeds),
checks them against the committed ONNX graphs, saves them with save_pretrained to a temporary folder and
cuts the input photo crop and mask. A subprocess (``--reference``) then imports the REFERENCE pipeline,
StableDiffusionBrushNetPipeline from a checkout of TencentARC/BrushNet (its ``src/`` diffusers fork,
0.27.0.dev0; never part of this repository), loads the saved weights into the reference classes and runs it:

- generator torch.Generator("cpu").manual_seed(SEED): the initial noise is its first draw;
- the condition latents are the VAE posterior MEAN: the reference calls ``latent_dist.sample()`` whose
  noise would come from the global RNG (and differ between the two guidance halves); this script
  patches DiagonalGaussianDistribution.sample to return the mean, for the reference run only;
- inputs as BrushNet's example script builds them: the masked image (hole black) and the mask as RGB
  (255 = hole); output_type "np" gives the float image in [0, 1] before uint8 quantisation.

The fork needs two compatibility shims to import next to transformers 5 / huggingface_hub 1.x (names it
imports but this run never uses): huggingface_hub.cached_download and transformers.utils.FLAX_WEIGHTS_NAME.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
EXPORTER = os.path.join(REPO, "tools", "exporter")
STANDIN = os.path.join(REPO, "brushedit-models", "src", "test", "resources", "standins", "sd15-tiny-brushnet")
# The input crop was cut from scikit-image's coffee.png (CC0) and our spoon mask, both in samples/ at commit
# 96f49ee; when --out already holds image.png and mask.png they are reused, else --photo/--photo-mask are cut.
CROP = (300, 72, 556, 328)  # x0, y0, x1, y1 in coffee.png: the spoon's bowl and handle, halved to 128x128

CASES = [
    # name, scheduler class, steps, guidance, preservation (brushnet_conditioning_scale), seed
    dict(name="ddim", scheduler="DDIMScheduler", steps=8, guidance=7.5, scale=1.0, seed=1234),
    dict(name="unipc", scheduler="UniPCMultistepScheduler", steps=8, guidance=7.5, scale=0.8, seed=77),
]
PROMPT = "an empty saucer on a wooden table"
NEGATIVE = "blurry, low quality"


def make_inputs(out: str, photo: str, photo_mask: str) -> None:
    from PIL import Image
    if os.path.isfile(os.path.join(out, "image.png")) and os.path.isfile(os.path.join(out, "mask.png")):
        return
    if not photo or not photo_mask:
        raise SystemExit("give --photo coffee.png --photo-mask coffee-spoon-mask.png (or put image.png and mask.png in --out)")
    img = Image.open(photo).convert("RGB").crop(CROP).resize((128, 128), Image.BOX)
    mask = Image.open(photo_mask).convert("L").crop(CROP).resize((128, 128), Image.BOX)
    mask = Image.fromarray(np.where(np.array(mask) >= 128, 255, 0).astype(np.uint8))
    img.save(os.path.join(out, "image.png"))
    mask.save(os.path.join(out, "mask.png"))


def save_models(work: str) -> None:
    sys.path.insert(0, EXPORTER)
    import torch
    from brushedit_export import tiny
    from brushedit_export.onnx_io import run_onnx
    from brushedit_export.unet_features import FusedBrushNetUNet

    torch.manual_seed(0)  # as make_standins.build; each tiny_* reseeds itself
    unet, text_encoder, vae = tiny.tiny_unet(in_channels=4), tiny.tiny_text_encoder(), tiny.tiny_vae()
    brushnet = tiny.tiny_brushnet()
    # the rebuilt weights must be the committed stand-in's: compare the fused graph with the torch modules
    g = torch.Generator().manual_seed(5)
    x = dict(sample=torch.randn(2, 4, 8, 16, generator=g), timestep=torch.tensor([501.0]),
             encoder_hidden_states=torch.randn(2, 77, 8, generator=g), brushnet_cond=torch.randn(1, 5, 8, 16, generator=g),
             conditioning_scale=torch.tensor([1.0]))
    with torch.no_grad():
        ref = FusedBrushNetUNet(unet, brushnet)(*x.values()).numpy()
        dec = vae.decode(x["sample"][:1]).sample.numpy()
    got = run_onnx(os.path.join(STANDIN, "brushnet_unet", "model.onnx"), {k: v.numpy() for k, v in x.items()})[0]
    got_dec = run_onnx(os.path.join(STANDIN, "vae_decoder", "model.onnx"), {"latent_sample": x["sample"][:1].numpy()})[0]
    err = max(float(np.abs(got - ref).max()), float(np.abs(got_dec - dec).max()))
    print(f"rebuilt torch modules vs committed stand-in graphs: max abs err {err:.3g}")
    if err > 1e-4:
        raise SystemExit("the rebuilt tiny models do not match the committed stand-in graphs")
    unet.save_pretrained(os.path.join(work, "unet"))
    vae.save_pretrained(os.path.join(work, "vae"))
    text_encoder.save_pretrained(os.path.join(work, "text_encoder"))
    brushnet.save_pretrained(os.path.join(work, "brushnet"))
    with open(os.path.join(work, "scheduler.json"), "w") as f:
        json.dump(dict(tiny.SD15_SCHEDULER), f)


def reference(work: str, out: str, tokenizer: str) -> None:
    import huggingface_hub
    if not hasattr(huggingface_hub, "cached_download"):
        huggingface_hub.cached_download = huggingface_hub.hf_hub_download
    import transformers.utils
    if not hasattr(transformers.utils, "FLAX_WEIGHTS_NAME"):
        transformers.utils.FLAX_WEIGHTS_NAME = "flax_model.msgpack"
    import diffusers
    import torch
    from PIL import Image
    from diffusers import AutoencoderKL, BrushNetModel, StableDiffusionBrushNetPipeline, UNet2DConditionModel
    from diffusers.models.autoencoders import vae as vae_module
    from transformers import CLIPTextModel, CLIPTokenizer

    assert diffusers.__version__.startswith("0.27"), diffusers.__file__  # the BrushNet fork, not diffusers 0.42
    vae_module.DiagonalGaussianDistribution.sample = lambda self, generator=None: self.mean
    with open(os.path.join(work, "scheduler.json")) as f:
        sched_cfg = json.load(f)
    pipe = StableDiffusionBrushNetPipeline(
        vae=AutoencoderKL.from_pretrained(os.path.join(work, "vae")).eval(),
        text_encoder=CLIPTextModel.from_pretrained(os.path.join(work, "text_encoder")).eval(),
        tokenizer=CLIPTokenizer.from_pretrained(tokenizer),
        unet=UNet2DConditionModel.from_pretrained(os.path.join(work, "unet")).eval(),
        brushnet=BrushNetModel.from_pretrained(os.path.join(work, "brushnet")).eval(),
        scheduler=getattr(diffusers, "DDIMScheduler").from_config(sched_cfg),
        safety_checker=None, feature_extractor=None, requires_safety_checker=False)
    pipe.set_progress_bar_config(disable=True)
    image = np.array(Image.open(os.path.join(out, "image.png")).convert("RGB"))
    hole = (np.array(Image.open(os.path.join(out, "mask.png"))) >= 128)[:, :, None]
    masked = Image.fromarray((image * (1 - hole)).astype(np.uint8))  # BrushNet's example: init_image * (1 - mask)
    mask_rgb = Image.fromarray((hole.repeat(3, -1) * 255).astype(np.uint8))
    meta = dict(reference="TencentARC/BrushNet 0f9d9e5 src/ (diffusers " + diffusers.__version__ + ")",
                torch=torch.__version__, prompt=PROMPT, negative_prompt=NEGATIVE, cases=[])
    for case in CASES:
        pipe.scheduler = getattr(diffusers, case["scheduler"]).from_config(sched_cfg)
        with torch.no_grad():
            result = pipe(PROMPT, masked, mask_rgb, negative_prompt=NEGATIVE, num_inference_steps=case["steps"],
                          guidance_scale=case["guidance"], brushnet_conditioning_scale=case["scale"],
                          generator=torch.Generator("cpu").manual_seed(case["seed"]), output_type="np").images[0]
        result = result.astype(np.float32)  # [H, W, 3] in [0, 1], before quantisation
        result.astype("<f4").tofile(os.path.join(out, f"{case['name']}.f32"))
        quantised = (result * 255).round().astype(np.uint8)  # diffusers' numpy_to_pil
        Image.fromarray(quantised).save(os.path.join(out, f"{case['name']}.png"))
        meta["cases"].append(dict(case, shape=list(result.shape)))
        print(f"{case['name']}: mean {result.mean():.4f}, std {result.std():.4f}")
    with open(os.path.join(out, "cases.json"), "w") as f:
        json.dump(meta, f, indent=2)
        f.write("\n")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", required=True, help="folder for image.png, mask.png, <case>.f32/.png, cases.json")
    p.add_argument("--brushnet-src", default=os.environ.get("BRUSHNET_REF_SRC", "/tmp/brushnet-src/src"))
    p.add_argument("--tokenizer", default=os.path.join(STANDIN, "tokenizer"))
    p.add_argument("--photo", help="scikit-image's coffee.png (600x400), to cut image.png from")
    p.add_argument("--photo-mask", help="the spoon mask for coffee.png (git show 96f49ee:samples/coffee-spoon-mask.png)")
    p.add_argument("--reference", metavar="WORK", help=argparse.SUPPRESS)
    a = p.parse_args()
    out = os.path.abspath(a.out)
    if a.reference:
        reference(a.reference, out, a.tokenizer)
        return 0
    os.makedirs(out, exist_ok=True)
    make_inputs(out, a.photo, a.photo_mask)
    with tempfile.TemporaryDirectory() as work:
        save_models(work)
        env = dict(os.environ, PYTHONPATH=a.brushnet_src)
        subprocess.run([sys.executable, os.path.abspath(__file__), "--out", out, "--tokenizer", a.tokenizer,
                        "--reference", work], check=True, env=env)
    return 0


if __name__ == "__main__":
    sys.exit(main())
