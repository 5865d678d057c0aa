package dev.brushedit.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.ModelException;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.Point;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.models.ExecutionOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamModelTest {
    private static SamModel sam;
    private static SamEmbedding embedding;
    private static JsonNode ref;

    @BeforeAll
    static void open() {
        sam = SegmentFixtures.sam();
        ref = SegmentFixtures.reference().get("sam");
        embedding = sam.embed(SegmentFixtures.pattern(ref.get("width").asInt(), ref.get("height").asInt()));
    }

    @AfterAll
    static void close() {
        sam.close();
    }

    private static SamPrompt prompt(String name) {
        switch (name) {
            case "box":
                return SamPrompt.ofBox(new Box(100, 150, 600, 500));
            case "point":
                return SamPrompt.ofPoint(400.5, 300.25);
            default:
                return SamPrompt.ofPoints(List.of(new Point(400, 300), new Point(700, 200)), List.of(new Point(50, 60)));
        }
    }

    @Test
    void decoderOutputsMatchSegmentAnythingOverOnnxRuntime() {
        assertThat(sam.inputSize()).isEqualTo(1024);
        assertThat(ref.get("prompts").size()).isEqualTo(3);
        for (JsonNode p : ref.get("prompts")) {
            String name = p.get("name").asText();
            List<SamPrediction> all = sam.predictAll(embedding, prompt(name));
            assertThat(all).hasSize(4);
            long pixels = (long) embedding.width() * embedding.height();
            for (int k = 0; k < 4; k++) {
                assertThat((double) all.get(k).predictedIou()).as("%s iou %d", name, k)
                        .isCloseTo(p.get("iou").get(k).asDouble(), within(1e-5));
                long expectedArea = p.get("areas").get(k).asLong();
                assertThat((double) Math.abs(all.get(k).mask().area() - expectedArea) / pixels).as("%s area %d", name, k)
                        .isLessThan(1e-5);
            }
            int best = p.get("best").asInt();
            SamPrediction chosen = sam.predict(embedding, prompt(name));
            assertThat(chosen.predictedIou()).isEqualTo(all.get(best).predictedIou());
            assertThat(chosen.mask().sameValues(all.get(best).mask())).isTrue();
            JsonNode rows = p.get("rowSums");
            int rowsOff = 0;
            for (int y = 0; y < embedding.height(); y++) {
                int sum = 0;
                for (int x = 0; x < embedding.width(); x++) {
                    sum += (int) chosen.mask().get(x, y);
                }
                if (Math.abs(sum - rows.get(y).asInt()) > 2) {
                    rowsOff++;
                }
            }
            assertThat(rowsOff).as("%s rows differing by more than 2 pixels", name).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void resizedImagesMatchSegmentAnythingsPillowPreprocessing() {
        JsonNode r = ref.get("resizedBox");
        int w = r.get("width").asInt();
        int h = r.get("height").asInt();
        JsonNode b = r.get("box");
        List<SamPrediction> all = sam.predictAll(sam.embed(SegmentFixtures.pattern(w, h)),
                SamPrompt.ofBox(new Box(b.get(0).asInt(), b.get(1).asInt(), b.get(2).asInt(), b.get(3).asInt())));
        for (int k = 0; k < 4; k++) {
            assertThat((double) all.get(k).predictedIou()).as("iou %d", k).isCloseTo(r.get("iou").get(k).asDouble(), within(1e-5));
            assertThat(Math.abs(all.get(k).mask().area() - r.get("areas").get(k).asLong())).as("area %d", k).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void predictionsAreDeterministicAndAtImageSize() {
        SamPrediction a = sam.predict(embedding, prompt("box"));
        SamPrediction b = sam.predict(sam.embed(SegmentFixtures.pattern(1024, 768)), prompt("box"));
        assertThat(a.mask().width()).isEqualTo(1024);
        assertThat(a.mask().height()).isEqualTo(768);
        assertThat(a.mask().isBinary()).isTrue();
        assertThat(a.mask().sameValues(b.mask())).isTrue();
        assertThat(a.predictedIou()).isEqualTo(b.predictedIou());
    }

    @Test
    void smallImagesAreScaledUpAndMasksComeBackAtTheirSize() {
        RgbImage small = SegmentFixtures.pattern(30, 20);
        SamEmbedding e = sam.embed(small);
        SamPrediction p = sam.predict(e, SamPrompt.ofBox(new Box(-5, 2, 25, 40)));
        assertThat(e.width()).isEqualTo(30);
        assertThat(p.mask().width()).isEqualTo(30);
        assertThat(p.mask().height()).isEqualTo(20);
    }

    @Test
    void selectionFollowsSamOnnxModelSelectMasks() {
        float[] iou = {0.9f, 0.1f, 0.7f, 0.3f};
        assertThat(SamModel.bestIndex(iou, 2)).isEqualTo(2);
        assertThat(SamModel.bestIndex(iou, 3)).isEqualTo(0);
        assertThat(SamModel.bestIndex(new float[] {0.2f}, 2)).isEqualTo(0);
        assertThat(SamModel.bestIndex(new float[] {0.2f, 0.5f, 0.1f}, 2)).isEqualTo(1);
    }

    @Test
    void promptsCountDecoderPointsLikeSegmentAnything() {
        assertThat(prompt("box").decoderPointCount()).isEqualTo(2);
        assertThat(prompt("box").isBoxOnly()).isTrue();
        assertThat(prompt("points").withBox(new Box(0, 0, 4, 4)).isBoxOnly()).isFalse();
        assertThat(prompt("point").decoderPointCount()).isEqualTo(2);
        assertThat(prompt("points").decoderPointCount()).isEqualTo(4);
        assertThat(prompt("points").withBox(new Box(0, 0, 4, 4)).decoderPointCount()).isEqualTo(5);
        float[][] pts = prompt("points").withBox(new Box(1, 2, 3, 4)).decoderPoints();
        assertThat(pts[1]).containsExactly(1f, 1f, 0f, 2f, 3f);
        assertThat(pts[0]).containsExactly(400f, 300f, 700f, 200f, 50f, 60f, 1f, 2f, 3f, 4f);
        assertThat(prompt("point").decoderPoints()[1]).containsExactly(1f, -1f);
    }

    @Test
    void rejectsBadPromptsAndForeignEmbeddings() throws Exception {
        assertThatThrownBy(() -> SamPrompt.ofPoints(List.of(), List.of())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at least one point");
        assertThatThrownBy(() -> SamPrompt.ofPoint(Double.NaN, 1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> SamPrompt.ofBox(null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> sam.predict(null, prompt("box"))).isInstanceOf(InvalidInputException.class);
        try (SamModel other = SegmentFixtures.sam()) {
            assertThatThrownBy(() -> other.predict(embedding, prompt("box"))).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("another SamModel");
        }
    }

    @Test
    void missingOrWrongGraphsAreNamed(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> SamModel.open(dir)).isInstanceOf(ModelException.class)
                .hasMessageContaining("sam/encoder.onnx").hasMessageContaining("missing").hasMessageContaining("export_sam.py");
        Files.copy(SegmentFixtures.samFolder().resolve("encoder.onnx"), dir.resolve("encoder.onnx"));
        Files.copy(SegmentFixtures.detectorFile(), dir.resolve("decoder.onnx"));
        assertThatThrownBy(() -> SamModel.open(dir, ExecutionOptions.defaults())).isInstanceOf(ModelException.class)
                .hasMessageContaining("sam/decoder.onnx").hasMessageContaining("image_embeddings");
    }

    @Test
    void masksAreOnlyInsideTheImage() {
        Mask m = sam.predict(embedding, SamPrompt.ofBox(new Box(900, 700, 2000, 2000))).mask();
        assertThat(m.width()).isEqualTo(1024);
        assertThat(m.height()).isEqualTo(768);
    }
}
