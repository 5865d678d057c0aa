#!/usr/bin/env python3
"""Score PatchMatch results against OpenCV's inpainting methods on the same holes.

Reads cases.csv written by dev.brushedit.examples.eval.PatchMatchEval (original, mask, holed input and
PatchMatch result per case, with the PatchMatch time), runs on the holed input with the same mask:
  cv2.inpaint INPAINT_TELEA and INPAINT_NS (radius 3 and 5), and
  cv2.xphoto.inpaint INPAINT_FSR_FAST, INPAINT_FSR_BEST and INPAINT_SHIFTMAP (opencv-contrib),
each on one thread (cv2.setNumThreads(1); PatchMatch also runs with parallelism 1), and prints markdown
tables. OpenCV outputs and their times are cached under CACHE_DIR (default EVAL_DIR/opencv), keyed by
the input and mask bytes, so re-scoring a new PatchMatch run reruns nothing slow (FSR_BEST takes about
a minute and a half per case).

Metrics (8-bit RGB, all three channels), per case, then averaged:
  PSNR: 10 log10(255^2 / MSE), MSE over the hole pixels only.
  SSIM: Wang et al. 2004 SSIM map (11x11 Gaussian window, sigma 1.5, K1 0.01, K2 0.03, L 255,
        per channel, computed on the whole image), averaged over the channels and over the pixels of
        the hole's bounding box.
  sharpness: mean Sobel gradient magnitude (grey) over the hole pixels divided by the same over a
        ring of known pixels around the hole (up to RING pixels away). Blur shows as a ratio far
        below 1; the "original" column is the ratio of the true image, for reference.
  seconds: wall time of one call.

Usage: patchmatch_vs_opencv.py EVAL_DIR [--cache DIR] [--tune a,b,c] [--methods m1,m2] [--montage PNG]
  --tune: the photos used to tune PatchMatch (default astronaut,camera,coffee); the others are
          reported separately as held out.
  --methods: OpenCV methods to run (default all: telea3,telea5,ns3,ns5,fsr_fast,fsr_best,shiftmap).
  --slow-cases: a regular expression; FSR_BEST runs only on the cases whose name (photo_shape_placement)
          matches it (default: all). Tables then leave FSR_BEST out, and one more table compares every
          method on those cases only.
  --montage: write side-by-side crops (input, original, every method) of a few cases to this PNG.
"""
import argparse
import csv
import hashlib
import json
import os
import re
import time
from collections import defaultdict

import cv2
import numpy as np

RING = 16
OPENCV = {
    "telea3": ("Telea r3", lambda img, hole: cv2.inpaint(img, hole * 255, 3, cv2.INPAINT_TELEA)),
    "telea5": ("Telea r5", lambda img, hole: cv2.inpaint(img, hole * 255, 5, cv2.INPAINT_TELEA)),
    "ns3": ("NS r3", lambda img, hole: cv2.inpaint(img, hole * 255, 3, cv2.INPAINT_NS)),
    "ns5": ("NS r5", lambda img, hole: cv2.inpaint(img, hole * 255, 5, cv2.INPAINT_NS)),
    "fsr_fast": ("FSR_FAST", lambda img, hole: xphoto(img, hole, cv2.xphoto.INPAINT_FSR_FAST)),
    "fsr_best": ("FSR_BEST", lambda img, hole: xphoto(img, hole, cv2.xphoto.INPAINT_FSR_BEST)),
    "shiftmap": ("SHIFTMAP", lambda img, hole: xphoto(img, hole, cv2.xphoto.INPAINT_SHIFTMAP)),
}


def xphoto(img, hole, algorithm):
    # xphoto's mask marks the valid pixels (non-zero), the opposite of cv2.inpaint's
    dst = np.zeros_like(img)
    cv2.xphoto.inpaint(img, (1 - hole) * 255, dst, algorithm)
    return dst


def read(path):
    img = cv2.imread(path, cv2.IMREAD_COLOR)
    if img is None:
        raise SystemExit("cannot read " + path)
    return img


def masked_psnr(ref, out, hole):
    diff = ref[hole].astype(np.float64) - out[hole].astype(np.float64)
    mse = np.mean(diff * diff)
    return float("inf") if mse == 0 else 10 * np.log10(255.0 ** 2 / mse)


