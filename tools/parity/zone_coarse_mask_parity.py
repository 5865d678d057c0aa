"""Reference coarse masks of ZONE's own code, from the same cross-attention arrays, for ZoneCoarseMaskTest.

    ZONE_SRC=/path/to/ZONE /work/pyenv/bin/python tools/parity/zone_coarse_mask_parity.py \
        --out brushedit-blend/src/test/resources/zone-coarse-mask

ZONE's ``aggregate_attention`` and ``show_diff_cross_attention`` (msk_from_attn.py of lsl001006/ZONE, never part
of this repository) are executed from their source text (the module imports SD1.5 at import time), with an
attention store that returns the arrays below, ``ptp_utils.view_images`` a no-op (it only saves a preview) and
a tokenizer whose ``encode`` returns the token count of each case. Everything else is ZONE's: the mean over the
up and down layers at 1/32 of the image size (all heads, all guidance rows), per-token normalisation to
``255 * map / max`` as uint8, ``cv2.subtract`` of the end token's map from the start token's, PIL resize to the
image size, ``cv2.convertScaleAbs(alpha=2)``, threshold 108, ``cv2.bitwise_not``.

``<case>.attn.f32`` holds, for the layers ZONE reads (in its order: ``from_where=['up','down']``), the start and end
tokens' probabilities only, [rows, pixels, 2] float32 per layer. The arrays are seeded softmax attention probabilities: per layer [rows, pixels, 77] float32 with a spatial bump
in the start token's logits, so that the masks are neither empty nor full. Layers at other resolutions are
included too (ZONE skips them).
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import sys
from math import ceil

import numpy as np

CASES = [
    # name, image height, width, token count (with start and end), layers (location, rows, res factor), seed
    dict(name="square", height=128, width=128, tokens=6, seed=1),
    dict(name="wide", height=128, width=192, tokens=9, seed=2),
    dict(name="odd", height=300, width=451, tokens=12, seed=3),
]
LAYERS = [("down", 6, 32), ("down", 6, 32), ("down", 6, 16), ("up", 6, 32), ("up", 6, 32), ("up", 6, 32), ("up", 6, 16),
          ("mid", 6, 64)]


def zone_functions(zone_src):
    import cv2
    import torch
    from PIL import Image
    path = os.path.join(zone_src, "msk_from_attn.py")
    tree = ast.parse(open(path, encoding="utf-8").read())
    wanted = {"aggregate_attention", "show_diff_cross_attention"}
    body = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name in wanted]

    class PtpUtils:
        @staticmethod
        def view_images(*args, **kwargs):
            return None

    from typing import List
    ns = dict(torch=torch, np=np, cv2=cv2, Image=Image, ceil=ceil, List=List, ptp_utils=PtpUtils, AttentionStore=object)
    exec(compile(ast.Module(body=body, type_ignores=[]), path, "exec"), ns)
    return ns["show_diff_cross_attention"]


class Store:
    def __init__(self, maps):
        self.maps = maps

    def get_average_attention_period(self):
        return self.maps


class Tokenizer:
    def __init__(self, n):
        self.n = n

    def encode(self, text):
        return list(range(self.n))


def arrays(case):
    import torch
    rng = np.random.default_rng(case["seed"])
    h, w = case["height"], case["width"]
    maps = {"down_cross": [], "mid_cross": [], "up_cross": [], "down_self": [], "mid_self": [], "up_self": []}
    layers = []
    for loc, rows, factor in LAYERS:
        rh, rw = ceil(h / factor), ceil(w / factor)
        logits = rng.normal(0, 1, (rows, rh * rw, 77))
        yy, xx = np.mgrid[0:rh, 0:rw]
        cy, cx = rng.uniform(0.3, 0.7) * rh, rng.uniform(0.3, 0.7) * rw
        bump = 3 * np.exp(-(((yy - cy) / (0.25 * rh)) ** 2 + ((xx - cx) / (0.25 * rw)) ** 2)).reshape(-1)
        logits[:, :, 0] += bump
        logits[:, :, case["tokens"] - 1] += 1.5 * rng.uniform(0, 1, rh * rw)
        probs = torch.softmax(torch.tensor(logits, dtype=torch.float32), dim=-1)
        maps[f"{loc}_cross"].append(probs)
        layers.append(dict(location=loc, rows=rows, height=rh, width=rw, factor=factor))
    return maps, layers


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", required=True)
    p.add_argument("--zone-src", default=os.environ.get("ZONE_SRC", "/tmp/zone-src"))
    a = p.parse_args()
    import cv2
    out = os.path.abspath(a.out)
    os.makedirs(out, exist_ok=True)
    show_diff = zone_functions(a.zone_src)
    meta = dict(reference="lsl001006/ZONE msk_from_attn.show_diff_cross_attention", cases=[])
    for case in CASES:
        maps, layers = arrays(case)
        with open(os.path.join(out, f"{case['name']}.attn.f32"), "wb") as f:
            # the layers ZONE reads (up and down at 1/32), in its order (down first, then up), tokens start and end
            # only: [rows, pixels, 2] each (the other tokens and layers do not enter the mask)
            for loc in ("up", "down"):
                for probs, (l, _, factor) in zip(_in_order(maps), LAYERS):
                    if l == loc and factor == 32:
                        f.write(probs[:, :, [0, case["tokens"] - 1]].numpy().astype("<f4").tobytes())
        mask = show_diff(Store(maps), ["x"], Tokenizer(case["tokens"]), original_resolution=(case["height"], case["width"]),
                         save_path=out)
        assert mask.shape == (case["height"], case["width"], 3) and (mask[..., 0] == mask[..., 2]).all()
        cv2.imwrite(os.path.join(out, f"{case['name']}.mask.png"), mask[..., 0])
        white = float((mask[..., 0] == 255).mean())
        written = [l for loc in ("up", "down") for l in layers if l["location"] == loc and l["factor"] == 32]
        meta["cases"].append(dict(case, layers_passed_to_zone=layers, layers_in_file=written, white_fraction=white))
        print(f"{case['name']}: {case['width']}x{case['height']}, white {white:.3f}")
    with open(os.path.join(out, "cases.json"), "w") as f:
        json.dump(meta, f, indent=2)
        f.write("\n")
    return 0


def _in_order(maps):
    """The arrays in LAYERS order (the order they were appended per location)."""
    index = {"down": 0, "mid": 0, "up": 0}
    for loc, _, _ in LAYERS:
        yield maps[f"{loc}_cross"][index[loc]]
        index[loc] += 1


if __name__ == "__main__":
    sys.exit(main())
