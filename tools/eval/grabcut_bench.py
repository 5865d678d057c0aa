#!/usr/bin/env python3
"""Times OpenCV's cv2.grabCut (5 iterations, box initialisation, one thread) as the peer of the Java
GrabCutBench: same image, same boxes, warm-up calls then measured calls, wall time (mean and standard
deviation) and process CPU time (mean; with one OpenCV thread, what one idle core would take).

Usage: grabcut_bench.py IMAGE [BOX ...]   (BOX = x0,y0,x1,y1 with exclusive ends)
Defaults: samples/astronaut.png with the boxes 128,128,384,384 and 18,12,368,512.
"""
import statistics, sys, time
import cv2
import numpy as np

WARMUP, MEASURED = 3, 10


def main():
    image = sys.argv[1] if len(sys.argv) > 1 else "samples/astronaut.png"
    boxes = sys.argv[2:] or ["128,128,384,384", "18,12,368,512"]
    cv2.setNumThreads(1)
    img = cv2.imread(image, cv2.IMREAD_COLOR)
    if img is None:
        raise SystemExit("cannot read " + image)
    for text in boxes:
        x0, y0, x1, y1 = (int(v) for v in text.split(","))
        times, cpu = [], []
        for i in range(WARMUP + MEASURED):
            mask = np.zeros(img.shape[:2], np.uint8)
            cv2.setRNGSeed(0)
            start, start_cpu = time.perf_counter(), time.process_time()
            cv2.grabCut(img, mask, (x0, y0, x1 - x0, y1 - y0), np.zeros((1, 65)), np.zeros((1, 65)), 5,
                        cv2.GC_INIT_WITH_RECT)
            if i >= WARMUP:
                times.append((time.perf_counter() - start) * 1000)
                cpu.append((time.process_time() - start_cpu) * 1000)
        print("box %s: wall %.1f +- %.1f ms, process CPU %.1f ms per call (%d calls, cv2 %s, 1 thread)"
              % (text, statistics.mean(times), statistics.stdev(times), statistics.mean(cpu), MEASURED, cv2.__version__))


if __name__ == "__main__":
    main()
