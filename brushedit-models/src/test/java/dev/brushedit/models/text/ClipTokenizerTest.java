package dev.brushedit.models.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.ModelException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClipTokenizerTest {
    private static final ClipTokenizer TOK = TokenizerFixture.TOKENIZER;

    @Test
    void specialIdsAndLengthsAreThoseOfClipVitL14() {
        assertThat(TOK.startId()).isEqualTo(ClipTokenizer.CLIP_START_ID).isEqualTo(49406);
        assertThat(TOK.endId()).isEqualTo(ClipTokenizer.CLIP_END_ID).isEqualTo(49407);
        assertThat(TOK.padId()).isEqualTo(49407);
        assertThat(TOK.maxLength()).isEqualTo(77);
        assertThat(TOK.vocabularySize()).isEqualTo(49408);
        assertThat(TOK.commaId()).isEqualTo(267);
    }

    @Test
    void emptyPromptForModelIsStartThenEndPadding() {
        int[] ids = TOK.encodeForModel("");
        assertThat(ids).hasSize(77);
        assertThat(ids[0]).isEqualTo(49406);
        for (int i = 1; i < 77; i++) {
            assertThat(ids[i]).isEqualTo(49407);
        }
        assertThat(TOK.encode("   \n ")).isEmpty();
    }

    @Test
    void overLongPromptIsTruncatedToSeventyFiveIdsThenEnd() {
        String text = "cat ".repeat(100);
        int[] all = TOK.encode(text);
        assertThat(all).hasSize(100);
        int[] model = TOK.encodeForModel(text);
        assertThat(model).hasSize(77);
        assertThat(model[75]).isEqualTo(all[74]);
        assertThat(model[76]).isEqualTo(49407);
    }

    @Test
    void exactlySeventyFiveIdsFillTheWindow() {
        int[] model = TOK.encodeForModel("cat ".repeat(75));
        assertThat(model[1]).isEqualTo(model[75]).isNotEqualTo(49407);
        assertThat(model[76]).isEqualTo(49407);
    }

    @Test
    void decodeGivesTheCleanedTextWithWordEndsAsSpaces() {
        assertThat(TOK.decode(TOK.encode("A Photo of a CAT, it’s ﬁne!"))).isEqualTo("a photo of a cat , it 's fine ! ");
        assertThat(TOK.decode(TOK.encode("日本語の猫 🐱"))).isEqualTo("日本語の猫 🐱 ");
        assertThat(TOK.decode(new int[] {49406, 320, 49407})).isEqualTo("<|startoftext|>a <|endoftext|>");
    }

    @Test
    void decodeRejectsIdsOutsideTheVocabulary() {
        assertThatThrownBy(() -> TOK.decode(new int[] {320, 49408}))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("ids[1] must be between 0 and 49407, was 49408");
        assertThatThrownBy(() -> TOK.decode(new int[] {-1})).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> TOK.decode(null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void nullTextIsRejected() {
        assertThatThrownBy(() -> TOK.encode(null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("text");
        assertThatThrownBy(() -> TOK.encodeForModel(null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> TOK.tokenizeWeighted(null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> TOK.tokenize(null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void cachedAndUncachedEncodingAgree() {
        String text = "a majestic lion, golden hour, national geographic photo";
        int[] cold = TOK.encodeUncached(text);
        assertThat(TOK.encode(text)).containsExactly(cold);
        assertThat(TOK.encode(text)).containsExactly(cold);
        assertThat(TOK.cacheSize()).isPositive();
    }

    @Test
    void returnedArraysAreNotSharedWithTheCache() {
        int[] first = TOK.encode("lighthouse");
        int expected = first[0];
        first[0] = -7;
        assertThat(TOK.encode("lighthouse")[0]).isEqualTo(expected);
    }

    @Test
    void concurrentUseGivesTheSameIds() throws Exception {
        List<String> prompts = List.of("a photo of a cat", "ＦＵＬＬ width", "Tom &amp; Jerry", "x".repeat(200),
                "family 👨‍👩‍👧‍👦", "it’s a dog’s life");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int round = 0; round < 50; round++) {
                        for (String p : prompts) {
                            if (!java.util.Arrays.equals(TOK.encode(p), TOK.encodeUncached(p))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void missingDirectoryOrFileIsNamed(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> ClipTokenizer.fromDirectory(dir.resolve("nope")))
                .isInstanceOf(ModelException.class).hasMessageContaining("nope");
        Files.copy(TokenizerFixture.DIR.resolve("vocab.json"), dir.resolve("vocab.json"));
        assertThatThrownBy(() -> ClipTokenizer.fromDirectory(dir))
                .isInstanceOf(ModelException.class).hasMessageContaining("merges.txt not found");
        assertThatThrownBy(() -> ClipTokenizer.load(dir.resolve("vocab.json"), dir.resolve("merges.txt")))
                .isInstanceOf(ModelException.class).hasMessageContaining("merges.txt");
        assertThatThrownBy(() -> ClipTokenizer.load(null, dir)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ClipTokenizer.fromDirectory(null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void corruptVocabularyIsReported(@TempDir Path dir) throws IOException {
        Path merges = Files.copy(TokenizerFixture.DIR.resolve("merges.txt"), dir.resolve("merges.txt"));
        Path vocab = dir.resolve("vocab.json");
        Files.writeString(vocab, "{\"a\": 0, \"b\": ");
        assertThatThrownBy(() -> ClipTokenizer.load(vocab, merges))
                .isInstanceOf(ModelException.class).hasMessageContaining("vocab.json").hasMessageContaining("parse");
        Files.writeString(vocab, "[1, 2, 3]");
        assertThatThrownBy(() -> ClipTokenizer.load(vocab, merges)).isInstanceOf(ModelException.class);
        Files.writeString(vocab, "{\"a\": 0, \"b\": 0}");
        assertThatThrownBy(() -> ClipTokenizer.load(vocab, merges))
                .isInstanceOf(ModelException.class).hasMessageContaining("without repeats");
        Files.writeString(vocab, "{}");
        assertThatThrownBy(() -> ClipTokenizer.load(vocab, merges))
                .isInstanceOf(ModelException.class).hasMessageContaining("empty");
    }

    @Test
    void corruptOrMismatchedMergesAreReported(@TempDir Path dir) throws IOException {
        Path vocab = Files.copy(TokenizerFixture.DIR.resolve("vocab.json"), dir.resolve("vocab.json"));
        Path merges = dir.resolve("merges.txt");
        Files.writeString(merges, "#version: 0.2\ni n\nt h e x\n");
        assertThatThrownBy(() -> ClipTokenizer.load(vocab, merges))
                .isInstanceOf(ModelException.class).hasMessageContaining("line 3").hasMessageContaining("t h e x");
        Files.writeString(merges, "#version: 0.2\ni n\nzzzq qqqz\n");
        assertThatThrownBy(() -> ClipTokenizer.load(vocab, merges))
                .isInstanceOf(ModelException.class).hasMessageContaining("zzzq").hasMessageContaining("do not belong");
        Files.writeString(merges, "#version: 0.2\n");
        assertThatThrownBy(() -> ClipTokenizer.load(vocab, merges))
                .isInstanceOf(ModelException.class).hasMessageContaining("found none");
        Files.write(merges, new byte[] {'a', ' ', (byte) 0xC3, (byte) 0x28});
        assertThatThrownBy(() -> ClipTokenizer.load(vocab, merges))
                .isInstanceOf(ModelException.class).hasMessageContaining("UTF-8");
    }

    @Test
    void vocabularyWithoutSpecialTokensIsRejected(@TempDir Path dir) throws IOException {
        StringBuilder json = new StringBuilder("{\"ab\":0");
        int id = 1;
        for (int b = 0; b < 256; b++) {
            String esc = String.format("\\u%04x", (int) ByteLevel.charOf(b));
            json.append(",\"").append(esc).append("\":").append(id++);
            json.append(",\"").append(esc).append("</w>\":").append(id++);
        }
        json.append('}');
        Path vocab = Files.writeString(dir.resolve("vocab.json"), json, StandardCharsets.UTF_8);
        Path merges = Files.writeString(dir.resolve("merges.txt"), "#version: 0.2\na b\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ClipTokenizer.load(vocab, merges))
                .isInstanceOf(ModelException.class).hasMessageContaining("<|startoftext|> is missing");
        Files.writeString(merges, "#version: 0.2\na b</w>\n");
        assertThatThrownBy(() -> ClipTokenizer.load(vocab, merges))
                .isInstanceOf(ModelException.class).hasMessageContaining("\"ab</w>\"");
    }
}
