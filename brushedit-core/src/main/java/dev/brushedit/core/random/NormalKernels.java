package dev.brushedit.core.random;

/**
 * The two ways PyTorch's CPU backend fills a float32 tensor with N(0, 1) samples, reproduced bit
 * for bit.
 *
 * <ul>
 *   <li>{@link #fillVectorized} (16 or more elements): torch's {@code normal_fill} with the AVX2
 *       block kernel, which x86-64 builds run on AVX2 and AVX-512 CPUs alike (the normal kernel is
 *       not dispatched to AVX-512). All elements first receive float uniforms
 *       {@code (u32 & 0xFFFFFF) * 2^-24}; each block of 16 is then turned into normals by float32
 *       Box-Muller, lanes {@code j} and {@code j + 8} forming one pair. When the count is not a
 *       multiple of 16 the last 16 elements are drawn again and recomputed, overwriting the
 *       overlap.</li>
 *   <li>{@link #nextScalar} (fewer than 16 elements): torch's {@code at::normal_distribution<double>},
 *       double Box-Muller from two 53-bit uniforms with the second value of each pair cached in
 *       the generator, then rounded to float.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless apart from the arguments; callers serialise access to the engine.
 */
final class NormalKernels {
    private NormalKernels() {}

    /** Elements per vectorised Box-Muller block, and the threshold below which torch goes scalar. */
    static final int BLOCK = 16;

    private static final float UNIFORM_SCALE = 0x1.0p-24f;
    private static final double UNIFORM_SCALE_DOUBLE = 0x1.0p-53;
    private static final long MASK_53 = (1L << 53) - 1;
    // torch: _mm256_set1_ps(2.0f * c10::pi<double>), i.e. 2*pi in double rounded once to float.
    private static final float TWO_PI_FLOAT = (float) (2.0 * Math.PI);
    private static final double TWO_PI = 2.0 * Math.PI;

    /** Fills all of {@code out} (length at least {@link #BLOCK}) the way {@code normal_fill} does. */
    static void fillVectorized(Mt19937 engine, float[] out) {
        int n = out.length;
        for (int i = 0; i < n; i++) {
            out[i] = uniformFloat(engine);
        }
        float[] scratch = new float[2];
        for (int i = 0; i + BLOCK <= n; i += BLOCK) {
            boxMuller16(out, i, scratch);
        }
        if (n % BLOCK != 0) {
            int tail = n - BLOCK;
            for (int i = 0; i < BLOCK; i++) {
                out[tail + i] = uniformFloat(engine);
            }
            boxMuller16(out, tail, scratch);
        }
    }

    /** One draw of torch's scalar path: uses and clears the cached value, else makes a new pair. */
    static float nextScalar(Mt19937 engine, NormalCache cache) {
        if (cache.present) {
            cache.present = false;
            return (float) (cache.value + 0.0);
        }
        double u1 = uniformDouble(engine);
        double u2 = uniformDouble(engine);
        double radius = Math.sqrt(-2.0 * StrictMath.log1p(-u2));
        double theta = TWO_PI * u1;
        cache.value = radius * StrictMath.sin(theta);
        cache.present = true;
        // torch returns r * cos(theta) * std + mean with std = 1, mean = 0 (so -0 becomes +0).
        return (float) (radius * StrictMath.cos(theta) + 0.0);
    }

    private static float uniformFloat(Mt19937 engine) {
        return (engine.nextInt() & 0xFFFFFF) * UNIFORM_SCALE;
    }

    private static double uniformDouble(Mt19937 engine) {
        return (engine.nextLong() & MASK_53) * UNIFORM_SCALE_DOUBLE;
    }

    private static void boxMuller16(float[] data, int off, float[] sinCos) {
        for (int j = 0; j < 8; j++) {
            float u1 = 1f - data[off + j];
            float u2 = data[off + j + 8];
            float radius = (float) Math.sqrt(-2f * AvxMath.log(u1));
            float theta = TWO_PI_FLOAT * u2;
            AvxMath.sinCos(theta, sinCos, 0);
            // torch stores fmadd(n, std, mean) with std = 1 and mean = 0: exactly n + 0.
            data[off + j] = radius * sinCos[1] + 0f;
            data[off + j + 8] = radius * sinCos[0] + 0f;
        }
    }

    /** The generator's cached second Box-Muller value of the scalar path (torch's next_double_normal_sample). */
    static final class NormalCache {
        double value;
        boolean present;
    }
}
