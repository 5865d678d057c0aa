package dev.brushedit.batch;

import dev.brushedit.core.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Lists a batch's items: a folder of images with their masks in another folder (same stem), or a CSV
 * table of image,instruction rows. Output names are stable from run to run, so a second run finds the
 * outputs of the first and skips them.
 *
 * <p>Thread-safety: stateless.
 */
public final class BatchInputs {
    /** The image file extensions a folder batch picks up. */
    public static final List<String> IMAGE_EXTENSIONS = List.of("png", "jpg", "jpeg", "bmp", "gif");
    private static final int SLUG_LENGTH = 40;

    private BatchInputs() {}

    /**
     * One inpainting item per image in {@code images} (not its subfolders, sorted by name); its mask
     * is the file with the same stem in {@code masks} (any image extension). An image without a mask
     * is still listed: it fails when run, naming the mask it looked for.
     *
     * @param extension the outputs' extension: png, jpg or jpeg
     */
    public static List<BatchItem> fromFolders(Path images, Path masks, String extension) {
        String ext = outputExtension(extension);
        requireFolder(images, "image");
        requireFolder(masks, "mask");
        if (images.toAbsolutePath().normalize().equals(masks.toAbsolutePath().normalize())) {
            throw new InvalidInputException("the mask folder must not be the image folder (" + images
                    + "): its masks would be taken for images");
        }
        Map<String, Path> maskByStem = byStem(list(masks), masks);
        Map<String, Path> imageByStem = byStem(list(images), images);
        List<BatchItem> items = new ArrayList<>();
        for (Map.Entry<String, Path> e : imageByStem.entrySet()) {
            String stem = e.getKey();
            Path mask = maskByStem.getOrDefault(stem, masks.resolve(stem + ".png"));
            items.add(new BatchItem(stem, e.getValue(), mask, null, stem + "." + ext));
        }
        if (items.isEmpty()) {
            throw new InvalidInputException("no images (" + String.join(", ", IMAGE_EXTENSIONS) + ") in " + images);
        }
        return items;
    }

