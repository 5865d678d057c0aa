package dev.brushedit.models.internal;

import dev.brushedit.models.SessionFactory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.InferenceException;
import dev.brushedit.core.ModelException;
import dev.brushedit.core.tensor.Tensor;
import dev.brushedit.models.ExecutionOptions;
import dev.brushedit.models.StandIns;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphSessionTest {
    private static GraphSession open(String folder, String part) {
        SessionFactory f = new SessionFactory(ExecutionOptions.defaults());
        return new GraphSession(f.open(StandIns.folder(folder).resolve(part), part, null), part);
    }

    private static Map<String, GraphSession.Feed> decoderFeed(int h, int w) {
        return Map.of("latent_sample", GraphSession.Feed.of(StandIns.uniform(h * 31L + w, -1, 1, 1, 4, h, w)));
    }

    @Test
    void reusesOneNativeBufferPerInputAndOutputAcrossCallsAndRebuildsThemOnANewShape() {
        try (GraphSession g = open(StandIns.TINY, "vae_decoder/model.onnx")) {
            Tensor a = g.run(decoderFeed(4, 6), List.of("sample"), null).get("sample");
            assertThat(g.slotCount()).as("first call: input slot only, outputs learned").isEqualTo(1);
            Tensor b = g.run(decoderFeed(4, 6), List.of("sample"), null).get("sample");
            assertThat(g.slotCount()).as("pinned output slot").isEqualTo(2);
            for (int i = 0; i < 3; i++) {
                g.run(decoderFeed(4, 6), List.of("sample"), null);
            }
            assertThat(g.slotCount()).isEqualTo(2);
            assertThat(b.maxAbsDiff(a)).isZero();
            assertThat(a.shape()).containsExactly(1, 3, 32, 48);
            Tensor c = g.run(decoderFeed(2, 2), List.of("sample"), null).get("sample");
            assertThat(c.shape()).containsExactly(1, 3, 16, 16);
            assertThat(g.run(decoderFeed(2, 2), List.of("sample"), null).get("sample").maxAbsDiff(c)).isZero();
            assertThat(g.slotCount()).isEqualTo(2);
        }
    }

    @Test
    void countsRuntimeTimePerThreadOnlyForTheCallingThread() throws Exception {
        try (GraphSession g = open(StandIns.TINY, "vae_decoder/model.onnx")) {
            long before = GraphSession.threadRuntimeNanos();
            long start = System.nanoTime();
            g.run(decoderFeed(4, 6), List.of("sample"), null);
            g.run(decoderFeed(4, 6), List.of("sample"), null);
            long wall = System.nanoTime() - start;
            long runtime = GraphSession.threadRuntimeNanos() - before;
            assertThat(runtime).isPositive().isLessThanOrEqualTo(wall);
            long[] other = new long[2];
            Thread t = new Thread(() -> {
                other[0] = GraphSession.threadRuntimeNanos();
                other[1] = GraphSession.threadRuntimeNanos();
            });
            t.start();
            t.join();
            assertThat(other).containsExactly(0L, 0L);
            assertThat(GraphSession.threadRuntimeNanos() - before).isEqualTo(runtime);
        }
    }

    @Test
    void runIntoWritesIntoTheCallersTensorsBothOnTheLearningAndThePinnedCall() {
        try (GraphSession g = open(StandIns.TINY, "vae_decoder/model.onnx")) {
            Tensor expected = g.run(decoderFeed(3, 5), List.of("sample"), null).get("sample");
            try (GraphSession fresh = open(StandIns.TINY, "vae_decoder/model.onnx")) {
                Tensor dst = Tensor.full(7f, 1, 3, 24, 40);
                fresh.runInto(decoderFeed(3, 5), Map.of("sample", dst), null);
                assertThat(dst.maxAbsDiff(expected)).isZero();
                dst.fillInPlace(7f);
                fresh.runInto(decoderFeed(3, 5), Map.of("sample", dst), null);
                assertThat(dst.maxAbsDiff(expected)).isZero();
                assertThatThrownBy(() -> fresh.runInto(decoderFeed(3, 5), Map.of("sample", Tensor.zeros(1, 3, 24, 41)), null))
                        .isInstanceOf(dev.brushedit.core.InvalidInputException.class)
                        .hasMessageContaining("destination for output 'sample' must have shape [1, 3, 24, 40], was [1, 3, 24, 41]");
            }
        }
    }

    @Test
    void askingForAnotherOutputWithTheSameInputsLearnsItsShapeToo() {
        try (GraphSession g = open(StandIns.TINY, "text_encoder/model.onnx")) {
            int[] ids = new int[77];
            java.util.Arrays.fill(ids, 49407);
            ids[0] = 49406;
            float[] f = new float[77];
            for (int i = 0; i < 77; i++) {
                f[i] = ids[i];
            }
            Map<String, GraphSession.Feed> feed = Map.of("input_ids", GraphSession.Feed.of(Tensor.of(f, 1, 77)));
            Tensor hidden = g.run(feed, List.of("last_hidden_state"), null).get("last_hidden_state");
            Tensor pooled = g.run(feed, List.of("pooler_output"), null).get("pooler_output");
            Map<String, Tensor> both = g.run(feed, List.of("last_hidden_state", "pooler_output"), null);
            assertThat(both.get("last_hidden_state").maxAbsDiff(hidden)).isZero();
            assertThat(both.get("pooler_output").maxAbsDiff(pooled)).isZero();
            assertThat(pooled.shape()).containsExactly(1, StandIns.HIDDEN);
        }
    }

    @Test
    void unknownNamesAndClosedSessionsFailClearly() {
        GraphSession g = open(StandIns.TINY, "vae_decoder/model.onnx");
        assertThatThrownBy(() -> g.run(Map.of("latents", GraphSession.Feed.of(Tensor.zeros(1, 4, 2, 2))), List.of("sample"), null))
                .isInstanceOf(ModelException.class)
                .hasMessage("vae_decoder/model.onnx: missing input 'latents'; found inputs [latent_sample]");
        assertThatThrownBy(() -> g.run(decoderFeed(2, 2), List.of("image"), null)).isInstanceOf(ModelException.class)
                .hasMessageContaining("missing output 'image'; found outputs [sample]");
        assertThatThrownBy(() -> g.run(Map.of("latent_sample", new GraphSession.Feed(Tensor.zeros(1, 4, 2, 2), new long[] {1, 4, 2, 3})),
                List.of("sample"), null)).isInstanceOf(dev.brushedit.core.InvalidInputException.class)
                .hasMessageContaining("input 'latent_sample' declared shape [1, 4, 2, 3] needs 24 values, the tensor has 16");
        g.close();
        g.close();
        assertThatThrownBy(() -> g.run(decoderFeed(2, 2), List.of("sample"), null)).isInstanceOf(InferenceException.class)
                .hasMessageContaining("the session is closed");
    }

    @Test
    void contractMessagesListExpectedAndFound() {
        try (GraphSession g = open(StandIns.TINY, "text_encoder/model.onnx")) {
            assertThatThrownBy(() -> ContractCheck.input(g, "input_ids").rank(2).floats().check()).isInstanceOf(ModelException.class)
                    .hasMessage("text_encoder/model.onnx: input 'input_ids' expected rank 2 float32/float16, found rank 2 int64 [-1, -1]");
            assertThatThrownBy(() -> ContractCheck.output(g, "last_hidden_state").rank(4).check()).isInstanceOf(ModelException.class)
                    .hasMessageStartingWith("text_encoder/model.onnx: output 'last_hidden_state' expected rank 4, found rank 3 float32 [-1, -1, 8]");
            assertThatThrownBy(() -> ContractCheck.output(g, "last_hidden_state").dim(2, 768).check()).isInstanceOf(ModelException.class)
                    .hasMessageContaining("expected with 768 features, found rank 3 float32 [-1, -1, 8]");
            assertThat(ContractCheck.output(g, "last_hidden_state").rank(3).floats().dim(1, 77).check().getShape()).hasSize(3);
        }
    }
}
