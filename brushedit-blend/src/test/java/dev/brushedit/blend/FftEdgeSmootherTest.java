package dev.brushedit.blend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import org.junit.jupiter.api.Test;

class FftEdgeSmootherTest {
    private static final FftEdgeSmoother CORRECTED = FftEdgeSmoother.builder().allowGpu(false).build();
    private static final FftEdgeSmoother REFERENCE = CORRECTED.toBuilder().mode(ZoneMode.REFERENCE).build();

    private static RgbImage withBox(RgbImage base, Box box, int r, int g, int b) {
        byte[] px = base.toRgbBytes();
        for (int y = box.y0(); y < box.y1(); y++) {
            for (int x = box.x0(); x < box.x1(); x++) {
                int i = 3 * (y * base.width() + x);
                px[i] = (byte) r;
                px[i + 1] = (byte) g;
                px[i + 2] = (byte) b;
            }
        }
        return RgbImage.of(base.width(), base.height(), px);
    }

    @Test
    void emptyMaskReturnsTheOriginalUntouched() {
        RgbImage o = RgbImage.filled(31, 17, 10, 20, 30);
        RgbImage e = RgbImage.filled(31, 17, 200, 20, 30);
        for (FftEdgeSmoother s : new FftEdgeSmoother[] {CORRECTED, REFERENCE}) {
            SmoothedEdit out = s.smooth(o, e, Mask.empty(31, 17));
            assertThat(out.image()).isSameAs(o);
            assertThat(out.mask().isEmpty()).isTrue();
        }
    }

    @Test
    void strongEditIsTakenInsideAndBlendedInTheRing() {
        RgbImage o = RgbImage.filled(128, 96, 90, 90, 90);
        Box object = new Box(40, 30, 90, 70);
        RgbImage e = withBox(o, object, 250, 250, 250);
        SmoothedEdit out = CORRECTED.smooth(o, e, Mask.ofBox(128, 96, object));
        Mask m = out.mask();
        assertThat(m.isBinary()).isTrue();
        // the smoothed mask covers the object and a little more, never the far corners
        assertThat(MaskOps.difference(Mask.ofBox(128, 96, object), m).isEmpty()).isTrue();
        assertThat(m.area()).isGreaterThanOrEqualTo(object.area());
        assertThat(m.get(0, 0)).isZero();
        assertThat(out.image().rgb(60, 50)).isEqualTo(0xFAFAFA);
        assertThat(out.image().rgb(0, 0)).isEqualTo(o.rgb(0, 0));
        // ring: just outside the object, still inside the smoothed mask: 0.6 * 90 + 0.4 * 90 = 90 (edited == original there)
        for (int y = 0; y < 96; y++) {
            for (int x = 0; x < 128; x++) {
                int v = out.image().channel(x, y, 0);
                assertThat(v == 90 || v == 250).as("pixel (%d, %d) = %d", x, y, v).isTrue();
            }
        }
    }