def ssim_map(a, b):
    a = a.astype(np.float64)
    b = b.astype(np.float64)
    c1 = (0.01 * 255) ** 2
    c2 = (0.03 * 255) ** 2

    def blur(x):
        return cv2.GaussianBlur(x, (11, 11), 1.5, borderType=cv2.BORDER_REFLECT)

    mu_a, mu_b = blur(a), blur(b)
    var_a = blur(a * a) - mu_a * mu_a
    var_b = blur(b * b) - mu_b * mu_b
    cov = blur(a * b) - mu_a * mu_b
    return ((2 * mu_a * mu_b + c1) * (2 * cov + c2)) / ((mu_a ** 2 + mu_b ** 2 + c1) * (var_a + var_b + c2))


def bbox_ssim(ref, out, hole):
    ys, xs = np.nonzero(hole)
    m = ssim_map(ref, out)
    return float(m[ys.min():ys.max() + 1, xs.min():xs.max() + 1].mean())


def ring_of(hole):
    grown = cv2.dilate(hole.astype(np.uint8), np.ones((2 * RING + 1, 2 * RING + 1), np.uint8)) > 0
    return grown & ~hole


def sharpness(out, hole, ring):
    grey = cv2.cvtColor(out, cv2.COLOR_BGR2GRAY).astype(np.float64)
    gx = cv2.Sobel(grey, cv2.CV_64F, 1, 0, ksize=3)
    gy = cv2.Sobel(grey, cv2.CV_64F, 0, 1, ksize=3)
    mag = np.sqrt(gx * gx + gy * gy)
    return float(mag[hole].mean() / max(mag[ring].mean(), 1e-9))


def cached_opencv(key, holed, hole, cache, case_id):
    digest = hashlib.sha1(holed.tobytes() + hole.tobytes()).hexdigest()[:16]
    folder = os.path.join(cache, key)
    os.makedirs(folder, exist_ok=True)
    png = os.path.join(folder, "%s_%s.png" % (case_id, digest))
    meta = png[:-4] + ".json"
    if os.path.exists(png) and os.path.exists(meta):
        with open(meta) as f:
            return read(png), json.load(f)["seconds"]
    t0 = time.perf_counter()
    out = OPENCV[key][1](holed, hole.astype(np.uint8))
    seconds = time.perf_counter() - t0
    cv2.imwrite(png, out)
    with open(meta, "w") as f:
        json.dump({"seconds": seconds}, f)
    return out, seconds


def table(title, rows, names, labels):
    print("\n%s (%d cases): mean masked PSNR (dB) / mean bbox SSIM / mean sharpness ratio / mean seconds\n"
          % (title, len(rows)))
    print("| method | PSNR | SSIM | sharpness | seconds |")
    print("|---|---|---|---|---|")
    for n in ["original"] + names:
        if n == "original":
            print("| (original) | | | %.2f | |" % np.mean([r["scores"][n][2] for r in rows]))
            continue
        vals = np.array([r["scores"][n] for r in rows])
        print("| %s | %.2f | %.4f | %.2f | %.2f |" % (labels[n], vals[:, 0].mean(), vals[:, 1].mean(),
                                                    vals[:, 2].mean(), vals[:, 3].mean()))


