package dev.brushedit.core.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;

/**
 * Converts any decoded {@link BufferedImage} to 8-bit RGB by one rule, the rule of
 * {@code PIL.Image.convert("RGB")} in diffusers' {@code load_image} where Pillow is consistent:
 * <ul>
 *   <li>gray (with or without alpha) is replicated to R, G and B as stored (Java's {@code getRGB}
 *       would treat gray as linear light and brighten it);</li>
 *   <li>samples of other depths become {@code round(v * 255 / (2^bits - 1))}, so 16-bit
 *       {@code v} becomes {@code round(v / 257)} (Pillow instead truncates 16-bit RGB to the high
 *       byte and clips 16-bit gray at 255; ours differs from the former by at most 1);</li>
 *   <li>alpha is dropped, keeping the stored colour (no compositing onto a background);</li>
 *   <li>palette images take their palette colour; embedded ICC profiles are ignored (raw RGB samples
 *       are kept, as Pillow does); other colour models go through {@code BufferedImage.getRGB};</li>
 *   <li>CMYK JPEG samples are converted by {@link #fromInvertedCmyk}, Pillow's rule.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless.
 */
final class PixelConversion {
    private PixelConversion() {}

    static RgbImage toRgb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        RgbImage.checkSize(w, h);
        ColorModel cm = image.getColorModel();
        int csType = cm.getColorSpace().getType();
        int transfer = image.getRaster().getTransferType();
        boolean plainSamples = cm instanceof ComponentColorModel
                && (transfer == DataBuffer.TYPE_BYTE || transfer == DataBuffer.TYPE_USHORT)
                && (csType == ColorSpace.TYPE_GRAY || csType == ColorSpace.TYPE_RGB);
        byte[] out = new byte[w * h * 3];
        if (plainSamples) {
            fromSamples(image.getRaster(), cm, csType == ColorSpace.TYPE_GRAY, w, h, out);
        } else {
            fromArgb(image, w, h, out);
        }
        return RgbImage.adopt(w, h, out);
    }

    /** Reads colour bands straight from the raster (band 0 for gray, bands 0..2 for RGB). */
    private static void fromSamples(Raster raster, ColorModel cm, boolean gray, int w, int h, byte[] out) {
        int[] row = new int[w];
        for (int c = 0; c < 3; c++) {
            int band = gray ? 0 : c;
            long max = (1L << cm.getComponentSize(band)) - 1;
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, band, row);
                for (int x = 0; x < w; x++) {
                    out[(y * w + x) * 3 + c] = (byte) to8Bit(row[x], max);
                }
            }
        }
    }

    /** {@code round(v * 255 / max)}, halves rounded up (no ties occur for 8 or 16 bits). */
    static int to8Bit(int v, long max) {
        if (max == 255) {
            return v;
        }
        return (int) ((v * 510L + max) / (2 * max));
    }

    /**
     * A four-component JPEG's raw samples as Pillow reads them: stored inverted (Adobe's convention,
     * which Pillow assumes for every CMYK JPEG), then {@code ImageMode CMYK -> RGB}:
     * {@code R = 255 - min(255, C * (255 - K) / 255 + K)} with Pillow's rounded division, and
     * likewise for G from M and B from Y.
     */
    static RgbImage fromInvertedCmyk(Raster raster) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        RgbImage.checkSize(w, h);
        byte[] out = new byte[w * h * 3];
        int[] px = new int[4 * w];
        for (int y = 0; y < h; y++) {
            raster.getPixels(raster.getMinX(), raster.getMinY() + y, w, 1, px);
            for (int x = 0; x < w; x++) {
                int k = 255 - px[4 * x + 3];
                int nk = 255 - k;
                for (int c = 0; c < 3; c++) {
                    int v = 255 - px[4 * x + c];
                    int t = v * nk + 128;
                    int sum = (((t >> 8) + t) >> 8) + k;
                    out[(y * w + x) * 3 + c] = (byte) (sum >= 255 ? 0 : 255 - sum);
                }
            }
        }
        return RgbImage.adopt(w, h, out);
    }

    private static void fromArgb(BufferedImage image, int w, int h, byte[] out) {
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int p = row[x];
                int i = (y * w + x) * 3;
                out[i] = (byte) (p >> 16);
                out[i + 1] = (byte) (p >> 8);
                out[i + 2] = (byte) p;
            }
        }
    }
}
