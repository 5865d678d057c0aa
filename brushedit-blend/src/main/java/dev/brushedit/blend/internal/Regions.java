package dev.brushedit.blend.internal;

/**
 * Connected components and hole filling on row-major {@code byte} planes holding 0 or 1. Both work
 * on a copy padded with one ring of background, so neighbours need no bounds checks.
 *
 * <p>Thread-safety: stateless.
 */
public final class Regions {
    private Regions() {}

    private static byte[] pad(byte[] src, int w, int h) {
        int pw = w + 2;
        byte[] p = new byte[pw * (h + 2)];
        for (int y = 0; y < h; y++) {
            System.arraycopy(src, y * w, p, (y + 1) * pw + 1, w);
        }
        return p;
    }

    private static int[] offsets(int pw, boolean eight) {
        return eight ? new int[] {-pw - 1, -pw, -pw + 1, -1, 1, pw - 1, pw, pw + 1} : new int[] {-pw, -1, 1, pw};
    }

    /**
     * Labels the 1-pixels: component labels start at 1 and follow the raster order of each
     * component's first pixel; background is 0. Returns the number of components.
     */
    public static int label(byte[] src, int w, int h, boolean eight, int[] labels) {
        int pw = w + 2;
        byte[] p = pad(src, w, h);
        int[] lab = new int[p.length];
        int[] nb = offsets(pw, eight);
        int[] stack = new int[src.length + 1];
        int next = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int start = (y + 1) * pw + x + 1;
                if (p[start] == 0 || lab[start] != 0) {
                    continue;
                }
                next++;
                int top = 0;
                stack[top++] = start;
                lab[start] = next;
                while (top > 0) {
                    int q = stack[--top];
                    for (int d : nb) {
                        int r = q + d;
                        if (p[r] != 0 && lab[r] == 0) {
                            lab[r] = next;
                            stack[top++] = r;
                        }
                    }
                }
            }
        }
        for (int y = 0; y < h; y++) {
            System.arraycopy(lab, (y + 1) * pw + 1, labels, y * w, w);
        }
        return next;
    }

    /** Pixel count of each label (index 0 = background). */
    public static long[] areas(int[] labels, int count) {
        long[] a = new long[count + 1];
        for (int l : labels) {
            a[l]++;
        }
        return a;
    }

    /**
     * Sets every 0-pixel that cannot reach the plane's border through 0-pixels, moving between
     * 0-pixels with 4-connectivity ({@code backgroundEight = false}) or 8-connectivity.
     */
    public static byte[] fillHoles(byte[] src, int w, int h, boolean backgroundEight) {
        // Two rings of padding: the outer one is a wall (3), the inner one background from which the
        // flood starts; 2 marks background reached from outside.
        int pw = w + 4;
        int ph = h + 4;
        byte[] p = new byte[pw * ph];
        java.util.Arrays.fill(p, 0, pw, (byte) 3);
        java.util.Arrays.fill(p, (ph - 1) * pw, ph * pw, (byte) 3);
        for (int y = 1; y < ph - 1; y++) {
            p[y * pw] = 3;
            p[y * pw + pw - 1] = 3;
        }
        for (int y = 0; y < h; y++) {
            System.arraycopy(src, y * w, p, (y + 2) * pw + 2, w);
        }
        int[] nb = offsets(pw, backgroundEight);
        int[] stack = new int[p.length];
        int top = 0;
        int start = pw + 1;
        p[start] = 2;
        stack[top++] = start;
        while (top > 0) {
            int q = stack[--top];
            for (int d : nb) {
                int r = q + d;
                if (p[r] == 0) {
                    p[r] = 2;
                    stack[top++] = r;
                }
            }
        }
        byte[] out = new byte[src.length];
        for (int y = 0; y < h; y++) {
            int base = (y + 2) * pw + 2;
            int ob = y * w;
            for (int x = 0; x < w; x++) {
                out[ob + x] = (byte) (p[base + x] == 2 ? 0 : 1);
            }
        }
        return out;
    }
}
