package dev.brushedit.core.image;

import dev.brushedit.core.InvalidInputException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The file formats {@link ImageFiles} writes, chosen from a file name's extension.
 *
 * <p>Thread-safety: immutable.
 */
public enum ImageFormat {
    /** Lossless PNG, 8 bits per channel, no alpha; extension {@code .png}. */
    PNG("png"),
    /** Baseline JPEG with a quality setting; extensions {@code .jpg} and {@code .jpeg}. */
    JPEG("jpeg");

    private final String imageIoName;

    ImageFormat(String imageIoName) {
        this.imageIoName = imageIoName;
    }

    /** The format name ImageIO's writers use. */
    String imageIoName() {
        return imageIoName;
    }

    /**
     * The format for {@code path}'s extension, case-insensitive: {@code .png}, {@code .jpg} or
     * {@code .jpeg}.
     *
     * @throws InvalidInputException for any other extension, naming the file
     */
    public static ImageFormat fromPath(Path path) {
        if (path == null || path.getFileName() == null) {
            throw new InvalidInputException("image path must name a file, was " + path);
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            return PNG;
        }
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            return JPEG;
        }
        throw new InvalidInputException("cannot choose an image format for " + path
                + ": the extension must be .png, .jpg or .jpeg");
    }
}
