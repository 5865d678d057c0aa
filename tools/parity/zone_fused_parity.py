"""Reference outputs of ZONE's fused InstructPix2Pix + MagicBrush denoising on the ip2p-tiny / magicbrush-tiny stand-ins.

Writes the vectors the Java test ZoneFusedParityTest compares against
(brushedit-models/src/test/resources/zone-fused-parity/, see the README there):

    ZONE_SRC=/path/to/ZONE /work/pyenv/bin/python tools/parity/zone_fused_parity.py \
        --out brushedit-models/src/test/resources/zone-fused-parity

ZONE's ``text2image_instructpix2pix_blend`` (null_text_w_ptp.py of a checkout of lsl001006/ZONE, never part of
this repository) is run as ZONE wrote it: the script reads the function's source out of the checkout with ``ast``
and executes it in a namespace that provides the names it uses (torch, tqdm, VaeImageProcessor, device = cpu).
The module itself cannot be imported (it downloads Stable Diffusion 1.5 at import time). Attention recording
(``ptp_utils.register_attention_control``) is replaced by a no-op and the controller's ``step_callback`` is the
identity, as ZONE's AttentionStore's is: the fused latents do not depend on it.

The models are the stand-ins' torch modules rebuilt with brushedit_export.tiny (IP2P UNet seed 1, MagicBrush UNet
seed 6, checked against the committed graphs); both schedulers are built as ZONE builds them
(``DPMSolverMultistepScheduler.from_config(ip2p scheduler config)`` for both; other classes for other cases).
The function returns the InstructPix2Pix latents (output_type other than "pil"); this script decodes them as
ZONE's "pil" branch does and stores the float image in [0, 1] before quantisation.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import shutil
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
EXPORTER = os.path.join(REPO, "tools", "exporter")
STANDINS = os.path.join(REPO, "brushedit-models", "src", "test", "resources", "standins")
IMAGE = os.path.join(REPO, "brushedit-models", "src", "test", "resources", "ip2p-pipeline-parity", "image.png")

CASES = [
    # name, scheduler (both UNets), mode, beta (ZONE's --blend_beta), steps, guidance, image guidance, seed
    dict(name="dpm_remove", scheduler="DPMSolverMultistepScheduler", mode="REMOVE", beta=0.2, steps=8, guidance=7.5,
         image_guidance=1.5, seed=42),
    dict(name="dpm_change", scheduler="DPMSolverMultistepScheduler", mode="CHANGE", beta=0.2, steps=8, guidance=7.5,
         image_guidance=1.5, seed=42),
    dict(name="unipc_remove", scheduler="UniPCMultistepScheduler", mode="REMOVE", beta=0.5, steps=6, guidance=5.0,
         image_guidance=1.2, seed=9),
]
INSTRUCTION = "remove the cat"


def zone_function(zone_src: str):
    """ZONE's text2image_instructpix2pix_blend, executed from its own source text."""
    import torch
    from diffusers.image_processor import VaeImageProcessor
    from tqdm import tqdm
    path = os.path.join(zone_src, "null_text_w_ptp.py")
    source = open(path, encoding="utf-8").read()
    tree = ast.parse(source)
    fn = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "text2image_instructpix2pix_blend")
    module = ast.Module(body=[fn], type_ignores=[])

    class PtpUtils:
        @staticmethod
        def register_attention_control(model, controller):
            return None

    from typing import List, Optional
    namespace = dict(torch=torch, tqdm=lambda x: x, VaeImageProcessor=VaeImageProcessor, ptp_utils=PtpUtils,
                     device=torch.device("cpu"), List=List, Optional=Optional)
    exec(compile(module, path, "exec"), namespace)
    return namespace["text2image_instructpix2pix_blend"]


