"""Reference outputs of MimicBrush's own pipeline on the mimicbrush-tiny stand-in weights.

Writes what the Java test ReferenceInpainterParityTest compares against
(brushedit-models/src/test/resources/mimicbrush-parity/, see the README there):

    cd tools/exporter && python make_mimicbrush_standin.py --source /tmp/mimicbrush-tiny-source
    python tools/parity/mimicbrush_parity.py --mimicbrush /tmp/mimicbrush-src \
        --source /tmp/mimicbrush-tiny-source --out brushedit-models/src/test/resources/mimicbrush-parity

``--mimicbrush`` is a checkout of ali-vilab/MimicBrush (outside this repository; never copied into it). This
script builds MimicBrush's ``MimicBrushPipeline`` with its ``ReferenceNet`` and its ``ReferenceNetAttention``
hooks from the tiny source checkpoint that make_mimicbrush_standin.py wrote (the same weights the committed
ONNX folder was exported from), and follows its demo's ``infer_single`` and ``MimicBrush_RefNet.generate``:

- the demo's own ``pad_img_to_square`` and ``collage_region`` (read from run_gradio3_demo.py and executed,
  not copied) pad the source, mask and reference to squares and black out the hole;
- the depth input is Depth Anything's transform of the padded source (zeroed without shape control);
  the estimator is transformers' DepthAnythingForDepthEstimation (the exporter's), wrapped to return
  MimicBrush's [b, H, W] depth;
- image prompts: the penultimate CLIP vision hidden states of the padded reference (CLIPImageProcessor),
  projected; the unconditional prompt is the same on a zero image;
- everything runs in float32 on the CPU, generator torch.Generator("cpu").manual_seed(seed): the reference
  latents' VAE sample draws first, then the initial noise, then the masked image's VAE sample;
- output_type "np": the float image in [0, 1] at 512 x 512 before quantisation. Stored every 4th pixel in
  both directions (128 x 128 x 3 float32, little-endian, row-major HWC) to keep the files small.

Compatibility with diffusers 0.42 (MimicBrush targets an older release): einops is replaced by a stub (only
its video path uses it) and the transformer blocks get the ``use_ada_layer_norm*`` flags MimicBrush's hooked
forward reads (False for SD1.5's layer norms).
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import sys
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
FIXTURES = os.environ.get("BRUSHEDIT_FIXTURES", os.path.join(REPO, "..", "shared", "fixtures", "images"))
STRIDE = 4

CASES = [
    # name, keep shape, steps, guidance, seed
    dict(name="texture", keep_shape=False, steps=4, guidance=5.0, seed=7),
    dict(name="shape", keep_shape=True, steps=3, guidance=3.5, seed=11),
]


def demo_functions(mimicbrush: str, names):
    """The named top-level functions of MimicBrush's run_gradio3_demo.py, executed from its source."""
    path = os.path.join(mimicbrush, "run_gradio3_demo.py")
    tree = ast.parse(open(path, encoding="utf-8").read())
    body = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name in names]
    import cv2
    from PIL import Image
    scope = {"np": np, "Image": Image, "cv2": cv2}
    exec(compile(ast.Module(body=body, type_ignores=[]), path, "exec"), scope)
    return {n: scope[n] for n in names}


def compat_diffusers():
    """Names MimicBrush imports that diffusers 0.42 renamed or moved (same classes)."""
    import importlib
    import diffusers.models.embeddings as emb
    if not hasattr(emb, "PositionNet"):
        emb.PositionNet = emb.GLIGENTextBoundingboxProjection
    try:
        importlib.import_module("diffusers.models.unet_2d_blocks")
    except ImportError:
        sys.modules["diffusers.models.unet_2d_blocks"] = importlib.import_module("diffusers.models.unets.unet_2d_blocks")


def write_inputs(out: str):
    """A non-square source (120x80), its mask (an off-centre ellipse) and a reference of another aspect (72x96)."""
    from PIL import Image, ImageDraw
    src = Image.open(os.path.join(FIXTURES, "chelsea.png")).convert("RGB").crop((60, 20, 420, 260)).resize((120, 80), Image.BOX)
    ref = Image.open(os.path.join(FIXTURES, "coffee.png")).convert("RGB").crop((100, 20, 460, 500)).resize((72, 96), Image.BOX)
    mask = Image.new("L", (120, 80), 0)
    ImageDraw.Draw(mask).ellipse((40, 18, 92, 66), fill=255)
    src.save(os.path.join(out, "source.png"))
    ref.save(os.path.join(out, "reference.png"))
    mask.save(os.path.join(out, "mask.png"))
    return src, ref, np.array(mask)


