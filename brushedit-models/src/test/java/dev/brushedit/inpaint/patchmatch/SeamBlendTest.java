package dev.brushedit.inpaint.patchmatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The gradient-domain seam blend: border offsets are spread over the hole, the fill's texture is kept. */
class SeamBlendTest {
    private static final int W = 40;
    private static final int H = 30;

    private static boolean inHole(int x, int y) {
        return x >= 12 && x < 28 && y >= 8 && y < 22;
    }

    /** Known pixels 100 + x (a ramp); the hole holds a bright copy, 160 + x plus a checker texture. */
    private static Level level() {
        float[] rgb = new float[3 * W * H];
        boolean[] hole = new boolean[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int i = y * W + x;
                hole[i] = inHole(x, y);
                float v = hole[i] ? 160 + x + texture(x, y) : 100 + x;
                rgb[3 * i] = v;
                rgb[3 * i + 1] = v - 10;
                rgb[3 * i + 2] = v + 5;
            }
        }
        Level level = new Level(W, H, rgb, hole);
        // the pixels the fill "proposes" for the border: a bright source column, 160 + x
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < W; x++) {
                int i = y * W + x;
                rgb[3 * i] = 160 + x;
                rgb[3 * i + 1] = 150 + x;
                rgb[3 * i + 2] = 165 + x;
            }
        }
        return level;
    }

    private static float texture(int x, int y) {
        return ((x / 2 + y / 2) % 2 == 0) ? 8 : -8;
    }

    @Test
    void aConstantBorderOffsetIsRemovedAndTheTextureKept() {
        Level level = level();
        // proposal for a border pixel (x, y): the bright source pixel in row 0 of the same column
        SeamBlend.apply(level, i -> i % W);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                if (inHole(x, y)) {
                    int i = 3 * (y * W + x);
                    assertThat(level.rgb[i]).as("red at (%d, %d)", x, y).isCloseTo(100 + x + texture(x, y), within(0.5f));
                    assertThat(level.rgb[i + 1]).isCloseTo(90 + x + texture(x, y), within(0.5f));
                    assertThat(level.rgb[i + 2]).isCloseTo(105 + x + texture(x, y), within(0.5f));
                }
            }
        }
    }

    @Test
    void knownPixelsAreNotChanged() {
        Level level = level();
        float[] before = level.rgb.clone();
        SeamBlend.apply(level, i -> i % W);
        for (int i = 0; i < W * H; i++) {
            if (!level.hole[i]) {
                assertThat(level.rgb[3 * i]).isEqualTo(before[3 * i]);
            }
        }
    }
}
