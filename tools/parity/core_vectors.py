"""Reference vectors and image fixtures for brushedit-core's tests.

Run with the project's Python venv (outside CI):
    .venv-export/bin/python tools/parity/core_vectors.py brushedit-core/src/test/resources

Writes
  parity/float16.json        numpy float32 -> float16 (astype) and float16 -> float32
  parity/resize.json         torch.nn.functional.interpolate (align_corners=False, antialias=False)
  parity/image_tensor.json   diffusers VaeImageProcessor.preprocess / postprocess("pil")
  images/exif-*.jpg|png      EXIF orientation fixtures (checked with PIL.ImageOps.exif_transpose)
  images/px-*.png            pixel-format fixtures and images/pixel_formats.json (expected RGB)
  images/smoke.json          Pillow-decoded statistics of the copied photographs

images/rocket.jpg and images/camera.png must be copied from scikit-image's sample data (skimage/data) first.
"""
import io
import json
import os
import struct
import sys

import cv2
import numpy as np
import PIL
import torch
import torch.nn.functional as F
import diffusers
from diffusers.image_processor import VaeImageProcessor
from PIL import Image, ImageOps

root = sys.argv[1]
par = os.path.join(root, "parity")
img = os.path.join(root, "images")
os.makedirs(par, exist_ok=True)
os.makedirs(img, exist_ok=True)
versions = {"numpy": np.__version__, "torch": torch.__version__, "diffusers": diffusers.__version__,
            "Pillow": PIL.__version__, "opencv": cv2.__version__}


def f32bits(a):
    return np.asarray(a, dtype=np.float32).view(np.uint32).astype(np.int64).tolist()


def dump(path, obj):
    with open(path, "w") as f:
        json.dump(obj, f, separators=(",", ":"))


# ------------------------------------------------------------------ float16
rng = np.random.default_rng(20260521)
special = [0.0, -0.0, 1.0, -1.0, 0.5, 65504.0, 65519.0, 65520.0, 70000.0, -65520.0, 1e30, -1e30,
           float("inf"), float("-inf"), float("nan"),
           2.0 ** -14, 2.0 ** -24, 2.0 ** -25, 3 * 2.0 ** -25, 2.0 ** -26, 1.5 * 2.0 ** -24, 2.5 * 2.0 ** -24,
           (1 - 2.0 ** -11) * 2.0 ** -14, 1e-45, -1e-45, 1e-40,
           1 + 2.0 ** -11, 1 + 3 * 2.0 ** -11, 1 + 2.0 ** -11 + 2.0 ** -23, 2048 + 1, 2048 + 3, 0.1, 1 / 3]
exps = rng.integers(-30, 17, size=3000)
randoms = (rng.standard_normal(3000) * np.exp2(exps)).astype(np.float32)
# exact ties: a half mantissa plus half an ulp
tie_m = rng.integers(0, 1024, size=200)
tie_e = rng.integers(-14, 16, size=200)
ties = ((1 + (tie_m + 0.5) / 1024) * np.exp2(tie_e)).astype(np.float32)
sub_ties = ((rng.integers(0, 1023, size=100) + 0.5) * 2.0 ** -24).astype(np.float32)
inputs = np.concatenate([np.array(special, dtype=np.float32), randoms, ties, sub_ties])
halves = inputs.astype(np.float16)
# float16 -> float32 on every exponent with a spread of mantissas
hbits = np.array([(s << 15) | (e << 10) | m for s in (0, 1) for e in range(32)
                  for m in (0, 1, 2, 3, 0x155, 0x200, 0x2aa, 0x3fe, 0x3ff)], dtype=np.uint16)
dump(os.path.join(par, "float16.json"), {
    "versions": versions,
    "from_float_in_bits": f32bits(inputs),
    "from_float_out_bits": halves.view(np.uint16).astype(np.int64).tolist(),
    "to_float_in_bits": hbits.astype(np.int64).tolist(),
    "to_float_out_bits": f32bits(hbits.view(np.float16).astype(np.float32)),
})