def build(mimicbrush: str, source: str):
    import torch
    from diffusers import AutoencoderKL, DDIMScheduler, UNet2DConditionModel
    from transformers import CLIPImageProcessor, CLIPVisionModelWithProjection, DepthAnythingForDepthEstimation
    sys.path[:0] = [mimicbrush, os.path.join(mimicbrush, "depthanything")]
    from models.pipeline_mimicbrush import MimicBrushPipeline
    from models.ReferenceNet import ReferenceNet
    from models.depth_guider import DepthGuider

    class LinearResampler(torch.nn.Module):  # MimicBrush's LinearResampler is one nn.Linear named projector;
        def __init__(self, input_dim, output_dim):  # its module imports need einops' torch layers
            super().__init__()
            self.projector = torch.nn.Linear(input_dim, output_dim)

        def forward(self, x):
            return self.projector(x)

    state = torch.load(os.path.join(source, "mimicbrush.bin"), map_location="cpu", weights_only=True)
    unet = UNet2DConditionModel.from_config(UNet2DConditionModel.load_config(os.path.join(source, "inpainting_unet")))
    unet.load_state_dict(state["unet"])
    ref = ReferenceNet.from_config(UNet2DConditionModel.load_config(os.path.join(source, "reference_unet")))
    missing, unexpected = ref.load_state_dict(state["referencenet"], strict=False)
    assert not missing, missing  # the unexpected keys are the layers MimicBrush's ReferenceNet drops
    vae = AutoencoderKL.from_pretrained(os.path.join(source, "vae"))
    enc = CLIPVisionModelWithProjection.from_pretrained(os.path.join(source, "image_encoder"))
    enc.load_state_dict(state["image_encoder"])
    w = state["image_proj"]["projector.weight"]
    proj = LinearResampler(input_dim=w.shape[1], output_dim=w.shape[0])
    proj.load_state_dict(state["image_proj"])
    guider = DepthGuider()
    guider.load_state_dict(state["depth_guider"])
    depth = DepthAnythingForDepthEstimation.from_pretrained(os.path.join(source, "depth_model"))

    class Estimator(torch.nn.Module):
        def __init__(self, model):
            super().__init__()
            self.model = model

        def forward(self, x):
            return self.model(pixel_values=x).predicted_depth

    scheduler = DDIMScheduler(num_train_timesteps=1000, beta_start=0.00085, beta_end=0.012, beta_schedule="scaled_linear",
                              clip_sample=False, set_alpha_to_one=False, steps_offset=1)
    pipe = MimicBrushPipeline(vae=vae, text_encoder=None, tokenizer=None, unet=unet, scheduler=scheduler,
                              safety_checker=None, feature_extractor=None, requires_safety_checker=False)
    for model in (unet, ref):
        for m in model.modules():
            if m.__class__.__name__ == "BasicTransformerBlock":
                m.use_ada_layer_norm = False
                m.use_ada_layer_norm_zero = False
    return dict(pipe=pipe, ref=ref.eval(), enc=enc.eval(), proj=proj.eval(), guider=guider.eval(),
                estimator=Estimator(depth).eval(), clip=CLIPImageProcessor())


def run_case(m, fns, transform, src, ref_img, mask_np, case):
    import torch
    from diffusers.image_processor import VaeImageProcessor
    from PIL import Image
    pad, collage = fns["pad_img_to_square"], fns["collage_region"]
    ref_sq = pad(ref_img)
    target = pad(src)
    mask3 = np.stack([mask_np > 128] * 3, -1).astype(np.uint8) * 255
    target_mask = pad(Image.fromarray(mask3), True)
    target_ori = target.copy()
    target_collage = collage(target, target, target_mask)
    depth_in = torch.from_numpy(transform({"image": np.array(target_ori)})["image"]).unsqueeze(0) / 255
    if not case["keep_shape"]:
        depth_in = depth_in * 0
    mask_pt = VaeImageProcessor(vae_scale_factor=1, do_normalize=False, do_binarize=True,
                                do_convert_grayscale=True).preprocess(target_mask, height=512, width=512)
    with torch.no_grad():
        pix = m["clip"](images=[ref_sq], return_tensors="pt").pixel_values
        cond = m["proj"](m["enc"](pix, output_hidden_states=True).hidden_states[-2])
        uncond = m["proj"](m["enc"](torch.zeros_like(pix), output_hidden_states=True).hidden_states[-2])
        depth_feature = m["guider"](m["estimator"](depth_in).unsqueeze(1))
        out = m["pipe"](prompt_embeds=cond, negative_prompt_embeds=uncond, guidance_scale=case["guidance"],
                        num_inference_steps=case["steps"], generator=torch.Generator("cpu").manual_seed(case["seed"]),
                        referencenet=m["ref"], source_image=ref_sq, image=target_collage,
                        clip_image_embed=torch.cat([uncond, cond], dim=0), depth_feature=depth_feature,
                        mask_image=mask_pt, strength=1.0, output_type="np",
                        height=512, width=512).images[0]  # the real UNet's sample_size 64 gives 512
    return out


