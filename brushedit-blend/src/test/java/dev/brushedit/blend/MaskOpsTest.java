package dev.brushedit.blend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.Mask;
import org.junit.jupiter.api.Test;

class MaskOpsTest {
    private static final Mask INPUT = Fixtures.mask("morph_input.png");

    @Test
    void squareMorphologyMatchesOpenCv() {
        assertThat(Fixtures.diff(MaskOps.dilate(INPUT, StructuringElement.square(3), 4), Fixtures.mask("morph_dilate_sq3_it4.png"))).isZero();
        assertThat(Fixtures.diff(MaskOps.erode(INPUT, StructuringElement.square(5), 2), Fixtures.mask("morph_erode_sq5_it2.png"))).isZero();
        assertThat(Fixtures.diff(MaskOps.close(INPUT, StructuringElement.square(21), 1), Fixtures.mask("morph_close_sq21.png"))).isZero();
        assertThat(Fixtures.diff(MaskOps.open(INPUT, StructuringElement.square(4), 1), Fixtures.mask("morph_open_sq4.png"))).isZero();
        assertThat(Fixtures.diff(MaskOps.dilate(INPUT, StructuringElement.square(6), 1), Fixtures.mask("morph_dilate_sq6.png"))).isZero();
    }

    @Test
    void fillingMatchesOpenCvContoursAndScipy() {
        assertThat(Fixtures.diff(MaskOps.fillExternalContours(INPUT), Fixtures.mask("morph_fill_external.png"))).isZero();
        assertThat(Fixtures.diff(MaskOps.fillHoles(INPUT), Fixtures.mask("morph_fill_holes.png"))).isZero();
    }

    @Test
    void componentsMatchScipyLabel() {
        JsonNode l = Fixtures.vectors().get("labels");
        ConnectedComponents c4 = MaskOps.components(INPUT, Connectivity.FOUR);
        ConnectedComponents c8 = MaskOps.components(INPUT, Connectivity.EIGHT);
        assertThat(c4.count()).isEqualTo(l.get("count4").asInt());
        assertThat(c8.count()).isEqualTo(l.get("count8").asInt());
        for (int i = 1; i <= c4.count(); i++) {
            assertThat(c4.area(i)).isEqualTo(l.get("areas4").get(i - 1).asLong());
        }
        for (int i = 1; i <= c8.count(); i++) {
            assertThat(c8.area(i)).isEqualTo(l.get("areas8").get(i - 1).asLong());
        }
    }

