package dev.brushedit.core;

/**
 * Size limits on caller images, checked before pixels are decoded or allocated so that an oversized
 * input fails with {@link InvalidInputException} instead of an {@link OutOfMemoryError}.
 *
 * <p>The default pixel budget fits the running JVM: {@code clamp(maxMemory / 192, 2^18, 2^27)}
 * pixels, where {@code maxMemory} is {@link Runtime#maxMemory()}. The divisor 192 gives the image
 * work a quarter of the heap at 48 bytes per pixel: the 8-bit image (3), a decoder buffer (4), a
 * float32 RGB tensor (12), a mask and its tensor (8) and about 21 bytes of resize and blend
 * temporaries. The lower bound 2^18 (512x512) keeps the model's native size usable on a small heap;
 * the upper bound 2^27 keeps a 3-channel float32 tensor of the image under the 2^31-byte buffer limit.
 * With {@code -Xmx3g} the default is 16777216 pixels (4096x4096).
 *
 * <p>Thread-safety: immutable, safe to share between threads.
 */
public final class InputLimits {
    /** Smallest pixel budget the default formula returns: 512x512. */
    public static final long MIN_DEFAULT_PIXELS = 1L << 18;
    /** Largest pixel budget the default formula returns, and the largest accepted: 2^27. */
    public static final long MAX_PIXELS = 1L << 27;
    /** Heap bytes reserved per pixel by the default formula (a quarter of the heap at 48 bytes). */
    public static final long HEAP_BYTES_PER_PIXEL = 192;

    private static final InputLimits DEFAULTS = new InputLimits(defaultMaxPixels(Runtime.getRuntime().maxMemory()));

    private final long maxPixels;

    private InputLimits(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    /** The limits with the default pixel budget for this JVM's maximum heap. */
    public static InputLimits defaults() {
        return DEFAULTS;
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder(DEFAULTS.maxPixels);
    }

    /** A builder starting from these limits. */
    public Builder toBuilder() {
        return new Builder(maxPixels);
    }

    /**
     * The default pixel budget for a heap of {@code maxMemoryBytes}:
     * {@code clamp(maxMemoryBytes / 192, 2^18, 2^27)}.
     */
    public static long defaultMaxPixels(long maxMemoryBytes) {
        long budget = maxMemoryBytes <= 0 ? MIN_DEFAULT_PIXELS : maxMemoryBytes / HEAP_BYTES_PER_PIXEL;
        return Math.max(MIN_DEFAULT_PIXELS, Math.min(MAX_PIXELS, budget));
    }

    /** The largest accepted {@code width * height}. */
    public long maxPixels() {
        return maxPixels;
    }

    /**
     * Throws unless a {@code width x height} image is non-empty and within the pixel budget.
     *
     * @param what names the input in the message, e.g. "image" or "mask image.png"
     * @throws InvalidInputException naming the size, the pixel count and the budget
     */
    public void check(int width, int height, String what) {
        String name = what == null || what.isBlank() ? "image" : what;
        if (width < 1 || height < 1) {
            throw new InvalidInputException(name + " must be at least 1x1 pixels, was " + width + "x" + height);
        }
        long pixels = (long) width * height;
        if (pixels > maxPixels) {
            throw new InvalidInputException(name + " of " + width + "x" + height + " = " + pixels
                    + " pixels exceeds the pixel budget of " + maxPixels
                    + " (InputLimits.maxPixels); resize it or raise the limit");
        }
    }

    /** Checks {@code image}'s size as {@link #check(int, int, String)} does and returns it. */
    public <T extends PixelGrid> T check(T image, String what) {
        Checks.notNull(what == null ? "image" : what, image);
        check(image.width(), image.height(), what);
        return image;
    }

    /**
     * Throws unless {@code mask} has exactly the size of {@code image}.
     *
     * @throws InvalidInputException naming both sizes
     */
    public void checkSameSize(PixelGrid image, PixelGrid mask) {
        Checks.notNull("image", image);
        Checks.notNull("mask", mask);
        if (image.width() != mask.width() || image.height() != mask.height()) {
            throw new InvalidInputException("mask of " + mask.width() + "x" + mask.height()
                    + " must have the size of the image, " + image.width() + "x" + image.height()
                    + "; resize the mask to the image first");
        }
    }

    @Override
    public String toString() {
        return "InputLimits[maxPixels=" + maxPixels + "]";
    }

    /**
     * Builds {@link InputLimits}; each setter validates at once.
     *
     * <p>Thread-safety: not thread-safe; use one builder per thread.
     */
    public static final class Builder {
        private long maxPixels;

        private Builder(long maxPixels) {
            this.maxPixels = maxPixels;
        }

        /** The largest accepted {@code width * height}, between 1 and {@link #MAX_PIXELS}. */
        public Builder maxPixels(long value) {
            if (value < 1 || value > MAX_PIXELS) {
                throw new InvalidInputException("maxPixels must be between 1 and " + MAX_PIXELS + ", was " + value);
            }
            this.maxPixels = value;
            return this;
        }

        /** The limits. */
        public InputLimits build() {
            return new InputLimits(maxPixels);
        }
    }
}