# ------------------------------------------------------------------ resize
src = torch.from_numpy(rng.standard_normal((1, 2, 5, 7)).astype(np.float32))
sizes = [(5, 7), (10, 14), (3, 4), (8, 11), (2, 3), (7, 5), (1, 1), (13, 2), (4, 9)]
cases = []
for mode in ("nearest", "bilinear", "bicubic", "area"):
    for (h, w) in sizes:
        kw = {} if mode in ("nearest", "area") else {"align_corners": False}
        out = F.interpolate(src, size=(h, w), mode=mode, **kw)
        cases.append({"mode": mode, "height": h, "width": w, "out_bits": f32bits(out.numpy().ravel())})
dump(os.path.join(par, "resize.json"), {"versions": versions, "shape": list(src.shape),
                                        "in_bits": f32bits(src.numpy().ravel()), "cases": cases})

# ------------------------------------------------------------------ image <-> tensor
proc = VaeImageProcessor()
grid = np.zeros((16, 16, 3), dtype=np.uint8)
vals = np.arange(256, dtype=np.uint8).reshape(16, 16)
grid[..., 0] = vals
grid[..., 1] = vals.T
grid[..., 2] = 255 - vals
pre = proc.preprocess(Image.fromarray(grid, "RGB"))  # [1, 3, 16, 16] float32 in [-1, 1]
# edge values for postprocess: the float32 x whose (x*0.5+0.5)*255 is nearest to k+0.5, and neighbours
xs = []
for k in range(255):
    x = np.float32((k + 0.5) / 255 * 2 - 1)
    for d in range(-3, 4):
        v = x
        step = np.float32(np.inf) if d > 0 else np.float32(-np.inf)
        for _ in range(abs(d)):
            v = np.nextafter(v, step)
        xs.append(v)
xs += [np.float32(v) for v in (-1, 1, 0, -1.5, 2.0, -1e9, 1e9, 1e-8, -1e-8)]
xs = np.array(xs, dtype=np.float32)
t = torch.from_numpy(np.stack([xs, -xs, xs[::-1].copy()])).reshape(1, 3, 1, -1)
post = np.array(proc.postprocess(t, output_type="pil")[0])  # [1, N, 3] uint8
dump(os.path.join(par, "image_tensor.json"), {
    "versions": versions,
    "rgb": grid.ravel().astype(np.int64).tolist(), "width": 16, "height": 16,
    "preprocess_bits": f32bits(pre.numpy().ravel()),
    "post_in_bits": f32bits(t.numpy().ravel()), "post_count": int(xs.size),
    "post_rgb": post.ravel().astype(np.int64).tolist(),
})

# ------------------------------------------------------------------ EXIF orientation fixtures
colours = [(230, 30, 30), (30, 200, 40), (40, 50, 220), (240, 220, 30), (200, 40, 200), (30, 210, 220)]
upright = np.zeros((16, 24, 3), dtype=np.uint8)
for i, c in enumerate(colours):
    r, cidx = divmod(i, 3)
    upright[r * 8:(r + 1) * 8, cidx * 8:(cidx + 1) * 8] = c
U = Image.fromarray(upright, "RGB")
inverse = {1: None, 2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180,
           4: Image.Transpose.FLIP_TOP_BOTTOM, 5: Image.Transpose.TRANSPOSE, 6: Image.Transpose.ROTATE_90,
           7: Image.Transpose.TRANSVERSE, 8: Image.Transpose.ROTATE_270}


def check_upright(path):
    shown = np.array(ImageOps.exif_transpose(Image.open(path)).convert("RGB")).astype(int)
    assert shown.shape == upright.shape, (path, shown.shape)
    for i, c in enumerate(colours):
        r, cidx = divmod(i, 3)
        centre = shown[r * 8 + 4, cidx * 8 + 4]
        assert np.abs(centre - np.array(c)).max() <= 8, (path, centre, c)


for o in range(1, 9):
    stored = U if inverse[o] is None else U.transpose(inverse[o])
    ex = Image.Exif()
    ex[0x0112] = o
    p = os.path.join(img, f"exif-{o}.jpg")
    stored.save(p, quality=95, subsampling=0, exif=ex)
    check_upright(p)
for o in (6, 8):
    ex = Image.Exif()
    ex[0x0112] = o
    p = os.path.join(img, f"exif-{o}.png")
    U.transpose(inverse[o]).save(p, exif=ex)
    check_upright(p)
