package dev.brushedit.segment.internal;

/**
 * A 32-bit multiply-with-carry generator with the same recurrence, multiplier and draws as OpenCV's
 * {@code cv::RNG}, so that a seed picks the same k-means++ centres as {@code cv2.setRNGSeed(seed)} does
 * there: the state {@code s} (64 bits) becomes {@code low32(s) * 4164903690 + high32(s)} and each draw is
 * the new low 32 bits. Seed 0 is replaced by {@code 0xffffffff}, as OpenCV does.
 *
 * <p>Thread-safety: not thread-safe; one per segmentation.
 */
public final class MwcRandom {
    private static final long MULTIPLIER = 4164903690L;
    /** 2^-64, scaling two concatenated draws to [0, 1). */
    private static final double TWO_POW_MINUS_64 = 0x1.0p-64;
    private long state;

    /** A generator started from {@code seed} (0 means {@code 0xffffffff}). */
    public MwcRandom(long seed) {
        this.state = seed == 0 ? 0xffffffffL : seed;
    }

    /** The next 32 bits, as an unsigned value in a long. */
    public long nextUnsigned() {
        state = (state & 0xffffffffL) * MULTIPLIER + (state >>> 32);
        return state & 0xffffffffL;
    }

    /** A double in [0, 1) from two draws (the first forms the high bits). */
    public double nextDouble() {
        long high = nextUnsigned();
        long low = nextUnsigned();
        long bits = (high << 32) | low;
        // the unsigned 64-bit value rounded to the nearest double (the halved value keeps a sticky low bit)
        double value = bits >= 0 ? (double) bits : ((double) ((bits >>> 1) | (bits & 1L))) * 2.0;
        return value * TWO_POW_MINUS_64;
    }

    /** A uniform index in {@code [0, n)} as {@code next % n}. */
    public int nextIndex(int n) {
        return (int) (nextUnsigned() % n);
    }
}
