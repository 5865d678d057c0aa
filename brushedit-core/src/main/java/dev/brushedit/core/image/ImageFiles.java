package dev.brushedit.core.image;

import dev.brushedit.core.BrushEditException;
import dev.brushedit.core.Checks;
import dev.brushedit.core.InputLimits;
import dev.brushedit.core.InvalidInputException;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes image files.
 *
 * <p>Reading accepts every format the JDK decodes (PNG, JPEG, BMP, GIF, WBMP, TIFF; the first frame
 * of an animation). The image size is read from the header and checked against
 * {@link InputLimits} before any pixel is decoded. The EXIF orientation (JPEG APP1 or PNG eXIf,
 * values 1 to 8) is applied, so the result is upright as viewers show it; no other metadata is decoded
 * (a PNG's ancillary chunks, such as compressed text, are dropped unread, so a small file cannot
 * inflate to gigabytes of text). Embedded ICC profiles are
 * ignored (stored samples are kept, not converted to sRGB), as Pillow does. Pixels become 8-bit RGB:
 * gray is replicated to the three channels, 16-bit samples become {@code round(v / 257)}, palette
 * images take their palette colour and alpha is dropped keeping the stored colour, as
 * {@code PIL.Image.convert("RGB")} in diffusers' {@code load_image} does. CMYK JPEGs are read as
 * Pillow reads them (Adobe's inverted CMYK, then Pillow's CMYK to RGB); YCCK JPEGs (Adobe
 * transform 2) are refused.
 *
 * <p>Writing picks PNG or JPEG from the file extension ({@link ImageFormat#fromPath}) and writes
 * atomically: to a temporary file in the target's directory, then moved over the target. The file
 * gets the permissions of any new file (on POSIX, 0666 less the process umask).
 *
 * <p>Every failure is an {@link InvalidInputException} naming the file and what was expected.
 *
 * <p>Thread-safety: stateless, safe for concurrent use.
 */
public final class ImageFiles {
    /** JPEG quality used by {@link #write(RgbImage, Path)}: 0.95. */
    public static final float DEFAULT_JPEG_QUALITY = 0.95f;
    private static final Logger LOG = LoggerFactory.getLogger(ImageFiles.class);
    /**
     * Largest encoded size accepted per pixel of budget: twice uncompressed 16-bit RGBA, which covers
     * stored (uncompressed) PNG blocks and row filter bytes even for one-pixel-wide images.
     */
    private static final long MAX_BYTES_PER_PIXEL = 16;
    private static final long HEADER_SLACK = 1 << 20;
    private static final SecureRandom TEMP_NAMES = new SecureRandom();

    private ImageFiles() {}

    /** Reads an image file with {@link InputLimits#defaults()}. */
    public static RgbImage read(Path path) {
        return read(path, InputLimits.defaults());
    }

    /** Reads an image file, rejecting images over {@code limits} before decoding their pixels. */
    public static RgbImage read(Path path, InputLimits limits) {
        Checks.notNull("path", path);
        Checks.notNull("limits", limits);
        String name = path.toString();
        byte[] bytes;
        try {
            if (Files.isDirectory(path)) {
                throw new InvalidInputException("cannot read image " + name + ": it is a directory, expected an image file");
            }
            long size = Files.size(path);
            long maxBytes = maxEncodedBytes(limits);
            if (size > maxBytes) {
                throw new InvalidInputException("cannot read image " + name + ": the file has " + size
                        + " bytes, more than any image within the pixel budget of " + limits.maxPixels()
                        + " pixels can need (" + maxBytes + ")");
            }
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("cannot read image " + name + ": the file does not exist", e);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read image " + name + ": " + e, e);
        }
        return decode(bytes, name, limits);
    }

    /** Reads an encoded image from {@code in} (to its end, not closed) with {@link InputLimits#defaults()}. */
    public static RgbImage read(InputStream in) {
        return read(in, InputLimits.defaults());
    }

    /** Reads an encoded image from {@code in} (to its end, not closed) within {@code limits}. */
    public static RgbImage read(InputStream in, InputLimits limits) {
        Checks.notNull("input stream", in);
        Checks.notNull("limits", limits);
        long maxBytes = maxEncodedBytes(limits);
        byte[] bytes;
        try {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw new InvalidInputException("cannot read image stream: " + e, e);
        }
        if (bytes.length > maxBytes) {
            throw new InvalidInputException("cannot read image stream: it holds more than " + maxBytes
                    + " bytes, more than any image within the pixel budget of " + limits.maxPixels() + " pixels can need");
        }
        return decode(bytes, "image stream", limits);
    }

    /** Decodes an encoded image (PNG, JPEG, ...) held in memory, with {@link InputLimits#defaults()}. */
    public static RgbImage read(byte[] encoded) {
        return read(encoded, InputLimits.defaults());
    }

    /** Decodes an encoded image (PNG, JPEG, ...) held in memory, within {@code limits}. */
    public static RgbImage read(byte[] encoded, InputLimits limits) {
        Checks.notNull("encoded image", encoded);
        Checks.notNull("limits", limits);
        return decode(encoded, "image bytes", limits);
    }

    /** Writes {@code image} as PNG or JPEG (quality {@value #DEFAULT_JPEG_QUALITY}) by {@code path}'s extension. */
    public static void write(RgbImage image, Path path) {
        write(image, path, DEFAULT_JPEG_QUALITY);
    }

    /**
     * Writes {@code image} as PNG or JPEG by {@code path}'s extension, atomically: a temporary file
     * in the same directory is written, then moved over {@code path}.
     *
     * @param jpegQuality JPEG quality in (0, 1]; ignored for PNG
     * @throws InvalidInputException for an unknown extension, a missing directory or a write failure
     */
    public static void write(RgbImage image, Path path, float jpegQuality) {
        Checks.notNull("image", image);
        ImageFormat format = ImageFormat.fromPath(path);
        checkQuality(jpegQuality);
        writeAtomically(path, out -> encode(image.toBufferedImage(), format, jpegQuality, out));
    }

    /**
     * Writes {@code image} with the opacity {@code alpha} (1 = opaque; soft values become partial
     * opacity, {@code round(255 * a)}) as an 8-bit RGBA PNG, atomically like {@link #write(RgbImage, Path)}.
     * Fully transparent pixels are written as transparent black: their colour shows nowhere and
     * would only cost file size.
     *
     * @throws InvalidInputException when {@code path} does not end in .png, the sizes differ, or the
     *     write fails
     */
    public static void writePng(RgbImage image, Mask alpha, Path path) {
        Checks.notNull("image", image);
        Checks.notNull("alpha", alpha).requireSameSize(image);
        if (ImageFormat.fromPath(path) != ImageFormat.PNG) {
            throw new InvalidInputException("cannot write transparency to " + path + ": only PNG keeps an alpha channel; "
                    + "use a .png file name");
        }
        writeAtomically(path, out -> encode(rgba(image, alpha), ImageFormat.PNG, DEFAULT_JPEG_QUALITY, out));
    }

    private static BufferedImage rgba(RgbImage image, Mask alpha) {
        int w = image.width();
        int h = image.height();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int a = Math.round(255f * Math.min(1f, Math.max(0f, alpha.get(x, y))));
                row[x] = a == 0 ? 0 : (a << 24) | image.rgb(x, y);
            }
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        return out;
    }

    /** Writes through {@code encoder} to a temporary file beside {@code path}, then moves it over {@code path}. */
    private static void writeAtomically(Path path, Encoder encoder) {
        Checks.notNull("path", path);
        Path target = path.toAbsolutePath();
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new InvalidInputException("cannot write image " + path + ": the directory " + dir + " does not exist");
        }
        Path tmp = null;
        try {
            tmp = newTemporaryFile(dir, target.getFileName().toString());
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE)) {
                encoder.encode(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new InvalidInputException("cannot write image " + path + ": " + e, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    LOG.warn("could not delete temporary file {}", tmp, e);
                }
            }
        }
    }

    /**
     * A new empty file beside the target, created as any new file is (mode 0666 less the umask on
     * POSIX), unlike {@link Files#createTempFile}, whose 0600 would survive the move.
     */
    private static Path newTemporaryFile(Path dir, String targetName) throws IOException {
        for (int attempt = 0;; attempt++) {
            Path tmp = dir.resolve("." + targetName + "." + Long.toUnsignedString(TEMP_NAMES.nextLong(), 36) + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }

    /**
     * Encodes {@code image} in memory.
     *
     * @param jpegQuality JPEG quality in (0, 1]; ignored for PNG
     */
    public static byte[] encode(RgbImage image, ImageFormat format, float jpegQuality) {
        Checks.notNull("image", image);
        Checks.notNull("format", format);
        checkQuality(jpegQuality);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            encode(image.toBufferedImage(), format, jpegQuality, out);
        } catch (IOException e) {
            throw new InvalidInputException("cannot encode " + image + " as " + format + ": " + e, e);
        }
        return out.toByteArray();
    }

    // ---------------------------------------------------------------- decoding

    private static RgbImage decode(byte[] bytes, String name, InputLimits limits) {
        if (bytes.length == 0) {
            throw new InvalidInputException("cannot decode " + name + ": it is empty, expected a PNG or JPEG image");
        }
        RgbImage image;
        byte[] pixelData = PngChunks.isPng(bytes) ? PngChunks.pixelChunksOnly(bytes) : bytes;
        try (ImageInputStream iis = new MemoryCacheImageInputStream(new ByteArrayInputStream(pixelData))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
            if (!readers.hasNext()) {
                throw new InvalidInputException("cannot decode " + name + ": not a PNG, JPEG, BMP, GIF or TIFF image"
                        + " (it starts with bytes " + hexPrefix(bytes) + ")");
            }
            ImageReader reader = readers.next();
            boolean cmyk = JpegSegments.isJpeg(bytes) && JpegSegments.components(bytes) == 4;
            if (cmyk && JpegSegments.adobeTransform(bytes) == JpegSegments.ADOBE_YCCK) {
                reader.dispose();
                throw new InvalidInputException("cannot decode " + name + ": it is a YCCK JPEG (CMYK stored with "
                        + "Adobe's YCCK transform), which is not supported; expected an RGB, gray or plain CMYK "
                        + "JPEG (convert it to RGB with an image editor)");
            }
            try {
                image = decodeWith(reader, iis, name, limits, cmyk);
            } finally {
                reader.dispose();
            }
        } catch (BrushEditException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("cannot decode " + name + ": the file is corrupt or uses an unsupported"
                    + " variant of its format (" + e + "); expected a readable PNG or JPEG image", e);
        } catch (OutOfMemoryError e) {
            // the pixel budget was checked from the header, so this is a decoder expanding something
            // else (metadata, a malformed stream); what it allocated is garbage once we leave
            throw new InvalidInputException("cannot decode " + name + ": decoding it needs more memory than the"
                    + " JVM has (" + e.getMessage() + "); the file is malformed or holds oversized metadata", e);
        }
        return ExifOrientation.apply(image, ExifOrientation.read(bytes));
    }

    private static RgbImage decodeWith(ImageReader reader, ImageInputStream iis, String name, InputLimits limits,
            boolean cmyk) throws IOException {
        reader.setInput(iis, true, true); // no metadata: it is never used, and decoding it is unbounded
        String format = reader.getFormatName().toUpperCase(java.util.Locale.ROOT);
        limits.check(reader.getWidth(0), reader.getHeight(0), format + " image " + name);
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        ImageReadParam param = reader.getDefaultReadParam();
        if (cmyk) {
            // the JDK has no CMYK to RGB conversion: read the raw samples and convert as Pillow does
            Raster raw = reader.readRaster(0, param);
            checkTruncation(warnings, format, name);
            return PixelConversion.fromInvertedCmyk(raw);
        }
        ImageTypeSpecifier embedded = embeddedProfileType(reader);
        if (embedded != null) {
            param.setDestinationType(embedded);
        }
        BufferedImage decoded = reader.read(0, param);
        checkTruncation(warnings, format, name);
        return PixelConversion.toRgb(decoded);
    }

    /** Fails on a decoder warning that the file was cut short; logs the other warnings. */
    private static void checkTruncation(List<String> warnings, String format, String name) {
        for (String w : warnings) {
            String lower = w.toLowerCase(java.util.Locale.ROOT);
            if (lower.contains("premature end") || lower.contains("truncated")) {
                throw new InvalidInputException("cannot decode " + format + " image " + name
                        + ": the file is truncated (" + w + "); expected a complete image");
            }
        }
        for (String w : warnings) {
            LOG.warn("decoding {} image {}: {}", format, name, w);
        }
    }

    /**
     * The decoder's image type in the file's own embedded RGB profile, if it offers one: decoding to
     * it keeps the stored samples instead of converting them to sRGB (the JDK's JPEG reader would),
     * so the pixels equal Pillow's, which ignores ICC profiles.
     */
    private static ImageTypeSpecifier embeddedProfileType(ImageReader reader) throws IOException {
        Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
        while (types.hasNext()) {
            ImageTypeSpecifier t = types.next();
            ColorModel cm = t.getColorModel();
            ColorSpace cs = cm.getColorSpace();
            if (cm instanceof ComponentColorModel && cs instanceof ICC_ColorSpace
                    && cs.getType() == ColorSpace.TYPE_RGB && !cs.isCS_sRGB()) {
                return t;
            }
        }
        return null;
    }

    private static String hexPrefix(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(8, bytes.length); i++) {
            sb.append(String.format("%02x", bytes[i] & 0xff));
            if (i < Math.min(8, bytes.length) - 1) {
                sb.append(' ');
            }
        }
        return sb.toString();
    }

    private static long maxEncodedBytes(InputLimits limits) {
        return limits.maxPixels() * MAX_BYTES_PER_PIXEL + HEADER_SLACK;
    }

    // ---------------------------------------------------------------- encoding

    private static void checkQuality(float q) {
        if (!(q > 0f && q <= 1f)) {
            throw new InvalidInputException("jpegQuality must be in (0, 1], was " + q);
        }
    }

    /** Encodes an image to a stream. */
    @FunctionalInterface
    private interface Encoder {
        void encode(OutputStream out) throws IOException;
    }

    private static void encode(BufferedImage image, ImageFormat format, float quality, OutputStream out) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format.imageIoName());
        if (!writers.hasNext()) {
            throw new InvalidInputException("this JVM has no " + format + " image writer");
        }
        ImageWriter writer = writers.next();
        try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format == ImageFormat.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
