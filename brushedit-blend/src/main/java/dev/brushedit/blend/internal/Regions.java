package dev.brushedit.blend.internal;

/**
 * Connected components and hole filling on row-major {@code byte} planes holding 0 or 1.
 *
 * <p>Thread-safety: stateless.
 */
public final class Regions {
    private Regions() {}

    /**
     * Labels the 1-pixels: component labels start at 1 and follow the raster order of each
     * component's first pixel; background is 0. Returns the number of components.
     */
    public static int label(byte[] src, int w, int h, boolean eight, int[] labels) {
        java.util.Arrays.fill(labels, 0);
        int[] queue = new int[src.length];
        int next = 0;
        for (int start = 0; start < src.length; start++) {
            if (src[start] == 0 || labels[start] != 0) {
                continue;
            }
            next++;
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            labels[start] = next;
            while (head < tail) {
                int p = queue[head++];
                int x = p % w;
                int y = p / w;
                for (int dy = -1; dy <= 1; dy++) {
                    int ny = y + dy;
                    if (ny < 0 || ny >= h) {
                        continue;
                    }
                    for (int dx = -1; dx <= 1; dx++) {
                        if ((dx == 0 && dy == 0) || (!eight && dx != 0 && dy != 0)) {
                            continue;
                        }
                        int nx = x + dx;
                        if (nx < 0 || nx >= w) {
                            continue;
                        }
                        int q = ny * w + nx;
                        if (src[q] != 0 && labels[q] == 0) {
                            labels[q] = next;
                            queue[tail++] = q;
                        }
                    }
                }
            }
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
        byte[] out = new byte[src.length];
        java.util.Arrays.fill(out, (byte) 1);
        int[] queue = new int[src.length];
        int tail = 0;
        for (int x = 0; x < w; x++) {
            tail = seed(src, out, queue, tail, x);
            tail = seed(src, out, queue, tail, (h - 1) * w + x);
        }
        for (int y = 0; y < h; y++) {
            tail = seed(src, out, queue, tail, y * w);
            tail = seed(src, out, queue, tail, y * w + w - 1);
        }
        int head = 0;
        while (head < tail) {
            int p = queue[head++];
            int x = p % w;
            int y = p / w;
            for (int dy = -1; dy <= 1; dy++) {
                int ny = y + dy;
                if (ny < 0 || ny >= h) {
                    continue;
                }
                for (int dx = -1; dx <= 1; dx++) {
                    if ((dx == 0 && dy == 0) || (!backgroundEight && dx != 0 && dy != 0)) {
                        continue;
                    }
                    int nx = x + dx;
                    if (nx >= 0 && nx < w) {
                        tail = seed(src, out, queue, tail, ny * w + nx);
                    }
                }
            }
        }
        return out;
    }

    private static int seed(byte[] src, byte[] out, int[] queue, int tail, int p) {
        if (src[p] == 0 && out[p] == 1) {
            out[p] = 0;
            queue[tail++] = p;
        }
        return tail;
    }
}
