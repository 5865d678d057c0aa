package dev.brushedit.inpaint.patchmatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brushedit.core.image.ImageFiles;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Pins the PatchMatch inpainter's output on real photos to the exact bytes it gave when the quality
 * figures of BENCHMARKS.md were measured, so that speed work cannot silently change them.
 *
 * <p>How the constants were produced: SHA-256 of {@code RgbImage.toRgbBytes()} of each call below,
 * run with main's code at commit 0686ccf (before the speed-up of the pmspeed branch), OpenJDK 17,
 * from a scratch harness that built the same images and masks. A change that alters any output
 * pixel by any amount makes this test fail; if a change is meant to alter the output, the quality
 * evaluation of BENCHMARKS.md must be rerun and these constants replaced, saying so.
 */
class PinnedOutputTest {
    private static final String DEFAULT_ASTRONAUT = "d5bcb4f76756e8b8918f24634befb180be97c247b14396d0d8583bfd0d452aa0";
    private static final String DEFAULT_COFFEE_BORDER = "f0cb4aa89ea7b3e946c67978b532a1b2424fd282b8974349f6cb211a70cf19e6";
    private static final String PLAIN_MEMBRANE_TWO_THREADS = "3b59f502605eb40327395e95d020e1e3fc67dc53d8f6f93dc88a89c7fc3521a9";
    private static final String SHARP_FILL_SEED_3 = "d568704f8ca9cb8a81e026ec3afaad6030153bfb5c732adb52b07140714f30ca";

    private static Path samples() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("samples"))) {
            dir = dir.getParent();
        }
        return dir.resolve("samples");
    }

    /** A mask that is 1 inside any of the axis-aligned ellipses {cx, cy, rx, ry} (pixel centres at +0.5). */
    private static Mask ellipses(int w, int h, double[]... e) {
        float[] v = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (double[] q : e) {
                    double dx = (x + 0.5 - q[0]) / q[2];
                    double dy = (y + 0.5 - q[1]) / q[3];
                    if (dx * dx + dy * dy <= 1) {
                        v[y * w + x] = 1f;
                    }
                }
            }
        }
        return Mask.of(w, h, v);
    }

    /** The centred ellipse of PatchMatchBench (10 % of a 512x512 image). */
    private static Mask astronautHole() {
        return ellipses(512, 512, new double[] {256, 256, 0.2 * 512, 0.16 * 512});
    }

    /** An ellipse cut by the left border plus a second, separate ellipse, in the 600x400 coffee photo. */
    private static Mask coffeeHoles() {
        return ellipses(600, 400, new double[] {40, 200, 70, 60}, new double[] {420, 120, 45, 35});
    }

    private static String sha256(RgbImage image) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(image.toRgbBytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theDefaultFillOfTheAstronautIsUnchanged() {
        RgbImage astronaut = ImageFiles.read(samples().resolve("astronaut.png"));
        RgbImage out = PatchMatchInpainter.builder().build().inpaint(astronaut, astronautHole());
        assertThat(sha256(out)).isEqualTo(DEFAULT_ASTRONAUT);
    }

    @Test
    void theDefaultFillOfHolesInANonSquarePhotoTouchingItsBorderIsUnchanged() {
        RgbImage coffee = ImageFiles.read(samples().resolve("coffee.png"));
        RgbImage out = PatchMatchInpainter.builder().build().inpaint(coffee, coffeeHoles());
        assertThat(sha256(out)).isEqualTo(DEFAULT_COFFEE_BORDER);
    }

    @Test
    void thePlainMembraneFillOnTwoThreadsIsUnchanged() {
        RgbImage astronaut = ImageFiles.read(samples().resolve("astronaut.png"));
        RgbImage out = PatchMatchInpainter.builder().structureFill(false).parallelism(2).build()
                .inpaint(astronaut, astronautHole());
        assertThat(sha256(out)).isEqualTo(PLAIN_MEMBRANE_TWO_THREADS);
    }

    @Test
    void theSharpPatchFillIsUnchanged() {
        RgbImage coffee = ImageFiles.read(samples().resolve("coffee.png"));
        RgbImage out = PatchMatchInpainter.builder().lowBandWeight(1).highBandGain(1).seed(3).build()
                .inpaint(coffee, coffeeHoles());
        assertThat(sha256(out)).isEqualTo(SHARP_FILL_SEED_3);
    }
}
