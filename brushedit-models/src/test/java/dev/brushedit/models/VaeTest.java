package dev.brushedit.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.InferenceException;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.tensor.Tensor;
import dev.brushedit.models.internal.GraphSession;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class VaeTest {
    private static ModelFolder tiny;
    private static ModelFolder legacy;

    @BeforeAll
    static void open() {
        tiny = ModelFolder.open(StandIns.folder(StandIns.TINY));
        legacy = ModelFolder.open(StandIns.folder(StandIns.LEGACY));
    }

    @AfterAll
    static void close() {
        tiny.close();
        legacy.close();
    }

    private static Tensor rawParameters(Tensor image) {
        GraphSession g = tiny.session(ModelPart.VAE_ENCODER);
        return g.run(Map.of("sample", GraphSession.Feed.of(image)), List.of("latent_parameters"), null).get("latent_parameters");
    }

    @Test
    void encodeReturnsTheScaledMeanOrAScaledSeededSample() {
        Tensor image = StandIns.uniform(1, -1, 1, 1, 3, 64, 128);
        VaeEncoder enc = tiny.vaeEncoder();
        assertThat(enc.flavour()).isEqualTo(ExportFlavour.OPTIMUM);
        Tensor params = rawParameters(image);
        List<Tensor> halves = params.split(1, 4, 4);
        Tensor mean = enc.encode(image);
        assertThat(mean.shape()).containsExactly(1, 4, 8, 16);
        assertThat(mean.maxAbsDiff(halves.get(0).scale(0.18215f))).isLessThan(1e-6f);

        Tensor sample = enc.encode(image, VaeEncoder.Sampling.SAMPLE, StandIns.gaussian(7));
        Tensor noise = StandIns.gaussian(7).randn(1, 4, 8, 16);
        Tensor expected = Tensor.zeros(1, 4, 8, 16);
        for (int i = 0; i < expected.size(); i++) {
            double logvar = Math.max(-30, Math.min(20, halves.get(1).getFlat(i)));
            expected.setFlat(i, (float) ((halves.get(0).getFlat(i) + Math.exp(0.5 * logvar) * noise.getFlat(i)) * 0.18215));
        }
        assertThat(sample.maxAbsDiff(expected)).isLessThan(1e-5f);
        assertThat(sample.maxAbsDiff(mean)).isGreaterThan(1e-4f);
        assertThatThrownBy(() -> enc.encode(image, VaeEncoder.Sampling.SAMPLE, null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("random must not be null");
        assertThatThrownBy(() -> enc.encode(Tensor.zeros(1, 4, 64, 64))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("image must have shape [batch, 3, height, width], was [1, 4, 64, 64]");
    }

    @Test
    void legacyEncoderSamplesInsideTheGraphAroundTheSameMean() {
        Tensor image = StandIns.uniform(2, -1, 1, 1, 3, 64, 128);
        VaeEncoder enc = legacy.vaeEncoder();
        assertThat(enc.flavour()).isEqualTo(ExportFlavour.LEGACY_DIFFUSERS);
        Tensor mean = tiny.vaeEncoder().encode(image);
        Tensor sum = Tensor.zeros(1, 4, 8, 16);
        int draws = 16;
        for (int i = 0; i < draws; i++) {
            sum.addInPlace(enc.encode(image));
        }
        Tensor avg = sum.scale(1f / draws);
        Tensor params = rawParameters(image);
        float maxStd = (float) Math.exp(0.5 * params.split(1, 4, 4).get(1).max()) * 0.18215f;
        // the average of 16 draws lies within 5 standard errors of the mean
        assertThat(avg.maxAbsDiff(mean)).isLessThan(5 * maxStd / 4 + 1e-6f);
    }

    @Test
    void decodeDividesByTheScalingFactorAndTiledDecodingStaysClose() {
        VaeDecoder dec = tiny.vaeDecoder();
        Tensor latents = StandIns.uniform(3, -0.2f, 0.2f, 1, 4, 24, 40);
        Tensor whole = dec.decode(latents);
        assertThat(whole.shape()).containsExactly(1, 3, 192, 320);
        GraphSession raw = tiny.session(ModelPart.VAE_DECODER);
        Tensor direct = raw.run(Map.of("latent_sample", GraphSession.Feed.of(latents.scale(1 / 0.18215f))), List.of("sample"), null)
                .get("sample");
        assertThat(whole.maxAbsDiff(direct)).isLessThan(1e-5f);
        Tensor tiled = dec.decodeTiled(latents, 16, 8);
        assertThat(tiled.shape()).containsExactly(1, 3, 192, 320);
        float range = whole.max() - whole.min();
        double meanAbs = 0;
        for (int i = 0; i < whole.size(); i++) {
            meanAbs += Math.abs(whole.getFlat(i) - tiled.getFlat(i));
        }
        meanAbs /= whole.size();
        // the stand-in VAE has group norms and attention (global receptive field), so tiles differ slightly
        assertThat(meanAbs / range).isLessThan(0.05);
        assertThat(dec.decodeTiled(latents, 64, 16).maxAbsDiff(whole)).as("one tile = untiled").isZero();
        assertThatThrownBy(() -> dec.decodeTiled(latents, 16, 9)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("overlap must be between 0 and 8, was 9");
    }

    @Test
    void aMemoryBudgetChoosesWholeOrTiledWork() {
        long gib = 1L << 30;
        assertThat(VaeDecoder.tileFor(1, 64, 64, 3 * gib, 4096)).as("512 px fits 3 GiB").isZero();
        assertThat(VaeDecoder.tileFor(1, 96, 96, 3 * gib, 4096)).as("768 px fits 3 GiB").isZero();
        assertThat(VaeDecoder.tileFor(1, 128, 128, 3 * gib, 4096)).as("1024 px: largest multiple of 8 within 3 GiB").isEqualTo(104);
        assertThat(VaeDecoder.tileFor(2, 96, 96, 3 * gib, 4096)).as("batch 2 needs twice as much").isEqualTo(72);
        assertThat(VaeDecoder.tileFor(1, 64, 64, 768L << 20, 4096)).as("low-memory budget at 512 px").isEqualTo(48);
        assertThat(VaeDecoder.tileFor(1, 64, 64, 1, 4096)).as("never below 32").isEqualTo(32);
        assertThat(VaeDecoder.tileFor(1, 24, 32, 1, 4096)).as("latents within the smallest tile stay whole").isZero();
        assertThat(VaeDecoder.tileFor(1, 24, 40, 1, 4096)).as("else tiles of 32").isEqualTo(32);
    }

    @Test
    void budgetedDecodingTilesOnlyWhenTheBudgetIsExceededAndStaysClose() {
        VaeDecoder dec = tiny.vaeDecoder();
        Tensor latents = StandIns.uniform(5, -0.2f, 0.2f, 1, 4, 40, 72);
        Tensor whole = dec.decode(latents);
        assertThat(dec.decodeWithin(latents, Long.MAX_VALUE).maxAbsDiff(whole)).isZero();
        long budget = 40L * 40 * 64 * VaeDecoder.BYTES_PER_PIXEL;  // a 40x40 latent tile fits, the whole 40x72 does not
        Tensor tiled = dec.decodeWithin(latents, budget);
        assertThat(tiled.maxAbsDiff(dec.decodeTiled(latents, 40, 10))).as("the tile the budget allows").isZero();
        assertThat(tiled.maxAbsDiff(whole)).isGreaterThan(0f);
        assertThat(meanAbsDiff(tiled, whole) / (whole.max() - whole.min())).isLessThan(0.05);
        assertThatThrownBy(() -> dec.decodeWithin(latents, 0)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("budgetBytes");
    }

    @Test
    void budgetedEncodingTilesTheImageAndStaysClose() {
        VaeEncoder enc = tiny.vaeEncoder();
        Tensor image = StandIns.uniform(6, -1, 1, 1, 3, 320, 576);
        Tensor whole = enc.encode(image);
        assertThat(enc.encodeWithin(image, VaeEncoder.Sampling.MEAN, null, Long.MAX_VALUE).maxAbsDiff(whole)).isZero();
        long budget = 40L * 40 * 64 * VaeEncoder.BYTES_PER_PIXEL;
        Tensor tiled = enc.encodeWithin(image, VaeEncoder.Sampling.MEAN, null, budget);
        assertThat(tiled.shape()).containsExactly(1, 4, 40, 72);
        assertThat(tiled.maxAbsDiff(whole)).as("tiled").isGreaterThan(0f);
        assertThat(meanAbsDiff(tiled, whole) / (whole.max() - whole.min())).isLessThan(0.05);
        Tensor sampled = enc.encodeWithin(image, VaeEncoder.Sampling.SAMPLE, StandIns.gaussian(3), budget);
        assertThat(sampled.shape()).containsExactly(1, 4, 40, 72);
        assertThat(enc.encodeWithin(image, VaeEncoder.Sampling.SAMPLE, StandIns.gaussian(3), budget).maxAbsDiff(sampled))
                .as("one draw after the blend: the seed reproduces it").isZero();
        assertThat(sampled.maxAbsDiff(tiled)).as("a sample, not the mean").isGreaterThan(1e-4f);
    }

    private static double meanAbsDiff(Tensor a, Tensor b) {
        double sum = 0;
        for (int i = 0; i < a.size(); i++) {
            sum += Math.abs(a.getFlat(i) - b.getFlat(i));
        }
        return sum / a.size();
    }

    @Test
    void nonFiniteLatentsAreReportedNamingModelAndOutput() {
        Tensor latents = Tensor.zeros(1, 4, 8, 8);
        latents.setFlat(3, Float.POSITIVE_INFINITY);
        assertThatThrownBy(() -> tiny.vaeDecoder().decode(latents)).isInstanceOf(InferenceException.class)
                .hasMessageContaining("vae_decoder/model.onnx: output 'sample' has a non-finite value");
    }
}
