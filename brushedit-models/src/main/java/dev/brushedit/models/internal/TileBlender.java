package dev.brushedit.models.internal;

import dev.brushedit.core.tensor.Tensor;
import java.nio.FloatBuffer;

/**
 * Accumulates decoded tiles into one image, weighting each tile by linear ramps across the overlaps
 * it shares with neighbours and normalising by the summed weights.
 *
 * <p>Thread-safety: not thread-safe; one per decode.
 */
public final class TileBlender {
    private final int batch;
    private final int channels;
    private final int height;
    private final int width;
    private final int factor;
    private final int rampPixels;
    private final Tensor out;
    private final float[] weights;

    /**
     * A blender for latents of {@code latentH x latentW} decoded at {@code factor} pixels per latent,
     * with {@code overlap} latent pixels of overlap.
     */
    public TileBlender(int batch, int channels, int latentH, int latentW, int factor, int overlap) {
        this.batch = batch;
        this.channels = channels;
        this.height = latentH * factor;
        this.width = latentW * factor;
        this.factor = factor;
        this.rampPixels = overlap * factor;
        this.out = Tensor.zeros(batch, channels, height, width);
        this.weights = new float[height * width];
    }

    /** Tile start positions covering {@code size} with tiles of {@code tile} overlapping by at least {@code overlap}. */
    public static int[] starts(int size, int tile, int overlap) {
        if (size <= tile) {
            return new int[] {0};
        }
        int stride = tile - overlap;
        int n = (size - tile + stride - 1) / stride + 1;
        int[] s = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = Math.min(i * stride, size - tile);
        }
        return s;
    }

    /** The {@code [b, c, h, w]} window of {@code t} at {@code (y0, x0)}, copied. */
    public static Tensor crop(Tensor t, int y0, int x0, int h, int w) {
        return t.slice(2, y0, y0 + h).slice(3, x0, x0 + w);
    }

    /** Adds a decoded tile whose latent origin is {@code (y0, x0)}; the flags say which edges have neighbours. */
    public void add(Tensor tile, int y0, int x0, boolean top, boolean left, boolean bottom, boolean right) {
        int th = tile.dim(2);
        int tw = tile.dim(3);
        int py = y0 * factor;
        int px = x0 * factor;
        float[] wy = ramp(th, top, bottom);
        float[] wx = ramp(tw, left, right);
        FloatBuffer src = tile.buffer();
        FloatBuffer dst = out.buffer();
        for (int y = 0; y < th; y++) {
            for (int x = 0; x < tw; x++) {
                weights[(py + y) * width + px + x] += wy[y] * wx[x];
            }
        }
        for (int b = 0; b < batch; b++) {
            for (int c = 0; c < channels; c++) {
                int sBase = (b * channels + c) * th * tw;
                int dBase = (b * channels + c) * height * width;
                for (int y = 0; y < th; y++) {
                    float fy = wy[y];
                    int so = sBase + y * tw;
                    int d = dBase + (py + y) * width + px;
                    for (int x = 0; x < tw; x++) {
                        dst.put(d + x, dst.get(d + x) + fy * wx[x] * src.get(so + x));
                    }
                }
            }
        }
    }

    private float[] ramp(int n, boolean lead, boolean trail) {
        float[] r = new float[n];
        for (int i = 0; i < n; i++) {
            float v = 1f;
            if (rampPixels > 0 && lead) {
                v = Math.min(v, (i + 0.5f) / rampPixels);
            }
            if (rampPixels > 0 && trail) {
                v = Math.min(v, (n - i - 0.5f) / rampPixels);
            }
            r[i] = v;
        }
        return r;
    }

    /** The blended image; every pixel was covered by at least one tile. */
    public Tensor result() {
        FloatBuffer dst = out.buffer();
        int plane = height * width;
        for (int bc = 0; bc < batch * channels; bc++) {
            for (int i = 0; i < plane; i++) {
                dst.put(bc * plane + i, dst.get(bc * plane + i) / weights[i]);
            }
        }
        return out;
    }
}
