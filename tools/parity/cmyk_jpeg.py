"""Writes the CMYK JPEG fixture and Pillow's RGB decode of it (the reference) for brushedit-core.

Usage: python tools/parity/cmyk_jpeg.py brushedit-core/src/test/resources/images

The picture is rocket.jpg (already in that folder) resized to 48x32. Its CMYK values use grey
component replacement (k = 0.8 * min(c, m, y), taken out of c, m and y), so the K channel varies
instead of being 0 as in Pillow's own RGB->CMYK conversion. Pillow saves it as an Adobe CMYK JPEG
(APP14 transform 0, values stored inverted, Adobe's convention), quality 95. The reference is
`Image.open("cmyk.jpg").convert("RGB")`, saved as a lossless PNG.
"""
import sys
from pathlib import Path

import numpy as np
from PIL import Image


def main(folder: Path) -> None:
    rgb = Image.open(folder / "rocket.jpg").convert("RGB").resize((48, 32), Image.LANCZOS)
    a = np.asarray(rgb).astype(np.int32)
    cmy = 255 - a
    k = (0.8 * cmy.min(axis=2)).astype(np.int32)
    c = cmy - k[..., None]
    cmyk = np.dstack([c, k]).clip(0, 255).astype(np.uint8)
    Image.fromarray(cmyk, mode="CMYK").save(folder / "cmyk.jpg", quality=95)
    decoded = Image.open(folder / "cmyk.jpg")
    assert decoded.mode == "CMYK" and decoded.info.get("adobe_transform") == 0
    decoded.convert("RGB").save(folder / "cmyk-pillow.png")
    print("k range", int(k.min()), int(k.max()), "Pillow", Image.__version__)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
