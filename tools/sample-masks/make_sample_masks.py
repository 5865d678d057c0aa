"""Makes the object masks under samples/ that the README's weight-free edit examples use.

Run from the repository root with OpenCV installed (pip install opencv-python numpy):
    python tools/sample-masks/make_sample_masks.py
Both masks are GrabCut (seeded with hand-placed rectangles and ellipses) followed by clean-up; they
are committed, so neither the SDK nor its tests need Python.
"""
import cv2
import numpy as np


def largest_component_filled(m):
    n, lab, stats, _ = cv2.connectedComponentsWithStats(m, 8)
    k = 1 + np.argmax(stats[1:, cv2.CC_STAT_AREA])
    m = np.where(lab == k, 255, 0).astype(np.uint8)
    n, lab, stats, _ = cv2.connectedComponentsWithStats(255 - m, 4)
    h, w = m.shape
    for i in range(1, n):
        x, y, bw, bh, _ = stats[i]
        if x > 0 and y > 0 and x + bw < w and y + bh < h:
            m[lab == i] = 255
    return m


def grabcut(img, mask=None, rect=None, iters=10):
    bgd = np.zeros((1, 65))
    fgd = np.zeros((1, 65))
    cv2.setRNGSeed(0)
    if rect is not None:
        mask = np.zeros(img.shape[:2], np.uint8)
        cv2.grabCut(img, mask, rect, bgd, fgd, iters, cv2.GC_INIT_WITH_RECT)
    else:
        cv2.grabCut(img, mask, None, bgd, fgd, iters, cv2.GC_INIT_WITH_MASK)
    return np.where((mask == 1) | (mask == 3), 255, 0).astype(np.uint8)


def astronaut():
    img = cv2.imread('samples/astronaut.png')
    seeds = np.full(img.shape[:2], cv2.GC_BGD, np.uint8)
    seeds[10:512, 15:512] = cv2.GC_PR_FGD
    seeds[0:290, 340:512] = cv2.GC_BGD   # shuttle model
    seeds[270:340, 365:512] = cv2.GC_BGD  # table top
    seeds[0:265, 0:92] = cv2.GC_BGD       # flag
    seeds[0:12, :] = cv2.GC_BGD
    seeds[60:140, 170:280] = cv2.GC_FGD   # face
    seeds[300:480, 60:330] = cv2.GC_FGD   # suit
    seeds[380:500, 300:470] = cv2.GC_FGD  # helmet
    m = largest_component_filled(grabcut(img, mask=seeds))
    cv2.imwrite('samples/astronaut-subject-mask.png', m)


def coffee():
    img = cv2.imread('samples/coffee.png')
    crockery = largest_component_filled(grabcut(img, rect=(76, 18, 406, 372), iters=8)) > 127
    yy, xx = np.mgrid[:img.shape[0], :img.shape[1]]

    def ellipse(cx, cy, rx, ry):
        return ((xx - cx) / rx) ** 2 + ((yy - cy) / ry) ** 2 <= 1

    # the cup's outside and the saucer: not the coffee, the cup's inside and rim, nor the spoon's bowl
    m = crockery & ellipse(276, 229, 206, 160) & ~ellipse(287, 143, 92, 52) & ~ellipse(291, 112, 118, 95) \
        & ~ellipse(366, 278, 42, 50)
    m = m.astype(np.uint8) * 255
    m = cv2.morphologyEx(m, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (7, 7)))
    m = cv2.morphologyEx(m, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (5, 5)))
    n, lab, stats, _ = cv2.connectedComponentsWithStats(m, 8)
    keep = np.zeros_like(m)
    for i in range(1, n):
        if stats[i, cv2.CC_STAT_AREA] > 800:
            keep[lab == i] = 255
    n, lab, stats, _ = cv2.connectedComponentsWithStats(255 - keep, 4)
    for i in range(1, n):
        if stats[i, cv2.CC_STAT_AREA] < 400:
            keep[lab == i] = 255
    cv2.imwrite('samples/coffee-cup-saucer-mask.png', keep)


if __name__ == '__main__':
    astronaut()
    coffee()
