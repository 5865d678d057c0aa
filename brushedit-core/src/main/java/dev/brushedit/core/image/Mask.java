package dev.brushedit.core.image;

import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.PixelGrid;
import dev.brushedit.core.tensor.Interpolation;
import dev.brushedit.core.tensor.Tensor;

/**
 * A single-channel mask with values in {@code [0, 1]}, where 1 always means "the region to edit"
 * and 0 "keep". Soft values (feathered edges) are allowed. Models that use the opposite polarity
 * (BrushNet: 1 = keep) are converted inside the model layer, never by the caller.
 *
 * <p>Thread-safety: immutable, safe to share between threads.
 */
public final class Mask implements PixelGrid {
    private final int width;
    private final int height;
    private final float[] values;

    private Mask(int width, int height, float[] values) {
        this.width = width;
        this.height = height;
        this.values = values;
    }

    /** A mask from row-major values ({@code width * height} of them, each in [0, 1]), copied. */
    public static Mask of(int width, int height, float[] values) {
        RgbImage.checkSize(width, height);
        if (values == null || values.length != (long) width * height) {
            throw new InvalidInputException("mask values must hold width*height = " + ((long) width * height)
                    + " elements for a " + width + "x" + height + " mask, held " + (values == null ? "null" : values.length));
        }
        for (int i = 0; i < values.length; i++) {
            float v = values[i];
            if (!(v >= 0f && v <= 1f)) {
                throw new InvalidInputException("mask values must be in [0, 1] (1 = edit), found " + v
                        + " at x=" + (i % width) + ", y=" + (i / width));
            }
        }
        return new Mask(width, height, values.clone());
    }

    /** Takes ownership of already validated values; for the SDK's own producers. */
    static Mask adopt(int width, int height, float[] values) {
        return new Mask(width, height, values);
    }

    /** A mask of zeros: nothing to edit. */
    public static Mask empty(int width, int height) {
        RgbImage.checkSize(width, height);
        return new Mask(width, height, new float[width * height]);
    }

    /** A mask of ones: edit everything. */
    public static Mask full(int width, int height) {
        RgbImage.checkSize(width, height);
        float[] v = new float[width * height];
        java.util.Arrays.fill(v, 1f);
        return new Mask(width, height, v);
    }

    /** A mask that is 1 inside {@code box} (clamped to the mask) and 0 elsewhere. */
    public static Mask ofBox(int width, int height, Box box) {
        RgbImage.checkSize(width, height);
        Checks.notNull("box", box);
        Box b = box.clampTo(width, height);
        float[] v = new float[width * height];
        for (int y = b.y0(); y < b.y1(); y++) {
            java.util.Arrays.fill(v, y * width + b.x0(), y * width + b.x1(), 1f);
        }
        return new Mask(width, height, v);
    }

    /**
     * A binary mask from an image: a pixel is 1 when its gray level {@code (R + G + B) / 3} is at
     * least {@code threshold} (0..255), else 0. {@code threshold = 128} reads the usual white-on-black
     * mask file, including JPEG-compressed ones.
     */
    public static Mask fromImage(RgbImage image, int threshold) {
        Checks.notNull("mask image", image);
        Checks.inRange("threshold", threshold, 1, 255);
        byte[] px = image.data();
        float[] v = new float[image.width() * image.height()];
        for (int i = 0; i < v.length; i++) {
            v[i] = graySum(px, i) >= threshold * 3 ? 1f : 0f;
        }
        return new Mask(image.width(), image.height(), v);
    }

    /** A soft mask from an image: each value is the gray level {@code (R + G + B) / 3 / 255}. */
    public static Mask fromImageSoft(RgbImage image) {
        Checks.notNull("mask image", image);
        byte[] px = image.data();
        float[] v = new float[image.width() * image.height()];
        for (int i = 0; i < v.length; i++) {
            v[i] = graySum(px, i) / (3f * 255f);
        }
        return new Mask(image.width(), image.height(), v);
    }

    private static int graySum(byte[] px, int pixel) {
        return (px[3 * pixel] & 0xff) + (px[3 * pixel + 1] & 0xff) + (px[3 * pixel + 2] & 0xff);
    }

    /** A mask from a {@code [1, 1, H, W]} or {@code [H, W]} tensor whose values lie in [0, 1]. */
    public static Mask fromTensor(Tensor tensor) {
        Checks.notNull("mask tensor", tensor);
        int[] s = tensor.shape();
        boolean ok = (s.length == 2) || (s.length == 4 && s[0] == 1 && s[1] == 1);
        if (!ok) {
            throw new InvalidInputException("mask tensor must have shape [1, 1, H, W] or [H, W], was " + java.util.Arrays.toString(s));
        }
        return of(tensor.dim(-1), tensor.dim(-2), tensor.toArray());
    }

