package dev.brushedit.inpaint.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.core.scheduler.SchedulerOverrides;
import dev.brushedit.core.scheduler.SchedulerType;
import dev.brushedit.core.tensor.Tensor;
import dev.brushedit.models.ExecutionOptions;
import dev.brushedit.models.ModelPart;
import dev.brushedit.models.VaeEncoder;
import dev.brushedit.models.text.PromptSyntax;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the diffusion backend does to bound memory, on the tiny BrushNet stand-in. */
class MemoryPolicyTest {
    private static final Path BRUSHNET = Path.of("src/test/resources/standins/sd15-tiny-brushnet");
    private static final BackendJob THREE_STEPS = new BackendJob("a red apple", "blurry", 3, 7.5, 1.0, 0.0, 1.0, 1.0,
            SchedulerType.DDIM, 1, PromptSyntax.A1111, SchedulerOverrides.NONE);

    private static RgbImage gradient(int w, int h) {
        byte[] rgb = new byte[w * h * 3];
        for (int i = 0; i < w * h; i++) {
            rgb[3 * i] = (byte) (i % w * 4);
            rgb[3 * i + 1] = (byte) (i / w * 4);
            rgb[3 * i + 2] = (byte) 90;
        }
        return RgbImage.of(w, h, rgb);
    }

    private static Tensor generate(DiffusionBackend backend) {
        RgbImage image = gradient(64, 64);
        Mask mask = Mask.ofBox(64, 64, new Box(16, 16, 48, 48));
        List<Tensor> out = backend.generateDecoded(image, mask, THREE_STEPS, 4, StepListener.NONE, () -> false, new StageTimer());
        return out.get(0);
    }

    private static DiffusionBackend open(ExecutionOptions options) {
        return (DiffusionBackend) DiffusionBackends.open(BRUSHNET, null, DiffusionChoice.BRUSHNET, options, VaeEncoder.Sampling.MEAN);
    }

    @Test
    void budgetsFollowTheLowMemoryOption() {
        assertThat(MemoryPolicy.of(ExecutionOptions.defaults()))
                .isEqualTo(new MemoryPolicy(false, MemoryPolicy.DEFAULT_VAE_BUDGET, false));
        assertThat(MemoryPolicy.of(ExecutionOptions.builder().keepStepMemory(true).build()))
                .isEqualTo(new MemoryPolicy(false, MemoryPolicy.DEFAULT_VAE_BUDGET, true));
        MemoryPolicy low = MemoryPolicy.of(ExecutionOptions.builder().lowMemory(true).build());
        assertThat(low.splitGuidanceBatch()).isTrue();
        assertThat(low.vaeBudget()).isLessThan(MemoryPolicy.DEFAULT_VAE_BUDGET);
    }

    @Test
    void theDenoisingGraphReleasesItsMemoryAtTheLastStepOfEachJob() {
        try (DiffusionBackend backend = open(ExecutionOptions.defaults())) {
            generate(backend);
            assertThat(backend.folder().releasedRuns(ModelPart.BRUSHNET_UNET)).as("one job: first run of the shape, last step")
                    .isEqualTo(2);
            generate(backend);
            assertThat(backend.folder().releasedRuns(ModelPart.BRUSHNET_UNET)).as("two jobs: and its last step").isEqualTo(3);
            assertThat(backend.folder().releasedRuns(ModelPart.VAE_DECODER)).as("every decode").isEqualTo(2);
            assertThat(backend.folder().isLoaded(ModelPart.VAE_DECODER)).isTrue();
        }
    }

    @Test
    void keepStepMemoryReleasesOnlyTheFirstRunOfTheShapeAndGivesTheSameImage() {
        Tensor normal;
        try (DiffusionBackend backend = open(ExecutionOptions.defaults())) {
            normal = generate(backend);
        }
        try (DiffusionBackend backend = open(ExecutionOptions.builder().keepStepMemory(true).build())) {
            Tensor kept = generate(backend);
            assertThat(kept.maxAbsDiff(normal)).as("releasing changes no value").isZero();
            assertThat(backend.folder().releasedRuns(ModelPart.BRUSHNET_UNET)).as("one job: the first run of the shape only")
                    .isEqualTo(1);
            generate(backend);
            assertThat(backend.folder().releasedRuns(ModelPart.BRUSHNET_UNET)).as("two jobs: no last-step release").isEqualTo(1);
            assertThat(backend.folder().releasedRuns(ModelPart.VAE_DECODER)).as("the VAE still releases every decode")
                    .isEqualTo(2);
        }
    }

    @Test
    void lowMemoryGivesTheSameImageWithSplitBatchesAndClosesTheVaeSessions() {
        Tensor normal;
        try (DiffusionBackend backend = open(ExecutionOptions.defaults())) {
            normal = generate(backend);
        }
        try (DiffusionBackend backend = open(ExecutionOptions.builder().lowMemory(true).build())) {
            Tensor low = generate(backend);
            assertThat(low.maxAbsDiff(normal)).as("batch-1 halves equal the batch-2 run").isLessThan(1e-4f);
            assertThat(backend.folder().releasedRuns(ModelPart.BRUSHNET_UNET)).as("two halves per step, all released")
                    .isEqualTo(6);
            assertThat(backend.folder().isLoaded(ModelPart.VAE_DECODER)).isFalse();
            assertThat(backend.folder().isLoaded(ModelPart.VAE_ENCODER)).isFalse();
            assertThat(generate(backend).maxAbsDiff(low)).as("reopened sessions, same result").isZero();
        }
    }
}
