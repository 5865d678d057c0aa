package dev.brushedit.models;

import dev.brushedit.core.random.RandomSource;
import dev.brushedit.core.tensor.Tensor;
import dev.brushedit.models.internal.GraphSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** The exporter's stand-in folders (src/test/resources/standins) and small test helpers. */
public final class StandIns {
    /** optimum flavour, fp32, 4-channel UNet. */
    public static final String TINY = "sd15-tiny";
    /** legacy diffusers flavour. */
    public static final String LEGACY = "sd15-tiny-legacy";
    /** UNet with BrushNet feature inputs, plus brushnet/ and brushnet_unet/. */
    public static final String BRUSHNET = "sd15-tiny-brushnet";
    /** 9-channel inpainting UNet. */
    public static final String INPAINT = "sd15-tiny-inpaint";
    /** fp16 BrushNet folder. */
    public static final String FP16 = "sd15-tiny-brushnet-fp16";

    /** Hidden size of the stand-in text encoders (768 in SD1.5). */
    public static final int HIDDEN = 8;

    private StandIns() {}

    /** The stand-in folder {@code name}; skips the test when it is absent. */
    public static Path folder(String name) {
        String override = System.getProperty("standins.dir");
        Path root = override != null ? Path.of(override) : Path.of("src", "test", "resources", "standins");
        Path p = root.resolve(name);
        Assumptions.assumeTrue(Files.isDirectory(p), "stand-in " + p + " is missing");
        return p;
    }

    /** Copies the stand-in {@code name} into {@code dir} (for tests that break or remove parts). */
    public static Path copy(String name, Path dir) {
        Path src = folder(name);
        try (Stream<Path> files = Files.walk(src)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path dst = dir.resolve(src.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(dst);
                } else {
                    Files.copy(f, dst);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** A seeded N(0, 1) source over java.util.Random. */
    public static RandomSource gaussian(long seed) {
        Random r = new Random(seed);
        return shape -> {
            Tensor t = Tensor.zeros(shape);
            for (int i = 0; i < t.size(); i++) {
                t.setFlat(i, (float) r.nextGaussian());
            }
            return t;
        };
    }

    /**
     * Batch-1 BrushNet features from {@code folder}'s own {@code brushnet/model.onnx} (fixed seeded inputs,
     * latents 8x16, conditioning scale 1), keyed by output name.
     */
    public static java.util.Map<String, Tensor> brushNetFeatures(dev.brushedit.models.ModelFolder folder) {
        GraphSession g = folder.session(dev.brushedit.models.ModelPart.BRUSHNET);
        java.util.Map<String, GraphSession.Feed> feeds = java.util.Map.of(
                "sample", GraphSession.Feed.of(uniform(20, -1, 1, 1, 4, 8, 16)),
                "timestep", GraphSession.Feed.of(Tensor.full(601f, 1)),
                "brushnet_cond", GraphSession.Feed.of(uniform(21, 0, 1, 1, 5, 8, 16)),
                "conditioning_scale", GraphSession.Feed.of(Tensor.full(1f, 1)));
        return g.run(feeds, java.util.List.copyOf(g.outputs().keySet()), null);
    }

    /** A tensor of seeded uniform values in [lo, hi). */
    public static Tensor uniform(long seed, float lo, float hi, int... shape) {
        Random r = new Random(seed);
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.size(); i++) {
            t.setFlat(i, lo + (hi - lo) * r.nextFloat());
        }
        return t;
    }
}
