package dev.brushedit.inpaint.patchmatch;

/**
 * A small SplitMix64 generator. Each band of each pass gets its own instance seeded from the
 * user's seed and the pass coordinates, so results do not depend on scheduling or thread count.
 *
 * <p>Thread-safety: not thread-safe; one instance per band and pass.
 */
final class SplitMix {
    private long state;

    SplitMix(long seed) {
        this.state = seed;
    }

    /** A seed derived from {@code seed} and the coordinates of one pass over one band. */
    static long derive(long seed, int level, int em, int pass, int band) {
        long key = mix(seed);
        key = mix(key ^ (level * 0x9E3779B97F4A7C15L));
        key = mix(key ^ (em * 0xC2B2AE3D27D4EB4FL));
        key = mix(key ^ (pass * 0x165667B19E3779F9L));
        return mix(key ^ (band * 0xD6E8FEB86659FD93L));
    }

    long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        return mix(state);
    }

    /** Uniform in {@code [0, bound)}; {@code bound} must be positive. */
    int nextInt(int bound) {
        return (int) (((nextLong() >>> 33) * bound) >>> 31);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
