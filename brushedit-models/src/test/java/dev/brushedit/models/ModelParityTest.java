package dev.brushedit.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brushedit.core.tensor.Tensor;
import dev.brushedit.models.internal.GraphSession;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The typed models against onnxruntime-in-Python outputs of the same graphs (model-parity/README.md). */
class ModelParityTest {
    private static JsonNode reference(String folder) throws Exception {
        try (InputStream in = ModelParityTest.class.getResourceAsStream("/model-parity/outputs.json")) {
            return new ObjectMapper().readTree(in).get("folders").get(folder);
        }
    }

    private static Tensor formula(DoubleUnaryOperator f, int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.size(); i++) {
            t.setFlat(i, (float) f.applyAsDouble(i));
        }
        return t;
    }

    /** Largest |got - want| / max(1, |want|) over the stored elements. */
    private static float error(Tensor got, JsonNode ref) {
        JsonNode shape = ref.get("shape");
        assertThat(got.rank()).isEqualTo(shape.size());
        for (int d = 0; d < shape.size(); d++) {
            assertThat(got.dim(d)).isEqualTo(shape.get(d).asInt());
        }
        int stride = ref.get("stride").asInt();
        JsonNode values = ref.get("values");
        assertThat(values.size()).isEqualTo((got.size() + stride - 1) / stride);
        float worst = 0;
        for (int k = 0; k < values.size(); k++) {
            float want = (float) values.get(k).asDouble();
            worst = Math.max(worst, Math.abs(got.getFlat(k * stride) - want) / Math.max(1f, Math.abs(want)));
        }
        return worst;
    }

    @ParameterizedTest
    @ValueSource(strings = {StandIns.TINY, StandIns.LEGACY, StandIns.INPAINT, StandIns.BRUSHNET, StandIns.FP16})
    void typedModelsReproducePythonOnnxRuntime(String name) throws Exception {
        JsonNode ref = reference(name);
        float tol = name.equals(StandIns.FP16) ? 1e-2f : 2e-5f;
        try (ModelFolder f = ModelFolder.open(StandIns.folder(name))) {
            Unet unet = f.unet();
            int c = unet.inChannels();
            Tensor sample = formula(i -> Math.sin(0.1 * i), 2, c, 8, 16);
            Tensor ctx = formula(i -> 0.5 * Math.cos(0.07 * i), 2, 77, StandIns.HIDDEN);
            Map<String, Tensor> zeros = new HashMap<>();
            for (Map.Entry<String, Tensor> e : (unet.hasBrushNetInputs() ? StandIns.brushNetFeatures(f) : Map.<String, Tensor>of())
                    .entrySet()) {
                zeros.put(e.getKey(), Tensor.zeros(e.getValue().shape()));
            }
            assertThat(error(unet.predict(sample, 601.5f, ctx, zeros, null), ref.get("unet"))).as("unet").isLessThan(tol);

            int[] ids = TextEncoderTest.ids(320, 1125, 539, 320, 2368);
            assertThat(error(f.textEncoder().encode(ids), ref.get("text_encoder"))).as("text encoder").isLessThan(tol);

            Tensor lat = formula(i -> 0.8 * Math.sin(0.05 * i), 1, 4, 8, 16);
            Tensor img = f.vaeDecoder().decode(lat.scale(f.vaeScalingFactor()));
            assertThat(error(img, ref.get("vae_decoder"))).as("vae decoder").isLessThan(tol * 4);

            if (ref.has("vae_encoder")) {
                Tensor image = formula(i -> Math.sin(0.013 * i), 1, 3, 64, 128);
                GraphSession g = f.session(ModelPart.VAE_ENCODER);
                Tensor params = g.run(Map.of("sample", GraphSession.Feed.of(image)), List.of("latent_parameters"), null)
                        .get("latent_parameters");
                assertThat(error(params, ref.get("vae_encoder"))).as("vae encoder").isLessThan(tol);
                Tensor mean = f.vaeEncoder().encode(image);
                assertThat(mean.maxAbsDiff(params.split(1, 4, 4).get(0).scale(f.vaeScalingFactor()))).isLessThan(1e-6f);
            }
        }
    }
}
