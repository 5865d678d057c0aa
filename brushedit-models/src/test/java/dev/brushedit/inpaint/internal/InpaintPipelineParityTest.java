package dev.brushedit.inpaint.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brushedit.core.image.ImageFiles;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.core.scheduler.SchedulerType;
import dev.brushedit.core.tensor.Tensor;
import dev.brushedit.inpaint.BlendOptions;
import dev.brushedit.inpaint.InpaintRequest;
import dev.brushedit.inpaint.Inpainter;
import dev.brushedit.inpaint.LargeImageStrategy;
import dev.brushedit.inpaint.InpainterTestHooks;
import dev.brushedit.models.ExecutionOptions;
import dev.brushedit.models.VaeEncoder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole BrushNet pipeline against TencentARC's reference StableDiffusionBrushNetPipeline on the
 * sd15-tiny-brushnet stand-in weights, fed the same seed (see resources/inpaint-pipeline-parity/README.md).
 */
class InpaintPipelineParityTest {
    private static final Logger LOG = LoggerFactory.getLogger(InpaintPipelineParityTest.class);
    private static final Path STANDIN = Path.of("src/test/resources/standins/sd15-tiny-brushnet");
    private static final Path REF = Path.of("src/test/resources/inpaint-pipeline-parity");
    private static final String PROMPT = "an empty saucer on a wooden table";
    private static final String NEGATIVE = "blurry, low quality";
    /** fp32 tolerance on [0, 1] images after 8 steps, ONNX Runtime vs PyTorch (measured 2.6e-6). */
    private static final float FLOAT_TOLERANCE = 2e-5f;

    @TempDir
    static Path tmp;

    /**
     * The stand-in folder, for UniPC with {@code final_sigmas_type: sigma_min} added to its scheduler
     * config: the reference's diffusers fork (0.27) ends UniPC's schedule at sigma_min (the noise level
     * of timestep 0); diffusers 0.28 made that an option and defaults to zero, which we follow.
     */
    private static Path checkpoint(String name) throws IOException {
        if (!name.equals("unipc")) {
            return STANDIN;
        }
        Path root = tmp.resolve("sd15-tiny-brushnet-sigma-min");
        if (!Files.isDirectory(root)) {
            Files.createDirectories(root.resolve("scheduler"));
            try (var entries = Files.list(STANDIN)) {
                for (Path e : (Iterable<Path>) entries::iterator) {
                    if (!e.getFileName().toString().equals("scheduler")) {
                        Files.createSymbolicLink(root.resolve(e.getFileName()), e.toAbsolutePath());
                    }
                }
            }
            String json = Files.readString(STANDIN.resolve("scheduler/scheduler_config.json")).strip();
            Files.writeString(root.resolve("scheduler/scheduler_config.json"),
                    json.substring(0, json.lastIndexOf('}')) + ", \"final_sigmas_type\": \"sigma_min\"}\n");
        }
        return root;
    }

    private static InpaintRequest request(SchedulerType scheduler, int steps, double guidance, double scale, long seed) {
        return InpaintRequest.builder().prompt(PROMPT).negativePrompt(NEGATIVE).scheduler(scheduler).steps(steps)
                .guidanceScale(guidance).preservationScale(scale).seed(seed).strategy(LargeImageStrategy.original())
                .blend(BlendOptions.HARD).build();
    }

    private static float[] reference(String name) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(REF.resolve(name + ".f32"))).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[b.remaining() / 4];
        b.asFloatBuffer().get(v);
        return v;
    }

    /** Max |java - ref| on [0, 1]: java is [1, 3, H, W] in [-1, 1] (denormalised as diffusers does), ref is [H, W, 3]. */
    static float maxFloatDiff(Tensor decoded, float[] ref) {
        int h = decoded.dim(2);
        int w = decoded.dim(3);
        assertThat(ref).hasSize(3 * h * w);
        float max = 0;
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float v = Math.min(1f, Math.max(0f, decoded.getFlat((c * h + y) * w + x) / 2f + 0.5f));
                    max = Math.max(max, Math.abs(v - ref[(y * w + x) * 3 + c]));
                }
            }
        }
        return max;
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"ddim, DDIM, 8, 7.5, 1.0, 1234, fused", "ddim, DDIM, 8, 7.5, 1.0, 1234, separate",
        "unipc, UNIPC, 8, 7.5, 0.8, 77, fused", "unipc, UNIPC, 8, 7.5, 0.8, 77, separate"})
    void floatImageMatchesReferencePipeline(String name, SchedulerType scheduler, int steps, double guidance, double scale,
            long seed, String variant) throws IOException {
        RgbImage image = ImageFiles.read(REF.resolve("image.png"));
        Mask mask = Mask.fromImage(ImageFiles.read(REF.resolve("mask.png")), 128);
        Path folder = checkpoint(name);
        Path branch = variant.equals("separate") ? folder.resolve("brushnet") : null;
        InpaintBackend backend = DiffusionBackends.open(folder, branch, DiffusionChoice.BRUSHNET, ExecutionOptions.defaults(),
                VaeEncoder.Sampling.MEAN);
        try {
            assertThat(backend.name()).isEqualTo(variant.equals("fused") ? "brushnet-fused" : "brushnet");
            List<Tensor> out = ((DiffusionBackend) backend).generateDecoded(image, mask,
                    InpainterTestHooks.job(request(scheduler, steps, guidance, scale, seed)), seed, StepListener.NONE, () -> false,
                    new StageTimer());
            float err = maxFloatDiff(out.get(0), reference(name));
            LOG.info("PARITY {} {}: max abs diff vs reference pipeline {} (x255 = {} levels)", name, variant, err, err * 255);
            assertThat(err).isLessThan(FLOAT_TOLERANCE);
        } finally {
            backend.close();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource("unipc, UNIPC, 8, 7.5, 0.8, 77, separate")
    void inpainterMatchesReferencePipelineInUint8(String name, SchedulerType scheduler, int steps, double guidance,
            double scale, long seed, String variant) throws IOException {
        RgbImage image = ImageFiles.read(REF.resolve("image.png"));
        Mask mask = Mask.fromImage(ImageFiles.read(REF.resolve("mask.png")), 128);
        RgbImage ref = ImageFiles.read(REF.resolve(name + ".png"));
        Path folder = checkpoint(name);
        Inpainter.Builder b = InpainterTestHooks.conditionSampling(
                Inpainter.builder().checkpoint(folder).backend(Inpainter.Backend.BRUSHNET), VaeEncoder.Sampling.MEAN);
        if (variant.equals("separate")) {
            b.brushnet(folder.resolve("brushnet"));
        }
        try (Inpainter inpainter = b.build()) {
            RgbImage got = inpainter.inpaint(image, mask, request(scheduler, steps, guidance, scale, seed)).image();
            int maxInside = 0;
            int inside = 0;
            for (int y = 0; y < image.height(); y++) {
                for (int x = 0; x < image.width(); x++) {
                    boolean hole = mask.get(x, y) >= 0.5f;
                    inside += hole ? 1 : 0;
                    for (int c = 0; c < 3; c++) {
                        if (hole) {
                            maxInside = Math.max(maxInside, Math.abs(got.channel(x, y, c) - ref.channel(x, y, c)));
                        } else {
                            assertThat(got.channel(x, y, c)).isEqualTo(image.channel(x, y, c));
                        }
                    }
                }
            }
            LOG.info("PARITY {} {} uint8: max diff inside the mask {} levels over {} pixels", name, variant, maxInside, inside);
            assertThat(inside).isGreaterThan(1000);
            assertThat(maxInside).isLessThanOrEqualTo(1);
        }
    }
}
