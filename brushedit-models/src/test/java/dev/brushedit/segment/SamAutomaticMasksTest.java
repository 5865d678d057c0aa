package dev.brushedit.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brushedit.blend.MaskRefiner;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SamAutomaticMasksTest {
    private static SamModel sam;
    private static JsonNode ref;
    private static RgbImage image;
    private static List<AutoMask> suppressed;
    private static List<AutoMask> unsuppressed;

    @BeforeAll
    static void open() {
        sam = SegmentFixtures.sam();
        ref = SegmentFixtures.reference().get("sam");
        image = SegmentFixtures.pattern(ref.get("width").asInt(), ref.get("height").asInt());
        suppressed = referenceSettings().build().generate(image);
        unsuppressed = referenceSettings().boxNmsThreshold(1f).build().generate(image);
    }

    @AfterAll
    static void close() {
        sam.close();
    }

    private static SamAutomaticMasks.Builder referenceSettings() {
        JsonNode a = ref.get("amg");
        return SamAutomaticMasks.builder(sam).pointsPerSide(a.get("pointsPerSide").asInt())
                .predIouThreshold((float) a.get("predIouThreshold").asDouble())
                .stabilityScoreThreshold((float) a.get("stabilityScoreThreshold").asDouble())
                .stabilityScoreOffset((float) a.get("stabilityScoreOffset").asDouble())
                .boxNmsThreshold((float) a.get("boxNmsThreshold").asDouble());
    }

    @Test
    void gridMatchesSegmentAnythingsBuildPointGrid() {
        JsonNode g = ref.get("amg").get("grid");
        double[] grid = SamAutomaticMasks.grid(3, 1024, 768);
        assertThat(grid).hasSize(g.size());
        for (int i = 0; i < grid.length; i++) {
            assertThat(grid[i]).isCloseTo(g.get(i).asDouble(), within(1e-9));
        }
        assertThat(SamAutomaticMasks.grid(1, 10, 20)).containsExactly(5.0, 10.0);
    }

    @Test
    void filtersAndSuppressesLikeTheReference() {
        assertCloseTo(suppressed, ref.get("amg").get("masks"));
        assertCloseTo(unsuppressed, ref.get("amg").get("withoutNms"));
    }

    private static void assertCloseTo(List<AutoMask> masks, JsonNode expected) {
        assertThat(masks).hasSize(expected.size());
        long pixels = image.pixelCount();
        for (int i = 0; i < masks.size(); i++) {
            AutoMask m = masks.get(i);
            JsonNode e = expected.get(i);
            assertThat((double) m.predictedIou()).as("iou %d", i).isCloseTo(e.get("iou").asDouble(), within(1e-5));
            assertThat((double) m.stabilityScore()).as("stability %d", i).isCloseTo(e.get("stability").asDouble(), within(1e-5));
            assertThat((double) Math.abs(m.mask().area() - e.get("area").asLong()) / pixels).isLessThan(1e-5);
            JsonNode b = e.get("box");
            assertThat(m.box()).isEqualTo(new Box(b.get(0).asInt(), b.get(1).asInt(), b.get(2).asInt() + 1, b.get(3).asInt() + 1));
            assertThat(m.mask().boundingBox()).isEqualTo(m.box());
        }
    }

    @Test
    void segmentsAreTheGeneratedMasksInOrderAndFeedTheRefiner() {
        SamAutomaticMasks source = referenceSettings().boxNmsThreshold(1f).build();
        List<Mask> segments = source.segments(image);
        List<AutoMask> generated = unsuppressed;
        assertThat(segments).hasSize(generated.size()).isNotEmpty();
        for (int i = 0; i < segments.size(); i++) {
            assertThat(segments.get(i).sameValues(generated.get(i).mask())).isTrue();
        }
        Mask coarse = Mask.ofBox(image.width(), image.height(), new Box(100, 100, 500, 400));
        Mask refined = MaskRefiner.builder().build().refine(image, coarse, source);
        assertThat(refined.width()).isEqualTo(image.width());
        assertThat(refined.height()).isEqualTo(image.height());
    }

    @Test
    void defaultThresholdsDropEverythingFromTheRandomStandIn() {
        assertThat(SamAutomaticMasks.builder(sam).pointsPerSide(2).build().generate(image)).isEmpty();
    }

    @Test
    void builderValidatesAndRoundTrips() {
        assertThatThrownBy(() -> SamAutomaticMasks.builder(null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> SamAutomaticMasks.builder(sam).pointsPerSide(0)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("pointsPerSide");
        assertThatThrownBy(() -> SamAutomaticMasks.builder(sam).stabilityScoreThreshold(1.5f))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("stabilityScoreThreshold");
        assertThatThrownBy(() -> SamAutomaticMasks.builder(sam).stabilityScoreOffset(0f))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("above 0");
        assertThatThrownBy(() -> SamAutomaticMasks.builder(sam).boxNmsThreshold(-0.1f))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("boxNmsThreshold");
        SamAutomaticMasks a = referenceSettings().build();
        List<AutoMask> first = suppressed;
        List<AutoMask> again = a.toBuilder().build().generate(image);
        assertThat(again).hasSameSizeAs(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(again.get(i).mask().sameValues(first.get(i).mask())).isTrue();
        }
        assertThatThrownBy(() -> a.generate(null)).isInstanceOf(InvalidInputException.class);
    }
}
