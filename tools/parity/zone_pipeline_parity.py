"""ZONE's post-processing chain (inference.py after the fused edit) on inputs recorded from a Java ZoneEditor run.

Our own driver. For every case folder under DIR (source.png, edited.png, coarse.png, segment_NN.png in SAM's order,
action.txt with ADD / REMOVE / CHANGE), it runs what ZONE's inference.py runs after the edit, with ZONE's own
functions: filter_small_regions and find_most_overlapping_segmentation (read from ZONE's utils/mask_utils.py in
$ZONE_SRC, without importing that module, which needs segment_anything), then filter_small_regions again and the
255 fill (get_finemask_everything's tail), dilate_mask with 4 iterations, the composite rule per mode, and the edge
smoother (zone_extract.zone_edge_smoother from $ZONE_EXTRACT: inference.py's lines 88-130, see
brushedit-blend/src/test/resources/zone/README.md). It writes expected_fine.png, expected_dilated.png,
expected_composite.png, expected_smoothed_mask.png and expected_fft.png next to the inputs.

    ZONE_SRC=<ZONE checkout> ZONE_EXTRACT=<folder with zone_extract.py> python tools/parity/zone_pipeline_parity.py DIR
"""
import ast
import glob
import os
import sys
import types

import cv2
import numpy as np
from scipy import ndimage

sys.path.insert(0, os.environ.get("ZONE_EXTRACT", "/tmp/zone"))
import zone_extract as Z  # noqa: E402


def zone_functions(names):
    """ZONE's functions ``names`` from utils/mask_utils.py, compiled in a namespace with what they use."""
    path = os.path.join(os.environ.get("ZONE_SRC", "/tmp/zone-src"), "utils", "mask_utils.py")
    tree = ast.parse(open(path).read())
    wanted = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name in names]
    ns = {"np": np, "cv2": cv2, "label": ndimage.label, "find_objects": ndimage.find_objects,
          # SciPy renamed measurements.sum to sum_labels
          "measurements": types.SimpleNamespace(sum=ndimage.sum_labels), "print": lambda *a, **k: None}
    exec(compile(ast.Module(body=wanted, type_ignores=[]), path, "exec"), ns)
    return [ns[n] for n in names]


filter_small_regions, find_most_overlapping_segmentation = zone_functions(
    ["filter_small_regions", "find_most_overlapping_segmentation"])


def rgb(path):
    return cv2.cvtColor(cv2.imread(path, cv2.IMREAD_COLOR), cv2.COLOR_BGR2RGB)


def gray(path):
    return cv2.imread(path, cv2.IMREAD_GRAYSCALE)


def run(case):
    source, edited = rgb(os.path.join(case, "source.png")), rgb(os.path.join(case, "edited.png"))
    coarse = gray(os.path.join(case, "coarse.png"))
    segments = [{"segmentation": gray(p) > 127} for p in sorted(glob.glob(os.path.join(case, "segment_*.png")))]
    action = open(os.path.join(case, "action.txt")).read().strip()
    rough = filter_small_regions(coarse.copy())
    fine = find_most_overlapping_segmentation(rough, segments)
    fine = filter_small_regions(fine)
    fine[fine > 0] = 255
    dilated, _ = Z.dilate_mask(fine, iterations=4)
    canvas = source.copy()
    where = dilated if action == "REMOVE" else fine
    canvas[where > 0] = edited[where > 0]
    smoothed, fft = Z.zone_edge_smoother(source, edited, fine, threshold=30, alpha=0.6, dilate_strength=4)
    cv2.imwrite(os.path.join(case, "expected_fine.png"), fine)
    cv2.imwrite(os.path.join(case, "expected_dilated.png"), dilated)
    cv2.imwrite(os.path.join(case, "expected_composite.png"), cv2.cvtColor(canvas, cv2.COLOR_RGB2BGR))
    cv2.imwrite(os.path.join(case, "expected_smoothed_mask.png"), smoothed)
    cv2.imwrite(os.path.join(case, "expected_fft.png"), cv2.cvtColor(fft, cv2.COLOR_RGB2BGR))
    print(f"{case}: {action}, {len(segments)} segments, fine {int((fine > 0).sum())} px, dilated {int((dilated > 0).sum())} px")


if __name__ == "__main__":
    for c in sorted(d for d in glob.glob(os.path.join(sys.argv[1], "*")) if os.path.isdir(d)):
        run(c)
