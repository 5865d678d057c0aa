package dev.brushedit.reference;

import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.PillowResample;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.core.tensor.Tensor;

/**
 * MimicBrush's image preparation and final composite, as its demo does them: squares padded with
 * white (masks with black), centred with the smaller offset first; the hole blacked out in the
 * source; Pillow Lanczos resizes to 512 (diffusers' {@code VaeImageProcessor}); the mask binarised
 * at 0.5 after its resize and taken to the latent grid by nearest neighbour; CLIP's bicubic 224 and
 * normalisation for the reference; Depth Anything's OpenCV-cubic 518 and normalisation for the source;
 * and the composite that blends the generated square back with a mask blurred ten times.
 *
 * <p>Thread-safety: stateless.
 */
final class MimicBrushImages {
    /** The side MimicBrush generates at. */
    static final int SIZE = 512;
    private static final double[] CLIP_MEAN = {0.48145466, 0.4578275, 0.40821073};
    private static final double[] CLIP_STD = {0.26862954, 0.26130258, 0.27577711};
    private static final double[] DEPTH_MEAN = {0.485, 0.456, 0.406};
    private static final double[] DEPTH_STD = {0.229, 0.224, 0.225};
    private static final int BLUR_PASSES = 10;

    private MimicBrushImages() {}

    /** The side of the padded square. */
    static int side(int width, int height) {
        return Math.max(width, height);
    }

    /** {@code image} centred on a square of {@code value} grey (255 = white), offset {@code (side - short) / 2}. */
    static RgbImage padSquare(RgbImage image, int value) {
        int w = image.width();
        int h = image.height();
        int s = side(w, h);
        if (w == h) {
            return image;
        }
        int ox = h > w ? (s - w) / 2 : 0;
        int oy = h > w ? 0 : (s - h) / 2;
        byte[] src = image.toRgbBytes();
        byte[] out = new byte[s * s * 3];
        java.util.Arrays.fill(out, (byte) value);
        for (int y = 0; y < h; y++) {
            System.arraycopy(src, y * w * 3, out, ((y + oy) * s + ox) * 3, w * 3);
        }
        return RgbImage.of(s, s, out);
    }

