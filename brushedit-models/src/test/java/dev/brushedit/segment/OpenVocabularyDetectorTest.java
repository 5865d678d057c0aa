package dev.brushedit.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.ModelException;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.models.ExecutionOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenVocabularyDetectorTest {
    private static OpenVocabularyDetector detector;
    private static JsonNode ref;
    private static RgbImage image;
    private static List<String> queries;

    @BeforeAll
    static void open() {
        detector = SegmentFixtures.detector();
        ref = SegmentFixtures.reference().get("detector");
        image = SegmentFixtures.pattern(ref.get("width").asInt(), ref.get("height").asInt());
        queries = new ArrayList<>();
        ref.get("queries").forEach(q -> queries.add(q.asText()));
    }

    @AfterAll
    static void close() {
        detector.close();
    }

    @Test
    void scoresAndBoxesMatchTransformersOwlv2OverOnnxRuntime() {
        assertThat(detector.sequenceLength()).isEqualTo(16);
        List<Detection> all = detector.detect(image, queries, 0f, 1f);
        List<JsonNode> expected = new ArrayList<>();
        for (JsonNode r : ref.get("ranked")) {
            JsonNode b = r.get("box");
            double x0 = Math.max(0, b.get(0).asDouble());
            double y0 = Math.max(0, b.get(1).asDouble());
            double x1 = Math.min(image.width(), b.get(2).asDouble());
            double y1 = Math.min(image.height(), b.get(3).asDouble());
            if (x1 - x0 >= 0.5 && y1 - y0 >= 0.5) {
                expected.add(r);
            }
        }
        assertThat(all).hasSize(expected.size()).isNotEmpty();
        for (int i = 0; i < all.size(); i++) {
            Detection d = all.get(i);
            JsonNode e = expected.get(i);
            assertThat((double) d.score()).as("score %d", i).isCloseTo(e.get("score").asDouble(), within(2e-5));
            assertThat(d.query()).isEqualTo(e.get("query").asText());
            JsonNode b = e.get("box");
            assertThat((double) d.box().x0()).isCloseTo(Math.max(0, b.get(0).asDouble()), within(1.0));
            assertThat((double) d.box().y0()).isCloseTo(Math.max(0, b.get(1).asDouble()), within(1.0));
            assertThat((double) d.box().x1()).isCloseTo(Math.min(image.width(), b.get(2).asDouble()), within(1.0));
            assertThat((double) d.box().y1()).isCloseTo(Math.min(image.height(), b.get(3).asDouble()), within(1.0));
            assertThat(d.box().x0()).isGreaterThanOrEqualTo(0);
            assertThat(d.box().y1()).isLessThanOrEqualTo(image.height());
        }
    }

    @Test
    void thresholdAndSuppressionOnlyRemoveBoxes() {
        List<Detection> all = detector.detect(image, queries, 0f, 1f);
        float cut = all.get(all.size() / 2).score();
        List<Detection> above = detector.detect(image, queries, cut, 1f);
        assertThat(above).allMatch(d -> d.score() >= cut).isNotEmpty();
        assertThat(above).hasSize((int) all.stream().filter(d -> d.score() >= cut).count());
        List<Detection> suppressed = detector.detect(image, queries, 0f, 0.3f);
        assertThat(suppressed.size()).isLessThanOrEqualTo(all.size());
        assertThat(suppressed.get(0)).isEqualTo(all.get(0));
        for (int i = 1; i < suppressed.size(); i++) {
            assertThat(suppressed.get(i).score()).isLessThanOrEqualTo(suppressed.get(i - 1).score());
        }
        assertThat(detector.detect(image, "dog", 0f)).allMatch(d -> d.query().equals("dog"));
    }

    @Test
    void largerImagesAreScaledAndBoxesStayInside() {
        RgbImage big = SegmentFixtures.pattern(300, 170);
        List<Detection> found = detector.detect(big, List.of("cat"), 0f, 0.5f);
        assertThat(found).isNotEmpty().allMatch(d -> d.box().x1() <= 300 && d.box().y1() <= 170);
        assertThat(detector.detect(big, List.of("cat"), 0f, 0.5f)).isEqualTo(found);
    }

    @Test
    void rejectsBadQueriesAndThresholds() {
        assertThatThrownBy(() -> detector.detect(image, List.of(), 0.1f, 0.5f)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at least one object");
        assertThatThrownBy(() -> detector.detect(image, " ", 0.1f)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("query");
        assertThatThrownBy(() -> detector.detect(image, "cat", 1.5f)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("scoreThreshold");
        assertThatThrownBy(() -> detector.detect(null, "cat", 0.1f)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void wrongOrMissingGraphIsNamed(@TempDir Path dir) {
        assertThatThrownBy(() -> OpenVocabularyDetector.open(dir.resolve("model.onnx"), SegmentFixtures.tokenizer(),
                ExecutionOptions.defaults())).isInstanceOf(ModelException.class).hasMessageContaining("missing")
                .hasMessageContaining("export_detector.py");
        assertThatThrownBy(() -> OpenVocabularyDetector.open(SegmentFixtures.samFolder().resolve("encoder.onnx"),
                SegmentFixtures.tokenizer(), ExecutionOptions.defaults())).isInstanceOf(ModelException.class)
                .hasMessageContaining("detector/encoder.onnx").hasMessageContaining("input_ids");
    }

    @Test
    void pixelBoxesAreRelativeToThePaddedSquareAndClamped() {
        float[] b = OpenVocabularyDetector.pixelBox(new float[] {0.5f, 0.25f, 0.5f, 0.5f}, 0, 200, 200, 80);
        assertThat(b).containsExactly(50f, 0f, 150f, 80f);
        assertThat(OpenVocabularyDetector.pixelBox(new float[] {0.5f, 0.9f, 0.1f, 0.1f}, 0, 200, 200, 80)).isNull();
    }
}
