package dev.brushedit.core.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.Raster;

/**
 * Converts any decoded {@link BufferedImage} to 8-bit sRGB. Gray images are read from the raster
 * and replicated to R, G and B (Java's own {@code getRGB} treats gray as linear light and brightens
 * it); 16-bit samples become {@code round(v * 255 / 65535)}; alpha is dropped, keeping the stored
 * colour, as {@code PIL.Image.convert("RGB")} does in diffusers' {@code load_image}.
 */
final class PixelConversion {
    private PixelConversion() {}

    static RgbImage toRgb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        RgbImage.checkSize(w, h);
        byte[] out = new byte[w * h * 3];
        ColorModel cm = image.getColorModel();
        boolean gray = cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY && !(cm instanceof java.awt.image.IndexColorModel);
        if (gray) {
            Raster raster = image.getRaster();
            int bits = cm.getComponentSize(0);
            double maxValue = (1L << bits) - 1;
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) {
                    int v = bits == 8 ? row[x] : (int) Math.round(row[x] * 255.0 / maxValue);
                    int i = (y * w + x) * 3;
                    out[i] = out[i + 1] = out[i + 2] = (byte) v;
                }
            }
        } else {
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
        return RgbImage.adopt(w, h, out);
    }
}
