package dev.brushedit.segment.internal;

import dev.brushedit.core.image.ImageTensors;
import dev.brushedit.core.image.PillowResample;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.core.tensor.Interpolation;
import dev.brushedit.core.tensor.Tensor;

/**
 * Scales an image so its longest side is a target length, keeping the aspect ratio, normalises each
 * channel and pads the bottom and right to a {@code target x target} square: the input of SAM's
 * image encoder (segment-anything's {@code ResizeLongestSide} plus {@code Sam.preprocess}) and of
 * OWLv2's detector (pad to square, resize).
 *
 * <p>New sizes follow segment-anything: {@code scale = target / max(h, w)}, each side
 * {@code (int) (side * scale + 0.5)}, at least 1 (segment-anything would give 0 for a side under
 * {@code max(h, w) / (2 * target)}). Points map by {@code x * newW / w} and {@code y * newH / h}.
 *
 * <p>Thread-safety: immutable.
 */
public final class Letterbox {
    private final int target;
    private final float[] mean;
    private final float[] std;
    private final float padRaw;
    private final boolean pillowResize;

    /**
     * A letterbox to {@code target} pixels; {@code mean} and {@code std} are per channel in units of
     * the [0, 1] pixel scale; {@code padRaw} is the padding's raw value on that scale before
     * normalisation, or NaN to pad with normalised 0 (as SAM does). {@code pillowResize} scales the
     * 8-bit image as Pillow's bilinear resize does ({@link PillowResample}, SAM's preprocessing); else
     * the float image is scaled by area averaging (down) or bilinearly (up).
     */
    public Letterbox(int target, float[] mean, float[] std, float padRaw, boolean pillowResize) {
        this.target = target;
        this.mean = mean.clone();
        this.std = std.clone();
        this.padRaw = padRaw;
        this.pillowResize = pillowResize;
    }

    /** The side of the square output. */
    public int target() {
        return target;
    }

    /** {@code {newHeight, newWidth}} for an {@code h x w} image. */
    public int[] scaledSize(int h, int w) {
        double scale = target * 1.0 / Math.max(h, w);
        return new int[] {Math.max(1, (int) (h * scale + 0.5)), Math.max(1, (int) (w * scale + 0.5))};
    }

    /** Maps the image point {@code (x, y)} of an {@code h x w} image to the letterboxed frame. */
    public float[] toInput(double x, double y, int h, int w) {
        int[] s = scaledSize(h, w);
        return new float[] {(float) (x * ((double) s[1] / w)), (float) (y * ((double) s[0] / h))};
    }

    /** The letterboxed image as {@code [1, 3, target, target]}. */
    public Tensor apply(RgbImage image) {
        int h = image.height();
        int w = image.width();
        int[] s = scaledSize(h, w);
        Tensor t = ImageTensors.toTensor(pillowResize ? PillowResample.resize(image, s[1], s[0], PillowResample.Filter.BILINEAR) : image);
        if (!pillowResize && (s[0] != h || s[1] != w)) {
            t = t.resize(s[0], s[1], s[0] < h ? Interpolation.AREA : Interpolation.BILINEAR);
        }
        float[] src = t.toArray();
        float[] out = new float[3 * target * target];
        int plane = target * target;
        for (int c = 0; c < 3; c++) {
            float pad = Float.isNaN(padRaw) ? 0f : (padRaw - mean[c]) / std[c];
            java.util.Arrays.fill(out, c * plane, (c + 1) * plane, pad);
            for (int y = 0; y < s[0]; y++) {
                int si = (c * s[0] + y) * s[1];
                int di = c * plane + y * target;
                for (int x = 0; x < s[1]; x++) {
                    float v01 = (src[si + x] + 1f) * 0.5f;
                    out[di + x] = (v01 - mean[c]) / std[c];
                }
            }
        }
        return Tensor.of(out, 1, 3, target, target);
    }
}
