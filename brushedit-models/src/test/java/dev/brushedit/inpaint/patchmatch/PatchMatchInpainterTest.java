package dev.brushedit.inpaint.patchmatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Behaviour of the PatchMatch inpainter: determinism, untouched known pixels, fill quality, edge sizes, bad input. */
class PatchMatchInpainterTest {

    /** A pixel function: channel value at (x, y, c). */
    private interface Pixels {
        int at(int x, int y, int c);
    }

    private static RgbImage image(int w, int h, Pixels f) {
        byte[] px = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    px[3 * (y * w + x) + c] = (byte) f.at(x, y, c);
                }
            }
        }
        return RgbImage.of(w, h, px);
    }

    /** Vertical stripes of period 8 (4 dark, 4 light) in distinct colours per channel. */
    private static RgbImage stripes(int w, int h) {
        return image(w, h, (x, y, c) -> (x / 4) % 2 == 0 ? 30 + 40 * c : 220 - 30 * c);
    }

    /** An 8x8-cell checkerboard. */
    private static RgbImage checker(int w, int h) {
        return image(w, h, (x, y, c) -> ((x / 8) + (y / 8)) % 2 == 0 ? 20 : 235);
    }

    /** Uniform noise, so that different matches give visibly different fills. */
    private static RgbImage noise(int w, int h, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        return image(w, h, (x, y, c) -> rnd.nextInt(256));
    }

    /** Mean absolute channel difference over the hole pixels. */
    private static double holeError(RgbImage expected, RgbImage actual, Mask mask) {
        double sum = 0;
        long n = 0;
        for (int y = 0; y < expected.height(); y++) {
            for (int x = 0; x < expected.width(); x++) {
                if (mask.get(x, y) >= 0.5f) {
                    for (int c = 0; c < 3; c++) {
                        sum += Math.abs(expected.channel(x, y, c) - actual.channel(x, y, c));
                        n++;
                    }
                }
            }
        }
        return sum / n;
    }

    private static void assertUnchangedOutside(RgbImage expected, RgbImage actual, Mask mask) {
        assertThat(actual.width()).isEqualTo(expected.width());
        assertThat(actual.height()).isEqualTo(expected.height());
        for (int y = 0; y < expected.height(); y++) {
            for (int x = 0; x < expected.width(); x++) {
                if (mask.get(x, y) < 0.5f) {
                    assertThat(actual.rgb(x, y)).as("pixel (%d, %d) outside the hole", x, y).isEqualTo(expected.rgb(x, y));
                }
            }
        }
    }

    /** Inpaints a box hole, checks the known pixels and returns the mean absolute error in the hole. */
    private static double fillError(PatchMatchInpainter inpainter, RgbImage image, Box hole) {
        Mask mask = Mask.ofBox(image.width(), image.height(), hole);
        RgbImage out = inpainter.inpaint(image, mask);
        assertUnchangedOutside(image, out, mask);
        return holeError(image, out, mask);
    }

    private static PatchMatchInpainter withSeed(long seed) {
        return PatchMatchInpainter.builder().seed(seed).build();
    }

    @Test
    void sameSeedGivesSamePixelsInEveryRunAndForEveryParallelism() {
        RgbImage image = noise(96, 130, 7);
        Mask mask = Mask.ofBox(96, 130, new Box(30, 40, 70, 95));
        RgbImage first = withSeed(5).inpaint(image, mask);
        RgbImage again = withSeed(5).inpaint(image, mask);
        RgbImage parallel = withSeed(5).toBuilder().parallelism(4).build().inpaint(image, mask);
        RgbImage twoThreads = withSeed(5).toBuilder().parallelism(2).build().inpaint(image, mask);
        assertThat(again.samePixels(first)).isTrue();
        assertThat(parallel.samePixels(first)).isTrue();
        assertThat(twoThreads.samePixels(first)).isTrue();
    }

    @Test
    void differentSeedsMayGiveDifferentFills() {
        RgbImage image = noise(64, 64, 11);
        Mask mask = Mask.ofBox(64, 64, new Box(20, 20, 44, 44));
        RgbImage a = withSeed(1).inpaint(image, mask);
        RgbImage b = withSeed(2).inpaint(image, mask);
        assertThat(a.samePixels(b)).isFalse();
        assertUnchangedOutside(image, a, mask);
        assertUnchangedOutside(image, b, mask);
    }

    @Test
    void pixelsOutsideTheHoleAreReturnedExactly() {
        RgbImage image = noise(77, 53, 3);
        float[] v = new float[77 * 53];
        for (int y = 0; y < 53; y++) {
            for (int x = 0; x < 77; x++) {
                double dx = x - 38;
                double dy = y - 26;
                v[y * 77 + x] = dx * dx / 400 + dy * dy / 100 <= 1 ? 1f : 0.2f;
            }
        }
        Mask mask = Mask.of(77, 53, v);
        RgbImage out = withSeed(0).inpaint(image, mask);
        assertUnchangedOutside(image, out, mask);
        assertThat(out.samePixels(image)).as("the hole was filled with something else than the original noise").isFalse();
    }

    @Test
    void maskIsBinarizedAtOneHalf() {
        RgbImage image = stripes(40, 40);
        float[] v = new float[40 * 40];
        for (int y = 10; y < 30; y++) {
            for (int x = 10; x < 30; x++) {
                v[y * 40 + x] = x < 20 ? 0.49f : 0.5f;
            }
        }
        RgbImage painted = image(40, 40, (x, y, c) -> x >= 10 && x < 30 && y >= 10 && y < 30 ? 128 : image.channel(x, y, c));
        RgbImage out = withSeed(0).inpaint(painted, Mask.of(40, 40, v));
        for (int y = 10; y < 30; y++) {
            assertThat(out.rgb(15, y)).as("0.49 is known").isEqualTo(painted.rgb(15, y));
        }
        int changed = 0;
        for (int y = 10; y < 30; y++) {
            for (int x = 20; x < 30; x++) {
                changed += out.rgb(x, y) != painted.rgb(x, y) ? 1 : 0;
            }
        }
        assertThat(changed).as("0.5 is the hole and gets refilled").isGreaterThan(100);
    }

    @Test
    void fillsAStripedTextureWithThePattern() {
        // a grey fill would be ~90 away on average; the pattern must come back nearly exactly
        assertThat(fillError(withSeed(3), stripes(64, 64), new Box(22, 20, 42, 44))).isLessThan(4.0);
    }

    @Test
    void fillsACheckerboardWithThePattern() {
        assertThat(fillError(withSeed(9), checker(80, 80), new Box(28, 30, 50, 52))).isLessThan(6.0);
    }

    @Test
    void fillsASmoothGradientWithLowError() {
        RgbImage image = image(90, 70, (x, y, c) -> c == 0 ? 20 + 2 * x : c == 1 ? 200 - x : 100 + x / 2);
        assertThat(fillError(withSeed(4), image, new Box(35, 25, 60, 45))).isLessThan(2.0);
    }

    @Test
    void aHoleTouchingTheBorderIsFilledWhenThePyramidIsDeepEnough() {
        // 48x40 with a fixed minLevelSize of 32 has a single level, where the one-sided diffusion
        // start is a local minimum of the EM iterations; with coarser levels the stripes come back.
        // The automatic default (an eighth of the shorter side, at least 8) gives small images those levels.
        PatchMatchInpainter deeper = withSeed(0).toBuilder().minLevelSize(8).build();
        assertThat(fillError(deeper, stripes(48, 40), new Box(0, 0, 14, 40))).isLessThan(6.0);
        assertThat(fillError(withSeed(0), stripes(48, 40), new Box(0, 0, 14, 40))).isLessThan(6.0);
    }

    @Test
    void theAutomaticSmallestLevelIsAnEighthOfTheShorterSideWithinEightToSixtyFour() {
        assertThat(PatchMatchSolver.autoMinLevelSize(48, 40)).isEqualTo(8);
        assertThat(PatchMatchSolver.autoMinLevelSize(451, 300)).isEqualTo(37);
        assertThat(PatchMatchSolver.autoMinLevelSize(4000, 3000)).isEqualTo(64);
        assertThat(PatchMatchInpainter.builder().minLevelSize(0).build().toString()).contains("minLevelSize=0");
    }

    @Test
    void emptyMaskReturnsTheImageItself() {
        RgbImage one = RgbImage.filled(1, 1, 10, 20, 30);
        assertThat(withSeed(0).inpaint(one, Mask.empty(1, 1))).isSameAs(one);
        RgbImage image = noise(33, 17, 1);
        assertThat(withSeed(0).inpaint(image, Mask.of(33, 17, new float[33 * 17]))).isSameAs(image);
    }

    @Test
    void tinyAndOddSizesAreFilled() {
        int[][] sizes = {{8, 8}, {2, 1}, {1, 9}, {3, 3}, {13, 7}, {5, 31}, {101, 3}};
        for (int[] s : sizes) {
            int w = s[0];
            int h = s[1];
            RgbImage image = image(w, h, (x, y, c) -> 50 + 3 * x + 2 * y + 10 * c);
            float[] v = new float[w * h];
            v[(h / 2) * w + w / 2] = 1f;
            if (w > 2 && h > 2) {
                v[(h / 2) * w + w / 2 - 1] = 1f;
            }
            Mask mask = Mask.of(w, h, v);
            RgbImage out = withSeed(0).inpaint(image, mask);
            assertUnchangedOutside(image, out, mask);
            int x = w / 2;
            int y = h / 2;
            for (int c = 0; c < 3; c++) {
                assertThat(out.channel(x, y, c)).as("%dx%d centre channel %d", w, h, c)
                        .isCloseTo(image.channel(x, y, c), org.assertj.core.data.Offset.offset(12));
            }
        }
    }

    @Test
    void largePatchOnSmallImageFallsBackToSmallerPatches() {
        PatchMatchInpainter large = PatchMatchInpainter.builder().patchSize(31).build();
        assertThat(fillError(large, stripes(12, 12), new Box(5, 5, 7, 7))).isLessThan(40.0);
    }

    /** Mean absolute horizontal + vertical neighbour difference (channel 0) inside or outside a box. */
    private static double contrast(RgbImage image, Box box, boolean inside) {
        double sum = 0;
        long n = 0;
        for (int y = 0; y < image.height() - 1; y++) {
            for (int x = 0; x < image.width() - 1; x++) {
                boolean in = x >= box.x0() && x < box.x1() && y >= box.y0() && y < box.y1();
                if (in == inside) {
                    sum += Math.abs(image.channel(x + 1, y, 0) - image.channel(x, y, 0))
                            + Math.abs(image.channel(x, y + 1, 0) - image.channel(x, y, 0));
                    n++;
                }
            }
        }
        return sum / n;
    }

    @Test
    void theFillOfANoiseTextureKeepsItsContrastInsteadOfAveragingItAway() {
        RgbImage image = noise(96, 96, 21);
        Box box = new Box(30, 30, 66, 66);
        Mask mask = Mask.ofBox(96, 96, box);
        double around = contrast(image, box, false);
        RgbImage sharp = withSeed(2).inpaint(image, mask);
        assertUnchangedOutside(image, sharp, mask);
        // an averaged fill of uniform noise has a much lower neighbour contrast than the noise itself
        assertThat(contrast(sharp, box, true) / around).as("fill contrast over surrounding contrast").isGreaterThan(0.8);
    }

    @Test
    void weightedVotingAlsoReproducesTheTexture() {
        PatchMatchInpainter weighted = withSeed(3).toBuilder().weightedVoting(true).build();
        assertThat(fillError(weighted, stripes(64, 64), new Box(22, 20, 42, 44))).isLessThan(6.0);
    }

    @Test
    void fullMaskIsRejectedBecauseThereIsNothingToCopy() {
        assertThatThrownBy(() -> withSeed(0).inpaint(RgbImage.filled(6, 4, 1, 2, 3), Mask.full(6, 4)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at least one known pixel")
                .hasMessageContaining("6x4");
    }

    @Test
    void sizeMismatchAndNullsAreRejected() {
        PatchMatchInpainter pm = withSeed(0);
        assertThatThrownBy(() -> pm.inpaint(RgbImage.filled(6, 4, 1, 2, 3), Mask.empty(4, 6)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("mask size 4x6 must equal image size 6x4");
        assertThatThrownBy(() -> pm.inpaint(null, Mask.empty(4, 6)))
                .isInstanceOf(InvalidInputException.class).hasMessage("image must not be null");
        assertThatThrownBy(() -> pm.inpaint(RgbImage.filled(6, 4, 1, 2, 3), null))
                .isInstanceOf(InvalidInputException.class).hasMessage("mask must not be null");
    }

    @Test
    void builderValidatesEverySetting() {
        PatchMatchInpainter.Builder b = PatchMatchInpainter.builder();
        assertThatThrownBy(() -> b.patchSize(8)).isInstanceOf(InvalidInputException.class)
                .hasMessage("patchSize must be odd, was 8");
        assertThatThrownBy(() -> b.patchSize(0)).isInstanceOf(InvalidInputException.class)
                .hasMessage("patchSize must be between 1 and 31, was 0");
        assertThatThrownBy(() -> b.patchSize(33)).isInstanceOf(InvalidInputException.class)
                .hasMessage("patchSize must be between 1 and 31, was 33");
        assertThatThrownBy(() -> b.minLevelSize(3)).isInstanceOf(InvalidInputException.class)
                .hasMessage("minLevelSize must be between 4 and 4096, was 3");
        assertThatThrownBy(() -> b.maxLevels(0)).isInstanceOf(InvalidInputException.class)
                .hasMessage("maxLevels must be between 1 and 16, was 0");
        assertThatThrownBy(() -> b.emIterations(0)).isInstanceOf(InvalidInputException.class)
                .hasMessage("emIterations must be between 1 and 100, was 0");
        assertThatThrownBy(() -> b.patchMatchIterations(101)).isInstanceOf(InvalidInputException.class)
                .hasMessage("patchMatchIterations must be between 1 and 100, was 101");
        assertThatThrownBy(() -> b.parallelism(0)).isInstanceOf(InvalidInputException.class)
                .hasMessage("parallelism must be between 1 and 256, was 0");
        assertThatThrownBy(() -> b.sourceDistanceWeight(-1)).isInstanceOf(InvalidInputException.class)
                .hasMessage("sourceDistanceWeight must be between 0 and 10000, was -1.0");
        assertThatThrownBy(() -> b.sourceDistanceWeight(Double.NaN)).isInstanceOf(InvalidInputException.class)
                .hasMessage("sourceDistanceWeight must be between 0 and 10000, was NaN");
    }

    @Test
    void builderDefaultsAndToBuilderRoundTrip() {
        PatchMatchInpainter d = PatchMatchInpainter.builder().build();
        assertThat(d.patchSize()).isEqualTo(PatchMatchInpainter.DEFAULT_PATCH_SIZE);
        assertThat(d.parallelism()).isEqualTo(1);
        assertThat(d.seed()).isZero();
        PatchMatchInpainter custom = PatchMatchInpainter.builder().patchSize(5).minLevelSize(16).maxLevels(3)
                .emIterations(2).patchMatchIterations(3).weightedVoting(false).sourceDistanceWeight(250).sharpFill(false)
                .blendSeams(false).seed(-9).parallelism(3).build();
        PatchMatchInpainter copy = custom.toBuilder().build();
        assertThat(copy.toString()).isEqualTo(custom.toString())
                .contains("patchSize=5", "minLevelSize=16", "maxLevels=3", "emIterations=2", "patchMatchIterations=3",
                        "weightedVoting=false", "sourceDistanceWeight=250.0", "sharpFill=false", "blendSeams=false", "seed=-9",
                        "parallelism=3");
    }
}
