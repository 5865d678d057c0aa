"""Times ZONE's own edge smoother (numpy + OpenCV) on the inputs FftEdgeSmootherBench uses.

The inputs are rebuilt here with the same integer formulas as
brushedit-examples/src/main/java/dev/brushedit/bench/BlendInputs.java. ZONE's functions come from
module `zone_extract` in $ZONE_EXTRACT (see brushedit-blend/src/test/resources/zone/README.md).
Run single-threaded on one core: ZONE_EXTRACT=DIR taskset -c 0 python tools/parity/zone_bench.py
"""
import os
import sys
import time

import cv2
import numpy as np

if "ZONE_EXTRACT" not in os.environ:
    raise SystemExit("set ZONE_EXTRACT to the folder holding zone_extract.py (see brushedit-blend/src/test/resources/zone/README.md)")
sys.path.insert(0, os.environ["ZONE_EXTRACT"])
import zone_extract as Z  # noqa: E402

cv2.setNumThreads(1)


def inputs(w, h):
    y, x = np.mgrid[0:h, 0:w].astype(np.int64)
    orig = np.stack([(7 * x + 3 * y) & 255, ((x * y) >> 4) & 255, (x ^ y) & 255], -1).astype(np.uint8)

    def ellipse(grow):
        dx = (x - w // 2) / (w / 4.0 * grow)
        dy = (y - h // 2) / (h / 6.0 * grow)
        return dx * dx + dy * dy <= 1.0

    edited = orig.copy()
    e = ellipse(1.02)
    edited[e] = 255 - edited[e]
    mask = ellipse(1.0).astype(np.uint8) * 255
    return orig, edited, mask


for w, h in ((512, 512), (1024, 1024), (2048, 2048), (1000, 750), (2000, 1500)):
    orig, edited, mask = inputs(w, h)
    reps = max(3, int(20 * 512 * 512 / (w * h)))
    Z.zone_edge_smoother(orig, edited, mask)  # warm-up
    best = []
    for _ in range(reps):
        t = time.perf_counter()
        Z.zone_edge_smoother(orig, edited, mask)
        best.append((time.perf_counter() - t) * 1000)
    print(f"zone numpy/opencv {w}x{h}: mean {np.mean(best):.1f} ms, min {np.min(best):.1f} ms over {reps} runs, "
          f"{np.mean(best) * 1e6 / (w * h):.1f} ns per pixel")
