"""Reference outputs of diffusers' StableDiffusionInstructPix2PixPipeline on the ip2p-tiny stand-in weights.

Writes the vectors the Java test Pix2PixPipelineParityTest compares against
(brushedit-models/src/test/resources/ip2p-pipeline-parity/, see the README there):

    /work/pyenv/bin/python tools/parity/ip2p_pipeline_parity.py \
        --out brushedit-models/src/test/resources/ip2p-pipeline-parity --photo chelsea.png

It rebuilds the tiny torch modules exactly as tools/exporter/make_standins.py does for ip2p-tiny
(brushedit_export.tiny, same seeds), checks them against the committed ONNX graphs, and runs diffusers'
pipeline on them for each case:

- generator torch.Generator("cpu").manual_seed(seed): the initial noise is its first draw, then the
  scheduler's noise (Euler ancestral draws once per step);
- the image is a non-square RGB crop (192x128); the pipeline encodes it with the VAE posterior's mode
  (prepare_image_latents, sample_mode "argmax"), so no random draw is involved there;
- each scheduler is built with from_config of the stand-in's scheduler_config.json (InstructPix2Pix's:
  EulerAncestralDiscreteScheduler, SD1.5 betas);
- output_type "np" gives the float image in [0, 1] before uint8 quantisation.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
EXPORTER = os.path.join(REPO, "tools", "exporter")
STANDIN = os.path.join(REPO, "brushedit-models", "src", "test", "resources", "standins", "ip2p-tiny")
# image.png is cut from scikit-image's chelsea.png (451x300, CC0): the cat's head, resized to 192x128
CROP = (60, 20, 420, 260)  # x0, y0, x1, y1 (360x240, 3:2)
SIZE = (192, 128)          # width, height: non-square, multiples of 64

CASES = [
    # name, scheduler class, steps, text guidance, image guidance, seed
    dict(name="euler_a", scheduler="EulerAncestralDiscreteScheduler", steps=8, guidance=7.5, image_guidance=1.5, seed=42),
    dict(name="unipc", scheduler="UniPCMultistepScheduler", steps=8, guidance=5.0, image_guidance=1.2, seed=7),
    # DDIM from IP2P's config clips x0 to [-1, 1] (clip_sample is absent, DDIM's default is true): this case is
    # ill-conditioned in fp32 (see the README there), the Java test holds it to a looser bound
    dict(name="ddim_clip", scheduler="DDIMScheduler", steps=8, guidance=5.0, image_guidance=1.2, seed=7),
    dict(name="dpm", scheduler="DPMSolverMultistepScheduler", steps=8, guidance=7.5, image_guidance=1.5, seed=1234),
    dict(name="euler_a_unguided", scheduler="EulerAncestralDiscreteScheduler", steps=6, guidance=1.0,
         image_guidance=1.5, seed=5),
]
INSTRUCTION = "make it look like a snowy winter day"
NEGATIVE = "blurry"


def make_input(out: str, photo: str) -> None:
    from PIL import Image
    if os.path.isfile(os.path.join(out, "image.png")):
        return
    if not photo:
        raise SystemExit("give --photo chelsea.png (or put image.png in --out)")
    Image.open(photo).convert("RGB").crop(CROP).resize(SIZE, Image.BOX).save(os.path.join(out, "image.png"))


def load_models():
    sys.path.insert(0, EXPORTER)
    import torch
    from brushedit_export import tiny
    from brushedit_export.onnx_io import run_onnx

    torch.manual_seed(0)  # as make_standins.build; each tiny_* reseeds itself
    unet, text_encoder, vae = tiny.tiny_unet(in_channels=8), tiny.tiny_text_encoder(), tiny.tiny_vae()
    g = torch.Generator().manual_seed(5)
    sample = torch.randn(3, 8, 16, 24, generator=g)
    ctx = torch.randn(3, 77, tiny.TEXT_HIDDEN, generator=g)
    with torch.no_grad():
        ref = unet(sample, torch.tensor(501.0), encoder_hidden_states=ctx).sample.numpy()
    got = run_onnx(os.path.join(STANDIN, "unet", "model.onnx"),
                   {"sample": sample.numpy(), "timestep": np.array(501.0, dtype=np.float32),
                    "encoder_hidden_states": ctx.numpy()})[0]
    err = float(np.abs(got - ref).max())
    print(f"rebuilt torch UNet vs committed stand-in graph: max abs err {err:.3g}")
    if err > 1e-4:
        raise SystemExit("the rebuilt tiny models do not match the committed stand-in graphs")
    return unet, text_encoder, vae


def run(out: str) -> None:
    import diffusers
    import torch
    from PIL import Image
    from diffusers import StableDiffusionInstructPix2PixPipeline
    from transformers import CLIPTokenizer

    unet, text_encoder, vae = load_models()
    with open(os.path.join(STANDIN, "scheduler", "scheduler_config.json")) as f:
        sched_cfg = json.load(f)
    pipe = StableDiffusionInstructPix2PixPipeline(
        vae=vae, text_encoder=text_encoder, tokenizer=CLIPTokenizer.from_pretrained(os.path.join(STANDIN, "tokenizer")),
        unet=unet, scheduler=getattr(diffusers, sched_cfg["_class_name"]).from_config(sched_cfg),
        safety_checker=None, feature_extractor=None, requires_safety_checker=False)
    pipe.set_progress_bar_config(disable=True)
    image = Image.open(os.path.join(out, "image.png")).convert("RGB")
    meta = dict(reference="diffusers " + diffusers.__version__ + " StableDiffusionInstructPix2PixPipeline",
                torch=torch.__version__, instruction=INSTRUCTION, negative_prompt=NEGATIVE, cases=[])
    for case in CASES:
        pipe.scheduler = getattr(diffusers, case["scheduler"]).from_config(sched_cfg)
        with torch.no_grad():
            result = pipe(INSTRUCTION, image=image, negative_prompt=NEGATIVE, num_inference_steps=case["steps"],
                          guidance_scale=case["guidance"], image_guidance_scale=case["image_guidance"],
                          generator=torch.Generator("cpu").manual_seed(case["seed"]), output_type="np").images[0]
        result = result.astype(np.float32)  # [H, W, 3] in [0, 1], before quantisation
        result.astype("<f4").tofile(os.path.join(out, f"{case['name']}.f32"))
        Image.fromarray((result * 255).round().astype(np.uint8)).save(os.path.join(out, f"{case['name']}.png"))
        saturated = float(((result <= 0) | (result >= 1)).mean())
        meta["cases"].append(dict(case, shape=list(result.shape)))
        if case["name"] == "ddim_clip":
            sensitivity(pipe, image, case, result)
        print(f"{case['name']}: mean {result.mean():.4f}, std {result.std():.4f}, saturated {saturated:.3f}")
    with open(os.path.join(out, "cases.json"), "w") as f:
        json.dump(meta, f, indent=2)
        f.write("\n")


def sensitivity(pipe, image, case, base) -> None:
    """How far diffusers' own output moves when every UNet output is perturbed by 1e-6 relative (fp32 rounding)."""
    import torch
    forward = pipe.unet.forward
    gen = torch.Generator().manual_seed(99)

    def perturbed(*args, **kwargs):
        out = forward(*args, **kwargs)
        return (out[0] * (1 + 1e-6 * torch.randn(out[0].shape, generator=gen)),)

    pipe.unet.forward = perturbed
    try:
        with torch.no_grad():
            moved = pipe(INSTRUCTION, image=image, negative_prompt=NEGATIVE, num_inference_steps=case["steps"],
                         guidance_scale=case["guidance"], image_guidance_scale=case["image_guidance"],
                         generator=torch.Generator("cpu").manual_seed(case["seed"]), output_type="np").images[0]
    finally:
        pipe.unet.forward = forward
    case["sensitivity_1e-6"] = float(abs(moved - base).max())
    print(f"{case['name']}: a 1e-6 relative perturbation of the UNet output moves the image by {case['sensitivity_1e-6']:.3g}")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", required=True, help="folder for image.png, <case>.f32/.png, cases.json")
    p.add_argument("--photo", help="scikit-image's chelsea.png (451x300), to cut image.png from")
    a = p.parse_args()
    out = os.path.abspath(a.out)
    os.makedirs(out, exist_ok=True)
    make_input(out, a.photo)
    run(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