    /** The hole (mask value above 0.5) on the padded square; padding is not hole. */
    static boolean[] padHole(Mask mask) {
        int w = mask.width();
        int h = mask.height();
        int s = side(w, h);
        int ox = h > w ? (s - w) / 2 : 0;
        int oy = h > w ? 0 : (s - h) / 2;
        boolean[] hole = new boolean[s * s];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                hole[(y + oy) * s + x + ox] = mask.get(x, y) > 0.5f;
            }
        }
        return hole;
    }

    /** The padded source with the hole set to black (MimicBrush's collage of the masked target). */
    static RgbImage blackOut(RgbImage square, boolean[] hole) {
        byte[] rgb = square.toRgbBytes();
        for (int i = 0; i < hole.length; i++) {
            if (hole[i]) {
                rgb[3 * i] = 0;
                rgb[3 * i + 1] = 0;
                rgb[3 * i + 2] = 0;
            }
        }
        return RgbImage.of(square.width(), square.height(), rgb);
    }

    /** Resized to 512 x 512 with Pillow's Lanczos filter. */
    static RgbImage to512(RgbImage square) {
        return PillowResample.resize(square, SIZE, SIZE, PillowResample.Filter.LANCZOS);
    }

    /** The hole at 512 x 512: 0/255 grey resized with Lanczos, then 1 where the value is at least half (128 of 255). */
    static boolean[] hole512(boolean[] hole, int side) {
        int[] grey = new int[hole.length];
        for (int i = 0; i < hole.length; i++) {
            grey[i] = hole[i] ? 255 : 0;
        }
        int[] r = PillowResample.resize(grey, side, side, 1, SIZE, SIZE, PillowResample.Filter.LANCZOS);
        boolean[] out = new boolean[r.length];
        for (int i = 0; i < r.length; i++) {
            out[i] = r[i] >= 128;
        }
        return out;
    }

    /** The 512 hole on the latent grid {@code [1, 1, 64, 64]} (nearest: pixel {@code 8i, 8j}), 1 = hole. */
    static Tensor holeLatent(boolean[] hole512) {
        int n = SIZE / 8;
        Tensor t = Tensor.zeros(1, 1, n, n);
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                t.setFlat(y * n + x, hole512[(8 * y) * SIZE + 8 * x] ? 1f : 0f);
            }
        }
        return t;
    }

    /** CLIP's input for the padded reference: bicubic to 224, scaled to [0, 1], normalised; {@code [1, 3, 224, 224]}. */
    static Tensor clipPixels(RgbImage squareReference, int side) {
        RgbImage r = PillowResample.resize(squareReference, side, side, PillowResample.Filter.BICUBIC);
        byte[] rgb = r.toRgbBytes();
        Tensor t = Tensor.zeros(1, 3, side, side);
        int plane = side * side;
        for (int i = 0; i < plane; i++) {
            for (int c = 0; c < 3; c++) {
                float u = (rgb[3 * i + c] & 0xff) * (1f / 255f);
                t.setFlat(c * plane + i, (float) ((u - CLIP_MEAN[c]) / CLIP_STD[c]));
            }
        }
        return t;
    }

    /**
     * Depth Anything's input as MimicBrush builds it for the padded source: OpenCV cubic to
     * {@code side}, then {@code ((u - mean) / std) / 255} on the 0..255 values (MimicBrush normalises
     * before dividing by 255); {@code [1, 3, side, side]}.
     */
    static Tensor depthPixels(RgbImage square, int side) {
        byte[] rgb = square.toRgbBytes();
        int[] src = new int[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            src[i] = rgb[i] & 0xff;
        }
        int[] r = OpenCvResize.cubic(src, square.width(), square.height(), 3, side, side);
        Tensor t = Tensor.zeros(1, 3, side, side);
        int plane = side * side;
        for (int i = 0; i < plane; i++) {
            for (int c = 0; c < 3; c++) {
                float v = (float) ((r[3 * i + c] - DEPTH_MEAN[c]) / DEPTH_STD[c]);
                t.setFlat(c * plane + i, v / 255f);
            }
        }
        return t;
    }

    /**
     * MimicBrush's composite: the generated 512 square resized (bilinear) to the padded side, its
     * padding cropped, and blended over {@code original} with the binary mask blurred ten times
     * (3 x 3 Gaussian, 8-bit each pass); the result truncated to 8 bits as numpy's cast does.
     */
    static RgbImage composite(RgbImage original, Mask mask, RgbImage generated512) {
        int w = original.width();
        int h = original.height();
        int s = side(w, h);
        int ox = h > w ? (s - w) / 2 : 0;
        int oy = h > w ? 0 : (s - h) / 2;
        int[] big = bilinear(generated512.toRgbBytes(), generated512.width(), s);
        int[] alpha = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                alpha[y * w + x] = mask.get(x, y) > 0.5f ? 255 : 0;
            }
        }
        for (int pass = 0; pass < BLUR_PASSES; pass++) {
            alpha = gaussian3(alpha, w, h);
        }
        byte[] orig = original.toRgbBytes();
        byte[] out = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double a = alpha[y * w + x] / 255.0;
                for (int c = 0; c < 3; c++) {
                    int i = (y * w + x) * 3 + c;
                    double g = big[((y + oy) * s + x + ox) * 3 + c];
                    double v = g * a + (orig[i] & 0xff) * (1 - a);
                    out[i] = (byte) (int) v;
                }
            }
        }
        return RgbImage.of(w, h, out);
    }

    /** Centre-aligned bilinear resize of an RGB square, clamped borders, rounded to 8 bits. */
    private static int[] bilinear(byte[] rgb, int in, int out) {
        int[] res = new int[out * out * 3];
        double scale = (double) in / out;
        int[] x0 = new int[out];
        double[] fx = new double[out];
        for (int d = 0; d < out; d++) {
            double f = (d + 0.5) * scale - 0.5;
            int s0 = (int) Math.floor(f);
            fx[d] = f - s0;
            x0[d] = s0;
        }
        for (int dy = 0; dy < out; dy++) {
            int ya = clamp(x0[dy], in);
            int yb = clamp(x0[dy] + 1, in);
            double wy = x0[dy] < 0 ? 0 : fx[dy];
            for (int dx = 0; dx < out; dx++) {
                int xa = clamp(x0[dx], in);
                int xb = clamp(x0[dx] + 1, in);
                double wx = x0[dx] < 0 ? 0 : fx[dx];
                for (int c = 0; c < 3; c++) {
                    double top = (rgb[(ya * in + xa) * 3 + c] & 0xff) * (1 - wx) + (rgb[(ya * in + xb) * 3 + c] & 0xff) * wx;
                    double bottom = (rgb[(yb * in + xa) * 3 + c] & 0xff) * (1 - wx) + (rgb[(yb * in + xb) * 3 + c] & 0xff) * wx;
                    res[(dy * out + dx) * 3 + c] = (int) Math.round(top * (1 - wy) + bottom * wy);
                }
            }
        }
        return res;
    }

    private static int clamp(int i, int n) {
        return Math.min(Math.max(i, 0), n - 1);
    }

    /** OpenCV's 8-bit 3 x 3 Gaussian blur (kernel 1 2 1 / 4 each way, reflect-101 border, rounded half up). */
    static int[] gaussian3(int[] v, int w, int h) {
        int[] out = new int[v.length];
        for (int y = 0; y < h; y++) {
            int ym = reflect(y - 1, h);
            int yp = reflect(y + 1, h);
            for (int x = 0; x < w; x++) {
                int xm = reflect(x - 1, w);
                int xp = reflect(x + 1, w);
                int sum = row(v, ym * w, xm, x, xp) + 2 * row(v, y * w, xm, x, xp) + row(v, yp * w, xm, x, xp);
                out[y * w + x] = (sum + 8) >> 4;
            }
        }
        return out;
    }

    private static int row(int[] v, int base, int xm, int x, int xp) {
        return v[base + xm] + 2 * v[base + x] + v[base + xp];
    }

    private static int reflect(int i, int n) {
        if (n == 1) {
            return 0;
        }
        if (i < 0) {
            return -i;
        }
        if (i >= n) {
            return 2 * n - 2 - i;
        }
        return i;
    }
}