def montage(path, rows, names, labels, picks=4, width=128):
    chosen = rows[:: max(1, len(rows) // picks)][:picks]
    lines = []
    for r in chosen:
        hole = r["hole"]
        ys, xs = np.nonzero(hole)
        cy, cx = (ys.min() + ys.max()) // 2, (xs.min() + xs.max()) // 2
        half = int(max(ys.max() - ys.min(), xs.max() - xs.min()) * 0.75) + 8
        h, w = hole.shape
        y0, x0 = max(0, cy - half), max(0, cx - half)
        y1, x1 = min(h, cy + half), min(w, cx + half)
        tiles = []
        for n in ["input", "original"] + names:
            tile = cv2.resize(r["images"][n][y0:y1, x0:x1], (width, width), interpolation=cv2.INTER_AREA)
            label = {"input": "input", "original": "original"}.get(n, labels.get(n, n))
            cv2.rectangle(tile, (0, 0), (width, 18), (0, 0, 0), -1)
            cv2.putText(tile, label, (3, 13), cv2.FONT_HERSHEY_SIMPLEX, 0.38, (255, 255, 255), 1, cv2.LINE_AA)
            tiles.append(tile)
        lines.append(np.hstack(tiles))
    cv2.imwrite(path, np.vstack(lines), [cv2.IMWRITE_PNG_COMPRESSION, 9])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("eval_dir")
    ap.add_argument("--cache")
    ap.add_argument("--tune", default="astronaut,camera,coffee")
    ap.add_argument("--methods", default=",".join(OPENCV))
    ap.add_argument("--slow-cases", default="")
    ap.add_argument("--montage")
    args = ap.parse_args()
    cv2.setNumThreads(1)
    root = args.eval_dir
    cache = args.cache or os.path.join(root, "opencv")
    tune = set(args.tune.split(","))
    methods = [m for m in args.methods.split(",") if m]
    with open(os.path.join(root, "cases.csv"), newline="") as f:
        cases = list(csv.DictReader(f))
    names = ["patchmatch"] + methods
    labels = {"patchmatch": "PatchMatch", **{k: v[0] for k, v in OPENCV.items()}}
    rows = []
    for case in cases:
        ref = read(os.path.join(root, case["original"]))
        hole = read(os.path.join(root, case["mask"]))[:, :, 0] >= 128
        holed = read(os.path.join(root, case["input"]))
        ring = ring_of(hole)
        case_id = os.path.basename(case["mask"])[:-len("_mask.png")]
        images = {"input": holed, "original": ref, "patchmatch": read(os.path.join(root, case["patchmatch"]))}
        seconds = {"patchmatch": float(case["patchmatch_seconds"])}
        for m in methods:
            if m != "fsr_best" or re.search(args.slow_cases, case_id):
                images[m], seconds[m] = cached_opencv(m, holed, hole, cache, case_id)
        scores = {n: (masked_psnr(ref, images[n], hole), bbox_ssim(ref, images[n], hole),
                      sharpness(images[n], hole, ring), seconds[n]) for n in names if n in images}
        scores["original"] = (0, 0, sharpness(ref, hole, ring), 0)
        rows.append({"case": case, "scores": scores, "hole": hole, "images": images if args.montage else None})
        if not args.montage:
            del images

    print("Per case, masked PSNR (dB) / bbox SSIM / sharpness ratio:\n")
    print("| case | area | original sharpness | " + " | ".join(labels[n] for n in names) + " |")
    print("|---|---|---|" + "---|" * len(names))
    for r in rows:
        c = r["case"]
        cells = " | ".join("%.2f / %.3f / %.2f" % r["scores"][n][:3] if n in r["scores"] else "-" for n in names)
        print("| %s %s %s | %.1f%% | %.2f | %s |" % (c["photo"], c["shape"], c["placement"],
                                                  100 * float(c["hole_fraction"]), r["scores"]["original"][2], cells))
    everywhere = [n for n in names if all(n in r["scores"] for r in rows)]
    if everywhere != names:
        subset = [r for r in rows if all(n in r["scores"] for n in names)]
        table("Cases with every method, FSR_BEST included", subset, names, labels)
    names = everywhere
    table("All photos", rows, names, labels)
    tuned = [r for r in rows if r["case"]["photo"] in tune]
    held = [r for r in rows if r["case"]["photo"] not in tune]
    if tuned and held:
        table("Tuning photos (%s)" % ", ".join(sorted(tune)), tuned, names, labels)
        table("Held-out photos (%s)" % ", ".join(sorted({r["case"]["photo"] for r in held})), held, names, labels)
    for placement in sorted({r["case"]["placement"] for r in rows}):
        table("Placement %s" % placement, [r for r in rows if r["case"]["placement"] == placement], names, labels)
    methods = [m for m in methods if m in names]
    wins = {n: sum(1 for r in rows if r["scores"]["patchmatch"][0] > r["scores"][n][0]) for n in methods}
    print("\nPatchMatch has the higher PSNR in: " + ", ".join(
        "%d/%d cases vs %s" % (wins[n], len(rows), labels[n]) for n in methods))
    print("OpenCV %s, numpy %s" % (cv2.__version__, np.__version__))
    if args.montage:
        montage(args.montage, rows, names, labels)


if __name__ == "__main__":
    main()
