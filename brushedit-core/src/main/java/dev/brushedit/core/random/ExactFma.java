package dev.brushedit.core.random;

/**
 * A float fused multiply-add, {@code a * b + c} rounded once, computed with double arithmetic so
 * that it is fast on every JVM. {@link Math#fma(float, float, float)} gives the same results but
 * is only fast where HotSpot maps it to an FMA instruction; elsewhere (x86 CPUs without FMA3, or
 * {@code -XX:-UseFMA}) it falls back to {@code BigDecimal} and is thousands of times slower.
 *
 * <p>Method: {@code a * b} is exact in double (48 significant bits), so only the sum with
 * {@code c} is rounded before the final rounding to float. Rounding twice can differ from rounding
 * once only when the double sum falls exactly on a midpoint between two floats (a float midpoint
 * is itself a double, so the exact sum and the double sum lie on the same side of every other
 * one). That rare case, and results below the float normal range, are redone with round-to-odd:
 * the exact error of the double sum (Knuth's TwoSum) selects the neighbouring odd double, and a
 * value rounded to odd with at least two more bits than float rounds to float as the exact sum
 * would (Boldo and Melquiond, IEEE Trans. Computers 57(4), 2008). Valid for finite arguments whose
 * exact result is within float range.
 *
 * <p>Thread-safety: stateless, safe for concurrent use.
 */
final class ExactFma {
    private ExactFma() {}

    /** Low 29 bits of a double's significand: the bits below float precision. */
    private static final long BELOW_FLOAT = (1L << 29) - 1;
    private static final long FLOAT_MIDPOINT = 1L << 28;

    /** {@code a * b + c} with a single rounding to float. */
    static float fma(float a, float b, float c) {
        double product = (double) a * b;
        double sum = product + c;
        if ((Double.doubleToRawLongBits(sum) & BELOW_FLOAT) != FLOAT_MIDPOINT
                && Math.abs(sum) >= Float.MIN_NORMAL) {
            return (float) sum;
        }
        return (float) sumRoundedToOdd(product, c, sum);
    }

    private static double sumRoundedToOdd(double x, double y, double sum) {
        double yVirtual = sum - x;
        double error = (x - (sum - yVirtual)) + (y - yVirtual);
        if (error == 0) {
            return sum;
        }
        long bits = Double.doubleToRawLongBits(sum);
        // Truncate towards zero (one step back if the sum was rounded away from zero), then set the
        // last bit as the sticky bit.
        long roundedAway = (Double.doubleToRawLongBits(error) ^ bits) >>> 63;
        return Double.longBitsToDouble((bits - roundedAway) | 1L);
    }
}
