package dev.brushedit.server;

import dev.brushedit.core.InputLimits;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.ImageFiles;
import dev.brushedit.core.image.ImageFormat;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/**
 * Images in JSON: base64 PNG or JPEG (a {@code data:image/...;base64,} prefix is accepted), answered
 * as base64 PNG.
 *
 * <p>Thread-safety: stateless.
 */
final class ImageCodec {
    private ImageCodec() {}

    /** Decodes field {@code field}; a 400 naming the field when it is not a readable image. */
    static RgbImage decode(String field, String base64, InputLimits limits) {
        String text = base64.strip();
        int comma = text.startsWith("data:") ? text.indexOf(',') : -1;
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(comma >= 0 ? text.substring(comma + 1) : text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badField(field, "must be a base64 PNG or JPEG image: " + e.getMessage());
        }
        if (bytes.length == 0) {
            throw ApiException.badField(field, "is empty; expected a base64 PNG or JPEG image");
        }
        try {
            return ImageFiles.read(bytes, limits);
        } catch (InvalidInputException e) {
            throw ApiException.badField(field, e.getMessage());
        }
    }

    /** Decodes a mask (white, gray level 128 or more, = selected) of the same size as {@code image}. */
    static Mask decodeMask(String field, String base64, RgbImage image, InputLimits limits) {
        RgbImage picture = decode(field, base64, limits);
        if (picture.width() != image.width() || picture.height() != image.height()) {
            throw ApiException.badField(field, "must be the image's size " + image.width() + "x" + image.height() + ", was "
                    + picture.width() + "x" + picture.height());
        }
        return Mask.fromImage(picture, 128);
    }

    /** Base64 PNG of {@code image}. */
    static String png(RgbImage image) {
        return Base64.getEncoder().encodeToString(ImageFiles.encode(image, ImageFormat.PNG, ImageFiles.DEFAULT_JPEG_QUALITY));
    }

    /** Base64 PNG of {@code mask} (white = selected). */
    static String png(Mask mask) {
        return png(mask.toImage());
    }

    /** Base64 PNG of {@code image} with {@code alpha} as its transparency (1 = opaque). */
    static String png(RgbImage image, Mask alpha) {
        BufferedImage out = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                int a = Math.round(Math.max(0f, Math.min(1f, alpha.get(x, y))) * 255f);
                out.setRGB(x, y, a << 24 | image.rgb(x, y) & 0xFFFFFF);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(out, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }
}