def zone_attention(zone_src: str):
    """ZONE's AttentionStore (null_text_w_ptp.py), its attention hook (ptp_utils.py) and coarse mask (msk_from_attn.py)."""
    import abc
    import cv2
    import torch
    from math import ceil
    from typing import List
    from PIL import Image
    sys.path.insert(0, zone_src)
    import ptp_utils  # ZONE's; it imports only numpy, torch, PIL, cv2, tqdm
    ns = dict(abc=abc, torch=torch, np=np, cv2=cv2, Image=Image, ceil=ceil, List=List, LOW_RESOURCE=False,
              NUM_DDIM_STEPS=50)

    class Quiet:  # ZONE's ptp_utils.view_images only writes a preview file
        register_attention_control = staticmethod(ptp_utils.register_attention_control)

        @staticmethod
        def view_images(*args, **kwargs):
            return None

    ns["ptp_utils"] = Quiet
    for name, wanted in (("null_text_w_ptp.py", {"AttentionControl", "AttentionStore"}),
                         ("msk_from_attn.py", {"aggregate_attention", "show_diff_cross_attention"})):
        path = os.path.join(zone_src, name)
        tree = ast.parse(open(path, encoding="utf-8").read())
        body = [n for n in tree.body if isinstance(n, (ast.ClassDef, ast.FunctionDef)) and n.name in wanted]
        exec(compile(ast.Module(body=body, type_ignores=[]), path, "exec"), ns)
    return ns["AttentionStore"], ns["show_diff_cross_attention"], ptp_utils.register_attention_control


class IdentityController:
    def step_callback(self, x_t):
        return x_t


def load_models():
    sys.path.insert(0, EXPORTER)
    import torch
    from brushedit_export import tiny
    from brushedit_export.onnx_io import run_onnx

    torch.manual_seed(0)
    ip2p_unet, text_encoder, vae = tiny.tiny_unet(in_channels=8), tiny.tiny_text_encoder(), tiny.tiny_vae()
    mb_unet = tiny.tiny_unet(in_channels=8, seed=6)
    g = torch.Generator().manual_seed(5)
    sample = torch.randn(3, 8, 16, 24, generator=g)
    ctx = torch.randn(3, 77, tiny.TEXT_HIDDEN, generator=g)
    err = 0.0
    for unet, name in ((ip2p_unet, "ip2p-tiny"), (mb_unet, "magicbrush-tiny")):
        with torch.no_grad():
            ref = unet(sample, torch.tensor(501.0), encoder_hidden_states=ctx).sample.numpy()
        got = run_onnx(os.path.join(STANDINS, name, "unet", "model.onnx"),
                       {"sample": sample.numpy(), "timestep": np.array(501.0, dtype=np.float32),
                        "encoder_hidden_states": ctx.numpy()})[0]
        err = max(err, float(np.abs(got - ref).max()))
    print(f"rebuilt torch UNets vs committed stand-in graphs: max abs err {err:.3g}")
    if err > 1e-4:
        raise SystemExit("the rebuilt tiny models do not match the committed stand-in graphs")
    return ip2p_unet, mb_unet, text_encoder, vae