    /** Width in pixels. */
    @Override
    public int width() {
        return width;
    }

    /** Height in pixels. */
    @Override
    public int height() {
        return height;
    }

    /** The value at column {@code x}, row {@code y}. */
    public float get(int x, int y) {
        if (x < 0 || x >= width || y < 0 || y >= height) {
            throw new InvalidInputException("pixel (" + x + ", " + y + ") is outside the " + width + "x" + height + " mask");
        }
        return values[y * width + x];
    }

    /** A copy of the row-major values. */
    public float[] toArray() {
        return values.clone();
    }

    /** This mask as a {@code [1, 1, H, W]} tensor (1 = edit). */
    public Tensor toTensor() {
        return Tensor.of(values, 1, 1, height, width);
    }

    /** This mask as a gray image: 255 where the value is 1. */
    public RgbImage toImage() {
        byte[] px = new byte[width * height * 3];
        for (int i = 0; i < values.length; i++) {
            byte b = (byte) Math.round(values[i] * 255f);
            px[3 * i] = px[3 * i + 1] = px[3 * i + 2] = b;
        }
        return RgbImage.adopt(width, height, px);
    }

    /** Resized with the given interpolation (PyTorch's rules, see {@link Interpolation}). */
    public Mask resize(int newWidth, int newHeight, Interpolation mode) {
        RgbImage.checkSize(newWidth, newHeight);
        Tensor r = toTensor().resize(newHeight, newWidth, mode).clampInPlace(0f, 1f);
        return new Mask(newWidth, newHeight, r.toArray());
    }

    /** 1 where the value is at least {@code threshold}, else 0. */
    public Mask binarize(float threshold) {
        Checks.inRange("threshold", threshold, 0.0, 1.0);
        float[] v = new float[values.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = values[i] >= threshold ? 1f : 0f;
        }
        return new Mask(width, height, v);
    }

    /** {@code 1 - value} everywhere: edit what was kept and keep what was edited. */
    public Mask invert() {
        float[] v = new float[values.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = 1f - values[i];
        }
        return new Mask(width, height, v);
    }

    /** True when every value is 0: there is nothing to edit. */
    public boolean isEmpty() {
        for (float v : values) {
            if (v != 0f) {
                return false;
            }
        }
        return true;
    }

    /** True when every value is 1. */
    public boolean isFull() {
        for (float v : values) {
            if (v != 1f) {
                return false;
            }
        }
        return true;
    }

    /** True when every value is exactly 0 or 1. */
    public boolean isBinary() {
        for (float v : values) {
            if (v != 0f && v != 1f) {
                return false;
            }
        }
        return true;
    }

    /** Number of pixels whose value is at least 0.5. */
    public long area() {
        long n = 0;
        for (float v : values) {
            if (v >= 0.5f) {
                n++;
            }
        }
        return n;
    }

    /** The smallest box holding every pixel with value at least 0.5, or {@code null} for an empty mask. */
    public Box boundingBox() {
        int x0 = width;
        int y0 = height;
        int x1 = -1;
        int y1 = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (values[y * width + x] >= 0.5f) {
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x);
                    y1 = Math.max(y1, y);
                }
            }
        }
        return x1 < 0 ? null : new Box(x0, y0, x1 + 1, y1 + 1);
    }

    /** The rectangle {@code box} of this mask; the box must lie inside it. */
    public Mask crop(Box box) {
        Checks.notNull("crop box", box);
        if (box.x0() < 0 || box.y0() < 0 || box.x1() > width || box.y1() > height) {
            throw new InvalidInputException("crop box " + box + " must lie inside the " + width + "x" + height + " mask");
        }
        float[] v = new float[box.width() * box.height()];
        for (int y = 0; y < box.height(); y++) {
            System.arraycopy(values, (box.y0() + y) * width + box.x0(), v, y * box.width(), box.width());
        }
        return new Mask(box.width(), box.height(), v);
    }

    /** Throws unless this mask has the same size as {@code image}. */
    public Mask requireSameSize(RgbImage image) {
        Checks.notNull("image", image);
        if (image.width() != width || image.height() != height) {
            throw new InvalidInputException("mask size " + width + "x" + height + " must equal image size "
                    + image.width() + "x" + image.height());
        }
        return this;
    }

    /** True when both masks have the same size and identical values. */
    public boolean sameValues(Mask other) {
        return other != null && width == other.width && height == other.height && java.util.Arrays.equals(values, other.values);
    }

    @Override
    public String toString() {
        return "Mask[" + width + "x" + height + "]";
    }
}
