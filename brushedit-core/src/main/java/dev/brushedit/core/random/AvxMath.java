package dev.brushedit.core.random;

/**
 * Scalar, bit-exact re-implementations of the float32 {@code log} and {@code sincos} that
 * PyTorch's AVX2 normal kernel uses ({@code log256_ps} and {@code sincos256_ps} of
 * {@code avx_mathfun.h}, J. Pommier's SSE/AVX port of the Cephes single-precision routines).
 *
 * <p>Every step is one IEEE float32 operation in the same order as the vector code, so each lane
 * of the AVX result is reproduced exactly. PyTorch's x86-64 wheels are built with GCC, whose default
 * {@code -ffp-contract=fast} fuses each multiply whose only use is an add or subtract into one FMA
 * instruction (the AVX2 kernels are compiled with FMA enabled); the same pairs are fused here with
 * {@link Math#fma}. Which multiply of a {@code a * b + c * d} pair is fused was settled against
 * torch's output: dropping any one of the fusions makes some reference values differ. They are accurate to a few ulp, not correctly rounded:
 * that is why {@link Math#log} or {@link Math#sin} would not match torch bit for bit. Constants
 * are written as double literals cast to float because the C code initialises float arrays from
 * double literals.
 *
 * <p>Thread-safety: stateless, safe for concurrent use.
 */
final class AvxMath {
    private AvxMath() {}

    private static final float SQRT_HALF = (float) 0.707106781186547524;
    private static final float LOG_P0 = (float) 7.0376836292E-2;
    private static final float LOG_P1 = (float) -1.1514610310E-1;
    private static final float LOG_P2 = (float) 1.1676998740E-1;
    private static final float LOG_P3 = (float) -1.2420140846E-1;
    private static final float LOG_P4 = (float) 1.4249322787E-1;
    private static final float LOG_P5 = (float) -1.6668057665E-1;
    private static final float LOG_P6 = (float) 2.0000714765E-1;
    private static final float LOG_P7 = (float) -2.4999993993E-1;
    private static final float LOG_P8 = (float) 3.3333331174E-1;
    private static final float LOG_Q1 = (float) -2.12194440e-4;
    private static final float LOG_Q2 = (float) 0.693359375;

    private static final float FOUR_OVER_PI = (float) 1.27323954473516;
    private static final float MINUS_DP1 = (float) -0.78515625;
    private static final float MINUS_DP2 = (float) -2.4187564849853515625e-4;
    private static final float MINUS_DP3 = (float) -3.77489497744594108e-8;
    private static final float SIN_P0 = (float) -1.9515295891E-4;
    private static final float SIN_P1 = (float) 8.3321608736E-3;
    private static final float SIN_P2 = (float) -1.6666654611E-1;
    private static final float COS_P0 = (float) 2.443315711809948E-005;
    private static final float COS_P1 = (float) -1.388731625493765E-003;
    private static final float COS_P2 = (float) 4.166664568298827E-002;

    private static final int EXPONENT_BITS = 0x7f800000;
    private static final int HALF_BITS = Float.floatToRawIntBits(0.5f);
    private static final int SIGN_BIT = 0x80000000;

    /** Natural logarithm; NaN for {@code x <= 0} (and NaN), denormals treated as the smallest normal. */
    static float log(float x) {
        if (x <= 0f || Float.isNaN(x)) {
            return Float.NaN;
        }
        float v = Math.max(x, Float.MIN_NORMAL);
        int bits = Float.floatToRawIntBits(v);
        // Exponent as a float, plus one, and the mantissa scaled into [0.5, 1).
        float e = (float) ((bits >>> 23) - 0x7f);
        e = e + 1f;
        float m = Float.intBitsToFloat((bits & ~EXPONENT_BITS) | HALF_BITS);
        float addBack = 0f;
        if (m < SQRT_HALF) {
            addBack = m;
            e = e - 1f;
        }
        m = m - 1f;
        m = m + addBack;

        float z = m * m;
        float y = LOG_P0;
        y = Math.fma(y, m, LOG_P1);
        y = Math.fma(y, m, LOG_P2);
        y = Math.fma(y, m, LOG_P3);
        y = Math.fma(y, m, LOG_P4);
        y = Math.fma(y, m, LOG_P5);
        y = Math.fma(y, m, LOG_P6);
        y = Math.fma(y, m, LOG_P7);
        y = Math.fma(y, m, LOG_P8);
        y = y * m;
        y = Math.fma(y, z, e * LOG_Q1);
        y = Math.fma(-z, 0.5f, y);
        m = m + y;
        return Math.fma(e, LOG_Q2, m);
    }

    /**
     * Sine and cosine of {@code x} (accurate for |x| below about 8192), written to
     * {@code out[at]} (sine) and {@code out[at + 1]} (cosine).
     */
    static void sinCos(float x, float[] out, int at) {
        int signSin = Float.floatToRawIntBits(x) & SIGN_BIT;
        float a = Math.abs(x);
        // Octant: j = (trunc(a * 4/pi) + 1) & ~1, then a reduced by j * pi/4 in three parts.
        int j = (int) (a * FOUR_OVER_PI);
        j = (j + 1) & ~1;
        float fj = (float) j;
        if ((j & 4) != 0) {
            signSin ^= SIGN_BIT;
        }
        boolean firstPoly = (j & 2) == 0;
        int signCos = ((~(j - 2)) & 4) != 0 ? SIGN_BIT : 0;
        a = Math.fma(fj, MINUS_DP1, a);
        a = Math.fma(fj, MINUS_DP2, a);
        a = Math.fma(fj, MINUS_DP3, a);

        float z = a * a;
        float c = COS_P0;
        c = Math.fma(c, z, COS_P1);
        c = Math.fma(c, z, COS_P2);
        c = c * z;
        c = Math.fma(c, z, -(z * 0.5f));
        c = c + 1f;

        float s = SIN_P0;
        s = Math.fma(s, z, SIN_P1);
        s = Math.fma(s, z, SIN_P2);
        s = s * z;
        s = Math.fma(s, a, a);

        // Lane select exactly as the vector code: masked-out terms are +0 and are added, not skipped.
        float sinFromS = firstPoly ? s : 0f;
        float sinFromC = firstPoly ? 0f : c;
        float sine = sinFromC + sinFromS;
        float cosine = (c - sinFromC) + (s - sinFromS);
        out[at] = Float.intBitsToFloat(Float.floatToRawIntBits(sine) ^ signSin);
        out[at + 1] = Float.intBitsToFloat(Float.floatToRawIntBits(cosine) ^ signCos);
    }
}
