package dev.brushedit.inpaint.patchmatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import org.junit.jupiter.api.Test;

/** The structure-following fill continues an edge that crosses the hole, where the membrane blurs it. */
class StructureFillTest {
    private static final int W = 96;
    private static final int H = 96;
    private static final int DARK = 40;
    private static final int BRIGHT = 210;
    /** The edge: the line y = CY + SLOPE (x - CX), about 22 degrees from horizontal. */
    private static final double SLOPE = 0.4;
    private static final double CX = 48;
    private static final double CY = 48;

    private static double signedDistance(double x, double y) {
        return (y - CY - SLOPE * (x - CX)) / Math.sqrt(1 + SLOPE * SLOPE);
    }

    /** A slanted step edge, dark above and bright below, lightly anti-aliased. */
    private static float truth(int x, int y) {
        double t = Math.max(0, Math.min(1, signedDistance(x, y) + 0.5));
        return (float) (DARK + (BRIGHT - DARK) * t);
    }

    private static boolean inHole(int x, int y) {
        return Math.abs(x - 48) < 18 && Math.abs(y - 48) < 18;
    }

    private static Level stepLevel() {
        float[] rgb = new float[3 * W * H];
        boolean[] hole = new boolean[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int i = y * W + x;
                hole[i] = inHole(x, y);
                for (int c = 0; c < 3; c++) {
                    rgb[3 * i + c] = hole[i] ? 255 : truth(x, y);
                }
            }
        }
        return new Level(W, H, rgb, hole);
    }

    @Test
    void anEdgeCrossingTheHoleIsContinuedWhereTheMembraneBlursIt() {
        Level level = stepLevel();
        float[] before = level.rgb.clone();
        float[] membrane = MembraneFill.fill(level);
        float[] structure = StructureFill.fill(level, membrane);
        assertThat(level.rgb).isEqualTo(before);
        double structureError = 0;
        double membraneError = 0;
        int far = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                if (!inHole(x, y)) {
                    assertThat(structure[3 * (y * W + x)]).isEqualTo(before[3 * (y * W + x)]);
                    continue;
                }
                if (Math.abs(signedDistance(x, y)) >= 3) {
                    // 3 pixels or more from the edge the true colour is flat: the fill must keep it
                    structureError += Math.abs(structure[3 * (y * W + x)] - truth(x, y));
                    membraneError += Math.abs(membrane[3 * (y * W + x)] - truth(x, y));
                    far++;
                }
            }
        }
        assertThat(far).isGreaterThan(800);
        assertThat(structureError / far).as("mean error 3+ px from the edge, structure fill")
                .isLessThan(0.75 * membraneError / far);
    }

    @Test
    void theContinuedEdgeKeepsItsPositionAndOrientationInsideTheHole() {
        Level level = stepLevel();
        float[] structure = StructureFill.fill(level, MembraneFill.fill(level));
        // along each hole column, the mid-grey crossing lies on the true line
        for (int x = 34; x <= 62; x += 4) {
            double crossing = Double.NaN;
            for (int y = 31; y < 65; y++) {
                float a = structure[3 * (y * W + x)];
                float b = structure[3 * ((y + 1) * W + x)];
                float mid = (DARK + BRIGHT) / 2f;
                if (a < mid && b >= mid) {
                    crossing = y + (mid - a) / (b - a);
                    break;
                }
            }
            double expected = CY + SLOPE * (x - CX) - 0.5;
            assertThat(crossing).as("edge row at column %d", x).isBetween(expected - 1.5, expected + 1.5);
        }
        // the gradient at the hole centre points across the line (slope 0.4: normal (-0.4, 1))
        int c = 48 * W + 48;
        double gx = structure[3 * (c + 1)] - structure[3 * (c - 1)];
        double gy = structure[3 * (c + W)] - structure[3 * (c - W)];
        double angle = Math.toDegrees(Math.atan2(gy, gx));
        double normal = Math.toDegrees(Math.atan2(1, -SLOPE));
        assertThat(angle).isCloseTo(normal, within(12.0));
        float[] m = MembraneFill.fill(level);
        assertThat(Math.hypot(gx, gy)).as("gradient at the centre")
                .isGreaterThan(1.3 * Math.hypot(m[3 * (c + 1)] - m[3 * (c - 1)], m[3 * (c + W)] - m[3 * (c - W)]));
    }

    @Test
    void withoutAnyGradientAroundTheHoleItIsThePlainMembrane() {
        float[] rgb = new float[3 * 40 * 30];
        boolean[] hole = new boolean[40 * 30];
        java.util.Arrays.fill(rgb, 77);
        for (int y = 10; y < 20; y++) {
            for (int x = 12; x < 25; x++) {
                hole[y * 40 + x] = true;
                rgb[3 * (y * 40 + x)] = 250;
            }
        }
        Level level = new Level(40, 30, rgb, hole);
        float[] membrane = MembraneFill.fill(level);
        assertThat(StructureFill.fill(level, membrane)).isEqualTo(membrane);
    }

    @Test
    void onAStepEdgeTheSsimIsHigherThanWithThePlainMembraneForTheDefaultAndTheSmoothFill() {
        byte[] bytes = new byte[3 * W * H];
        float[] mask = new float[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int i = y * W + x;
                mask[i] = inHole(x, y) ? 1 : 0;
                // a little deterministic texture so the patch fill has something to copy
                int v = Math.round(truth(x, y)) + ((x * 7 + y * 13) % 5) - 2;
                for (int c = 0; c < 3; c++) {
                    bytes[3 * i + c] = (byte) v;
                }
            }
        }
        RgbImage image = RgbImage.of(W, H, bytes);
        Mask hole = Mask.of(W, H, mask);
        PatchMatchInpainter structure = PatchMatchInpainter.builder().build();
        PatchMatchInpainter plain = structure.toBuilder().structureFill(false).build();
        double withStructure = Ssim.overHoleBox(image, structure.inpaint(image, hole), 30, 30, 66, 66);
        double withoutStructure = Ssim.overHoleBox(image, plain.inpaint(image, hole), 30, 30, 66, 66);
        assertThat(withStructure).isGreaterThan(withoutStructure + 0.02);
        // the smooth fill alone (no patch search): structure-following against the plain membrane
        PatchMatchInpainter smooth = structure.toBuilder().lowBandWeight(0).highBandGain(0).build();
        double smoothStructure = Ssim.overHoleBox(image, smooth.inpaint(image, hole), 30, 30, 66, 66);
        double smoothPlain = Ssim.overHoleBox(image,
                smooth.toBuilder().structureFill(false).build().inpaint(image, hole), 30, 30, 66, 66);
        assertThat(smoothStructure).isGreaterThan(smoothPlain + 0.08);
    }
}
