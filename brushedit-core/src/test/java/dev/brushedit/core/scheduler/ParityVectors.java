package dev.brushedit.core.scheduler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brushedit.core.random.RandomSource;
import dev.brushedit.core.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Reads the diffusers reference vectors under src/test/resources/scheduler-parity (see the README there). */
final class ParityVectors {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private ParityVectors() {}

    static JsonNode load(String name) {
        try (InputStream in = ParityVectors.class.getResourceAsStream("/scheduler-parity/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("missing parity vectors " + name);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sd15Json() {
        try (InputStream in = ParityVectors.class.getResourceAsStream("/scheduler-parity/sd15_scheduler_config.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SD1.5's shipped config with the variant's overrides and prediction type, read through fromJson. */
    static SchedulerConfig config(JsonNode doc, String prediction) {
        try {
            ObjectNode json = (ObjectNode) MAPPER.readTree(sd15Json());
            for (Iterator<Map.Entry<String, JsonNode>> it = doc.get("overrides").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                json.set(e.getKey(), e.getValue());
            }
            json.put("prediction_type", prediction);
            SchedulerConfig c = SchedulerConfig.fromJson(MAPPER.writeValueAsString(json));
            JsonNode eta = doc.get("stepKwargs").get("eta");
            return eta == null ? c : c.toBuilder().eta(eta.asDouble()).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static float[] floats(JsonNode node) {
        ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(node.asText())).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[b.remaining() / 4];
        b.asFloatBuffer().get(out);
        return out;
    }

    static float[] list(JsonNode node) {
        float[] out = new float[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) node.get(i).asDouble();
        }
        return out;
    }

    static int[] shape(JsonNode doc) {
        JsonNode s = doc.get("shape");
        int[] out = new int[s.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = s.get(i).asInt();
        }
        return out;
    }

    /** The stand-in model of the README: 0.3 * tanh(x) + float32(0.1 * cos(t / 100)). */
    static Tensor model(Tensor x, float t) {
        float c = (float) (0.1 * Math.cos(t / 100.0));
        float[] v = x.toArray();
        for (int i = 0; i < v.length; i++) {
            v[i] = 0.3f * (float) Math.tanh(v[i]) + c;
        }
        return Tensor.of(v, x.shape());
    }

    /** A random source that replays recorded noise tensors in order. */
    static final class Replay implements RandomSource {
        private final List<float[]> draws = new ArrayList<>();
        private int next;

        Replay(float[] all, int count, int size) {
            for (int i = 0; i < count; i++) {
                float[] d = new float[size];
                System.arraycopy(all, i * size, d, 0, size);
                draws.add(d);
            }
        }

        @Override
        public Tensor randn(int... shape) {
            return Tensor.of(draws.get(next++), shape);
        }

        int remaining() {
            return draws.size() - next;
        }
    }
}
