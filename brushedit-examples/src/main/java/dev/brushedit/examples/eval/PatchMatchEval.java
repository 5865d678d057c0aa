package dev.brushedit.examples.eval;

import dev.brushedit.core.image.ImageFiles;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.inpaint.patchmatch.PatchMatchInpainter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Quality-evaluation driver for {@link PatchMatchInpainter}: for each photograph in a folder and
 * each of the 8 object-shaped holes of {@link SyntheticHoles} (4 shapes, each placed freely and over
 * a strong structure, a tenth of the image each), writes the decoded original, the hole mask, the
 * holed input (hole painted white) and the PatchMatch result as PNGs, plus {@code cases.csv} listing
 * them with the PatchMatch time; {@code tools/eval/patchmatch_vs_opencv.py} then scores these against
 * OpenCV.
 *
 * <p>Usage: {@code PatchMatchEval IMAGE_DIR OUT_DIR [seed] [key=value ...]}; keys: {@code photos}
 * (comma-separated names without extension, to evaluate only those), and the inpainter settings
 * {@code patchSize}, {@code minLevelSize}, {@code maxLevels}, {@code emIterations},
 * {@code patchMatchIterations}, {@code weightedVoting}, {@code sourceDistanceWeight}, {@code sharpFill},
 * {@code blendSeams}, {@code lowBandWeight}, {@code highBandGain}, {@code structureFill} (unset keys keep the
 * inpainter's defaults).
 *
 * <p>Thread-safety: a command-line entry point; not for concurrent use.
 */
public final class PatchMatchEval {
    private PatchMatchEval() {}

    /** Runs the evaluation; see the class comment for the arguments. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: PatchMatchEval IMAGE_DIR OUT_DIR [seed] [key=value ...]");
            System.exit(2);
        }
        Path imageDir = Path.of(args[0]);
        Path outDir = Path.of(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 0L;
        PatchMatchInpainter.Builder builder = PatchMatchInpainter.builder().seed(seed);
        Set<String> only = Set.of();
        for (String arg : Arrays.asList(args).subList(Math.min(3, args.length), args.length)) {
            String[] kv = arg.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("expected key=value, was " + arg);
            }
            if (kv[0].equals("photos")) {
                only = Arrays.stream(kv[1].split(",")).map(String::trim).collect(Collectors.toSet());
            } else {
                set(builder, kv[0], kv[1]);
            }
        }
        Files.createDirectories(outDir);
        List<Path> photos;
        try (Stream<Path> s = Files.list(imageDir)) {
            photos = s.filter(p -> p.toString().matches("(?i).*\\.(png|jpe?g)$")).sorted().toList();
        }
        PatchMatchInpainter inpainter = builder.build();
        System.out.println(inpainter);
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(outDir.resolve("cases.csv")))) {
            csv.println("photo,shape,placement,hole_fraction,original,mask,input,patchmatch,patchmatch_seconds");
            for (Path photo : photos) {
                String name = photo.getFileName().toString().replaceFirst("\\.[^.]+$", "");
                if (!only.isEmpty() && !only.contains(name)) {
                    continue;
                }
                RgbImage image = ImageFiles.read(photo);
                String original = name + "_original.png";
                write(image, outDir.resolve(original));
                SyntheticHoles.Shape[] shapes = SyntheticHoles.Shape.values();
                List<int[]> structures = SyntheticHoles.structureCentres(image, shapes.length);
                for (SyntheticHoles.Placement placement : SyntheticHoles.Placement.values()) {
                    for (SyntheticHoles.Shape shape : shapes) {
                        long holeSeed = name.hashCode() * 17L + shape.ordinal();
                        double[] centre = placement == SyntheticHoles.Placement.FREE
                                ? SyntheticHoles.freeCentre(image.width(), image.height(), holeSeed)
                                : new double[] {structures.get(shape.ordinal())[0], structures.get(shape.ordinal())[1]};
                        Mask mask = SyntheticHoles.make(shape, image.width(), image.height(), centre[0], centre[1], holeSeed);
                        String shapeName = shape.name().toLowerCase(Locale.ROOT);
                        String placeName = placement.name().toLowerCase(Locale.ROOT);
                        String stem = name + "_" + shapeName + "_" + placeName;
                        long t0 = System.nanoTime();
                        RgbImage result = inpainter.inpaint(image, mask);
                        double seconds = (System.nanoTime() - t0) / 1e9;
                        write(mask.toImage(), outDir.resolve(stem + "_mask.png"));
                        write(holed(image, mask), outDir.resolve(stem + "_input.png"));
                        write(result, outDir.resolve(stem + "_patchmatch.png"));
                        double fraction = (double) mask.area() / image.pixelCount();
                        csv.printf(Locale.ROOT, "%s,%s,%s,%.4f,%s,%s,%s,%s,%.3f%n", name, shapeName, placeName, fraction,
                                original, stem + "_mask.png", stem + "_input.png", stem + "_patchmatch.png", seconds);
                        System.out.printf(Locale.ROOT, "%-36s hole %5.1f%%  %.2f s%n", stem, 100 * fraction, seconds);
                    }
                }
            }
        }
    }

    private static void set(PatchMatchInpainter.Builder b, String key, String value) {
        switch (key) {
            case "patchSize" -> b.patchSize(Integer.parseInt(value));
            case "minLevelSize" -> b.minLevelSize(Integer.parseInt(value));
            case "maxLevels" -> b.maxLevels(Integer.parseInt(value));
            case "emIterations" -> b.emIterations(Integer.parseInt(value));
            case "patchMatchIterations" -> b.patchMatchIterations(Integer.parseInt(value));
            case "weightedVoting" -> b.weightedVoting(Boolean.parseBoolean(value));
            case "sourceDistanceWeight" -> b.sourceDistanceWeight(Double.parseDouble(value));
            case "sharpFill" -> b.sharpFill(Boolean.parseBoolean(value));
            case "blendSeams" -> b.blendSeams(Boolean.parseBoolean(value));
            case "lowBandWeight" -> b.lowBandWeight(Double.parseDouble(value));
            case "highBandGain" -> b.highBandGain(Double.parseDouble(value));
            case "structureFill" -> b.structureFill(Boolean.parseBoolean(value));
            default -> throw new IllegalArgumentException("unknown setting " + key);
        }
    }

    private static RgbImage holed(RgbImage image, Mask mask) {
        byte[] px = image.toRgbBytes();
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                if (mask.get(x, y) >= 0.5f) {
                    int i = 3 * (y * image.width() + x);
                    px[i] = px[i + 1] = px[i + 2] = (byte) 255;
                }
            }
        }
        return RgbImage.of(image.width(), image.height(), px);
    }

    private static void write(RgbImage image, Path path) {
        try {
            ImageIO.write(image.toBufferedImage(), "png", path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }
}
