package dev.brushedit.core.random;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The float routines are Cephes-grade approximations: a few ulp from the exact values. These tests
 * check accuracy against double-precision {@link StrictMath}; bit-exactness with torch is checked
 * by {@link TorchGeneratorParityTest}.
 */
class AvxMathTest {

    @Test
    void logIsWithinOneUlpOnTheBoxMullerRange() {
        // The kernel takes log of 1 - u with u = k * 2^-24, so arguments are k * 2^-24 for k in [1, 2^24].
        double worstUlps = 0;
        float worstAt = 0;
        for (int k = 1; k <= 1 << 24; k += 7) {
            float x = k * 0x1.0p-24f;
            double exact = StrictMath.log(x);
            double ulps = Math.abs(AvxMath.log(x) - exact) / Math.max(Math.ulp((float) exact), Float.MIN_VALUE);
            if (ulps > worstUlps) {
                worstUlps = ulps;
                worstAt = x;
            }
        }
        assertThat(worstUlps).as("worst error in ulp, at x = %s", worstAt).isLessThanOrEqualTo(1.0);
        assertThat(AvxMath.log(1f)).isEqualTo(0f);
        assertThat(AvxMath.log(0.5f)).isCloseTo((float) Math.log(0.5), org.assertj.core.data.Offset.offset(1e-7f));
    }

    @Test
    void logOfNonPositiveIsNaN() {
        assertThat(AvxMath.log(0f)).isNaN();
        assertThat(AvxMath.log(-1f)).isNaN();
        assertThat(AvxMath.log(Float.NaN)).isNaN();
    }

    @Test
    void sinCosAreAccurateOnZeroToTwoPi() {
        float[] sc = new float[2];
        float twoPi = (float) (2 * Math.PI);
        double worst = 0;
        float worstAt = 0;
        for (int k = 0; k < 1 << 24; k += 5) {
            float theta = twoPi * (k * 0x1.0p-24f);
            AvxMath.sinCos(theta, sc, 0);
            double err = Math.max(Math.abs(sc[0] - StrictMath.sin(theta)), Math.abs(sc[1] - StrictMath.cos(theta)));
            if (err > worst) {
                worst = err;
                worstAt = theta;
            }
        }
        assertThat(worst).as("worst absolute error, at theta = %s", worstAt).isLessThan(1.0e-7);
    }

    @Test
    void sinCosKeepsTheSineSignForNegativeArguments() {
        float[] pos = new float[2];
        float[] neg = new float[2];
        for (float x = 0.01f; x < 6.2f; x += 0.37f) {
            AvxMath.sinCos(x, pos, 0);
            AvxMath.sinCos(-x, neg, 0);
            assertThat(neg[0]).isEqualTo(-pos[0]);
            assertThat(neg[1]).isEqualTo(pos[1]);
        }
    }
}
