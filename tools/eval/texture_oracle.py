#!/usr/bin/env python3
"""Upper bound for sharp fills: the SSIM a fill reaches when its texture has the true statistics but not the
true phase.

For each case of a PatchMatch evaluation run (tools/eval/run.sh), takes a smooth fill F (the run's PatchMatch
output, or a cached OpenCV output) and adds, inside the hole, the high band of the TRUE image (the image minus
its Gaussian blur of sigma 3, the same split as the two-band fill) shifted by (d, d) pixels, times a gain g:
    out = F + g * shift(truth - blur(truth), d)     inside the hole; the known pixels stay as they are.
With d > 0 this texture is the real texture of the neighbourhood (its contrast, scale and orientation are
right) but not aligned with what the hole really contains, which is the best any method that synthesises
texture without knowing the hidden pixels can hope for. With d = 0 the texture is the hidden one itself.
Scores with the metrics of patchmatch_vs_opencv.py (masked PSNR, bounding-box SSIM, sharpness ratio).

Usage: texture_oracle.py EVAL_DIR [--cache DIR] [--fills patchmatch,ns5] [--shifts 0,8,24] [--gains 0.5,0.7,1]
                         [--cases REGEX]   (only the cases whose name photo_shape_placement matches)
"""
import argparse
import csv
import glob
import os
import re
import sys

import cv2
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from patchmatch_vs_opencv import bbox_ssim, masked_psnr, read, ring_of, sharpness  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("eval_dir")
    ap.add_argument("--cache")
    ap.add_argument("--fills", default="patchmatch,ns5")
    ap.add_argument("--shifts", default="0,8,24")
    ap.add_argument("--gains", default="0.5,0.7,1")
    ap.add_argument("--cases", default="")
    args = ap.parse_args()
    root = args.eval_dir
    cache = args.cache or os.path.join(root, "opencv")
    shifts = [int(s) for s in args.shifts.split(",")]
    gains = [float(g) for g in args.gains.split(",")]
    with open(os.path.join(root, "cases.csv"), newline="") as f:
        cases = list(csv.DictReader(f))
    scores = {}
    for case in cases:
        ref = read(os.path.join(root, case["original"]))
        hole = read(os.path.join(root, case["mask"]))[:, :, 0] >= 128
        ring = ring_of(hole)
        case_id = os.path.basename(case["mask"])[:-len("_mask.png")]
        if not re.search(args.cases, case_id):
            continue
        truth = ref.astype(np.float64)
        high = truth - cv2.GaussianBlur(truth, (0, 0), 3.0)
        for fill_name in args.fills.split(","):
            if fill_name == "patchmatch":
                fill = read(os.path.join(root, case["patchmatch"]))
            else:
                found = glob.glob(os.path.join(cache, fill_name, case_id + "_*.png"))
                if not found:
                    raise SystemExit("no cached %s output for %s under %s" % (fill_name, case_id, cache))
                fill = read(found[0])
            rows = [(fill_name, fill)]
            for d in shifts:
                texture = np.roll(high, (d, d), axis=(0, 1))
                for g in gains:
                    out = truth.copy()
                    out[hole] = fill.astype(np.float64)[hole] + g * texture[hole]
                    rows.append(("%s + true texture shifted %d, gain %.1f" % (fill_name, d, g),
                                 np.clip(np.rint(out), 0, 255).astype(np.uint8)))
            for name, img in rows:
                scores.setdefault(name, []).append(
                    (masked_psnr(ref, img, hole), bbox_ssim(ref, img, hole), sharpness(img, hole, ring)))
    print("%d cases" % len(next(iter(scores.values()))))
    print("| fill | PSNR | SSIM | sharpness |")
    print("|---|---|---|---|")
    for name, values in scores.items():
        mean = np.array(values).mean(axis=0)
        print("| %s | %.2f | %.4f | %.2f |" % (name, mean[0], mean[1], mean[2]))


if __name__ == "__main__":
    main()