# Pillow writes big-endian ("MM") EXIF; a little-endian ("II") one written by hand: a second IFD entry
# before Orientation (ImageWidth, LONG) so the parser must walk the entries, Orientation = 6
ii = b"Exif\x00\x00II\x2a\x00\x08\x00\x00\x00" + struct.pack("<H", 2) + struct.pack("<HHII", 0x0100, 4, 1, 24) \
    + struct.pack("<HHIHH", 0x0112, 3, 1, 6, 0) + struct.pack("<I", 0)
p = os.path.join(img, "exif-6-littleendian.jpg")
U.transpose(inverse[6]).save(p, quality=95, subsampling=0, exif=ii)
check_upright(p)

# ------------------------------------------------------------------ pixel-format fixtures (4x3)
h, w = 3, 4
expected = {}
g8 = (np.arange(12, dtype=np.uint8).reshape(h, w) * 23).astype(np.uint8)
Image.fromarray(g8, "L").save(os.path.join(img, "px-gray8.png"))
expected["px-gray8.png"] = np.repeat(g8[..., None], 3, axis=2)
g16 = np.array([0, 1, 128, 129, 256, 1000, 32767, 32896, 40000, 65279, 65534, 65535], dtype=np.uint16).reshape(h, w)
cv2.imwrite(os.path.join(img, "px-gray16.png"), g16)
assert (cv2.imread(os.path.join(img, "px-gray16.png"), cv2.IMREAD_UNCHANGED) == g16).all()
rule16 = lambda v: np.floor(v.astype(np.float64) * 255 / 65535 + 0.5).astype(np.uint8)  # no ties exist
expected["px-gray16.png"] = np.repeat(rule16(g16)[..., None], 3, axis=2)
rgb8 = rng.integers(0, 256, size=(h, w, 3), dtype=np.uint8)
alpha = np.array([0, 255, 128, 1, 0, 0, 200, 255, 30, 0, 77, 255], dtype=np.uint8).reshape(h, w)
Image.fromarray(np.dstack([rgb8, alpha]), "RGBA").save(os.path.join(img, "px-rgba8.png"))
expected["px-rgba8.png"] = rgb8
la = np.dstack([g8, alpha])
Image.fromarray(la, "LA").save(os.path.join(img, "px-gray-alpha8.png"))
expected["px-gray-alpha8.png"] = np.repeat(g8[..., None], 3, axis=2)
rgb16 = rng.integers(0, 65536, size=(h, w, 3), dtype=np.uint16)
rgb16[0, 0] = (0, 65535, 128)
cv2.imwrite(os.path.join(img, "px-rgb16.png"), rgb16[..., ::-1])  # OpenCV writes BGR order
expected["px-rgb16.png"] = rule16(rgb16)
a16 = rng.integers(0, 65536, size=(h, w), dtype=np.uint16)
a16[0, 0] = 0
cv2.imwrite(os.path.join(img, "px-rgba16.png"), np.dstack([rgb16[..., ::-1], a16]))
expected["px-rgba16.png"] = rule16(rgb16)
pal = Image.fromarray(rgb8, "RGB").quantize(colors=8)
pal.info["transparency"] = 0
pal.save(os.path.join(img, "px-palette.png"), transparency=0)
expected["px-palette.png"] = np.array(Image.open(os.path.join(img, "px-palette.png")).convert("RGB"))
for name in ("px-gray8.png", "px-rgba8.png", "px-gray-alpha8.png", "px-palette.png"):
    # Pillow's convert("RGB"), as diffusers' load_image, agrees on every 8-bit format
    assert (np.array(Image.open(os.path.join(img, name)).convert("RGB")) == expected[name]).all(), name
dump(os.path.join(img, "pixel_formats.json"), {"versions": versions, "width": w, "height": h,
                                                "expected_rgb": {k: v.ravel().astype(np.int64).tolist()
                                                                 for k, v in expected.items()}})

# ------------------------------------------------------------------ photographs for smoke tests
smoke = {}
for name in ("rocket.jpg", "camera.png"):
    a = np.array(ImageOps.exif_transpose(Image.open(os.path.join(img, name))).convert("RGB")).astype(np.float64)
    smoke[name] = {"width": a.shape[1], "height": a.shape[0], "mean_rgb": a.reshape(-1, 3).mean(axis=0).tolist()}
dump(os.path.join(img, "smoke.json"), {"versions": versions, "images": smoke})
print("ok", versions)
