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
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Quality-evaluation driver for {@link PatchMatchInpainter}: for each photograph in a folder and
 * each synthetic hole (rectangle, ellipse, stroke, blob; small and large), writes the decoded
 * original, the hole mask, the holed input (hole painted white) and the PatchMatch result as PNGs,
 * plus {@code cases.csv} listing them; {@code tools/eval/patchmatch_vs_opencv.py} then scores these
 * against OpenCV. Usage: {@code PatchMatchEval [imageDir] [outDir] [seed] [minLevelSize] [emIterations]
 * [patchMatchIterations] [weightedVoting]} (the last four default to the inpainter's defaults).
 *
 * <p>Thread-safety: a command-line entry point; not for concurrent use.
 */
public final class PatchMatchEval {
    private PatchMatchEval() {}

    /** Runs the evaluation; see the class comment for the arguments. */
    public static void main(String[] args) throws IOException {
        Path imageDir = Path.of(args.length > 0 ? args[0] : "/work/shared/fixtures/images");
        Path outDir = Path.of(args.length > 1 ? args[1] : "target/patchmatch-eval");
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 0L;
        Files.createDirectories(outDir);
        List<Path> photos;
        try (Stream<Path> s = Files.list(imageDir)) {
            photos = s.filter(p -> p.toString().matches("(?i).*\\.(png|jpe?g)$")).sorted().toList();
        }
        PatchMatchInpainter.Builder builder = PatchMatchInpainter.builder().seed(seed);
        if (args.length > 3) {
            builder.minLevelSize(Integer.parseInt(args[3]));
        }
        if (args.length > 4) {
            builder.emIterations(Integer.parseInt(args[4]));
        }
        if (args.length > 5) {
            builder.patchMatchIterations(Integer.parseInt(args[5]));
        }
        if (args.length > 6) {
            builder.weightedVoting(Boolean.parseBoolean(args[6]));
        }
        PatchMatchInpainter inpainter = builder.build();
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(outDir.resolve("cases.csv")))) {
            csv.println("photo,shape,size,hole_fraction,original,mask,input,patchmatch,patchmatch_seconds");
            for (Path photo : photos) {
                RgbImage image = ImageFiles.read(photo);
                String name = photo.getFileName().toString().replaceFirst("\\.[^.]+$", "");
                String original = name + "_original.png";
                write(image, outDir.resolve(original));
                for (SyntheticHoles.Shape shape : SyntheticHoles.Shape.values()) {
                    for (SyntheticHoles.Size size : SyntheticHoles.Size.values()) {
                        Mask mask = SyntheticHoles.make(shape, size, image.width(), image.height(), name.hashCode());
                        String stem = name + "_" + shape.name().toLowerCase(Locale.ROOT) + "_" + size.name().toLowerCase(Locale.ROOT);
                        long t0 = System.nanoTime();
                        RgbImage result = inpainter.inpaint(image, mask);
                        double seconds = (System.nanoTime() - t0) / 1e9;
                        write(mask.toImage(), outDir.resolve(stem + "_mask.png"));
                        write(holed(image, mask), outDir.resolve(stem + "_input.png"));
                        write(result, outDir.resolve(stem + "_patchmatch.png"));
                        double fraction = (double) mask.area() / image.pixelCount();
                        csv.printf(Locale.ROOT, "%s,%s,%s,%.4f,%s,%s,%s,%s,%.3f%n", name, shape.name().toLowerCase(Locale.ROOT),
                                size.name().toLowerCase(Locale.ROOT), fraction, original, stem + "_mask.png",
                                stem + "_input.png", stem + "_patchmatch.png", seconds);
                        System.out.printf(Locale.ROOT, "%-32s hole %5.1f%%  %.2f s%n", stem, 100 * fraction, seconds);
                    }
                }
            }
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
