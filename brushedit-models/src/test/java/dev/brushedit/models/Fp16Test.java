package dev.brushedit.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brushedit.core.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** fp16 exports: precision read from the graphs, float32 in and out, results close to the fp32 export. */
class Fp16Test {
    private static float relative(Tensor got, Tensor want) {
        float scale = Math.max(1f, Math.max(Math.abs(want.max()), Math.abs(want.min())));
        return got.maxAbsDiff(want) / scale;
    }

    @Test
    void fp16FolderMatchesTheFp32FolderWithinHalfPrecision() {
        try (ModelFolder half = ModelFolder.open(StandIns.folder(StandIns.FP16));
                ModelFolder full = ModelFolder.open(StandIns.folder(StandIns.BRUSHNET))) {
            assertThat(half.precision()).isEqualTo(Precision.FP16);
            assertThat(full.precision()).isEqualTo(Precision.FP32);
            assertThat(half.textEncoder().precision()).isEqualTo(Precision.FP16);
            assertThat(half.vaeDecoder().precision()).isEqualTo(Precision.FP16);

            int[] ids = TextEncoderTest.ids(320, 1125, 539);
            assertThat(relative(half.textEncoder().encode(ids), full.textEncoder().encode(ids))).isLessThan(2e-2f);

            Tensor x = StandIns.uniform(1, -1, 1, 2, 4, 8, 16);
            Tensor ctx = StandIns.uniform(2, -1, 1, 2, 77, StandIns.HIDDEN);
            Map<String, Tensor> features = StandIns.brushNetFeatures(full);
            Tensor a = half.unet().predict(x, 601.5f, ctx, features, "step 1");
            Tensor b = full.unet().predict(x, 601.5f, ctx, features, "step 1");
            assertThat(relative(a, b)).isLessThan(2e-2f);
            assertThat(relative(a, b)).as("the graphs did run in different precisions").isGreaterThan(0f);

            Tensor latents = StandIns.uniform(3, -0.5f, 0.5f, 1, 4, 8, 16);
            assertThat(relative(half.vaeDecoder().decode(latents), full.vaeDecoder().decode(latents))).isLessThan(2e-2f);
            Tensor image = StandIns.uniform(4, -1, 1, 1, 3, 64, 128);
            assertThat(relative(half.vaeEncoder().encode(image), full.vaeEncoder().encode(image))).isLessThan(2e-2f);
        }
    }
}
