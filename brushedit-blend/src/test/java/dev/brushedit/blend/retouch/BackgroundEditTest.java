package dev.brushedit.blend.retouch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.blend.MaskOps;
import dev.brushedit.blend.StructuringElement;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Background edits on the astronaut photo with its subject mask (samples/astronaut-subject-mask.png). */
class BackgroundEditTest {
    static RgbImage astronaut;
    static Mask background;
    static boolean[] subjectCore;
    static boolean[] backgroundCore;
    static double feather;

    @BeforeAll
    static void load() {
        astronaut = Photos.image("astronaut.png");
        Mask subject = Photos.mask("astronaut-subject-mask.png");
        background = subject.invert();
        feather = Matte.defaultSigma(astronaut.width(), astronaut.height());
        StructuringElement beyond = StructuringElement.square(2 * Matte.reach(feather) + 3);
        subjectCore = Photos.set(MaskOps.erode(subject, beyond, 1));
        backgroundCore = Photos.set(MaskOps.erode(background, beyond, 1));
    }

    @Test
    void plainColourFillsTheBackgroundAndKeepsTheSubject() {
        RgbImage out = BackgroundEdit.fill(astronaut, background, 0xFFFFFF, feather);
        assertThat(Photos.differing(astronaut, out, subjectCore)).isZero();
        assertThat(Photos.differing(RgbImage.filled(512, 512, 255, 255, 255), out, backgroundCore)).isZero();
        assertThat(Photos.count(backgroundCore)).isGreaterThan(100_000);
    }

    @Test
    void blurLowersGradientEnergyInTheBackgroundOnly() {
        RgbImage out = BackgroundEdit.blur(astronaut, background, BackgroundEdit.defaultBlurSigma(512, 512), feather);
        double before = gradientEnergy(astronaut, backgroundCore);
        double after = gradientEnergy(out, backgroundCore);
        assertThat(after).as("background gradient energy %.1f -> %.1f", before, after).isLessThan(0.3 * before);
        assertThat(Photos.differing(astronaut, out, subjectCore)).isZero();
    }

    @Test
    void blurDoesNotDrawTheSubjectIntoTheBackground() {
        byte[] px = new byte[200 * 120 * 3];
        Arrays.fill(px, (byte) 128);
        Box square = new Box(80, 40, 120, 80);
        for (int y = square.y0(); y < square.y1(); y++) {
            for (int x = square.x0(); x < square.x1(); x++) {
                px[3 * (y * 200 + x)] = (byte) 230;
                px[3 * (y * 200 + x) + 1] = 20;
                px[3 * (y * 200 + x) + 2] = 20;
            }
        }
        RgbImage image = RgbImage.of(200, 120, px);
        Mask bg = Mask.ofBox(200, 120, square).invert();
        RgbImage out = BackgroundEdit.blur(image, bg, 15, 1);
        boolean[] farFromEdge = Photos.set(MaskOps.erode(bg, StructuringElement.square(9), 1));
        assertThat(Photos.differing(image, out, farFromEdge)).as("a flat grey background stays flat grey").isZero();
    }

    @Test
    void cutOutIsOpaqueOnTheSubjectAndClearOnTheBackground() {
        Mask alpha = BackgroundEdit.cutOut(astronaut, background, feather);
        float[] a = alpha.toArray();
        for (int i = 0; i < a.length; i++) {
            if (subjectCore[i]) {
                assertThat(a[i]).isEqualTo(1f);
            } else if (backgroundCore[i]) {
                assertThat(a[i]).isEqualTo(0f);
            }
        }
        long soft = 0;
        for (float v : a) {
            if (v > 0.02f && v < 0.98f) {
                soft++;
            }
        }
        assertThat(soft).as("a feathered edge").isGreaterThan(1000);
    }

    @Test
    void aBackgroundThatIsEverythingOrNothingIsRefused() {
        assertThatThrownBy(() -> BackgroundEdit.fill(astronaut, Mask.full(512, 512), 0, 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no subject");
        assertThatThrownBy(() -> BackgroundEdit.cutOut(astronaut, Mask.empty(512, 512), 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("empty");
    }

    /** Mean squared forward difference of the green channel over the selected pixels. */
    static double gradientEnergy(RgbImage img, boolean[] sel) {
        int w = img.width();
        double s = 0;
        long n = 0;
        for (int y = 0; y < img.height() - 1; y++) {
            for (int x = 0; x < w - 1; x++) {
                int i = y * w + x;
                if (sel[i] && sel[i + 1] && sel[i + w]) {
                    int g = img.channel(x, y, 1);
                    int dx = img.channel(x + 1, y, 1) - g;
                    int dy = img.channel(x, y + 1, 1) - g;
                    s += dx * dx + dy * dy;
                    n++;
                }
            }
        }
        return s / n;
    }
}
