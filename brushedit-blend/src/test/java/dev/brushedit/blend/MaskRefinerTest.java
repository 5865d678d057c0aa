package dev.brushedit.blend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaskRefinerTest {
    private static List<Mask> segments() {
        List<Mask> s = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            s.add(Fixtures.mask("refine_seg" + i + ".png"));
        }
        return s;
    }

    @Test
    void referenceModeMatchesZone() {
        MaskRefiner zone = MaskRefiner.builder().mode(ZoneMode.REFERENCE).fillHoles(false).build();
        Mask out = zone.refine(Fixtures.mask("refine_rough.png"), segments());
        assertThat(Fixtures.diff(out, Fixtures.mask("refine_expected.png"))).isZero();
        // segments 2 and 3 are identical: the first one wins
        assertThat(out.sameValues(segments().get(2))).isTrue();
    }

    @Test
    void referenceSmallRegionFilterKeepsZonesLabelIndexQuirk() {
        Mask in = Fixtures.mask("quirk_input.png");
        Mask expected = Fixtures.mask("quirk_expected.png");
        Mask ref = MaskRefiner.builder().mode(ZoneMode.REFERENCE).fillHoles(false).build()
                .refine(in, List.of(in));
        assertThat(Fixtures.diff(ref, expected)).isZero();
        // ZONE keeps the second 40-pixel square (40 * label 2 >= 64); true areas drop both
        assertThat(expected.area()).isEqualTo(40);
        Mask corrected = MaskRefiner.builder().fillHoles(false).build().refine(in, List.of(in));
        assertThat(corrected.isEmpty()).isTrue();
    }

    @Test
    void unionByRegionIouAddsCandidatesMostlyInsideTheCoarseMask() {
        Mask coarse = Mask.ofBox(100, 100, new Box(10, 10, 90, 90));
        Mask big = Mask.ofBox(100, 100, new Box(10, 10, 60, 90));
        Mask part = Mask.ofBox(100, 100, new Box(60, 20, 88, 80));
        Mask outside = Mask.ofBox(100, 100, new Box(80, 0, 100, 100));
        MaskRefiner r = MaskRefiner.builder().unionThreshold(0.9).build();
        Mask out = r.refine(coarse, List.of(big, part, outside));
        assertThat(out.sameValues(MaskOps.union(big, part))).isTrue();
        assertThat(r.toBuilder().noUnion().build().refine(coarse, List.of(big, part, outside)).sameValues(big)).isTrue();
    }

    @Test
    void cleanUpFillsHolesAndDilates() {
        Mask ring = MaskOps.difference(Mask.ofBox(40, 40, new Box(5, 5, 35, 35)), Mask.ofBox(40, 40, new Box(15, 15, 25, 25)));
        Mask filled = MaskRefiner.builder().build().refine(ring, List.of(ring));
        assertThat(filled.sameValues(Mask.ofBox(40, 40, new Box(5, 5, 35, 35)))).isTrue();
        Mask dilated = MaskRefiner.builder().dilateIterations(2).build().refine(ring, List.of(ring));
        assertThat(dilated.boundingBox()).isEqualTo(new Box(3, 3, 37, 37));
    }

    @Test
    void emptyAndNonOverlappingCases() {
        MaskRefiner r = MaskRefiner.builder().build();
        Mask seg = Mask.ofBox(20, 20, new Box(0, 0, 10, 10));
        assertThat(r.refine(Mask.empty(20, 20), List.of(seg)).isEmpty()).isTrue();
        Mask coarse = Mask.ofBox(20, 20, new Box(10, 10, 20, 20));
        assertThat(r.refine(coarse, List.of(seg)).sameValues(coarse)).isTrue();
        assertThat(r.refine(coarse, List.of()).sameValues(coarse)).isTrue();
        assertThat(r.refine(Mask.full(20, 20), List.of(seg, Mask.full(20, 20))).isFull()).isTrue();
    }

    @Test
    void segmentSourceIsAsked() {
        RgbImage img = RgbImage.filled(20, 20, 1, 2, 3);
        Mask coarse = Mask.ofBox(20, 20, new Box(0, 0, 12, 12));
        Mask seg = Mask.ofBox(20, 20, new Box(0, 0, 10, 10));
        assertThat(MaskRefiner.builder().build().refine(img, coarse, image -> List.of(seg)).sameValues(seg)).isTrue();
        assertThatThrownBy(() -> MaskRefiner.builder().build().refine(img, coarse, image -> null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("segment source returned null");
    }

    @Test
    void badInputIsRejected() {
        MaskRefiner r = MaskRefiner.builder().build();
        Mask coarse = Mask.full(10, 10);
        assertThatThrownBy(() -> r.refine(coarse, List.of(Mask.full(10, 10), Mask.full(9, 10))))
                .isInstanceOf(InvalidInputException.class).hasMessage("candidate 1 size 9x10 must equal coarse mask size 10x10");
        List<Mask> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> r.refine(coarse, withNull)).isInstanceOf(InvalidInputException.class)
                .hasMessage("candidate 0 must not be null");
        assertThatThrownBy(() -> r.refine(null, List.of())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> MaskRefiner.builder().unionThreshold(0)).isInstanceOf(InvalidInputException.class)
                .hasMessage("unionThreshold must be in (0, 1], was 0.0");
        assertThatThrownBy(() -> MaskRefiner.builder().minRegion(-5)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> r.refine(RgbImage.filled(3, 3, 0, 0, 0), coarse, i -> List.of()))
                .isInstanceOf(InvalidInputException.class).hasMessage("coarse size 10x10 must equal image size 3x3");
    }
}
