package dev.brushedit.blend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brushedit.core.image.Mask;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Randomised checks of the mask operations against brute-force definitions, on awkward sizes. */
class MaskPropertiesTest {
    private static final int[][] SIZES = {{1, 1}, {1, 7}, {13, 1}, {2, 2}, {17, 11}, {24, 31}};

    private static Mask random(Random r, int w, int h, double p) {
        float[] v = new float[w * h];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextDouble() < p ? 1f : 0f;
        }
        return Mask.of(w, h, v);
    }

    /** Dilation straight from the definition: any set pixel under the (anchored) square. */
    private static Mask bruteDilateSquare(Mask m, int k) {
        int w = m.width();
        int h = m.height();
        int a = k / 2;
        float[] v = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int dy = -a; dy < k - a && v[y * w + x] == 0; dy++) {
                    for (int dx = -a; dx < k - a; dx++) {
                        int sx = x + dx;
                        int sy = y + dy;
                        if (sx >= 0 && sy >= 0 && sx < w && sy < h && m.get(sx, sy) == 1f) {
                            v[y * w + x] = 1f;
                            break;
                        }
                    }
                }
            }
        }
        return Mask.of(w, h, v);
    }

    @Test
    void squareDilationMatchesTheDefinition() {
        Random r = new Random(11);
        for (int[] s : SIZES) {
            for (int k : new int[] {1, 2, 3, 4, 7}) {
                Mask m = random(r, s[0], s[1], 0.1);
                assertThat(MaskOps.dilate(m, StructuringElement.square(k), 1).sameValues(bruteDilateSquare(m, k)))
                        .as("%dx%d k=%d", s[0], s[1], k).isTrue();
            }
        }
    }

    @Test
    void erosionIsTheDualOfDilation() {
        Random r = new Random(12);
        for (int[] s : SIZES) {
            for (StructuringElement e : new StructuringElement[] {StructuringElement.square(3), StructuringElement.square(5),
                    StructuringElement.disk(1), StructuringElement.disk(3)}) {
                Mask m = random(r, s[0], s[1], 0.7);
                Mask eroded = MaskOps.erode(m, e, 2);
                Mask dual = MaskOps.invert(MaskOps.dilate(MaskOps.invert(m), e, 2));
                assertThat(eroded.sameValues(dual)).as("%dx%d %s", s[0], s[1], e).isTrue();
            }
        }
    }

    @Test
    void fillHolesSetsExactlyTheBackgroundRegionsAwayFromTheBorder() {
        Random r = new Random(13);
        for (int[] s : SIZES) {
            Mask m = random(r, s[0], s[1], 0.55);
            Mask filled = MaskOps.fillHoles(m);
            ConnectedComponents bg = MaskOps.components(MaskOps.invert(m), Connectivity.FOUR);
            boolean[] touches = new boolean[bg.count() + 1];
            int w = s[0];
            int h = s[1];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    if (x == 0 || y == 0 || x == w - 1 || y == h - 1) {
                        touches[bg.label(x, y)] = true;
                    }
                }
            }
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int l = bg.label(x, y);
                    float expected = (l == 0 || !touches[l]) ? 1f : 0f;
                    assertThat(filled.get(x, y)).as("%dx%d at (%d, %d)", w, h, x, y).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void closingContainsAndOpeningIsContainedInTheMask() {
        Random r = new Random(14);
        for (int[] s : SIZES) {
            Mask m = random(r, s[0], s[1], 0.5);
            StructuringElement e = StructuringElement.square(3);
            assertThat(MaskOps.difference(m, MaskOps.close(m, e, 1)).isEmpty()).isTrue();
            assertThat(MaskOps.difference(MaskOps.open(m, e, 1), m).isEmpty()).isTrue();
        }
    }
}
