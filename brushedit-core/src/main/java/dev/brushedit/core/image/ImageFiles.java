package dev.brushedit.core.image;

import dev.brushedit.core.InvalidInputException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads and writes image files (PNG, JPEG at least).
 *
 * <p>Thread-safety: stateless, safe for concurrent use.
 */
public final class ImageFiles {
    private ImageFiles() {}

    /** Reads an image file as sRGB. */
    public static RgbImage read(Path path) {
        try {
            java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(path.toFile());
            if (img == null) {
                throw new InvalidInputException("cannot decode " + path + ": not a PNG, JPEG, BMP or GIF image");
            }
            return RgbImage.fromBufferedImage(img);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read image " + path + ": " + e.getMessage(), e);
        }
    }
}
