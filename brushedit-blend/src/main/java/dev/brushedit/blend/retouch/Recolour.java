package dev.brushedit.blend.retouch;

import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;

/**
 * Recolours the region of a mask in OKLab, keeping its shading and texture: every pixel takes the
 * target's hue; its chroma is the target's scaled by the pixel's new lightness over the target's
 * (a shaded surface of one material keeps its (a, b) direction in OKLab, so shadows stay the same
 * colour, only darker), reduced where it would leave the sRGB gamut; its lightness keeps its
 * deviation from the region's mean while the mean moves {@code lightnessShift} of the way to the
 * target's lightness (so white and black targets work), the deviations compressed only as far as
 * needed to stay in [0, 1]. An achromatic target (white, grey, black) gives zero chroma. The result is
 * blended over the original through the feathered mask.
 *
 * <p>Thread-safety: stateless, safe for concurrent use.
 */
public final class Recolour {
    /** The default share of the way the region's mean lightness moves toward the target's: 0.75. */
    public static final double DEFAULT_LIGHTNESS_SHIFT = 0.75;
    private static final double ACHROMATIC = 1e-3;

    private Recolour() {}

    /**
     * {@code image} with the region of {@code mask} (values at least 0.5) recoloured to {@code rgb}.
     *
     * @param rgb the target colour, packed {@code 0xRRGGBB}
     * @param lightnessShift 0 keeps the region's mean lightness, 1 moves it to the target's
     * @param featherSigma the soft edge's Gaussian sigma in pixels (see {@link Matte})
     * @throws InvalidInputException for an empty mask or a mask of another size
     */
    public static RgbImage apply(RgbImage image, Mask mask, int rgb, double lightnessShift, double featherSigma) {
        Checks.notNull("image", image);
        Checks.notNull("mask", mask).requireSameSize(image);
        Checks.inRange("lightnessShift", lightnessShift, 0.0, 1.0);
        Mask binary = mask.binarize(0.5f);
        if (binary.isEmpty()) {
            throw new InvalidInputException("the region to recolour is empty; expected a mask with the object's pixels set");
        }
        float[] lab = OkLab.planes(image);
        int n = image.width() * image.height();
        float[] inside = binary.toArray();
        double[] stats = lightnessStats(lab, inside, n);
        float[] target = OkLab.fromRgb(rgb & 0xFFFFFF);
        double mean = stats[0];
        double newMean = mean + lightnessShift * (target[0] - mean);
        double up = stats[2] - mean;
        double down = mean - stats[1];
        double scale = 1.0;
        if (up > 1e-6) {
            scale = Math.min(scale, Math.max(0.0, 0.99 - newMean) / up);
        }
        if (down > 1e-6) {
            scale = Math.min(scale, Math.max(0.0, newMean - 0.01) / down);
        }
        boolean achromatic = Math.hypot(target[1], target[2]) < ACHROMATIC || target[0] < 1e-3;
        Mask soft = Matte.feather(binary, featherSigma);
        float[] weight = soft.toArray();
        byte[] px = image.toRgbBytes();
        for (int i = 0; i < n; i++) {
            float w = weight[i];
            if (w <= 0f) {
                continue;
            }
            double l = Math.min(1.0, Math.max(0.0, newMean + (lab[i] - mean) * scale));
            double k = achromatic ? 0.0 : l / target[0];
            int out = OkLab.toRgbInGamut(l, target[1] * k, target[2] * k);
            Pixels.blend(px, i, out, w);
        }
        return RgbImage.of(image.width(), image.height(), px);
    }

    /** {mean, 1st percentile, 99th percentile} of L over the pixels where {@code inside} is 1. */
    private static double[] lightnessStats(float[] lab, float[] inside, int n) {
        int bins = 1024;
        long[] hist = new long[bins];
        double sum = 0;
        long count = 0;
        for (int i = 0; i < n; i++) {
            if (inside[i] > 0.5f) {
                double l = Math.min(1.0, Math.max(0.0, lab[i]));
                sum += l;
                count++;
                hist[(int) Math.min(bins - 1, l * bins)]++;
            }
        }
        return new double[] {sum / count, percentile(hist, count, 0.01), percentile(hist, count, 0.99)};
    }

    private static double percentile(long[] hist, long count, double p) {
        long rank = (long) Math.floor(p * (count - 1));
        long seen = 0;
        for (int b = 0; b < hist.length; b++) {
            seen += hist[b];
            if (seen > rank) {
                return (b + 0.5) / hist.length;
            }
        }
        return 1.0;
    }
}
