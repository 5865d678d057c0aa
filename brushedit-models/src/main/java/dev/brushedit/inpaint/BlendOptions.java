package dev.brushedit.inpaint;

import dev.brushedit.core.InvalidInputException;

/**
 * How the generated pixels are pasted back into the original: BrushNet's blurred-mask paste
 * {@code m' = 1 - (1 - m)(1 - blur(m))} with a {@code kernelSize x kernelSize} Gaussian, or a hard
 * paste through the mask when disabled. Pixels beyond the blur radius are exactly the original.
 *
 * <p>Thread-safety: immutable.
 *
 * @param enabled whether the blurred paste is applied (false: hard paste through the binary mask)
 * @param kernelSize odd Gaussian kernel size in pixels (BrushNet: 21)
 * @param sigma Gaussian sigma; 0 or less means OpenCV's rule for the kernel size
 */
public record BlendOptions(boolean enabled, int kernelSize, double sigma) {

    /** BrushNet's default: a 21x21 Gaussian with OpenCV's sigma for that size. */
    public static final BlendOptions DEFAULT = new BlendOptions(true, 21, 0);

    /** No blur: generated pixels inside the mask, original pixels outside. */
    public static final BlendOptions HARD = new BlendOptions(false, 1, 0);

    /** Validates the kernel size (odd, 1..255) and sigma (finite). */
    public BlendOptions {
        if (kernelSize < 1 || kernelSize > 255 || kernelSize % 2 == 0) {
            throw new InvalidInputException("kernelSize must be an odd number between 1 and 255, was " + kernelSize);
        }
        if (!Double.isFinite(sigma)) {
            throw new InvalidInputException("sigma must be finite, was " + sigma);
        }
    }
}
