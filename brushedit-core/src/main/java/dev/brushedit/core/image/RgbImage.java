package dev.brushedit.core.image;

import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.PixelGrid;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * An immutable 8-bit sRGB image, stored as interleaved {@code R, G, B} bytes in row-major order.
 * This is the SDK's pixel type; {@link #fromBufferedImage} and {@link #toBufferedImage} bridge to
 * {@code java.awt}. Read files with {@link ImageFiles}.
 *
 * <p>Thread-safety: immutable, safe to share between threads.
 */
public final class RgbImage implements PixelGrid {
    private final int width;
    private final int height;
    private final byte[] rgb;

    private RgbImage(int width, int height, byte[] rgb) {
        this.width = width;
        this.height = height;
        this.rgb = rgb;
    }

    /** An image from interleaved RGB bytes ({@code width * height * 3} of them), copied. */
    public static RgbImage of(int width, int height, byte[] rgb) {
        checkSize(width, height);
        long expected = (long) width * height * 3;
        if (rgb == null || rgb.length != expected) {
            throw new InvalidInputException("rgb must hold width*height*3 = " + expected + " bytes for a "
                    + width + "x" + height + " image, held " + (rgb == null ? "null" : rgb.length));
        }
        return new RgbImage(width, height, rgb.clone());
    }

    /** An image filled with one colour. */
    public static RgbImage filled(int width, int height, int red, int green, int blue) {
        checkSize(width, height);
        byte[] px = new byte[width * height * 3];
        for (int i = 0; i < px.length; i += 3) {
            px[i] = (byte) red;
            px[i + 1] = (byte) green;
            px[i + 2] = (byte) blue;
        }
        return new RgbImage(width, height, px);
    }

    /** Takes ownership of {@code rgb} without copying; for the SDK's own producers. */
    static RgbImage adopt(int width, int height, byte[] rgb) {
        return new RgbImage(width, height, rgb);
    }

    /** The backing array, not copied; callers in this package must not modify it. */
    byte[] data() {
        return rgb;
    }

    /**
     * Converts any {@link BufferedImage} to RGB bytes by {@link ImageFiles}'s rules (gray replicated,
     * 16-bit {@code v} to {@code round(v / 257)}, palette colours looked up, alpha dropped keeping
     * the stored colour).
     */
    public static RgbImage fromBufferedImage(BufferedImage image) {
        if (image == null) {
            throw new InvalidInputException("image must not be null");
        }
        return PixelConversion.toRgb(image);
    }

    /** A new {@code TYPE_3BYTE_BGR} {@link BufferedImage} with these pixels. */
    public BufferedImage toBufferedImage() {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < rgb.length; i += 3) {
            bgr[i] = rgb[i + 2];
            bgr[i + 1] = rgb[i + 1];
            bgr[i + 2] = rgb[i];
        }
        return out;
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

    /** Number of pixels. */
    public long pixelCount() {
        return (long) width * height;
    }

    /** Channel {@code c} (0 red, 1 green, 2 blue) at column {@code x}, row {@code y}, as 0..255. */
    public int channel(int x, int y, int c) {
        checkPixel(x, y);
        if (c < 0 || c > 2) {
            throw new InvalidInputException("channel must be between 0 and 2, was " + c);
        }
        return rgb[(y * width + x) * 3 + c] & 0xff;
    }

    /** The pixel at ({@code x}, {@code y}) packed as {@code 0xRRGGBB}. */
    public int rgb(int x, int y) {
        checkPixel(x, y);
        int i = (y * width + x) * 3;
        return (rgb[i] & 0xff) << 16 | (rgb[i + 1] & 0xff) << 8 | (rgb[i + 2] & 0xff);
    }

    /** A copy of the interleaved RGB bytes. */
    public byte[] toRgbBytes() {
        return rgb.clone();
    }

    /** The rectangle {@code box} of this image; the box must lie inside it. */
    public RgbImage crop(Box box) {
        if (box == null) {
            throw new InvalidInputException("crop box must not be null");
        }
        if (box.x0() < 0 || box.y0() < 0 || box.x1() > width || box.y1() > height) {
            throw new InvalidInputException("crop box " + box + " must lie inside the " + width + "x" + height + " image");
        }
        byte[] out = new byte[box.width() * box.height() * 3];
        int rowBytes = box.width() * 3;
        for (int y = 0; y < box.height(); y++) {
            System.arraycopy(rgb, ((box.y0() + y) * width + box.x0()) * 3, out, y * rowBytes, rowBytes);
        }
        return new RgbImage(box.width(), box.height(), out);
    }

    /** True when both images have the same size and every byte equal. */
    public boolean samePixels(RgbImage other) {
        return other != null && width == other.width && height == other.height && java.util.Arrays.equals(rgb, other.rgb);
    }

    @Override
    public String toString() {
        return "RgbImage[" + width + "x" + height + "]";
    }

    private void checkPixel(int x, int y) {
        if (x < 0 || x >= width || y < 0 || y >= height) {
            throw new InvalidInputException("pixel (" + x + ", " + y + ") is outside the " + width + "x" + height + " image");
        }
    }

    static void checkSize(int width, int height) {
        if (width < 1 || height < 1) {
            throw new InvalidInputException("image must be at least 1x1 pixels, was " + width + "x" + height);
        }
        if ((long) width * height * 3 > Integer.MAX_VALUE - 8) {
            throw new InvalidInputException("image of " + width + "x" + height + " pixels is too large to hold in memory");
        }
    }
}
