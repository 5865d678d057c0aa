package dev.brushedit.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GrabCutTest {
    private static final int SIZE = 96;

    /** A red disk of radius 18 at (48, 48) on a noisy green-grey background. */
    private static RgbImage diskScene() {
        SplittableRandom rnd = new SplittableRandom(3);
        byte[] px = new byte[SIZE * SIZE * 3];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                boolean disk = Math.hypot(x - 48, y - 48) <= 18;
                int[] c = disk ? new int[] {200, 40, 40} : new int[] {90, 130, 100};
                for (int k = 0; k < 3; k++) {
                    px[3 * (y * SIZE + x) + k] = (byte) Math.max(0, Math.min(255, c[k] + rnd.nextInt(-15, 16)));
                }
            }
        }
        return RgbImage.of(SIZE, SIZE, px);
    }

    private static boolean inDisk(int x, int y) {
        return Math.hypot(x - 48, y - 48) <= 18;
    }

    @Test
    void findsTheObjectInsideTheBoxAndNothingOutsideIt() {
        Box box = new Box(20, 20, 76, 76);
        Mask m = GrabCut.builder().build().segment(diskScene(), box);
        assertThat(m.width()).isEqualTo(SIZE);
        assertThat(m.isBinary()).isTrue();
        long wrong = 0;
        long disk = 0;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                boolean fg = m.get(x, y) == 1f;
                boolean inBox = x >= 20 && y >= 20 && x < 76 && y < 76;
                if (!inBox) {
                    assertThat(fg).as("(%d, %d) is outside the box", x, y).isFalse();
                }
                wrong += fg != inDisk(x, y) ? 1 : 0;
                disk += inDisk(x, y) ? 1 : 0;
            }
        }
        // the box holds about 3100 px, the disk about 1020: a rectangle would be ~2100 px wrong
        assertThat(wrong).as("misclassified pixels of %d in the disk", disk).isLessThan(disk / 50);
    }

    @Test
    void aBoxReachingPastTheImageIsClamped() {
        Mask m = GrabCut.builder().build().segment(diskScene(), new Box(20, 20, 200, 200));
        assertThat(m.get(48, 48)).isEqualTo(1f);
        assertThat(m.get(90, 90)).isEqualTo(0f);
    }

    @Test
    void isDeterministicForASeed() {
        RgbImage image = diskScene();
        Box box = new Box(20, 20, 76, 76);
        GrabCut g = GrabCut.builder().seed(42).iterations(3).build();
        assertThat(g.segment(image, box).sameValues(g.segment(image, box))).isTrue();
    }

    @Test
    void rejectsABoxCoveringTheWholeImage() {
        assertThatThrownBy(() -> GrabCut.builder().build().segment(diskScene(), new Box(-5, 0, 100, 96)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("box must leave part of the 96x96 image outside it");
    }

    @Test
    void rejectsABoxOutsideTheImage() {
        assertThatThrownBy(() -> GrabCut.builder().build().segment(diskScene(), new Box(200, 200, 300, 300)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void builderValidatesEachSetter() {
        assertThatThrownBy(() -> GrabCut.builder().iterations(0))
                .isInstanceOf(InvalidInputException.class).hasMessage("iterations must be between 1 and 50, was 0");
        assertThatThrownBy(() -> GrabCut.builder().iterations(51)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> GrabCut.builder().gamma(0)).isInstanceOf(InvalidInputException.class)
                .hasMessage("gamma must be above 0, was 0.0");
        assertThatThrownBy(() -> GrabCut.builder().gamma(Double.NaN)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("gamma must be between");
        assertThatThrownBy(() -> GrabCut.builder().gamma(-1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> GrabCut.builder().build().segment(null, new Box(0, 0, 1, 1)))
                .isInstanceOf(InvalidInputException.class).hasMessage("image must not be null");
        assertThatThrownBy(() -> GrabCut.builder().build().segment(diskScene(), null))
                .isInstanceOf(InvalidInputException.class).hasMessage("box must not be null");
    }

    @Test
    void toBuilderKeepsTheSettings() {
        GrabCut g = GrabCut.builder().iterations(7).gamma(20).seed(9).build().toBuilder().build();
        assertThat(g.iterations()).isEqualTo(7);
        assertThat(g.gamma()).isEqualTo(20.0);
        assertThat(g.seed()).isEqualTo(9L);
    }

    @Test
    void aLargeImageCanBeSegmentedOnAScaledDownCopy() {
        // the disk scene at 4x: 384x384 = 147456 px, segmented at most at 9216 px (96x96)
        RgbImage small = diskScene();
        int s = 4 * SIZE;
        byte[] px = new byte[s * s * 3];
        for (int y = 0; y < s; y++) {
            for (int x = 0; x < s; x++) {
                for (int c = 0; c < 3; c++) {
                    px[3 * (y * s + x) + c] = (byte) small.channel(x / 4, y / 4, c);
                }
            }
        }
        Box box = new Box(80, 80, 304, 304);
        Mask m = GrabCut.builder().maxPixels(9216).build().segment(RgbImage.of(s, s, px), box);
        assertThat(m.width()).isEqualTo(s);
        assertThat(m.isBinary()).isTrue();
        long wrong = 0;
        long disk = 0;
        for (int y = 0; y < s; y++) {
            for (int x = 0; x < s; x++) {
                boolean in = Math.hypot(x - 192, y - 192) <= 72;
                boolean fg = m.get(x, y) == 1f;
                if (fg && !(x >= 80 && y >= 80 && x < 304 && y < 304)) {
                    throw new AssertionError("foreground outside the box at " + x + "," + y);
                }
                wrong += fg != in ? 1 : 0;
                disk += in ? 1 : 0;
            }
        }
        assertThat(wrong).as("misclassified pixels of %d in the disk", disk).isLessThan(disk / 20);
        assertThatThrownBy(() -> GrabCut.builder().maxPixels(100)).isInstanceOf(InvalidInputException.class)
                .hasMessage("maxPixels must be 0 (no limit) or between 4096 and 2147483647, was 100");
        assertThat(GrabCut.builder().maxPixels(5000).build().toBuilder().build().maxPixels()).isEqualTo(5000L);
    }

    @Test
    void aFlatImageGivesAMaskWithoutFailing() {
        Mask m = GrabCut.builder().build().segment(RgbImage.filled(40, 30, 10, 20, 30), new Box(10, 10, 20, 20));
        assertThat(m.width()).isEqualTo(40);
        assertThat(m.isBinary()).isTrue();
    }
}
