package dev.brushedit.inpaint.patchmatch;

/**
 * One pyramid level: a float RGB estimate, the hole, the patch radius in use, which patch centres
 * may serve as sources (patch fully inside the image and fully known) and which centres are
 * targets (patch touches the hole).
 *
 * <p>Thread-safety: not thread-safe; owned by one solver run.
 */
final class Level {
    final int width;
    final int height;
    /** Interleaved RGB, 0..255; hole pixels hold the current estimate. */
    final float[] rgb;
    final boolean[] hole;
    int radius;
    boolean[] source;
    int[] sources;
    /** Target centre indices in row-major order. */
    int[] targets;
    /** {@code rowStart[y]} is the first position in {@link #targets} whose row is at least {@code y}. */
    int[] rowStart;

    Level(int width, int height, float[] rgb, boolean[] hole) {
        this.width = width;
        this.height = height;
        this.rgb = rgb;
        this.hole = hole;
    }

    /**
     * A level half the size (rounded up): known pixels are the mean of the known pixels of their
     * 2x2 block, and a coarse pixel is a hole when any pixel of its block is.
     */
    Level downsample() {
        int cw = (width + 1) / 2;
        int ch = (height + 1) / 2;
        float[] out = new float[cw * ch * 3];
        boolean[] outHole = new boolean[cw * ch];
        for (int cy = 0; cy < ch; cy++) {
            for (int cx = 0; cx < cw; cx++) {
                float r = 0;
                float g = 0;
                float b = 0;
                int n = 0;
                boolean anyHole = false;
                for (int y = 2 * cy; y < Math.min(2 * cy + 2, height); y++) {
                    for (int x = 2 * cx; x < Math.min(2 * cx + 2, width); x++) {
                        int i = y * width + x;
                        if (hole[i]) {
                            anyHole = true;
                        } else {
                            r += rgb[3 * i];
                            g += rgb[3 * i + 1];
                            b += rgb[3 * i + 2];
                            n++;
                        }
                    }
                }
                int o = cy * cw + cx;
                outHole[o] = anyHole;
                if (n > 0) {
                    out[3 * o] = r / n;
                    out[3 * o + 1] = g / n;
                    out[3 * o + 2] = b / n;
                }
            }
        }
        return new Level(cw, ch, out, outHole);
    }

    /** True when at least one source patch of radius {@code r} exists. */
    boolean hasSources(int r) {
        int[] integral = holeIntegral();
        for (int y = r; y < height - r; y++) {
            for (int x = r; x < width - r; x++) {
                if (holesIn(integral, x - r, y - r, x + r, y + r) == 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Sets the radius and computes the source and target sets for it. */
    void prepare(int r) {
        radius = r;
        int[] integral = holeIntegral();
        source = new boolean[width * height];
        int count = 0;
        for (int y = r; y < height - r; y++) {
            for (int x = r; x < width - r; x++) {
                if (holesIn(integral, x - r, y - r, x + r, y + r) == 0) {
                    source[y * width + x] = true;
                    count++;
                }
            }
        }
        sources = new int[count];
        int[] tmp = new int[width * height];
        int nt = 0;
        rowStart = new int[height + 1];
        for (int y = 0; y < height; y++) {
            rowStart[y] = nt;
            for (int x = 0; x < width; x++) {
                int x0 = Math.max(0, x - r);
                int y0 = Math.max(0, y - r);
                int x1 = Math.min(width - 1, x + r);
                int y1 = Math.min(height - 1, y + r);
                if (holesIn(integral, x0, y0, x1, y1) > 0) {
                    tmp[nt++] = y * width + x;
                }
            }
        }
        rowStart[height] = nt;
        targets = java.util.Arrays.copyOf(tmp, nt);
        int k = 0;
        for (int i = 0; i < source.length; i++) {
            if (source[i]) {
                sources[k++] = i;
            }
        }
    }

    private int[] holeIntegral() {
        int stride = width + 1;
        int[] s = new int[stride * (height + 1)];
        for (int y = 0; y < height; y++) {
            int rowSum = 0;
            for (int x = 0; x < width; x++) {
                rowSum += hole[y * width + x] ? 1 : 0;
                s[(y + 1) * stride + x + 1] = s[y * stride + x + 1] + rowSum;
            }
        }
        return s;
    }

    /** Hole pixels in the inclusive rectangle. */
    private int holesIn(int[] s, int x0, int y0, int x1, int y1) {
        int stride = width + 1;
        return s[(y1 + 1) * stride + x1 + 1] - s[y0 * stride + x1 + 1] - s[(y1 + 1) * stride + x0] + s[y0 * stride + x0];
    }
}
