package dev.brushedit.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.segment.GrabCut;
import org.junit.jupiter.api.Test;

/** {@link MaskSource#ofBoxObject}: GrabCut's object inside the box, the box itself when it finds nothing. */
class BoxObjectMaskSourceTest {
    private static final int SIZE = 64;

    /** A blue disk of radius 10 at (32, 32) on an orange background. */
    private static RgbImage disk() {
        byte[] px = new byte[SIZE * SIZE * 3];
        for (int i = 0; i < SIZE * SIZE; i++) {
            boolean in = Math.hypot(i % SIZE - 32, i / SIZE - 32) <= 10;
            px[3 * i] = (byte) (in ? 30 : 230);
            px[3 * i + 1] = (byte) (in ? 60 : 140);
            px[3 * i + 2] = (byte) (in ? 200 : 40);
        }
        return RgbImage.of(SIZE, SIZE, px);
    }

    /** 4-pixel black and white checks everywhere: nothing in a box differs from outside it. */
    private static RgbImage checks() {
        byte[] px = new byte[SIZE * SIZE * 3];
        for (int i = 0; i < SIZE * SIZE; i++) {
            byte g = (byte) (((i % SIZE / 4 + i / SIZE / 4) % 2 == 0) ? 30 : 220);
            px[3 * i] = g;
            px[3 * i + 1] = g;
            px[3 * i + 2] = g;
        }
        return RgbImage.of(SIZE, SIZE, px);
    }

    @Test
    void returnsTheObjectInsideTheBoxNotTheRectangle() {
        Box box = new Box(16, 16, 48, 48);
        Mask m = MaskSource.ofBoxObject(box).mask(disk(), MaskSourceTest.PLAN);
        assertThat(m.sameValues(GrabCut.builder().build().segment(disk(), box))).isTrue();
        assertThat(m.get(32, 32)).isEqualTo(1f);
        assertThat(m.get(17, 17)).as("a box corner, background").isEqualTo(0f);
        assertThat(m.area()).isBetween(300L, 340L);  // pi * 10^2 ~ 314 px; the box has 1024
        assertThat(MaskSource.ofBoxObject(box).object(disk())).isPresent();
    }

    @Test
    void fallsBackToTheBoxWhenNothingStandsOut() {
        BoxObjectMaskSource source = MaskSource.ofBoxObject(new Box(16, 16, 48, 48));
        assertThat(source.object(checks())).isEmpty();
        Mask m = source.mask(checks(), MaskSourceTest.PLAN);
        assertThat(m.sameValues(Mask.ofBox(SIZE, SIZE, new Box(16, 16, 48, 48)))).isTrue();
    }

    @Test
    void usesTheGivenSettingsAndRejectsBadBoxes() {
        Box box = new Box(16, 16, 48, 48);
        GrabCut one = GrabCut.builder().iterations(1).seed(3).build();
        assertThat(MaskSource.ofBoxObject(box, one).mask(disk(), MaskSourceTest.PLAN)
                .sameValues(one.segment(disk(), box))).isTrue();
        assertThat(MaskSource.ofBoxObject(box).box()).isEqualTo(box);
        assertThatThrownBy(() -> MaskSource.ofBoxObject(null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> MaskSource.ofBoxObject(box, null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> MaskSource.ofBoxObject(new Box(100, 100, 120, 120)).mask(disk(), MaskSourceTest.PLAN))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("outside");
        assertThatThrownBy(() -> MaskSource.ofBoxObject(new Box(0, 0, 64, 64)).mask(disk(), MaskSourceTest.PLAN))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("box must leave part of the 64x64 image outside it");
    }
}
