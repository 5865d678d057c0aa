package dev.brushedit.blend.internal;

/**
 * Binary morphology on row-major {@code byte} planes holding 0 or 1.
 *
 * <p>Rectangles use running counts (two separable passes, O(1) per pixel whatever the size). A
 * rectangle of width {@code kw} has its anchor at {@code kw / 2} (OpenCV's convention): pixel
 * {@code x} sees columns {@code x - kw/2 .. x - kw/2 + kw - 1}. Dilation treats pixels outside the
 * plane as 0, erosion as 1. Disks are unions of horizontal runs, one per row offset.
 *
 * <p>Thread-safety: stateless.
 */
public final class Morphology {
    private Morphology() {}

    /** Dilation by a {@code kw x kh} rectangle, outside = 0. */
    public static byte[] dilateRect(byte[] src, int w, int h, int kw, int kh) {
        byte[] tmp = new byte[src.length];
        byte[] out = new byte[src.length];
        int[] line = new int[Math.max(w, h) + 1];
        rowPass(src, tmp, w, h, kw, false, line);
        columnPass(tmp, out, w, h, kh, false, line);
        return out;
    }

    /** Erosion by a {@code kw x kh} rectangle, outside = 1. */
    public static byte[] erodeRect(byte[] src, int w, int h, int kw, int kh) {
        byte[] tmp = new byte[src.length];
        byte[] out = new byte[src.length];
        int[] line = new int[Math.max(w, h) + 1];
        rowPass(src, tmp, w, h, kw, true, line);
        columnPass(tmp, out, w, h, kh, true, line);
        return out;
    }

    /**
     * One horizontal pass: for erosion the output is 1 when every in-plane pixel of the window is 1
     * (outside counts as 1); for dilation when any is 1.
     */
    private static void rowPass(byte[] src, byte[] dst, int w, int h, int k, boolean erode, int[] prefix) {
        int a = k / 2;
        for (int y = 0; y < h; y++) {
            int base = y * w;
            prefix[0] = 0;
            for (int x = 0; x < w; x++) {
                prefix[x + 1] = prefix[x] + src[base + x];
            }
            for (int x = 0; x < w; x++) {
                int lo = Math.max(0, x - a);
                int hi = Math.min(w, x - a + k);
                int ones = prefix[hi] - prefix[lo];
                dst[base + x] = (byte) (erode ? (ones == hi - lo ? 1 : 0) : (ones > 0 ? 1 : 0));
            }
        }
    }

    private static void columnPass(byte[] src, byte[] dst, int w, int h, int k, boolean erode, int[] unused) {
        int a = k / 2;
        // Column-wise running counts kept per column so that memory is read row by row.
        int[] prefix = new int[(h + 1) * w];
        for (int y = 0; y < h; y++) {
            int p = y * w;
            int q = (y + 1) * w;
            for (int x = 0; x < w; x++) {
                prefix[q + x] = prefix[p + x] + src[p + x];
            }
        }
        for (int y = 0; y < h; y++) {
            int lo = Math.max(0, y - a);
            int hi = Math.min(h, y - a + k);
            int span = hi - lo;
            int pl = lo * w;
            int ph = hi * w;
            int base = y * w;
            for (int x = 0; x < w; x++) {
                int ones = prefix[ph + x] - prefix[pl + x];
                dst[base + x] = (byte) (erode ? (ones == span ? 1 : 0) : (ones > 0 ? 1 : 0));
            }
        }
    }

    /** Half-widths of the disk {@code dx*dx + dy*dy <= r*r}, indexed by {@code |dy|}. */
    public static int[] diskHalfWidths(int r) {
        int[] hw = new int[r + 1];
        for (int dy = 0; dy <= r; dy++) {
            hw[dy] = (int) Math.floor(Math.sqrt((double) r * r - (double) dy * dy));
            while ((long) (hw[dy] + 1) * (hw[dy] + 1) + (long) dy * dy <= (long) r * r) {
                hw[dy]++;
            }
            while ((long) hw[dy] * hw[dy] + (long) dy * dy > (long) r * r) {
                hw[dy]--;
            }
        }
        return hw;
    }

    /** Dilation (outside 0) or erosion (outside 1) by the disk of radius {@code r} centred on the pixel. */
    public static byte[] disk(byte[] src, int w, int h, int r, boolean erode) {
        int[] hw = diskHalfWidths(r);
        byte[][] runs = new byte[r + 1][];
        int[] line = new int[w + 1];
        for (int dy = 0; dy <= r; dy++) {
            int k = hw[dy];
            if (dy > 0 && k == hw[dy - 1]) {
                runs[dy] = runs[dy - 1];
                continue;
            }
            runs[dy] = new byte[src.length];
            rowPass(src, runs[dy], w, h, 2 * k + 1, erode, line);
        }
        byte[] out = new byte[src.length];
        byte init = (byte) (erode ? 1 : 0);
        java.util.Arrays.fill(out, init);
        for (int y = 0; y < h; y++) {
            int base = y * w;
            for (int dy = -r; dy <= r; dy++) {
                int sy = y + dy;
                if (sy < 0 || sy >= h) {
                    continue; // outside: 0 for dilation (no effect), 1 for erosion (no effect)
                }
                byte[] run = runs[Math.abs(dy)];
                int sb = sy * w;
                if (erode) {
                    for (int x = 0; x < w; x++) {
                        out[base + x] &= run[sb + x];
                    }
                } else {
                    for (int x = 0; x < w; x++) {
                        out[base + x] |= run[sb + x];
                    }
                }
            }
        }
        return out;
    }
}