    @Test
    void ringBlendsSixTenthsEdited() {
        RgbImage o = RgbImage.filled(64, 64, 0, 0, 0);
        // the edit leaks a halo 3 pixels wide around the object, as generators do
        RgbImage e = withBox(o, new Box(17, 17, 47, 47), 200, 100, 10);
        Box object = new Box(20, 20, 44, 44);
        SmoothedEdit out = CORRECTED.smooth(o, e, Mask.ofBox(64, 64, object));
        int ring = 0;
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                boolean inObject = x >= 20 && x < 44 && y >= 20 && y < 44;
                if (out.mask().get(x, y) == 1f && !inObject) {
                    ring++;
                    assertThat(out.image().rgb(x, y)).isEqualTo(120 << 16 | 60 << 8 | 6);
                }
            }
        }
        assertThat(ring).isPositive();
    }

    @Test
    void correctedModeUsesTrueLuminanceWhereZoneSwapsRedAndBlue() {
        // a blue-only edit of +120: true luminance +13.7 (under 30), ZONE's swapped weights +35.9 (over 30)
        RgbImage o = RgbImage.filled(96, 96, 100, 100, 100);
        Box object = new Box(24, 24, 72, 72);
        RgbImage e = withBox(o, object, 100, 100, 220);
        Mask mask = Mask.ofBox(96, 96, object);
        assertThat(REFERENCE.smoothedMask(o, e, mask).area()).isGreaterThan(object.area() * 9 / 10);
        assertThat(CORRECTED.smoothedMask(o, e, mask).isEmpty()).isTrue();
        // ...and a red-only edit the other way round
        RgbImage red = withBox(o, object, 220, 100, 100);
        assertThat(REFERENCE.smoothedMask(o, red, mask).isEmpty()).isTrue();
        assertThat(CORRECTED.smoothedMask(o, red, mask).area()).isGreaterThan(object.area() * 9 / 10);
    }

    @Test
    void correctedModeLeavesTheObjectAloneWhereTheSmoothedMaskDropsIt() {
        // no visible edit: the smoothed mask is empty; ZONE's wrapping ring would still blend inside the object
        RgbImage o = RgbImage.filled(40, 40, 201, 77, 13);
        Mask mask = Mask.ofBox(40, 40, new Box(10, 10, 30, 30));
        SmoothedEdit c = CORRECTED.smooth(o, o, mask);
        assertThat(c.mask().isEmpty()).isTrue();
        assertThat(c.image().samePixels(o)).isTrue();
        SmoothedEdit r = REFERENCE.smooth(o, o, mask);
        assertThat(r.mask().isEmpty()).isTrue();
    }

    @Test
    void tinyOddAndFullMasks() {
        RgbImage o1 = RgbImage.filled(1, 1, 0, 0, 0);
        RgbImage e1 = RgbImage.filled(1, 1, 255, 255, 255);
        for (FftEdgeSmoother s : new FftEdgeSmoother[] {CORRECTED, REFERENCE}) {
            SmoothedEdit one = s.smooth(o1, e1, Mask.full(1, 1));
            assertThat(one.mask().isFull()).isTrue();
            assertThat(one.image().rgb(0, 0)).isEqualTo(0xFFFFFF);
            RgbImage o = RgbImage.filled(33, 17, 20, 20, 20);
            RgbImage e = RgbImage.filled(33, 17, 220, 220, 220);
            SmoothedEdit full = s.smooth(o, e, Mask.full(33, 17));
            assertThat(full.mask().isFull()).isTrue();
            assertThat(full.image().samePixels(e)).isTrue();
        }
    }

    @Test
    void softMaskIsThresholdedAtOneHalf() {
        RgbImage o = RgbImage.filled(64, 64, 0, 0, 0);
        RgbImage e = RgbImage.filled(64, 64, 255, 255, 255);
        float[] soft = new float[64 * 64];
        java.util.Arrays.fill(soft, 0.49f);
        assertThat(CORRECTED.smooth(o, e, Mask.of(64, 64, soft)).image()).isSameAs(o);
        java.util.Arrays.fill(soft, 0.5f);
        assertThat(CORRECTED.smooth(o, e, Mask.of(64, 64, soft)).mask().isFull()).isTrue();
    }

    @Test
    void badInputIsRejected() {
        RgbImage o = RgbImage.filled(8, 8, 0, 0, 0);
        assertThatThrownBy(() -> CORRECTED.smooth(o, RgbImage.filled(8, 9, 0, 0, 0), Mask.full(8, 8)))
                .isInstanceOf(InvalidInputException.class).hasMessage("original size 8x8 must equal edited size 8x9");
        assertThatThrownBy(() -> CORRECTED.smooth(o, o, Mask.full(7, 8)))
                .isInstanceOf(InvalidInputException.class).hasMessage("mask size 7x8 must equal original size 8x8");
        assertThatThrownBy(() -> CORRECTED.smooth(o, null, Mask.full(8, 8)))
                .isInstanceOf(InvalidInputException.class).hasMessage("edited must not be null");
        assertThatThrownBy(() -> CORRECTED.smooth(o, o, null))
                .isInstanceOf(InvalidInputException.class).hasMessage("mask must not be null");
        assertThatThrownBy(() -> FftEdgeSmoother.builder().threshold(255)).isInstanceOf(InvalidInputException.class)
                .hasMessage("threshold must be between 0 and 254, was 255");
        assertThatThrownBy(() -> FftEdgeSmoother.builder().alpha(1.5)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> FftEdgeSmoother.builder().cutoff(0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> FftEdgeSmoother.builder().closeSize(0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> FftEdgeSmoother.builder().dilateIterations(-1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> FftEdgeSmoother.builder().mode(null)).isInstanceOf(InvalidInputException.class)
                .hasMessage("mode must not be null");
    }

    @Test
    void toBuilderKeepsSettings() {
        FftEdgeSmoother s = FftEdgeSmoother.builder().mode(ZoneMode.REFERENCE).threshold(12).cutoff(150)
                .dilateIterations(2).closeSize(9).alpha(0.3).allowGpu(false).build();
        FftEdgeSmoother copy = s.toBuilder().build();
        assertThat(copy.mode()).isEqualTo(ZoneMode.REFERENCE);
        RgbImage o = RgbImage.filled(48, 48, 0, 0, 0);
        RgbImage e = withBox(o, new Box(10, 10, 30, 30), 100, 120, 140);
        Mask m = Mask.ofBox(48, 48, new Box(10, 10, 30, 30));
        assertThat(copy.smooth(o, e, m).image().samePixels(s.smooth(o, e, m).image())).isTrue();
        assertThat(copy.smooth(o, e, m).mask().sameValues(s.smooth(o, e, m).mask())).isTrue();
    }
}
