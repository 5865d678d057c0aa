package dev.brushedit.core.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brushedit.core.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares {@link TorchGenerator} with torch.randn outputs stored under
 * {@code src/test/resources/torch-randn} (see the README there): every element must have the same
 * float32 bit pattern.
 */
class TorchGeneratorParityTest {
    private static final String DIR = "/torch-randn/";

    record Case(String file, long seed, String torchSeed, List<int[]> draws, int count) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Case> cases() {
        JsonNode root = readJson();
        assertThat(root.path("cases").size()).as("reference cases").isGreaterThanOrEqualTo(80);
        List<Case> out = new ArrayList<>();
        for (JsonNode c : root.path("cases")) {
            List<int[]> draws = new ArrayList<>();
            for (JsonNode d : c.path("draws")) {
                int[] shape = new int[d.size()];
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = d.get(i).asInt();
                }
                draws.add(shape);
            }
            out.add(new Case(c.path("file").asText(), c.path("seed").asLong(), c.path("torchSeed").asText(),
                    draws, c.path("count").asInt()));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesTorchBitForBit(Case c) {
        FloatBuffer expected = readFloats(c.file());
        assertThat(expected.capacity()).as("elements in " + c.file()).isEqualTo(c.count());
        assertThat(Long.toUnsignedString(c.seed())).as("torch's view of the seed").isEqualTo(c.torchSeed());

        TorchGenerator generator = new TorchGenerator(c.seed());
        int at = 0;
        for (int[] shape : c.draws()) {
            Tensor drawn = generator.randn(shape);
            assertThat(drawn.shape()).isEqualTo(shape);
            for (int i = 0; i < drawn.size(); i++, at++) {
                int got = Float.floatToRawIntBits(drawn.getFlat(i));
                int want = Float.floatToRawIntBits(expected.get(at));
                if (got != want) {
                    fail("%s: element %d (index %d of a draw of shape %s) is %s (0x%08x), torch gave %s (0x%08x)",
                            c.file(), at, i, java.util.Arrays.toString(shape), drawn.getFlat(i), got,
                            expected.get(at), want);
                }
            }
        }
        assertThat(at).isEqualTo(c.count());
    }

    private static JsonNode readJson() {
        try (InputStream in = open("cases.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FloatBuffer readFloats(String file) {
        try (InputStream in = open(file)) {
            return ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = TorchGeneratorParityTest.class.getResourceAsStream(DIR + name);
        assertThat(in).as("test resource " + DIR + name).isNotNull();
        return in;
    }
}
