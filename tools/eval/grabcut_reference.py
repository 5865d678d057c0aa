#!/usr/bin/env python3
"""Reference object masks from OpenCV's GrabCut (cv2.grabCut, 5 iterations, initialised with a box) on the
fixture photos, for checking a GrabCut implementation against OpenCV's.

Usage: grabcut_reference.py IMAGE_DIR OUT_DIR
Writes OUT_DIR/<photo>-<object>.png (1-bit PNG, white = foreground, i.e. GC_FGD or GC_PR_FGD) and
OUT_DIR/cases.tsv (photo file, object, box x0 y0 x1 y1 exclusive, foreground share of the box).
Boxes were drawn by hand around one object each; cases where OpenCV's result misses the object (a thin
building, the tripod) were left out of the set.
"""
import os, sys
import cv2
import numpy as np

CASES = [
    ("coffee.png", "cup", (170, 15, 412, 305)), ("coffee.png", "saucer", (75, 75, 480, 392)),
    ("coffee.png", "spoon", (320, 62, 428, 330)), ("chelsea.png", "left eye", (132, 82, 208, 150)),
    ("chelsea.png", "nose", (228, 212, 298, 268)), ("rocket.jpg", "rocket", (295, 122, 342, 412)),
    ("astronaut.png", "helmet", (272, 338, 512, 512)), ("astronaut.png", "shuttle model", (350, 0, 478, 290)),
    ("astronaut.png", "astronaut", (18, 12, 368, 512)), ("astronaut.png", "mission patch", (130, 343, 212, 427)),
    ("camera.png", "cameraman", (0, 58, 338, 512)),
]


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    images, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    rows = ["photo\tobject\tx0\ty0\tx1\ty1\tforeground_share"]
    for photo, name, (x0, y0, x1, y1) in CASES:
        img = cv2.imread(os.path.join(images, photo), cv2.IMREAD_COLOR)
        mask = np.zeros(img.shape[:2], np.uint8)
        cv2.setRNGSeed(0)
        cv2.grabCut(img, mask, (x0, y0, x1 - x0, y1 - y0), np.zeros((1, 65)), np.zeros((1, 65)), 5,
                    cv2.GC_INIT_WITH_RECT)
        fg = (mask == cv2.GC_FGD) | (mask == cv2.GC_PR_FGD)
        slug = "%s-%s" % (os.path.splitext(photo)[0], name.replace(" ", "-"))
        cv2.imwrite(os.path.join(out, slug + ".png"), fg.astype(np.uint8) * 255, [cv2.IMWRITE_PNG_BILEVEL, 1])
        rows.append("%s\t%s\t%d\t%d\t%d\t%d\t%.4f" % (photo, name, x0, y0, x1, y1, fg[y0:y1, x0:x1].mean()))
    with open(os.path.join(out, "cases.tsv"), "w") as f:
        f.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
