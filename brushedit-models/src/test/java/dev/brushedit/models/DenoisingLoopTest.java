package dev.brushedit.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.CancelledException;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.scheduler.Scheduler;
import dev.brushedit.core.scheduler.SchedulerConfig;
import dev.brushedit.core.scheduler.SchedulerType;
import dev.brushedit.core.tensor.Tensor;
import dev.brushedit.models.text.PromptEncoder;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DenoisingLoopTest {
    /** The folder's own scheduler (PNDM for SD1.5), as the pipeline would build it. */
    private static Scheduler folderScheduler(ModelFolder f) {
        SchedulerConfig config = SchedulerConfig.fromJson(f.schedulerConfig());
        return SchedulerType.fromDiffusersName(config.className().orElseThrow()).create(config);
    }

    private static Scheduler ddim(ModelFolder f) {
        return SchedulerType.DDIM.create(SchedulerConfig.fromJson(f.schedulerConfig()));
    }

    @Test
    void textToImageRunsEndToEndOnTheStandInWithGuidance() {
        try (ModelFolder f = ModelFolder.open(StandIns.folder(StandIns.TINY))) {
            PromptEncoder.Embeddings e = PromptEncoder.of(f).encode("a (red:1.2) house on a hill", "blurry");
            DenoisingLoop loop = DenoisingLoop.builder().steps(4).guidanceScale(7.5).latentSize(8, 16).build();
            Tensor a = loop.run(f.unet(), folderScheduler(f), e.positive(), e.negative(), StandIns.gaussian(42));
            Tensor b = loop.run(f.unet(), folderScheduler(f), e.positive(), e.negative(), StandIns.gaussian(42));
            assertThat(a.shape()).containsExactly(1, 4, 8, 16);
            assertThat(a.firstNonFinite()).isEqualTo(-1);
            assertThat(b.maxAbsDiff(a)).as("same seed, same result").isZero();
            Tensor unguided = loop.toBuilder().guidanceScale(1).build().run(f.unet(), folderScheduler(f), e.positive(), null,
                    StandIns.gaussian(42));
            assertThat(unguided.maxAbsDiff(a)).isGreaterThan(1e-4f);
            Tensor image = f.vaeDecoder().decode(a);
            assertThat(image.shape()).containsExactly(1, 3, 64, 128);
            assertThat(image.firstNonFinite()).isEqualTo(-1);
        }
    }

    @Test
    void oneGuidedStepIsUncondPlusScaleTimesTheDifferenceNegativeFirst() {
        try (ModelFolder f = ModelFolder.open(StandIns.folder(StandIns.TINY))) {
            Tensor cond = StandIns.uniform(1, -1, 1, 1, 77, StandIns.HIDDEN);
            Tensor uncond = StandIns.uniform(2, -1, 1, 1, 77, StandIns.HIDDEN);
            Tensor got = DenoisingLoop.builder().steps(1).guidanceScale(5).latentSize(8, 16).build()
                    .run(f.unet(), ddim(f), cond, uncond, StandIns.gaussian(9));
            Tensor x = StandIns.gaussian(9).randn(1, 4, 8, 16);
            Scheduler ddim = ddim(f);
            ddim.setTimesteps(1);
            float t = ddim.timesteps()[0];
            Tensor epsU = f.unet().predict(Tensor.concat(0, x, x), t, Tensor.concat(0, uncond, uncond)).slice(0, 0, 1);
            Tensor epsC = f.unet().predict(Tensor.concat(0, x, x), t, Tensor.concat(0, cond, cond)).slice(0, 0, 1);
            Tensor eps = epsU.add(epsC.sub(epsU).scale(5f));
            assertThat(got.maxAbsDiff(ddim.step(eps, t, x, null))).isLessThan(1e-4f);
        }
    }

    @Test
    void inpaintingUnetRunsWithMaskAndMaskedLatents() {
        try (ModelFolder f = ModelFolder.open(StandIns.folder(StandIns.INPAINT))) {
            PromptEncoder.Embeddings e = PromptEncoder.of(f).encode("a cat", "");
            Tensor image = StandIns.uniform(5, -1, 1, 1, 3, 64, 128);
            Tensor mask = Tensor.zeros(1, 1, 8, 16);
            for (int y = 2; y < 6; y++) {
                for (int x = 4; x < 12; x++) {
                    mask.set(1f, 0, 0, y, x);
                }
            }
            Tensor masked = f.vaeEncoder().encode(image);
            DenoisingLoop loop = DenoisingLoop.builder().steps(3).latentSize(8, 16).build();
            Tensor out = loop.runInpainting(f.unet(), ddim(f), e.positive(), e.negative(), mask, masked, StandIns.gaussian(1));
            assertThat(out.shape()).containsExactly(1, 4, 8, 16);
            assertThat(out.firstNonFinite()).isEqualTo(-1);
            assertThatThrownBy(() -> loop.run(f.unet(), ddim(f), e.positive(), e.negative(), StandIns.gaussian(1)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("use runInpainting");
            assertThatThrownBy(() -> loop.runInpainting(f.unet(), ddim(f), e.positive(), e.negative(),
                    Tensor.zeros(1, 1, 4, 4), masked, StandIns.gaussian(1)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("mask must have shape [1, 1, 8, 16]");
        }
    }

    @Test
    void cancellationAndBadArgumentsAreReported() {
        try (ModelFolder f = ModelFolder.open(StandIns.folder(StandIns.TINY))) {
            Tensor cond = StandIns.uniform(1, -1, 1, 1, 77, StandIns.HIDDEN);
            AtomicInteger polls = new AtomicInteger();
            DenoisingLoop loop = DenoisingLoop.builder().steps(5).latentSize(8, 16)
                    .cancellation(() -> polls.incrementAndGet() > 2).build();
            assertThatThrownBy(() -> loop.run(f.unet(), ddim(f), cond, cond, StandIns.gaussian(1)))
                    .isInstanceOf(CancelledException.class).hasMessageContaining("before step 3 of 5");
            assertThatThrownBy(() -> loop.run(f.unet(), ddim(f), cond, StandIns.uniform(1, 0, 1, 1, 154, StandIns.HIDDEN), StandIns.gaussian(1)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("uncond must have the shape of cond");
            assertThatThrownBy(() -> DenoisingLoop.builder().steps(0)).isInstanceOf(InvalidInputException.class)
                    .hasMessage("steps must be between 1 and 1000, was 0");
            assertThatThrownBy(() -> DenoisingLoop.builder().guidanceScale(Double.NaN)).isInstanceOf(InvalidInputException.class);
            assertThat(List.of(loop.steps())).containsExactly(5);
        }
    }
}
