package dev.brushedit.edit;

import dev.brushedit.core.image.ImageFiles;
import dev.brushedit.core.image.ImageFormat;
import dev.brushedit.core.image.RgbImage;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Base64;

/**
 * The image as the MLLM receives it: scaled down (bilinear) so that its longer side is at most a
 * limit, then PNG-encoded into a {@code data:image/png;base64,...} URL.
 *
 * <p>Thread-safety: immutable.
 *
 * @param dataUrl the data URL
 * @param width the width of the image as sent
 * @param height the height of the image as sent
 */
record MllmImages(String dataUrl, int width, int height) {

    /** {@code image} scaled so its longer side is at most {@code maxSide}, as a PNG data URL. */
    static MllmImages encode(RgbImage image, int maxSide) {
        RgbImage sent = image;
        int longer = Math.max(image.width(), image.height());
        if (longer > maxSide) {
            double s = (double) maxSide / longer;
            int w = Math.max(1, (int) Math.round(image.width() * s));
            int h = Math.max(1, (int) Math.round(image.height() * s));
            BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = out.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(image.toBufferedImage(), 0, 0, w, h, null);
            } finally {
                g.dispose();
            }
            sent = RgbImage.fromBufferedImage(out);
        }
        byte[] png = ImageFiles.encode(sent, ImageFormat.PNG, 1f);
        return new MllmImages("data:image/png;base64," + Base64.getEncoder().encodeToString(png), sent.width(), sent.height());
    }
}
