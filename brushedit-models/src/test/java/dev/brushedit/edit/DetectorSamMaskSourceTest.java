package dev.brushedit.edit;

import dev.brushedit.segment.Detection;
import dev.brushedit.segment.ObjectDetector;
import dev.brushedit.segment.OpenVocabularyDetector;
import dev.brushedit.segment.SamModel;
import dev.brushedit.segment.SamPrompt;
import dev.brushedit.segment.SegmentFixtures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DetectorSamMaskSourceTest {
    private static SamModel sam;
    private static final RgbImage IMAGE = SegmentFixtures.pattern(96, 64);

    @BeforeAll
    static void open() {
        sam = SegmentFixtures.sam();
    }

    @AfterAll
    static void close() {
        sam.close();
    }

    private static EditPlan plan(String target) {
        return new EditPlan(EditCategory.REMOVE, target, "an empty table", Optional.empty(), "remove the " + target);
    }

    @Test
    void retriesWithLowerThresholdsAndUnitesTheBoxesTheFirstSuccessfulOneKeeps() {
        List<Float> asked = new ArrayList<>();
        Box weak = new Box(10, 10, 40, 50);
        Box weaker = new Box(50, 5, 90, 60);
        ObjectDetector detector = (image, queries, threshold, nms) -> {
            asked.add(threshold);
            assertThat(queries).containsExactly("cup");
            return List.of(new Detection(weak, 0.25f, "cup"), new Detection(weaker, 0.15f, "cup"));
        };
        Mask mask = DetectorSamMaskSource.builder(detector, sam).build().mask(IMAGE, plan("cup"));
        // 0.3 and 0.25 keep nothing (strictly above), 0.2 keeps the 0.25 box; only the best box is segmented
        assertThat(asked).containsExactly(0f);
        Mask expected = sam.predict(sam.embed(IMAGE), SamPrompt.ofBox(weak)).mask();
        assertThat(mask.sameValues(expected)).isTrue();

        Mask both = DetectorSamMaskSource.builder(detector, sam).thresholds(0.12f).maxObjects(2).build().mask(IMAGE, plan("cup"));
        Mask other = sam.predict(sam.embed(IMAGE), SamPrompt.ofBox(weaker)).mask();
        for (int y = 0; y < IMAGE.height(); y++) {
            for (int x = 0; x < IMAGE.width(); x++) {
                assertThat(both.get(x, y)).isEqualTo(Math.max(expected.get(x, y), other.get(x, y)));
            }
        }
    }

    @Test
    void nothingDetectedNamesTheObjectAndSuggestsAManualMask() {
        ObjectDetector none = (image, queries, threshold, nms) -> List.of();
        DetectorSamMaskSource source = DetectorSamMaskSource.builder(none, sam).build();
        assertThatThrownBy(() -> source.mask(IMAGE, plan("purple giraffe"))).isInstanceOf(ObjectNotFoundException.class)
                .hasMessageContaining("\"purple giraffe\"").hasMessageContaining("by hand")
                .hasMessageContaining("0.3, 0.25, 0.2, 0.15, 0.1, 0.05, 0.0");
        ObjectDetector tooWeak = (image, queries, threshold, nms) -> List.of(new Detection(new Box(0, 0, 5, 5), 0f, "x"));
        assertThatThrownBy(() -> DetectorSamMaskSource.builder(tooWeak, sam).build().mask(IMAGE, plan("x")))
                .isInstanceOf(ObjectNotFoundException.class);
    }

    @Test
    void worksEndToEndWithTheStandInDetector() {
        try (OpenVocabularyDetector detector = SegmentFixtures.detector()) {
            DetectorSamMaskSource source = DetectorSamMaskSource.builder(detector, sam).thresholds(0.9f, 0.5f).maxObjects(2).build();
            Mask a = source.mask(IMAGE, plan("cat"));
            assertThat(a.width()).isEqualTo(96);
            assertThat(a.height()).isEqualTo(64);
            assertThat(a.isEmpty()).isFalse();
            assertThat(source.mask(IMAGE, plan("cat")).sameValues(a)).isTrue();
        }
    }

    @Test
    void builderAndPlanValidation() {
        ObjectDetector none = (image, queries, threshold, nms) -> List.of();
        assertThatThrownBy(() -> DetectorSamMaskSource.builder(none, sam).thresholds(0.1f, 0.2f))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("descending");
        assertThatThrownBy(() -> DetectorSamMaskSource.builder(none, sam).thresholds())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least one");
        assertThatThrownBy(() -> DetectorSamMaskSource.builder(none, sam).thresholds(1.2f))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("thresholds[0]");
        assertThatThrownBy(() -> DetectorSamMaskSource.builder(null, sam)).isInstanceOf(InvalidInputException.class);
        DetectorSamMaskSource source = DetectorSamMaskSource.builder(none, sam).thresholds(0.5f, 0.25f).build();
        assertThat(source.toBuilder().build().thresholds()).containsExactly(0.5f, 0.25f);
        EditPlan global = new EditPlan(EditCategory.GLOBAL, "", "a sunny day", Optional.empty(), "make it sunny");
        assertThatThrownBy(() -> source.mask(IMAGE, global)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no target object");
    }
}
