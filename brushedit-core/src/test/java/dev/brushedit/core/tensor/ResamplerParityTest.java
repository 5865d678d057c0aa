package dev.brushedit.core.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brushedit.core.TestResources;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link Tensor#resize} against torch.nn.functional.interpolate (see parity/README.md). */
class ResamplerParityTest {
    private static final JsonNode REF = TestResources.json("parity/resize.json");
    /**
     * Largest accepted difference per mode. Inputs are standard normals (|x| < 3). Bilinear and
     * bicubic accumulate in another float32 order than PyTorch's (measured: 2.4e-7 and 1.3e-6);
     * area differs only for the 1x1 mean (1.9e-8); nearest must be exact.
     */
    private static final Map<Interpolation, Float> TOLERANCE = Map.of(
            Interpolation.NEAREST, 0f,
            Interpolation.AREA, 5e-8f,
            Interpolation.BILINEAR, 5e-7f,
            Interpolation.BICUBIC, 2e-6f);

    static Stream<JsonNode> cases() {
        return StreamSupport.stream(REF.get("cases").spliterator(), false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesTorchInterpolate(JsonNode c) {
        int[] shape = TestResources.ints(REF.get("shape"));
        Tensor src = Tensor.of(TestResources.floatsFromBits(REF.get("in_bits")), shape);
        Interpolation mode = Interpolation.valueOf(c.get("mode").asText().toUpperCase(Locale.ROOT));
        int h = c.get("height").asInt();
        int w = c.get("width").asInt();
        Tensor expected = Tensor.of(TestResources.floatsFromBits(c.get("out_bits")), shape[0], shape[1], h, w);

        Tensor got = src.resize(h, w, mode);

        assertThat(got.shape()).containsExactly(shape[0], shape[1], h, w);
        assertThat(got.maxAbsDiff(expected)).as("%s to %dx%d", mode, h, w).isLessThanOrEqualTo(TOLERANCE.get(mode));
        assertThat(src.toArray()).containsExactly(TestResources.floatsFromBits(REF.get("in_bits")));
    }
}
