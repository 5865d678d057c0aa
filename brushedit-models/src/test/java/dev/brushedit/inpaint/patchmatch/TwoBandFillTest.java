package dev.brushedit.inpaint.patchmatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The membrane fill and the two-band combination of membrane and patch fill. */
class TwoBandFillTest {

    /** A level whose known pixels are a plane a + b x + c y per channel, the hole holding junk. */
    private static Level plane(int w, int h, Box box) {
        float[] rgb = new float[3 * w * h];
        boolean[] hole = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                hole[i] = x >= box.x0() && x < box.x1() && y >= box.y0() && y < box.y1();
                for (int c = 0; c < 3; c++) {
                    rgb[3 * i + c] = hole[i] ? 255 : planeValue(x, y, c);
                }
            }
        }
        return new Level(w, h, rgb, hole);
    }

    private static float planeValue(int x, int y, int c) {
        return 20 + 1.5f * x + (0.7f + c) * y;
    }

    @Test
    void theMembraneFillReproducesAPlaneAndLeavesTheLevelUntouched() {
        // a plane is harmonic, so the exact membrane fill is the plane itself; the image is large
        // enough for the coarse-to-fine cascade
        Level level = plane(120, 90, new Box(12, 20, 80, 75));
        float[] before = level.rgb.clone();
        float[] filled = MembraneFill.fill(level);
        assertThat(level.rgb).isEqualTo(before);
        for (int y = 0; y < 90; y++) {
            for (int x = 0; x < 120; x++) {
                for (int c = 0; c < 3; c++) {
                    assertThat(filled[3 * (y * 120 + x) + c]).as("(%d, %d) channel %d", x, y, c)
                            .isCloseTo(planeValue(x, y, c), within(0.5f));
                }
            }
        }
    }

    @Test
    void weightOneAndGainOneGiveThePatchFillAndZeroGivesTheMembrane() {
        Level level = plane(40, 30, new Box(10, 8, 30, 22));
        float[] membrane = MembraneFill.fill(level);
        SplittableRandom rnd = new SplittableRandom(5);
        for (int i = 0; i < level.hole.length; i++) {
            if (level.hole[i]) {
                for (int c = 0; c < 3; c++) {
                    level.rgb[3 * i + c] = rnd.nextInt(256);
                }
            }
        }
        float[] patch = level.rgb.clone();
        TwoBand.apply(level, membrane, 1, 1, null);
        for (int i = 0; i < patch.length; i++) {
            assertThat(level.rgb[i]).isCloseTo(patch[i], within(1e-3f));
        }
        TwoBand.apply(level, membrane, 0, 0, null);
        for (int i = 0; i < patch.length; i++) {
            assertThat(level.rgb[i]).isCloseTo(membrane[i], within(1e-3f));
        }
    }

    @Test
    void theHighBandGainSetsHowMuchCopiedTextureIsKept() {
        SplittableRandom rnd = new SplittableRandom(21);
        byte[] px = new byte[96 * 96 * 3];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) rnd.nextInt(256);
        }
        RgbImage noise = RgbImage.of(96, 96, px);
        Box box = new Box(30, 30, 66, 66);
        Mask mask = Mask.ofBox(96, 96, box);
        PatchMatchInpainter.Builder b = PatchMatchInpainter.builder().seed(2);
        double full = contrast(b.lowBandWeight(0.4).highBandGain(1).build().inpaint(noise, mask), box);
        double half = contrast(b.lowBandWeight(0.4).highBandGain(0.5).build().inpaint(noise, mask), box);
        double none = contrast(b.lowBandWeight(0.4).highBandGain(0).build().inpaint(noise, mask), box);
        assertThat(half / full).isBetween(0.35, 0.65);
        assertThat(none / full).isLessThan(0.15);
    }

    @Test
    void twoBandFillsAreDeterministicForEveryParallelismAndKeepKnownPixels() {
        SplittableRandom rnd = new SplittableRandom(3);
        byte[] px = new byte[70 * 50 * 3];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (100 + rnd.nextInt(60));
        }
        RgbImage image = RgbImage.of(70, 50, px);
        Mask mask = Mask.ofBox(70, 50, new Box(20, 10, 45, 38));
        PatchMatchInpainter one = PatchMatchInpainter.builder().seed(7).lowBandWeight(0.3).highBandGain(0.2).build();
        RgbImage a = one.inpaint(image, mask);
        RgbImage b = one.toBuilder().parallelism(3).build().inpaint(image, mask);
        assertThat(b.samePixels(a)).isTrue();
        for (int y = 0; y < 50; y++) {
            for (int x = 0; x < 70; x++) {
                if (mask.get(x, y) < 0.5f) {
                    assertThat(a.rgb(x, y)).isEqualTo(image.rgb(x, y));
                }
            }
        }
        // the membrane alone (no patch search) fills a flat-ish region with values inside its range
        RgbImage smooth = one.toBuilder().lowBandWeight(0).highBandGain(0).build().inpaint(image, mask);
        assertThat(smooth.channel(32, 24, 0)).isBetween(100, 160);
    }

    @Test
    void theBandSettingsAreValidatedAndRoundTrip() {
        PatchMatchInpainter.Builder b = PatchMatchInpainter.builder();
        assertThatThrownBy(() -> b.lowBandWeight(-0.1)).isInstanceOf(InvalidInputException.class)
                .hasMessage("lowBandWeight must be between 0 and 1, was -0.1");
        assertThatThrownBy(() -> b.lowBandWeight(Double.NaN)).isInstanceOf(InvalidInputException.class)
                .hasMessage("lowBandWeight must be between 0 and 1, was NaN");
        assertThatThrownBy(() -> b.highBandGain(2.5)).isInstanceOf(InvalidInputException.class)
                .hasMessage("highBandGain must be between 0 and 2, was 2.5");
        assertThatThrownBy(() -> b.highBandGain(-1)).isInstanceOf(InvalidInputException.class)
                .hasMessage("highBandGain must be between 0 and 2, was -1.0");
        PatchMatchInpainter custom = PatchMatchInpainter.builder().lowBandWeight(0.25).highBandGain(1.5).build();
        assertThat(custom.toBuilder().build().toString()).isEqualTo(custom.toString())
                .contains("lowBandWeight=0.25", "highBandGain=1.5");
    }

    /** Mean absolute horizontal + vertical neighbour difference (channel 0) inside a box. */
    private static double contrast(RgbImage image, Box box) {
        double sum = 0;
        long n = 0;
        for (int y = box.y0(); y < box.y1() - 1; y++) {
            for (int x = box.x0(); x < box.x1() - 1; x++) {
                sum += Math.abs(image.channel(x + 1, y, 0) - image.channel(x, y, 0))
                        + Math.abs(image.channel(x, y + 1, 0) - image.channel(x, y, 0));
                n++;
            }
        }
        return sum / n;
    }
}
