package dev.brushedit.inpaint.patchmatch;

/**
 * The smooth diffusion fill of a hole: the harmonic (membrane) interpolation of the known colours
 * around it, the solution of Laplace's equation inside the hole with the known pixels as fixed
 * boundary values (image borders reflect). Where the true content cannot be predicted it is the
 * estimate with the lowest squared error of the simple ones, so it carries the low frequencies of
 * the two-band fill ({@link TwoBand}). Solved by successive over-relaxation, started from an
 * the solution at half size (onion peeling at the coarsest size), until no colour changes by more
 * than {@link #TOLERANCE}.
 *
 * <p>Thread-safety: stateless.
 */
final class MembraneFill {
    /** Largest change of a channel value (8-bit scale) in the last sweep at which the solve stops. */
    static final float TOLERANCE = 0.02f;
    private static final int MAX_SWEEPS = 5000;
    /** Levels of the cascade are halved while the shorter side stays at least this. */
    private static final int COARSEST = 16;

    private MembraneFill() {}

    /**
     * The membrane fill of the hole of {@code level}: a copy of {@code level.rgb} whose hole pixels
     * are replaced; the known pixels and {@code level} itself are left unchanged. The level must
     * have at least one known pixel.
     */
    static float[] fill(Level level) {
        int w = level.width;
        int h = level.height;
        boolean[] hole = level.hole;
        float[] rgb = level.rgb.clone();
        Level coarse = Math.min(w, h) >= 2 * COARSEST ? level.downsample() : null;
        if (coarse != null && hasKnownPixel(coarse)) {
            // cascade: start from the (upsampled) solution at half size, which converges in few sweeps
            float[] start = fill(coarse);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = y * w + x;
                    if (hole[i]) {
                        System.arraycopy(start, 3 * ((y / 2) * coarse.width + x / 2), rgb, 3 * i, 3);
                    }
                }
            }
        } else {
            OnionPeel.fill(new Level(w, h, rgb, hole));
        }
        HoleBounds bounds = HoleBounds.of(hole, w);
        int n = bounds.count();
        int[] interior = new int[n];
        int k = 0;
        for (int i = 0; i < hole.length; i++) {
            if (hole[i]) {
                interior[k++] = i;
            }
        }
        float omega = bounds.overRelaxation();
        boolean[] everywhere = new boolean[w * h];
        java.util.Arrays.fill(everywhere, true);
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            if (relaxAll(rgb, everywhere, interior, w, h, omega) <= TOLERANCE) {
                break;
            }
        }
        return rgb;
    }

    private static boolean hasKnownPixel(Level level) {
        for (boolean h : level.hole) {
            if (!h) {
                return true;
            }
        }
        return false;
    }

    /** One in-place over-relaxation sweep over the hole pixels; returns the largest change. */
    private static float relaxAll(float[] rgb, boolean[] everywhere, int[] interior, int w, int h, float omega) {
        float largest = 0;
        float[] mean = new float[3];
        for (int i : interior) {
            largest = Math.max(largest, SeamBlend.relax(rgb, everywhere, i, w, h, mean, omega));
        }
        return largest;
    }
}
