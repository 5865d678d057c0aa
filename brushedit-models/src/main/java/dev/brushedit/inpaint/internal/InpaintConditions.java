package dev.brushedit.inpaint.internal;

import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.tensor.Interpolation;
import dev.brushedit.core.tensor.Tensor;
import java.util.Arrays;

/**
 * The conditioning inputs BrushNet and the SD inpainting UNet derive from an image and a mask, in
 * the exact form their reference pipelines build them. Masks here are {@code [b, 1, H, W]} tensors
 * with the SDK's polarity (1 = edit); images are {@code [b, 3, H, W]} in [-1, 1].
 *
 * <p>Thread-safety: stateless.
 */
public final class InpaintConditions {
    private InpaintConditions() {}

    /**
     * BrushNet's masked image: the image with the hole black, i.e. {@code -1} after normalisation,
     * wherever the mask is at least 0.5 ({@code init_image * (1 - mask)} on 0..255 pixels).
     */
    public static Tensor blackHole(Tensor image, Tensor mask) {
        return fillHole(image, mask, -1f);
    }

    /**
     * The SD inpainting pipeline's masked image: {@code image * (mask < 0.5)}, so the hole is
     * {@code 0} after normalisation (mid gray).
     */
    public static Tensor grayHole(Tensor image, Tensor mask) {
        return fillHole(image, mask, 0f);
    }

    /**
     * The mask at latent size by nearest-neighbour resizing (PyTorch's default for
     * {@code F.interpolate}), with BrushNet's polarity when {@code keepIsOne} (1 = keep) or the
     * SDK's (1 = hole) otherwise. The mask is binarised at 0.5 first, as the reference pipelines
     * binarise theirs.
     */
    public static Tensor latentMask(Tensor mask, int latentHeight, int latentWidth, boolean keepIsOne) {
        requireMask(mask);
        Tensor small = mask.resize(latentHeight, latentWidth, Interpolation.NEAREST);
        for (int i = 0; i < small.size(); i++) {
            boolean hole = small.getFlat(i) >= 0.5f;
            small.setFlat(i, hole != keepIsOne ? 1f : 0f);
        }
        return small;
    }

    /**
     * Whether BrushNet contributes at step {@code index} of {@code count}: the step is inside the
     * window when {@code index / count >= start} and {@code (index + 1) / count <= end}, as
     * BrushNet's pipeline computes its {@code brushnet_keep} factors.
     */
    public static boolean brushnetActive(int index, int count, double start, double end) {
        if (count < 1 || index < 0 || index >= count) {
            throw new InvalidInputException("step index must be between 0 and " + (count - 1) + ", was " + index);
        }
        return !((double) index / count < start || (double) (index + 1) / count > end);
    }

    private static Tensor fillHole(Tensor image, Tensor mask, float holeValue) {
        requireMask(mask);
        int[] is = image.shape();
        int[] ms = mask.shape();
        if (is.length != 4 || is[1] != 3 || is[0] != ms[0] || is[2] != ms[2] || is[3] != ms[3]) {
            throw new InvalidInputException("image must be [b, 3, H, W] matching mask " + Arrays.toString(ms)
                    + ", was " + Arrays.toString(is));
        }
        Tensor out = image.copy();
        int plane = is[2] * is[3];
        for (int b = 0; b < is[0]; b++) {
            for (int p = 0; p < plane; p++) {
                if (mask.getFlat(b * plane + p) >= 0.5f) {
                    for (int c = 0; c < 3; c++) {
                        out.setFlat((b * 3 + c) * plane + p, holeValue);
                    }
                }
            }
        }
        return out;
    }

    private static void requireMask(Tensor mask) {
        int[] s = mask.shape();
        if (s.length != 4 || s[1] != 1) {
            throw new InvalidInputException("mask tensor must be [b, 1, H, W], was " + Arrays.toString(s));
        }
    }
}
