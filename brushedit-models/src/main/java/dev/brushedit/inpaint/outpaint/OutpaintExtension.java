package dev.brushedit.inpaint.outpaint;

import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;
import java.util.Locale;

/**
 * How far an image is extended by outpainting: a number of pixels on each side, or a target aspect
 * ratio that the image is widened or heightened to (split evenly between the two sides; an odd pixel
 * goes right or to the bottom). Also holds the width of the soft seam: a band of that many original
 * pixels along each extended edge is repainted with the new area and cross-faded into the original
 * ({@link OutpaintCanvas}).
 *
 * <pre>{@code
 * OutpaintExtension.pixels(64, 0, 64, 0);          // 64 px left and right
 * OutpaintExtension.aspect(16, 9);                  // to 16:9
 * OutpaintExtension.builder().bottom(128).seamWidth(24).build();
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public final class OutpaintExtension {
    /** Default seam width in pixels. */
    public static final int DEFAULT_SEAM_WIDTH = 16;
    /** Largest number of pixels added on one side. */
    public static final int MAX_SIDE = 8192;
    /** Largest seam width in pixels. */
    public static final int MAX_SEAM_WIDTH = 256;
    /** Most extreme aspect ratio accepted, either way (width:height up to 16:1 and 1:16). */
    public static final double MAX_ASPECT = 16.0;

    private final Sides sides;
    private final double aspectWidth;
    private final double aspectHeight;
    private final int seamWidth;

    private OutpaintExtension(Builder b) {
        this.sides = b.aspectWidth > 0 ? null : new Sides(b.left, b.top, b.right, b.bottom);
        this.aspectWidth = b.aspectWidth;
        this.aspectHeight = b.aspectHeight;
        this.seamWidth = b.seamWidth;
    }

    /** A builder: set pixels per side or an aspect ratio (not both), and optionally the seam width. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this extension's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        if (sides != null) {
            b.left = sides.left();
            b.top = sides.top();
            b.right = sides.right();
            b.bottom = sides.bottom();
        }
        b.aspectWidth = aspectWidth;
        b.aspectHeight = aspectHeight;
        b.seamWidth = seamWidth;
        return b;
    }

    /** {@code left}, {@code top}, {@code right} and {@code bottom} pixels, each 0 to {@value #MAX_SIDE}, at least one positive. */
    public static OutpaintExtension pixels(int left, int top, int right, int bottom) {
        return builder().left(left).top(top).right(right).bottom(bottom).build();
    }

    /** {@code pixels} on every side. */
    public static OutpaintExtension uniform(int pixels) {
        return pixels(pixels, pixels, pixels, pixels);
    }

    /** Widened or heightened to {@code width:height} (each positive, the ratio within 1:16 to 16:1). */
    public static OutpaintExtension aspect(double width, double height) {
        return builder().aspect(width, height).build();
    }

    /**
     * Parses a ratio written {@code "W:H"} or {@code "WxH"} (e.g. {@code "16:9"}, {@code "2.39:1"}).
     *
     * @throws InvalidInputException naming the text and the expected form
     */
    public static OutpaintExtension aspect(String ratio) {
        Checks.notBlank("aspect", ratio);
        String[] parts = ratio.strip().toLowerCase(Locale.ROOT).split("[:x/]");
        if (parts.length != 2) {
            throw new InvalidInputException("aspect must be written W:H, e.g. 16:9, was \"" + ratio + "\"");
        }
        try {
            return aspect(Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("aspect must be two positive numbers written W:H, e.g. 16:9, was \"" + ratio + "\"");
        }
    }

    /** True when this extension is a target aspect ratio rather than pixels per side. */
    public boolean isAspect() {
        return sides == null;
    }

    /** The seam width in pixels (0: a hard seam). */
    public int seamWidth() {
        return seamWidth;
    }

    /**
     * The pixels added to a {@code width x height} image: the given sides, or those that reach the
     * target aspect ratio (all zero when the image already has it, to the nearest pixel).
     */
    public Sides sidesFor(int width, int height) {
        Checks.positive("width", width);
        Checks.positive("height", height);
        if (sides != null) {
            return sides;
        }
        double target = aspectWidth / aspectHeight;
        if ((double) width / height < target) {
            int extra = (int) Math.round(height * target) - width;
            return extra <= 0 ? new Sides(0, 0, 0, 0) : new Sides(extra / 2, 0, extra - extra / 2, 0);
        }
        int extra = (int) Math.round(width / target) - height;
        return extra <= 0 ? new Sides(0, 0, 0, 0) : new Sides(0, extra / 2, 0, extra - extra / 2);
    }

    @Override
    public String toString() {
        String what = sides != null ? sides.toString() : "aspect " + format(aspectWidth) + ":" + format(aspectHeight);
        return what + ", seam " + seamWidth;
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /**
     * Builds {@link OutpaintExtension}s; each setter validates its value.
     *
     * <p>Thread-safety: not thread-safe.
     */
    public static final class Builder {
        private int left;
        private int top;
        private int right;
        private int bottom;
        private double aspectWidth;
        private double aspectHeight;
        private int seamWidth = DEFAULT_SEAM_WIDTH;

        private Builder() {}

        /** Pixels added on the left, 0 to {@value #MAX_SIDE} (default 0). */
        public Builder left(int pixels) {
            this.left = Checks.inRange("left", pixels, 0, MAX_SIDE);
            return this;
        }

        /** Pixels added at the top, 0 to {@value #MAX_SIDE} (default 0). */
        public Builder top(int pixels) {
            this.top = Checks.inRange("top", pixels, 0, MAX_SIDE);
            return this;
        }

        /** Pixels added on the right, 0 to {@value #MAX_SIDE} (default 0). */
        public Builder right(int pixels) {
            this.right = Checks.inRange("right", pixels, 0, MAX_SIDE);
            return this;
        }

        /** Pixels added at the bottom, 0 to {@value #MAX_SIDE} (default 0). */
        public Builder bottom(int pixels) {
            this.bottom = Checks.inRange("bottom", pixels, 0, MAX_SIDE);
            return this;
        }

        /** A target aspect ratio {@code width:height} instead of pixels per side; both positive and finite. */
        public Builder aspect(double width, double height) {
            if (!(width > 0 && Double.isFinite(width) && height > 0 && Double.isFinite(height))) {
                throw new InvalidInputException("aspect must be two positive finite numbers, was " + width + ":" + height);
            }
            double r = width / height;
            if (r > MAX_ASPECT || r < 1 / MAX_ASPECT) {
                throw new InvalidInputException("aspect must be between 1:16 and 16:1, was " + width + ":" + height);
            }
            this.aspectWidth = width;
            this.aspectHeight = height;
            return this;
        }

        /**
         * Width of the soft seam in pixels, 0 to {@value #MAX_SEAM_WIDTH} (default
         * {@value #DEFAULT_SEAM_WIDTH}; 0 = a hard seam). It is clamped to a quarter of the image's
         * shorter side when the image is small.
         */
        public Builder seamWidth(int pixels) {
            this.seamWidth = Checks.inRange("seamWidth", pixels, 0, MAX_SEAM_WIDTH);
            return this;
        }

        /**
         * The extension.
         *
         * @throws InvalidInputException when both sides and an aspect ratio were set, or neither
         */
        public OutpaintExtension build() {
            boolean anySide = left + top + right + bottom > 0;
            if (aspectWidth > 0 && anySide) {
                throw new InvalidInputException("give either pixels per side or an aspect ratio, not both");
            }
            if (aspectWidth == 0 && !anySide) {
                throw new InvalidInputException("an extension needs at least one side above 0 pixels, or an aspect ratio");
            }
            return new OutpaintExtension(this);
        }
    }
}