def run(out: str, zone_src: str) -> None:
    import diffusers
    import torch
    from PIL import Image
    from diffusers import StableDiffusionInstructPix2PixPipeline
    from transformers import CLIPTokenizer

    blend = zone_function(zone_src)
    ip2p_unet, mb_unet, text_encoder, vae = load_models()
    with open(os.path.join(STANDINS, "ip2p-tiny", "scheduler", "scheduler_config.json")) as f:
        sched_cfg = json.load(f)
    tokenizer = CLIPTokenizer.from_pretrained(os.path.join(STANDINS, "ip2p-tiny", "tokenizer"))

    def pipe(unet):
        return StableDiffusionInstructPix2PixPipeline(
            vae=vae, text_encoder=text_encoder, tokenizer=tokenizer, unet=unet,
            scheduler=diffusers.EulerAncestralDiscreteScheduler.from_config(sched_cfg),
            safety_checker=None, feature_extractor=None, requires_safety_checker=False)

    model, model_mb = pipe(ip2p_unet), pipe(mb_unet)
    image = Image.open(IMAGE).convert("RGB")
    shutil.copyfile(IMAGE, os.path.join(out, "image.png"))
    meta = dict(reference="lsl001006/ZONE null_text_w_ptp.text2image_instructpix2pix_blend on diffusers "
                          + diffusers.__version__, torch=torch.__version__, instruction=INSTRUCTION, cases=[])
    for case in CASES:
        cls = getattr(diffusers, case["scheduler"])
        model.scheduler = cls.from_config(sched_cfg)
        model_mb.scheduler = cls.from_config(model.scheduler.config)
        with torch.no_grad():
            _, latents = blend(model, model_mb, case["mode"], image, [INSTRUCTION], IdentityController(), beta=case["beta"],
                               num_inference_steps=case["steps"], guidance_scale=case["guidance"],
                               image_guidance_scale=case["image_guidance"],
                               generator=torch.Generator().manual_seed(case["seed"]), output_type="latent")
            decoded = vae.decode(latents / vae.config.scaling_factor).sample
        result = (decoded / 2 + 0.5).clamp(0, 1)[0].permute(1, 2, 0).numpy().astype(np.float32)
        result.astype("<f4").tofile(os.path.join(out, f"{case['name']}.f32"))
        meta["cases"].append(dict(case, shape=list(result.shape)))
        print(f"{case['name']}: mean {result.mean():.4f}, std {result.std():.4f}")
    # ZONE end to end: the same fused loop with ZONE's attention store registered on the InstructPix2Pix UNet, then
    # ZONE's coarse mask from it at the image size
    store_cls, show_diff, register = zone_attention(zone_src)
    namespace = getattr(blend, "__wrapped__", blend).__globals__  # the function is wrapped by torch.no_grad
    namespace["ptp_utils"] = type("P", (), {"register_attention_control": staticmethod(register)})
    case = dict(name="localise_dpm_remove", scheduler="DPMSolverMultistepScheduler", mode="REMOVE", beta=0.2, steps=6,
                guidance=7.5, image_guidance=1.5, seed=3)
    model, model_mb = pipe(ip2p_unet), pipe(mb_unet)
    model.scheduler = diffusers.DPMSolverMultistepScheduler.from_config(sched_cfg)
    model_mb.scheduler = diffusers.DPMSolverMultistepScheduler.from_config(model.scheduler.config)
    controller = store_cls(start_step=0)
    with torch.no_grad():
        _, latents = blend(model, model_mb, case["mode"], image, [INSTRUCTION], controller, beta=case["beta"],
                           num_inference_steps=case["steps"], guidance_scale=case["guidance"],
                           image_guidance_scale=case["image_guidance"],
                           generator=torch.Generator().manual_seed(case["seed"]), output_type="latent")
    w, h = image.size
    mask = show_diff(controller, [INSTRUCTION], tokenizer, original_resolution=(h, w), save_path=out)
    # ZONE's aggregated map (what the mask is made from), start and end tokens: [h/32, w/32, 2] float32
    aggregate = getattr(show_diff, "__wrapped__", show_diff).__globals__["aggregate_attention"]
    n_tokens = len(tokenizer.encode(INSTRUCTION))
    maps = aggregate(controller, [INSTRUCTION], -(-h // 32), -(-w // 32), ["up", "down"], True, 0)
    maps[:, :, [0, n_tokens - 1]].numpy().astype("<f4").tofile(os.path.join(out, f"{case['name']}.map.f32"))
    import cv2
    cv2.imwrite(os.path.join(out, f"{case['name']}.mask.png"), mask[..., 0])
    meta["cases"].append(dict(case, mask_white_fraction=float((mask[..., 0] == 255).mean()),
                              tokens=len(tokenizer.encode(INSTRUCTION))))
    print(f"{case['name']}: coarse mask white fraction {(mask[..., 0] == 255).mean():.3f}")
    with open(os.path.join(out, "cases.json"), "w") as f:
        json.dump(meta, f, indent=2)
        f.write("\n")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", required=True)
    p.add_argument("--zone-src", default=os.environ.get("ZONE_SRC", "/tmp/zone-src"), help="a checkout of lsl001006/ZONE")
    a = p.parse_args()
    out = os.path.abspath(a.out)
    os.makedirs(out, exist_ok=True)
    run(out, a.zone_src)
    return 0


if __name__ == "__main__":
    sys.exit(main())