def write_composite(out, fns, img, source, mask_np):
    """MimicBrush's final step (its demo's run_local): the 8-bit square resized back and cropped by its
    crop_padding_and_resize, then blended with the 0/1 mask blurred ten times (3x3 Gaussian, 8-bit)."""
    import cv2
    from PIL import Image
    pred = (img * 255).round().astype(np.uint8)  # diffusers' numpy_to_pil
    Image.fromarray(pred).save(os.path.join(out, "texture-generated.png"))
    alpha = np.stack([(mask_np > 128).astype(np.uint8)] * 3, -1) * 255
    for _ in range(10):
        alpha = cv2.GaussianBlur(alpha, (3, 3), 0)
    synthesis = fns["crop_padding_and_resize"](source, pred)
    a = alpha / 255
    Image.fromarray((synthesis * a + source * (1 - a)).astype(np.uint8)).save(os.path.join(out, "texture-composite.png"))


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--mimicbrush", required=True, help="checkout of ali-vilab/MimicBrush (outside the repository)")
    p.add_argument("--source", required=True, help="the tiny source checkpoint make_mimicbrush_standin.py wrote")
    p.add_argument("--out", required=True)
    p.add_argument("--cases", nargs="*", default=[c["name"] for c in CASES], help="which cases to run (default all)")
    a = p.parse_args(argv)
    os.makedirs(a.out, exist_ok=True)
    shims = tempfile.mkdtemp()
    with open(os.path.join(shims, "einops.py"), "w", encoding="utf-8") as f:
        f.write("def rearrange(*a, **k):\n    raise NotImplementedError('video path only')\n\n\nrepeat = rearrange\n")
    sys.path.insert(0, shims)
    compat_diffusers()
    import cv2
    src, ref_img, mask_np = write_inputs(a.out)
    m = build(a.mimicbrush, a.source)
    fns = demo_functions(a.mimicbrush, ["pad_img_to_square", "collage_region", "crop_padding_and_resize"])
    import types
    sys.modules["torchvision"] = types.ModuleType("torchvision")  # imported by that module, unused by these steps
    sys.modules["torchvision"].transforms = None
    from depth_anything.util.transform import NormalizeImage, PrepareForNet, Resize
    del sys.modules["torchvision"]
    steps = [Resize(width=518, height=518, resize_target=False, keep_aspect_ratio=True, ensure_multiple_of=14,
                                resize_method="lower_bound", image_interpolation_method=cv2.INTER_CUBIC),
                         NormalizeImage(mean=[0.485, 0.456, 0.406], std=[0.229, 0.224, 0.225]), PrepareForNet()]

    def transform(sample):  # torchvision's Compose (not installed here): apply in order
        for step in steps:
            sample = step(sample)
        return sample
    meta = []
    for case in [c for c in CASES if c["name"] in a.cases]:
        img = run_case(m, fns, transform, src, ref_img, mask_np, case)
        if case["name"] == "texture":
            write_composite(a.out, fns, img, np.array(src), mask_np)
        sub = np.ascontiguousarray(img[::STRIDE, ::STRIDE, :], dtype="<f4")
        sub.tofile(os.path.join(a.out, f"{case['name']}.f32"))
        meta.append(dict(case, shape=list(sub.shape), stride=STRIDE))
        print(case["name"], img.shape, float(img.min()), float(img.max()), float(img.std()))
    with open(os.path.join(a.out, "cases.json"), "w", encoding="utf-8") as f:
        json.dump(meta, f, indent=2)
        f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
