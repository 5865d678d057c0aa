#!/usr/bin/env python3
"""Score PatchMatch results against OpenCV's Telea and Navier-Stokes inpainting on the same holes.

Reads cases.csv written by dev.brushedit.examples.eval.PatchMatchEval (original, mask, holed input and
PatchMatch result per case), runs cv2.inpaint (INPAINT_TELEA and INPAINT_NS, radius 3 and 5) on the
holed input with the same mask, and prints markdown tables of masked-region PSNR and SSIM.

Metrics (8-bit RGB, all three channels):
  PSNR: 10 log10(255^2 / MSE), MSE over the hole pixels only.
  SSIM: Wang et al. 2004 SSIM map (11x11 Gaussian window, sigma 1.5, K1 0.01, K2 0.03, L 255,
        per channel, computed on the whole image), averaged over the channels and over the pixels of
        the hole's bounding box. Pixels outside the hole are identical for every method, so the
        differences come from the hole and its immediate surroundings.

Usage: patchmatch_vs_opencv.py EVAL_DIR
"""
import csv
import os
import sys
from collections import defaultdict

import cv2
import numpy as np

METHODS = [("telea r3", cv2.INPAINT_TELEA, 3), ("telea r5", cv2.INPAINT_TELEA, 5),
           ("ns r3", cv2.INPAINT_NS, 3), ("ns r5", cv2.INPAINT_NS, 5)]


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


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    root = sys.argv[1]
    with open(os.path.join(root, "cases.csv"), newline="") as f:
        cases = list(csv.DictReader(f))
    names = ["patchmatch"] + [m[0] for m in METHODS]
    rows = []
    for case in cases:
        ref = read(os.path.join(root, case["original"]))
        hole = read(os.path.join(root, case["mask"]))[:, :, 0] >= 128
        holed = read(os.path.join(root, case["input"]))
        outputs = {"patchmatch": read(os.path.join(root, case["patchmatch"]))}
        mask8 = hole.astype(np.uint8) * 255
        for name, flag, radius in METHODS:
            outputs[name] = cv2.inpaint(holed, mask8, radius, flag)
        scores = {n: (masked_psnr(ref, o, hole), bbox_ssim(ref, o, hole)) for n, o in outputs.items()}
        rows.append((case, scores))

    print("Per case, masked PSNR (dB) / bbox SSIM:\n")
    print("| photo | hole | area | " + " | ".join(names) + " |")
    print("|---|---|---|" + "---|" * len(names))
    for case, scores in rows:
        cells = " | ".join("%.2f / %.3f" % scores[n] for n in names)
        print("| %s | %s %s | %.1f%% | %s |" % (case["photo"], case["shape"], case["size"],
                                              100 * float(case["hole_fraction"]), cells))

    def summary(title, key):
        groups = defaultdict(list)
        for case, scores in rows:
            groups[key(case)].append(scores)
        print("\n%s, mean masked PSNR (dB) / mean bbox SSIM:\n" % title)
        print("| group | cases | " + " | ".join(names) + " |")
        print("|---|---|" + "---|" * len(names))
        for g in sorted(groups) + ["all"]:
            items = [s for _, s in rows] if g == "all" else groups[g]
            cells = []
            for n in names:
                p = np.mean([s[n][0] for s in items])
                q = np.mean([s[n][1] for s in items])
                cells.append("%.2f / %.4f" % (p, q))
            print("| %s | %d | %s |" % (g, len(items), " | ".join(cells)))

    summary("By hole shape and size", lambda c: c["shape"] + " " + c["size"])
    summary("By photo", lambda c: c["photo"])
    wins = {n: sum(1 for _, s in rows if s["patchmatch"][0] > s[n][0]) for n in names[1:]}
    print("\nPatchMatch has the higher PSNR in: " + ", ".join(
        "%d/%d cases vs %s" % (wins[n], len(rows), n) for n in names[1:]))
    print("OpenCV %s (%s)" % (cv2.__version__, cv2.__file__))


if __name__ == "__main__":
    main()