    @Test
    void diagonalNeighboursJoinOnlyUnderEightConnectivity() {
        Mask m = Fixtures.maskOf(3, 3, "#..|.#.|..#");
        assertThat(MaskOps.components(m, Connectivity.FOUR).count()).isEqualTo(3);
        ConnectedComponents c = MaskOps.components(m, Connectivity.EIGHT);
        assertThat(c.count()).isEqualTo(1);
        assertThat(c.area(1)).isEqualTo(3);
        assertThat(c.label(1, 1)).isEqualTo(1);
        assertThat(c.label(1, 0)).isZero();
        assertThat(c.boundingBox(1)).isEqualTo(new Box(0, 0, 3, 3));
        assertThatThrownBy(() -> c.area(2)).isInstanceOf(InvalidInputException.class).hasMessageContaining("label must be between 1 and 1");
        assertThatThrownBy(() -> c.label(3, 0)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void bordersCountAsZeroForDilationAndOneForErosion() {
        Mask full = Mask.full(5, 4);
        assertThat(MaskOps.erode(full, StructuringElement.square(3), 3).isFull()).isTrue();
        assertThat(MaskOps.erode(full, StructuringElement.disk(2), 2).isFull()).isTrue();
        Mask empty = Mask.empty(5, 4);
        assertThat(MaskOps.dilate(empty, StructuringElement.square(7), 2).isEmpty()).isTrue();
        // a pixel at the corner grows only inwards
        Mask corner = Fixtures.maskOf(4, 3, "#...|....|....");
        assertThat(MaskOps.dilate(corner, StructuringElement.square(3), 1).sameValues(Fixtures.maskOf(4, 3, "##..|##..|....")))
                .isTrue();
    }

    @Test
    void diskIsEuclidean() {
        Mask dot = Fixtures.maskOf(7, 7, ".......|.......|.......|...#...|.......|.......|.......");
        Mask d2 = MaskOps.dilate(dot, StructuringElement.disk(2), 1);
        assertThat(d2.sameValues(Fixtures.maskOf(7, 7,
                ".......|...#...|..###..|.#####.|..###..|...#...|......."))).isTrue();
        // two iterations of radius 1 give a diamond of radius 2
        Mask d11 = MaskOps.dilate(dot, StructuringElement.disk(1), 2);
        assertThat(d11.sameValues(d2)).isTrue();
        assertThat(MaskOps.erode(d2, StructuringElement.disk(2), 1).sameValues(dot)).isTrue();
        assertThat(MaskOps.dilate(dot, StructuringElement.disk(0), 5).sameValues(dot)).isTrue();
    }

    @Test
    void removeSmallRegionsUsesTrueAreas() {
        Mask m = Fixtures.maskOf(6, 3, "##...#|##...#|.....#");
        assertThat(MaskOps.removeSmallRegions(m, 4, Connectivity.FOUR).sameValues(Fixtures.maskOf(6, 3, "##....|##....|......"))).isTrue();
        assertThat(MaskOps.removeSmallRegions(m, 3, Connectivity.FOUR).sameValues(m)).isTrue();
        assertThat(MaskOps.removeSmallRegions(m, 5, Connectivity.EIGHT).isEmpty()).isTrue();
    }

    @Test
    void boundingShapes() {
        Mask m = Fixtures.maskOf(8, 6, "........|..#.....|........|.....#..|........|........");
        Mask box = MaskOps.boundingBoxMask(m);
        assertThat(box.boundingBox()).isEqualTo(new Box(2, 1, 6, 4));
        assertThat(box.area()).isEqualTo(12);
        Mask ellipse = MaskOps.boundingEllipseMask(m);
        // inscribed in [2,6)x[1,4): centre (4, 2.5), radii (2, 1.5); corners fall outside
        assertThat(ellipse.sameValues(Fixtures.maskOf(8, 6, "........|...##...|..####..|...##...|........|........"))).isTrue();
        assertThat(MaskOps.boundingEllipseMask(Mask.empty(3, 3)).isEmpty()).isTrue();
        assertThat(MaskOps.boundingBoxMask(Mask.empty(3, 3)).isEmpty()).isTrue();
    }

    @Test
    void algebraAndShift() {
        Mask a = Mask.of(3, 1, new float[] {1f, 0.25f, 0f});
        Mask b = Mask.of(3, 1, new float[] {0.5f, 1f, 0f});
        assertThat(MaskOps.union(a, b).toArray()).containsExactly(1f, 1f, 0f);
        assertThat(MaskOps.intersection(a, b).toArray()).containsExactly(0.5f, 0.25f, 0f);
        assertThat(MaskOps.difference(a, b).toArray()).containsExactly(0.5f, 0f, 0f);
        assertThat(MaskOps.invert(a).toArray()).containsExactly(0f, 0.75f, 1f);
        Mask m = Fixtures.maskOf(4, 3, "#...|.#..|..##");
        assertThat(MaskOps.shift(m, 1, 1).sameValues(Fixtures.maskOf(4, 3, "....|.#..|..#."))).isTrue();
        assertThat(MaskOps.shift(m, -2, -1).sameValues(Fixtures.maskOf(4, 3, "....|##..|....").invert().invert())).isTrue();
        assertThat(MaskOps.shift(m, 4, 0).isEmpty()).isTrue();
        assertThat(MaskOps.shift(m, 0, 0).sameValues(m)).isTrue();
    }

    @Test
    void featherIsOpenCvGaussian() {
        JsonNode b = Fixtures.vectors().get("blur");
        int w = b.get("small_w").asInt();
        int h = b.get("small_h").asInt();
        double[] in = Fixtures.doubles(b.get("small_in"));
        float[] f = new float[in.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) in[i];
        }
        Mask m = Mask.of(w, h, f);
        assertClose(MaskOps.feather(m, 5, 0).toArray(), Fixtures.doubles(b.get("small_k5")));
        assertClose(MaskOps.feather(m, 21, 0).toArray(), Fixtures.doubles(b.get("small_k21")));
        assertClose(MaskOps.feather(m, 7, 2.0).toArray(), Fixtures.doubles(b.get("small_k7_s2")));
        assertClose(MaskOps.feather(Mask.of(1, 1, new float[] {0.7f}), 21, 0).toArray(), new double[] {0.7});
    }

    private static void assertClose(float[] actual, double[] expected) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < actual.length; i++) {
            assertThat((double) actual[i]).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @Test
    void oneByOneAndOddSizes() {
        Mask one = Mask.full(1, 1);
        assertThat(MaskOps.dilate(one, StructuringElement.square(21), 1).isFull()).isTrue();
        assertThat(MaskOps.close(one, StructuringElement.disk(3), 2).isFull()).isTrue();
        assertThat(MaskOps.fillHoles(Mask.empty(1, 1)).isEmpty()).isTrue();
        Mask ring = Fixtures.maskOf(5, 3, "#####|#.#.#|#####");
        assertThat(MaskOps.fillHoles(ring).isFull()).isTrue();
    }

    @Test
    void badInputIsRejected() {
        assertThatThrownBy(() -> MaskOps.dilate(null, StructuringElement.square(3), 1))
                .isInstanceOf(InvalidInputException.class).hasMessage("mask must not be null");
        assertThatThrownBy(() -> MaskOps.dilate(INPUT, StructuringElement.square(3), -1))
                .isInstanceOf(InvalidInputException.class).hasMessage("iterations must be between 0 and 10000, was -1");
        assertThatThrownBy(() -> StructuringElement.square(0)).isInstanceOf(InvalidInputException.class)
                .hasMessage("square size must be between 1 and 4097, was 0");
        assertThatThrownBy(() -> StructuringElement.disk(-1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> MaskOps.union(Mask.empty(2, 2), Mask.empty(3, 2)))
                .isInstanceOf(InvalidInputException.class).hasMessage("a size 2x2 must equal b size 3x2");
        assertThatThrownBy(() -> MaskOps.feather(INPUT, 4, 0)).isInstanceOf(InvalidInputException.class)
                .hasMessage("kernelSize must be odd, was 4");
        assertThatThrownBy(() -> MaskOps.feather(INPUT, 5, Double.NaN)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> MaskOps.removeSmallRegions(INPUT, -1, Connectivity.FOUR)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> MaskOps.components(INPUT, null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void softMasksAreBinarisedAtOneHalf() {
        Mask soft = Mask.of(3, 1, new float[] {0.49f, 0.5f, 0.9f});
        assertThat(MaskOps.dilate(soft, StructuringElement.square(1), 1).toArray()).containsExactly(0f, 1f, 1f);
    }
}
