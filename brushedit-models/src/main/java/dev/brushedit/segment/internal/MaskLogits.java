package dev.brushedit.segment.internal;

/**
 * Measures on one mask-logit plane ({@code h x w}, row-major, starting at an offset in a larger
 * array), following segment-anything's {@code utils/amg.py}: the stability score and the bounding
 * box of the thresholded mask.
 *
 * <p>Thread-safety: stateless.
 */
public final class MaskLogits {
    private MaskLogits() {}

    /**
     * SAM's stability score: the number of logits above {@code threshold + offset} divided by the
     * number above {@code threshold - offset}; 0 when the latter is 0 (segment-anything would divide
     * by zero there, and such a mask is empty anyway).
     */
    public static float stabilityScore(float[] logits, int from, int count, float threshold, float offset) {
        long inter = 0;
        long union = 0;
        float hi = threshold + offset;
        float lo = threshold - offset;
        for (int i = from; i < from + count; i++) {
            float v = logits[i];
            if (v > hi) {
                inter++;
            }
            if (v > lo) {
                union++;
            }
        }
        return union == 0 ? 0f : (float) ((double) inter / union);
    }

    /**
     * The box {@code [x0, y0, x1, y1]} of the pixels with logit above {@code threshold}, with
     * inclusive last column and row as segment-anything's {@code batched_mask_to_box} reports it;
     * {@code [0, 0, 0, 0]} when there are none.
     */
    public static float[] box(float[] logits, int from, int h, int w, float threshold) {
        int x0 = w;
        int y0 = h;
        int x1 = -1;
        int y1 = -1;
        for (int y = 0; y < h; y++) {
            int row = from + y * w;
            for (int x = 0; x < w; x++) {
                if (logits[row + x] > threshold) {
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y);
                }
            }
        }
        return x1 < 0 ? new float[4] : new float[] {x0, y0, x1, y1};
    }

    /** The pixels of one plane whose logit is above {@code threshold}, as a compact bit set. */
    public static java.util.BitSet bits(float[] logits, int from, int count, float threshold) {
        java.util.BitSet out = new java.util.BitSet(count);
        for (int i = 0; i < count; i++) {
            if (logits[from + i] > threshold) {
                out.set(i);
            }
        }
        return out;
    }

    /** Mask values from {@link #bits}: 1 for a set bit, 0 otherwise, {@code count} of them. */
    public static float[] values(java.util.BitSet bits, int count) {
        float[] out = new float[count];
        for (int i = bits.nextSetBit(0); i >= 0 && i < count; i = bits.nextSetBit(i + 1)) {
            out[i] = 1f;
        }
        return out;
    }

    /** The binary mask values (1 where the logit is above {@code threshold}) of one plane. */
    public static float[] binary(float[] logits, int from, int count, float threshold) {
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            out[i] = logits[from + i] > threshold ? 1f : 0f;
        }
        return out;
    }
}
