package dev.brushedit.blend.retouch;

import dev.brushedit.core.image.RgbImage;

/**
 * Conversions between 8-bit sRGB and OKLab (Björn Ottosson, 2020): L is perceived lightness in
 * [0, 1], a and b are the green-red and blue-yellow opponent axes; chroma is {@code hypot(a, b)} and
 * hue {@code atan2(b, a)}. Scaling linear RGB by k scales L, a and b by the cube root of k, so a
 * shaded surface keeps its (a, b) direction.
 *
 * <p>Thread-safety: stateless, safe for concurrent use.
 */
public final class OkLab {
    private static final float[] DECODE = new float[256];

    static {
        for (int i = 0; i < 256; i++) {
            DECODE[i] = (float) toLinear(i / 255.0);
        }
    }

    private OkLab() {}

    /** The sRGB transfer function inverted: an encoded value in [0, 1] to linear light. */
    public static double toLinear(double c) {
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** The sRGB transfer function: linear light in [0, 1] to an encoded value. */
    public static double fromLinear(double c) {
        return c <= 0.0031308 ? 12.92 * c : 1.055 * Math.pow(c, 1 / 2.4) - 0.055;
    }

    /** OKLab {L, a, b} of the packed sRGB colour {@code 0xRRGGBB}. */
    public static float[] fromRgb(int rgb) {
        float[] out = new float[3];
        fromLinearRgb(DECODE[(rgb >> 16) & 0xff], DECODE[(rgb >> 8) & 0xff], DECODE[rgb & 0xff], out, 0);
        return out;
    }

    /** Writes OKLab {L, a, b} of linear RGB into {@code out[at..at+2]}. */
    static void fromLinearRgb(double r, double g, double b, float[] out, int at) {
        double l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
        double m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
        double s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
        out[at] = (float) (0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s);
        out[at + 1] = (float) (1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s);
        out[at + 2] = (float) (0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s);
    }

    /** Writes the linear RGB of OKLab (L, a, b) into {@code out[0..2]}; values may lie outside [0, 1]. */
    static void toLinearRgb(double lightness, double a, double b, double[] out) {
        double l = lightness + 0.3963377774 * a + 0.2158037573 * b;
        double m = lightness - 0.1055613458 * a - 0.0638541728 * b;
        double s = lightness - 0.0894841775 * a - 1.2914855480 * b;
        l = l * l * l;
        m = m * m * m;
        s = s * s * s;
        out[0] = 4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s;
        out[1] = -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s;
        out[2] = -0.0041960863 * l - 0.7034186147 * m + 1.7076147010 * s;
    }

    /** True when linear RGB {@code c} is inside the sRGB gamut (with a tiny tolerance). */
    static boolean inGamut(double[] c) {
        double eps = 1e-4;
        return c[0] >= -eps && c[0] <= 1 + eps && c[1] >= -eps && c[1] <= 1 + eps && c[2] >= -eps && c[2] <= 1 + eps;
    }

    /** The packed 8-bit sRGB colour of OKLab (L, a, b), each channel clipped to the gamut. */
    public static int toRgb(double lightness, double a, double b) {
        double[] c = new double[3];
        toLinearRgb(lightness, a, b, c);
        return encode(c);
    }

    /** Linear RGB clipped to [0, 1] and encoded as packed 8-bit sRGB. */
    static int encode(double[] c) {
        return channel(c[0]) << 16 | channel(c[1]) << 8 | channel(c[2]);
    }

    private static int channel(double linear) {
        double v = fromLinear(Math.min(1.0, Math.max(0.0, linear)));
        return (int) Math.round(v * 255.0);
    }

    /**
     * The colour with lightness {@code lightness} and hue of (a, b) whose chroma is the largest at
     * most {@code hypot(a, b)} that fits the sRGB gamut (chroma is reduced, lightness and hue kept).
     */
    public static int toRgbInGamut(double lightness, double a, double b) {
        double[] c = new double[3];
        double lc = Math.min(1.0, Math.max(0.0, lightness));
        toLinearRgb(lc, a, b, c);
        if (inGamut(c)) {
            return encode(c);
        }
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < 14; i++) {
            double mid = 0.5 * (lo + hi);
            toLinearRgb(lc, a * mid, b * mid, c);
            if (inGamut(c)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        toLinearRgb(lc, a * lo, b * lo, c);
        return encode(c);
    }

    /** The image as planar OKLab: L at {@code [0, n)}, a at {@code [n, 2n)}, b at {@code [2n, 3n)}, n = pixels. */
    public static float[] planes(RgbImage image) {
        byte[] px = image.toRgbBytes();
        int n = px.length / 3;
        float[] out = new float[3 * n];
        float[] lab = new float[3];
        for (int i = 0; i < n; i++) {
            fromLinearRgb(DECODE[px[3 * i] & 0xff], DECODE[px[3 * i + 1] & 0xff], DECODE[px[3 * i + 2] & 0xff], lab, 0);
            out[i] = lab[0];
            out[n + i] = lab[1];
            out[2 * n + i] = lab[2];
        }
        return out;
    }
}