    /**
     * One item per row of {@code csv}. With a header row (first field {@code image}) the columns are
     * found by name: {@code image} (required), {@code instruction}, {@code mask}, {@code output}; without
     * one they are image,instruction[,mask]. Relative paths are resolved against the CSV's folder. A
     * row's output is its {@code output} column, or the image's stem followed by the instruction in
     * lower case with dashes ({@code rocket-remove-the-tower.png}).
     *
     * @param extension the outputs' extension when the row names no output: png, jpg or jpeg
     */
    public static List<BatchItem> fromCsv(Path csv, String extension) {
        String ext = outputExtension(extension);
        String text;
        try {
            text = Files.readString(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read the CSV " + csv + ": " + e.getMessage(), e);
        }
        List<List<String>> rows = Csv.parse(text, csv.toString());
        Map<String, Integer> columns = Map.of("image", 0, "instruction", 1, "mask", 2);
        int first = 0;
        if (!rows.isEmpty() && rows.get(0).get(0).strip().equalsIgnoreCase("image")) {
            columns = header(rows.get(0), csv);
            first = 1;
        }
        Path base = csv.toAbsolutePath().getParent();
        List<BatchItem> items = new ArrayList<>();
        Map<String, Integer> rowByOutput = new HashMap<>();
        for (int r = first; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            int number = r + 1;
            BatchItem item;
            try {
                item = item("row " + number + " ", base, cell(row, columns.get("image")), cell(row, columns.get("instruction")),
                        cell(row, columns.get("mask")), cell(row, columns.get("output")), ext);
            } catch (InvalidInputException e) {
                throw new InvalidInputException(csv + " row " + number + ": " + e.getMessage(), e);
            }
            Integer earlier = rowByOutput.putIfAbsent(item.outputName(), number);
            if (earlier != null) {
                throw new InvalidInputException(csv + " rows " + earlier + " and " + number + " would both write "
                        + item.outputName() + "; give them different instructions or an output column");
            }
            items.add(item);
        }
        if (items.isEmpty()) {
            throw new InvalidInputException("no rows in " + csv + "; expected image,instruction rows");
        }
        return items;
    }

    /**
     * One table row as an item: {@code image} and {@code mask} resolved against {@code base}; the output
     * is {@code output} when not empty, else the image's stem, a dash and the instruction in lower case
     * with dashes ({@code rocket-remove-the-tower.png}), or the stem alone for a mask-only row.
     *
     * @param idPrefix put before the output's stem to make the item's id (e.g. {@code "row 3 "}, or empty)
     * @param instruction the instruction, or empty
     * @param mask the mask's path, or empty
     * @param output the output's file name, or empty
     * @param extension the output's extension when {@code output} is empty: png, jpg or jpeg
     */
    public static BatchItem item(String idPrefix, Path base, String image, String instruction, String mask, String output,
            String extension) {
        if (image == null || image.isBlank()) {
            throw new InvalidInputException("the image column is empty");
        }
        String what = instruction == null ? "" : instruction.strip();
        String maskPath = mask == null ? "" : mask.strip();
        if (what.isEmpty() && maskPath.isEmpty()) {
            throw new InvalidInputException("give an instruction or a mask for " + image);
        }
        Path imagePath = base.resolve(image.strip());
        String stem = stem(imagePath.getFileName().toString());
        String name = output == null ? "" : output.strip();
        if (name.isEmpty()) {
            name = (what.isEmpty() ? stem : stem + "-" + slug(what)) + "." + outputExtension(extension);
        } else {
            outputExtension(name.substring(name.lastIndexOf('.') + 1));
        }
        return new BatchItem(idPrefix + (idPrefix.isEmpty() ? stem(name) : stem), imagePath,
                maskPath.isEmpty() ? null : base.resolve(maskPath), what.isEmpty() ? null : what, name);
    }

    /** "png", "jpg" or "jpeg", lower case; anything else is refused. */
    public static String outputExtension(String extension) {
        String e = extension == null ? "" : extension.toLowerCase(Locale.ROOT);
        if (!List.of("png", "jpg", "jpeg").contains(e)) {
            throw new InvalidInputException("the output format must be png, jpg or jpeg, was " + extension);
        }
        return e;
    }

    /** The instruction as a file-name part: lower-case letters and digits joined by dashes, at most 40 characters. */
    static String slug(String instruction) {
        String s = instruction.toLowerCase(Locale.ROOT).replaceAll("[^\\p{IsAlphabetic}\\p{IsDigit}]+", "-")
                .replaceAll("^-+|-+$", "");
        if (s.length() > SLUG_LENGTH) {
            s = s.substring(0, SLUG_LENGTH).replaceAll("-+$", "");
        }
        return s.isEmpty() ? Integer.toHexString(instruction.hashCode()) : s;
    }

    private static Map<String, Integer> header(List<String> header, Path csv) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT);
            if (!List.of("image", "instruction", "mask", "output").contains(name)) {
                throw new InvalidInputException(csv + ": unknown column \"" + header.get(i)
                        + "\"; the columns are image, instruction, mask and output");
            }
            if (columns.put(name, i) != null) {
                throw new InvalidInputException(csv + ": the column " + name + " appears twice");
            }
        }
        return columns;
    }

    private static String cell(List<String> row, Integer column) {
        return column == null || column >= row.size() ? "" : row.get(column).strip();
    }

    static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private static void requireFolder(Path folder, String what) {
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException("the " + what + " folder " + folder + " does not exist or is not a folder");
        }
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).filter(p -> isImage(p.getFileName().toString())).sorted().toList();
        } catch (IOException e) {
            throw new InvalidInputException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    private static boolean isImage(String name) {
        int dot = name.lastIndexOf('.');
        return !name.startsWith(".") && dot > 0 && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static Map<String, Path> byStem(List<Path> files, Path folder) {
        Map<String, Path> out = new java.util.TreeMap<>();
        for (Path p : files) {
            Path earlier = out.put(stem(p.getFileName().toString()), p);
            if (earlier != null) {
                throw new InvalidInputException("two files in " + folder + " share the stem " + stem(p.getFileName().toString())
                        + " (" + earlier.getFileName() + ", " + p.getFileName() + "); each stem names one item");
            }
        }
        return out;
    }
}
