"""Generates the reference vectors under brushedit-blend/src/test/resources/zone.

Our own driver. It runs ZONE's post-processing functions (lsl001006/ZONE, utils/mask_utils.py and
inference.py), which must be importable as module `zone_extract` from the directory in $ZONE_EXTRACT
(see the README next to the vectors for how that module is made), plus OpenCV / SciPy for the
helper operations. Run with: ZONE_EXTRACT=<folder with zone_extract.py> python tools/parity/zone_parity.py <outdir>
"""
import json
import os
import sys

import cv2
import numpy as np
from scipy import ndimage

sys.path.insert(0, os.environ.get("ZONE_EXTRACT", "/tmp/zone"))
import zone_extract as Z  # noqa: E402

out = sys.argv[1]
os.makedirs(out, exist_ok=True)


def save_rgb(name, rgb):
    cv2.imwrite(os.path.join(out, name), cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR))


def save_gray(name, g):
    cv2.imwrite(os.path.join(out, name), g)


def scene(w, h, seed):
    """A smooth synthetic RGB scene (compresses well as PNG)."""
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float64)
    img = np.zeros((h, w, 3))
    for c in range(3):
        fx, fy, ph = rng.uniform(0.005, 0.05), rng.uniform(0.005, 0.05), rng.uniform(0, 6.28)
        img[..., c] = 128 + 100 * np.sin(fx * xx + ph) * np.cos(fy * yy + ph / 2)
    # quantised to steps of 16 so that the PNGs stay small
    return (np.clip(img, 0, 255).astype(np.uint8) // 16) * 16


def blob_mask(w, h, seed, n=2, hole=False):
    rng = np.random.default_rng(seed)
    m = np.zeros((h, w), np.uint8)
    for _ in range(n):
        c = (int(rng.integers(w // 5, 4 * w // 5)), int(rng.integers(h // 5, 4 * h // 5)))
        ax = (int(rng.integers(max(2, w // 12), max(3, w // 5))), int(rng.integers(max(2, h // 12), max(3, h // 5))))
        cv2.ellipse(m, c, ax, float(rng.uniform(0, 180)), 0, 360, 255, -1)
    if hole:
        ys, xs = np.nonzero(m)
        cy, cx = int(ys.mean()), int(xs.mean())
        cv2.circle(m, (cx, cy), max(2, min(w, h) // 30), 0, -1)
    return m


def edited_from(orig, mask, seed):
    rng = np.random.default_rng(seed)
    ed = orig.astype(np.int32).copy()
    yy, xx = np.mgrid[0:orig.shape[0], 0:orig.shape[1]]
    tex = 40 * ((xx // 8 + yy // 8) % 2).astype(np.int32)
    for c in range(3):
        shift = int(rng.integers(-120, 120))
        # the edit changes the object strongly and leaks a faint halo, as generators do
        ed[..., c] = np.where(mask > 0, ed[..., c] + shift + tex, ed[..., c] + (shift // 8))
    return np.clip(ed, 0, 255).astype(np.uint8)


# 1. FFT edge smoother, REFERENCE mode parity cases: (name, w, h, seed, blobs, hole, threshold)
cases = [("sq512", 512, 512, 1, 2, True, 30), ("wide640x480", 640, 480, 2, 1, False, 30),
         ("odd333x257", 333, 257, 3, 2, False, 30), ("border512", 512, 512, 4, 3, True, 20),
         ("tall300x512", 300, 512, 5, 1, True, 45)]
meta = []
for name, w, h, seed, n, hole, thr in cases:
    orig = scene(w, h, seed)
    mask = blob_mask(w, h, seed + 100, n, hole)
    if name == "border512":
        mask[:40, :] = 255  # touches the frame
    ed = edited_from(orig, mask, seed + 200)
    smoothed, canvas = Z.zone_edge_smoother(orig.copy(), ed.copy(), mask.copy(), threshold=thr)
    save_rgb(f"{name}_original.png", orig)
    save_rgb(f"{name}_edited.png", ed)
    save_gray(f"{name}_mask.png", mask)
    save_gray(f"{name}_expected_mask.png", smoothed)
    save_rgb(f"{name}_expected_composite.png", canvas)
    meta.append({"name": name, "width": w, "height": h, "threshold": thr,
                 "smoothedPixels": int((smoothed > 0).sum())})

# 2. OpenCV filled circle rasterisation (cv2.circle(img, (cx, cy), r, 1, -1)).
circles = []
for (w, h, cx, cy, r) in [(512, 512, 256, 256, 200), (640, 480, 240, 320, 200), (333, 257, 128, 166, 200),
                          (64, 48, 10, 40, 7), (31, 31, 15, 15, 0), (50, 50, 25, 25, 1), (90, 70, 3, 80, 33)]:
    m = np.zeros((h, w), np.uint8)
    cv2.circle(m, (cx, cy), r, 1, -1)
    circles.append({"w": w, "h": h, "cx": cx, "cy": cy, "r": r,
                    "rows": [[int(i) for i in np.nonzero(m[y])[0][[0, -1]]] if m[y].any() else [] for y in range(h)]})

# 3. Morphology, labels and contour filling on random masks.
rng = np.random.default_rng(7)
rm = (ndimage.gaussian_filter(rng.random((47, 61)), 1.5) > 0.52).astype(np.uint8) * 255
save_gray("morph_input.png", rm)
for tag, img in [("dilate_sq3_it4", cv2.dilate(rm, np.ones((3, 3), np.uint8), iterations=4)),
                 ("erode_sq5_it2", cv2.erode(rm, np.ones((5, 5), np.uint8), iterations=2)),
                 ("close_sq21", cv2.morphologyEx(rm, cv2.MORPH_CLOSE, np.ones((21, 21), np.uint8))),
                 ("open_sq4", cv2.morphologyEx(rm, cv2.MORPH_OPEN, np.ones((4, 4), np.uint8))),
                 ("dilate_sq6", cv2.dilate(rm, np.ones((6, 6), np.uint8)))]:
    save_gray(f"morph_{tag}.png", img)
contours, _ = cv2.findContours(rm, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
filled = cv2.drawContours(np.zeros_like(rm), contours, -1, 255, cv2.FILLED)
save_gray("morph_fill_external.png", filled)
save_gray("morph_fill_holes.png", ndimage.binary_fill_holes(rm > 0).astype(np.uint8) * 255)
l4, n4 = ndimage.label(rm > 0)
l8, n8 = ndimage.label(rm > 0, structure=np.ones((3, 3)))
labels = {"count4": int(n4), "count8": int(n8),
          "areas4": [int(a) for a in np.bincount(l4.ravel())[1:]],
          "areas8": [int(a) for a in np.bincount(l8.ravel())[1:]]}

# 4. ZONE region-IoU selection and small-region filter (REFERENCE behaviour).
rough = np.zeros((96, 128), np.uint8)
cv2.rectangle(rough, (30, 20), (90, 70), 255, -1)
rough[2:5, 2:6] = 255        # 12 px, label 1 -> 12 < 64 removed
rough[80:90, 100:108] = 255  # 80 px
save_gray("refine_rough.png", rough)
segs = []
for i, (x0, y0, x1, y1) in enumerate([(0, 0, 127, 95), (25, 15, 85, 75), (32, 22, 88, 68), (32, 22, 88, 68), (95, 75, 110, 92)]):
    s = np.zeros((96, 128), np.uint8)
    cv2.rectangle(s, (x0, y0), (x1, y1), 255, -1)
    save_gray(f"refine_seg{i}.png", s)
    segs.append({"segmentation": s > 0})
r = Z.filter_small_regions(rough.copy())
save_gray("refine_rough_filtered.png", r)
fine = Z.find_most_overlapping_segmentation(r, segs)
fine = Z.filter_small_regions(fine)
fine[fine > 0] = 255
save_gray("refine_expected.png", fine)
# the label-index quirk: two 40-px squares, the second (label 2) counts 80 >= 64 and survives
q = np.zeros((40, 40), np.uint8)
q[2:7, 2:10] = 255
q[20:25, 20:28] = 255
save_gray("quirk_input.png", q)
save_gray("quirk_expected.png", Z.filter_small_regions(q.copy()))

# 5. BrushNet blurred-mask paste (examples/brushnet/test_brushnet.py) and cv2.GaussianBlur.
bw, bh = 48, 36
bo = scene(bw, bh, 11)
bg = scene(bw, bh, 12)
bm = np.zeros((bh, bw), np.uint8)
cv2.circle(bm, (20, 15), 9, 255, -1)
save_rgb("blend_original.png", bo)
save_rgb("blend_generated.png", bg)
save_gray("blend_mask.png", bm)
mask_np = 1. * (bm > 127)[:, :, np.newaxis]
mask_blurred = cv2.GaussianBlur(mask_np * 255, (21, 21), 0) / 255
mask_blurred = mask_blurred[:, :, np.newaxis]
mask_np = 1 - (1 - mask_np) * (1 - mask_blurred)
pasted = (bo * (1 - mask_np) + bg * mask_np).astype(np.uint8)
save_rgb("blend_expected.png", pasted)
blur = {"k21": mask_np[..., 0].ravel().tolist()}
small = (bm[:9, 14:27] > 127).astype(np.float64)
blur["small_in"] = small.ravel().tolist()
blur["small_w"], blur["small_h"] = small.shape[1], small.shape[0]
blur["small_k5"] = cv2.GaussianBlur(small, (5, 5), 0).ravel().tolist()
blur["small_k21"] = cv2.GaussianBlur(small, (21, 21), 0).ravel().tolist()
blur["small_k7_s2"] = cv2.GaussianBlur(small, (7, 7), 2.0).ravel().tolist()
one = np.array([[0.7]])
blur["one_k21"] = cv2.GaussianBlur(one, (21, 21), 0).ravel().tolist()

with open(os.path.join(out, "vectors.json"), "w") as f:
    json.dump({"smoother": meta, "circles": circles, "labels": labels, "blur": blur,
               "versions": {"opencv": cv2.__version__, "numpy": np.__version__,
                            "scipy": __import__("scipy").__version__}}, f)
print("ok", meta)
