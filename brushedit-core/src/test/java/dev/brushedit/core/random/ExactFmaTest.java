package dev.brushedit.core.random;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link ExactFma} against the JDK's {@link Math#fma(float, float, float)}, which is exact by specification. */
class ExactFmaTest {

    @Test
    void agreesWithMathFmaOnRandomArguments() {
        SplittableRandom random = new SplittableRandom(1);
        int checked = 0;
        for (int i = 0; i < 300_000; i++) {
            float a = randomFloat(random);
            float b = randomFloat(random);
            float c = randomFloat(random);
            expectSame(a, b, c);
            checked++;
        }
        assertThat(checked).isEqualTo(300_000);
    }

    @Test
    void agreesWhereMultiplyThenAddWouldRoundTwice() {
        // (1 + i 2^-12)(1 + j 2^-12) is exact in 25 bits and is a float midpoint when i*j is odd;
        // a tiny c then decides the rounding, but a double sum drops c and ties to even instead.
        SplittableRandom random = new SplittableRandom(2);
        int traps = 0;
        for (int n = 0; n < 200_000; n++) {
            float a = 1f + random.nextInt(1, 1 << 12) * 0x1.0p-12f;
            float b = 1f + random.nextInt(1, 1 << 12) * 0x1.0p-12f;
            float c = (random.nextBoolean() ? 1 : -1) * Math.scalb(1f + random.nextInt(1 << 23) * 0x1.0p-23f, -random.nextInt(40, 90));
            if ((float) ((double) a * b + c) != Math.fma(a, b, c)) {
                traps++;
            }
            expectSame(a, b, c);
            expectSame(-a, b, -c);
            // Cancellation: c removes the leading bits of the product.
            expectSame(a, b, -(float) ((double) a * b));
        }
        // The inputs must include double-rounding traps, or the test proves nothing.
        assertThat(traps).isGreaterThan(1000);
    }

    @Test
    void handlesZerosAndSigns() {
        expectSame(0f, 5f, -0f);
        expectSame(-0f, 5f, -0f);
        expectSame(-0f, 5f, 0f);
        expectSame(3f, 2f, -6f);
        expectSame(Float.MIN_VALUE, 0.5f, 0f);
        expectSame(Float.MIN_NORMAL, 0.75f, -Float.MIN_VALUE);
    }

    private static void expectSame(float a, float b, float c) {
        float want = Math.fma(a, b, c);
        float got = ExactFma.fma(a, b, c);
        if (Float.floatToRawIntBits(got) != Float.floatToRawIntBits(want)) {
            throw new AssertionError("fma(" + a + ", " + b + ", " + c + ") = " + got + ", expected " + want);
        }
    }

    private static float randomFloat(SplittableRandom random) {
        // Random sign, mantissa and an exponent range that keeps products and sums finite.
        int exponent = random.nextInt(127 - 60, 127 + 60);
        int bits = (random.nextInt(2) << 31) | (exponent << 23) | random.nextInt(1 << 23);
        return Float.intBitsToFloat(bits);
    }
}
