package dev.brushedit.models.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.tensor.Tensor;
import dev.brushedit.models.ModelFolder;
import dev.brushedit.models.StandIns;
import java.io.InputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PromptEncoderTest {
    private static ModelFolder folder;
    private static PromptEncoder prompts;

    @BeforeAll
    static void open() {
        folder = ModelFolder.open(StandIns.folder(StandIns.TINY));
        prompts = PromptEncoder.of(folder);
    }

    @AfterAll
    static void close() {
        folder.close();
    }

    private static JsonNode reference() throws Exception {
        try (InputStream in = PromptEncoderTest.class.getResourceAsStream("/prompt-embeddings/a1111-weighting.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void plainSyntaxEncodesOneLiteralWindowLikeDiffusers() {
        String longPrompt = "a (red:1.5) apple on a table, ".repeat(12);
        PromptEncoder.Embeddings a1111 = prompts.encode(longPrompt, "", PromptSyntax.A1111);
        PromptEncoder.Embeddings plain = prompts.encode(longPrompt, "", PromptSyntax.PLAIN);
        assertThat(a1111.positive().dim(1)).isGreaterThan(77);
        assertThat(plain.positive().dim(1)).isEqualTo(77);
        assertThat(plain.negative().dim(1)).isEqualTo(77);
        Tensor direct = folder.textEncoder().encode(new int[][] {prompts.tokenizer().encodeForModel(longPrompt)});
        assertThat(plain.positive().toArray()).containsExactly(direct.toArray());
    }

    @Test
    void weightingMatchesAutomatic1111() throws Exception {
        float worst = 0;
        int n = 0;
        for (JsonNode c : reference().get("weighting")) {
            TokenizedPrompt t = prompts.tokenizer().tokenizeWeighted(c.get("prompt").asText());
            int windows = c.get("windows").asInt();
            assertThat(t.windowCount()).isEqualTo(windows);
            assertThat(t.isWeighted()).isTrue();
            Tensor z = Tensor.zeros(windows, 77, 16);
            for (int w = 0; w < windows; w++) {
                for (int i = 0; i < 77 * 16; i++) {
                    z.setFlat(w * 77 * 16 + i, (float) (0.5 * Math.sin(0.37 * i + w) + 0.2));
                }
                PromptEncoder.reweight(z, w, t.weights(w), 77, 16);
            }
            JsonNode values = c.get("values");
            assertThat(values.size()).isEqualTo(z.size());
            for (int i = 0; i < z.size(); i++) {
                worst = Math.max(worst, Math.abs(z.getFlat(i) - (float) values.get(i).asDouble()));
            }
            n++;
        }
        assertThat(n).isEqualTo(6);
        assertThat(worst).isLessThan(2e-6f);
    }

    @Test
    void windowsMatchTheReferenceEncoderRuns() throws Exception {
        float worst = 0;
        for (JsonNode c : reference().get("embeddings")) {
            Tensor got = prompts.encode(c.get("prompt").asText());
            JsonNode shape = c.get("shape");
            assertThat(got.shape()).containsExactly(shape.get(0).asInt(), shape.get(1).asInt(), shape.get(2).asInt());
            for (int i = 0; i < got.size(); i++) {
                worst = Math.max(worst, Math.abs(got.getFlat(i) - (float) c.get("values").get(i).asDouble()));
            }
        }
        assertThat(worst).isLessThan(1e-5f);
    }

    @Test
    void allZeroWeightsLeaveTheWindowZeroInsteadOfNaN() {
        Tensor z = Tensor.full(0.5f, 1, 77, 16);
        float[] w = new float[77];
        PromptEncoder.reweight(z, 0, w, 77, 16);
        assertThat(z.firstNonFinite()).isEqualTo(-1);
        assertThat(z.max()).isZero();
    }

    @Test
    void longPromptsAreWindowedAndTheNegativePromptIsPaddedToTheSameShape() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            sb.append("cat ");
        }
        PromptEncoder.Embeddings e = prompts.encode(sb.toString(), "blurry");
        assertThat(e.windowCount()).isEqualTo(2);
        assertThat(e.positive().shape()).containsExactly(1, 154, StandIns.HIDDEN);
        assertThat(e.negative().shape()).containsExactly(1, 154, StandIns.HIDDEN);
        Tensor empty = prompts.encode("");
        Tensor blurry = prompts.encode("blurry");
        assertThat(e.negative().slice(1, 0, 77).maxAbsDiff(blurry)).isZero();
        assertThat(e.negative().slice(1, 77, 154).maxAbsDiff(empty)).isZero();
        ClipTokenizer tok = prompts.tokenizer();
        TokenizedPrompt t = tok.tokenizeWeighted(sb.toString());
        Tensor second = folder.textEncoder().encode(t.ids(1));
        assertThat(e.positive().slice(1, 77, 154).maxAbsDiff(second.reshape(1, 77, StandIns.HIDDEN))).isZero();
        PromptEncoder.Embeddings noNegative = prompts.encode("cat", null);
        assertThat(noNegative.negative().maxAbsDiff(empty)).isZero();
    }

    @Test
    void cachesByModelAndPromptAndHandsOutCopies() {
        PromptEncoder p = PromptEncoder.of(prompts.tokenizer(), folder.textEncoder(), 2);
        Tensor a = p.encode("a (red:1.4) house");
        assertThat(p.cacheMisses()).isEqualTo(1);
        a.fillInPlace(0f);
        Tensor again = p.encode("a (red:1.4) house");
        assertThat(p.cacheHits()).isEqualTo(1);
        assertThat(again.max()).isGreaterThan(0f);
        p.encode("one");
        p.encode("two");
        assertThat(p.cachedCount()).isEqualTo(2);
        p.encode("a (red:1.4) house");
        assertThat(p.cacheMisses()).as("evicted as least recently used").isEqualTo(4);
        p.clearCache();
        assertThat(p.cachedCount()).isZero();
        PromptEncoder none = PromptEncoder.of(prompts.tokenizer(), folder.textEncoder(), 0);
        none.encode("x");
        none.encode("x");
        assertThat(none.cachedCount()).isZero();
        assertThat(none.cacheMisses()).isEqualTo(2);
    }

    @Test
    void concurrentCallersShareTheCacheAndGetEqualEmbeddings() throws Exception {
        PromptEncoder p = PromptEncoder.of(prompts.tokenizer(), folder.textEncoder(), 8);
        String[] texts = {"a (red:1.3) car", "blue sky", "a dog, [blurry]", "house"};
        Tensor[] expected = new Tensor[texts.length];
        for (int i = 0; i < texts.length; i++) {
            expected[i] = prompts.encode(texts[i]);
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Tensor>> futures = new java.util.ArrayList<>();
            for (int j = 0; j < 32; j++) {
                String text = texts[j % texts.length];
                futures.add(pool.submit(() -> p.encode(text)));
            }
            for (int j = 0; j < 32; j++) {
                assertThat(futures.get(j).get().maxAbsDiff(expected[j % texts.length])).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(p.cachedCount()).isEqualTo(4);
        assertThat(p.cacheHits() + p.cacheMisses()).isEqualTo(32);
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> prompts.encode((String) null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> PromptEncoder.of(prompts.tokenizer(), folder.textEncoder(), -1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("cacheSize must be between 0 and 100000, was -1");
        assertThatThrownBy(() -> PromptEncoder.of(null, folder.textEncoder(), 1)).isInstanceOf(InvalidInputException.class);
    }
}
