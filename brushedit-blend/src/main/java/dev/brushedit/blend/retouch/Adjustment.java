package dev.brushedit.blend.retouch;

import dev.brushedit.core.Checks;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;

/**
 * Whole-image colour adjustments, computed in OKLab. {@code strength} 1 is the default amount; 0.5
 * is "slightly", 1.5 "much". Lightness changes scale a and b with L so colours keep their
 * saturation; results are clipped to the sRGB gamut by reducing chroma.
 *
 * <p>Thread-safety: immutable.
 */
public enum Adjustment {
    /** Black and white: chroma 0, lightness kept (R = G = B exactly). */
    GRAYSCALE,
    /** Sepia: the lightness in a warm brown hue (about 65 degrees in OKLab) of modest chroma. */
    SEPIA,
    /** Brighter: {@code L' = 1 - (1 - L)^(1 + 0.35 s)}, lifting darks and mids, keeping white. */
    BRIGHTER,
    /** Darker: {@code L' = L^(1 + 0.35 s)}, deepening mids, keeping black. */
    DARKER,
    /** Warmer: shifts a by +0.006 s and b by +0.03 s (toward orange). */
    WARMER,
    /** Cooler: shifts a by -0.006 s and b by -0.03 s (toward blue). */
    COOLER,
    /** More contrast: lightness deviations from the mean times {@code 1 + 0.3 s}. */
    MORE_CONTRAST,
    /** Less contrast: lightness deviations from the mean times {@code 1 / (1 + 0.3 s)}. */
    LESS_CONTRAST,
    /** More saturated: chroma times {@code 1 + 0.35 s}. */
    MORE_SATURATED,
    /** Less saturated: chroma times {@code max(0, 1 - 0.45 s)}. */
    LESS_SATURATED;

    private static final double SEPIA_HUE = Math.toRadians(65);
    private static final double SEPIA_CHROMA = 0.055;

    /**
     * {@code image} adjusted where {@code mask} is set (blended by its soft values; a full mask
     * adjusts everything).
     *
     * @param strength the amount, 0.1 to 3 (1 = default)
     */
    public RgbImage apply(RgbImage image, Mask mask, double strength) {
        Checks.notNull("image", image);
        Checks.notNull("mask", mask).requireSameSize(image);
        Checks.inRange("strength", strength, 0.1, 3.0);
        if (this == GRAYSCALE) {
            return grayscale(image, mask);
        }
        float[] lab = OkLab.planes(image);
        int n = image.width() * image.height();
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += lab[i];
        }
        mean /= n;
        float[] weight = mask.toArray();
        byte[] px = image.toRgbBytes();
        double[] out = new double[3];
        for (int i = 0; i < n; i++) {
            float w = Math.min(1f, Math.max(0f, weight[i]));
            if (w <= 0f) {
                continue;
            }
            out[0] = lab[i];
            out[1] = lab[n + i];
            out[2] = lab[2 * n + i];
            adjust(out, strength, mean);
            int rgb = OkLab.toRgbInGamut(out[0], out[1], out[2]);
            Pixels.blend(px, i, rgb, w);
        }
        return RgbImage.of(image.width(), image.height(), px);
    }

    /** Adjusts one OKLab colour {L, a, b} in place. */
    private void adjust(double[] c, double s, double mean) {
        double l = Math.min(1.0, Math.max(0.0, c[0]));
        switch (this) {
            case SEPIA: {
                double chroma = SEPIA_CHROMA * Math.min(1.0, s) * Math.sin(Math.PI * Math.min(1.0, l));
                c[1] = chroma * Math.cos(SEPIA_HUE);
                c[2] = chroma * Math.sin(SEPIA_HUE);
                break;
            }
            case BRIGHTER:
                scaleLightness(c, 1 - Math.pow(1 - l, 1 + 0.35 * s));
                break;
            case DARKER:
                scaleLightness(c, Math.pow(l, 1 + 0.35 * s));
                break;
            case WARMER:
                c[1] += 0.006 * s;
                c[2] += 0.03 * s;
                break;
            case COOLER:
                c[1] -= 0.006 * s;
                c[2] -= 0.03 * s;
                break;
            case MORE_CONTRAST:
                c[0] = mean + (l - mean) * (1 + 0.3 * s);
                break;
            case LESS_CONTRAST:
                c[0] = mean + (l - mean) / (1 + 0.3 * s);
                break;
            case MORE_SATURATED:
                c[1] *= 1 + 0.35 * s;
                c[2] *= 1 + 0.35 * s;
                break;
            case LESS_SATURATED:
                c[1] *= Math.max(0.0, 1 - 0.45 * s);
                c[2] *= Math.max(0.0, 1 - 0.45 * s);
                break;
            default:
                throw new IllegalStateException(name());
        }
    }

    private static void scaleLightness(double[] c, double newL) {
        double k = c[0] > 1e-4 ? newL / c[0] : 1.0;
        c[0] = newL;
        c[1] *= Math.min(k, 2.0);
        c[2] *= Math.min(k, 2.0);
    }

    /** Exact gray: each pixel's OKLab lightness as R = G = B. */
    private static RgbImage grayscale(RgbImage image, Mask mask) {
        float[] lab = OkLab.planes(image);
        float[] weight = mask.toArray();
        byte[] px = image.toRgbBytes();
        int n = weight.length;
        for (int i = 0; i < n; i++) {
            float w = Math.min(1f, Math.max(0f, weight[i]));
            if (w > 0f) {
                double l = Math.min(1.0, Math.max(0.0, lab[i]));
                int v = (int) Math.round(OkLab.fromLinear(l * l * l) * 255.0);
                Pixels.blend(px, i, v << 16 | v << 8 | v, w);
            }
        }
        return RgbImage.of(image.width(), image.height(), px);
    }
}
