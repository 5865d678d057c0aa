package dev.brushedit.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.InferenceException;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UnetTest {
    private static ModelFolder tiny;
    private static ModelFolder legacy;
    private static ModelFolder brush;
    private static ModelFolder inpaint;

    @BeforeAll
    static void open() {
        tiny = ModelFolder.open(StandIns.folder(StandIns.TINY));
        legacy = ModelFolder.open(StandIns.folder(StandIns.LEGACY));
        brush = ModelFolder.open(StandIns.folder(StandIns.BRUSHNET));
        inpaint = ModelFolder.open(StandIns.folder(StandIns.INPAINT));
    }

    @AfterAll
    static void close() {
        for (ModelFolder f : new ModelFolder[] {tiny, legacy, brush, inpaint}) {
            if (f != null) {
                f.close();
            }
        }
    }

    private static Tensor sample(long seed, int channels) {
        return StandIns.uniform(seed, -1, 1, 2, channels, 8, 16);
    }

    private static Tensor context(long seed) {
        return StandIns.uniform(seed, -1, 1, 2, 77, StandIns.HIDDEN);
    }

    @Test
    void tellsTheKindsApart() {
        assertThat(tiny.unet().inChannels()).isEqualTo(4);
        assertThat(tiny.unet().hasBrushNetInputs()).isFalse();
        assertThat(inpaint.unet().isInpainting()).isTrue();
        List<BrushNetInput> features = brush.unet().brushNetInputs();
        assertThat(features).hasSize(12 + 1 + 15);
        assertThat(features.get(0).name()).isEqualTo("down_block_res_sample_0");
        assertThat(features).extracting(BrushNetInput::name).contains("mid_block_res_sample", "up_block_res_sample_14");
    }

    @Test
    void pinnedRunsRepeatTheFirstRunExactlyAndReuseTheirBuffers() {
        Unet unet = tiny.unet();
        Tensor x = sample(1, 4);
        Tensor ctx = context(2);
        Tensor first = unet.predict(x, 601f, ctx);
        Tensor second = unet.predict(x, 601f, ctx);
        assertThat(first.shape()).containsExactly(2, 4, 8, 16);
        assertThat(second.maxAbsDiff(first)).isZero();
        Tensor other = unet.predict(sample(3, 4), 601f, ctx);
        assertThat(other.maxAbsDiff(first)).isGreaterThan(1e-3f);
        Tensor later = unet.predict(x, 201f, ctx);
        assertThat(later.maxAbsDiff(first)).as("the timestep reaches the graph").isGreaterThan(1e-4f);
    }

    @Test
    void legacyFloatBatchTimestepAndOptimumScalarTimestepAgreeOnTheSameWeights() {
        Tensor x = sample(4, 4);
        Tensor ctx = context(5);
        Tensor a = tiny.unet().predict(x, 401.5f, ctx);
        Tensor b = legacy.unet().predict(x, 401.5f, ctx);
        assertThat(b.maxAbsDiff(a)).isLessThan(1e-5f);
    }

    @Test
    void zeroBrushNetFeaturesReproduceThePlainUnetAndFeaturesOfBatchOneAreRepeated() {
        Unet plain = tiny.unet();
        Unet withInputs = brush.unet();
        Tensor x = sample(6, 4);
        Tensor ctx = context(7);
        Map<String, Tensor> real = StandIns.brushNetFeatures(brush);
        Map<String, Tensor> zeros = new HashMap<>();
        Map<String, Tensor> twice = new HashMap<>();
        for (Map.Entry<String, Tensor> e : real.entrySet()) {
            zeros.put(e.getKey(), Tensor.zeros(e.getValue().shape()));
            twice.put(e.getKey(), Tensor.concat(0, e.getValue(), e.getValue()));
        }
        assertThat(real.keySet()).containsExactlyInAnyOrderElementsOf(
                withInputs.brushNetInputs().stream().map(BrushNetInput::name).toList());
        Tensor expected = plain.predict(x, 601f, ctx);
        Tensor got = withInputs.predict(x, 601f, ctx, zeros, "step 1");
        assertThat(got.maxAbsDiff(expected)).isLessThan(1e-5f);
        Tensor shifted = withInputs.predict(x, 601f, ctx, real, "step 2");
        assertThat(shifted.maxAbsDiff(expected)).isGreaterThan(1e-3f);
        assertThat(withInputs.predict(x, 601f, ctx, twice, "step 3").maxAbsDiff(shifted)).isZero();
        Map<String, Tensor> missing = new HashMap<>(zeros);
        missing.remove("mid_block_res_sample");
        assertThatThrownBy(() -> withInputs.predict(x, 601f, ctx, missing, null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("BrushNet feature 'mid_block_res_sample' is required");
        assertThatThrownBy(() -> plain.predict(x, 601f, ctx, zeros, null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is not an input of unet/model.onnx");
    }

    @Test
    void inpaintingUnetTakesLatentsMaskAndMaskedLatentsInThatOrder() {
        Tensor latents = sample(8, 4);
        Tensor mask = Tensor.full(1f, 1, 1, 8, 16);
        Tensor masked = StandIns.uniform(9, -1, 1, 1, 4, 8, 16);
        Tensor in = Unet.inpaintingInput(latents, mask, masked);
        assertThat(in.shape()).containsExactly(2, 9, 8, 16);
        assertThat(in.get(1, 3, 2, 5)).isEqualTo(latents.get(1, 3, 2, 5));
        assertThat(in.get(1, 4, 2, 5)).isEqualTo(1f);
        assertThat(in.get(1, 5, 2, 5)).isEqualTo(masked.get(0, 0, 2, 5));
        Tensor eps = inpaint.unet().predict(in, 601f, context(10));
        assertThat(eps.shape()).containsExactly(2, 4, 8, 16);
        assertThatThrownBy(() -> inpaint.unet().predict(latents, 601f, context(10))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("sample must have shape [batch, 9, h, w]");
        assertThatThrownBy(() -> Unet.inpaintingInput(latents, Tensor.zeros(3, 1, 8, 16), masked))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("mask must have batch 1 or 2");
    }

    @Test
    void rejectsBadInputAndReportsNonFiniteOutputsWithTheStep() {
        Unet unet = tiny.unet();
        assertThatThrownBy(() -> unet.predict(sample(1, 4), Float.NaN, context(2))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("timestep must be a finite number");
        assertThatThrownBy(() -> unet.predict(sample(1, 4), 1f, StandIns.uniform(1, 0, 1, 1, 77, StandIns.HIDDEN)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("encoderHiddenStates must have shape [2, tokens, d]");
        assertThatThrownBy(() -> unet.predict(null, 1f, context(2))).isInstanceOf(InvalidInputException.class);
        Tensor nan = sample(1, 4);
        nan.setFlat(5, Float.NaN);
        assertThatThrownBy(() -> unet.predict(nan, 1f, context(2), Map.of(), "step 7")).isInstanceOf(InferenceException.class)
                .hasMessageContaining("unet/model.onnx: output 'out_sample' has a non-finite value (NaN)")
                .hasMessageContaining("at step 7");
    }

    @Test
    void concurrentCallersGetTheSameResultsAsSequentialOnes() throws Exception {
        Unet unet = tiny.unet();
        Tensor ctx = context(11);
        List<Tensor> inputs = new ArrayList<>();
        List<Tensor> expected = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            inputs.add(sample(100 + i, 4));
            expected.add(unet.predict(inputs.get(i), 100f * i, ctx));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Tensor>> futures = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < 8; i++) {
                    int k = i;
                    futures.add(pool.submit(() -> unet.predict(inputs.get(k), 100f * k, ctx)));
                }
            }
            for (int j = 0; j < futures.size(); j++) {
                assertThat(futures.get(j).get().maxAbsDiff(expected.get(j % 8))).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
