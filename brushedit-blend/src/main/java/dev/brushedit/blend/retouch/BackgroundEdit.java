package dev.brushedit.blend.retouch;

import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;

/**
 * Background edits given the background region (1 = background, e.g. the subject's mask inverted):
 * a plain colour, a blur that draws only on background pixels (the subject does not bleed into it),
 * or a matte for transparency. Each fades in over a feathered edge ({@link Matte}).
 *
 * <p>Thread-safety: stateless, safe for concurrent use.
 */
public final class BackgroundEdit {
    private BackgroundEdit() {}

    /** The default blur sigma for a {@code width x height} image: 1.2 % of the diagonal. */
    public static double defaultBlurSigma(int width, int height) {
        return Math.max(1.0, 0.012 * Math.hypot(width, height));
    }

    /** {@code image} with the background replaced by the plain colour {@code rgb} ({@code 0xRRGGBB}). */
    public static RgbImage fill(RgbImage image, Mask background, int rgb, double featherSigma) {
        float[] w = matte(image, background, featherSigma).toArray();
        byte[] px = image.toRgbBytes();
        for (int i = 0; i < w.length; i++) {
            if (w[i] > 0f) {
                Pixels.blend(px, i, rgb, w[i]);
            }
        }
        return RgbImage.of(image.width(), image.height(), px);
    }

    /**
     * {@code image} with the background blurred by a Gaussian of {@code sigma} pixels, normalised
     * over background pixels only: {@code blur(image * bg) / blur(bg)}.
     */
    public static RgbImage blur(RgbImage image, Mask background, double sigma, double featherSigma) {
        Checks.inRange("sigma", sigma, 0.5, 500.0);
        float[] w = matte(image, background, featherSigma).toArray();
        int width = image.width();
        int height = image.height();
        int n = width * height;
        float[] bg = background.binarize(0.5f).toArray();
        float[] norm = bg.clone();
        BoxBlur.blur(norm, width, height, sigma);
        byte[] px = image.toRgbBytes();
        float[][] planes = new float[3][n];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < n; i++) {
                planes[c][i] = (px[3 * i + c] & 0xff) * bg[i];
            }
            BoxBlur.blur(planes[c], width, height, sigma);
        }
        for (int i = 0; i < n; i++) {
            if (w[i] <= 0f || norm[i] < 1e-4f) {
                continue;
            }
            for (int c = 0; c < 3; c++) {
                int orig = px[3 * i + c] & 0xff;
                double blurred = planes[c][i] / norm[i];
                px[3 * i + c] = (byte) Math.round(Math.min(255.0, Math.max(0.0, orig + w[i] * (blurred - orig))));
            }
        }
        return RgbImage.of(width, height, px);
    }

    /** The opacity that cuts the background out: 1 on the subject, 0 on the background, feathered between. */
    public static Mask cutOut(RgbImage image, Mask background, double featherSigma) {
        return matte(image, background, featherSigma).invert();
    }

    /** The feathered background weight, after checking the region. */
    private static Mask matte(RgbImage image, Mask background, double featherSigma) {
        Checks.notNull("image", image);
        Checks.notNull("background", background).requireSameSize(image);
        Mask binary = background.binarize(0.5f);
        if (binary.isEmpty()) {
            throw new InvalidInputException("the background region is empty; expected a mask that leaves the background set");
        }
        if (binary.isFull()) {
            throw new InvalidInputException("the background region covers the whole image, so there is no subject to keep; "
                    + "expected the subject's mask (or box) to leave part of the image out");
        }
        return Matte.feather(binary, featherSigma);
    }
}
