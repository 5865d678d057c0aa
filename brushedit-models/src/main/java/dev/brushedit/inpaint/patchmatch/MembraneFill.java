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
        return cascade(level).membrane();
    }

    /**
     * The membrane fill of {@code level} (as {@link #fill}) together with those of the coarser
     * levels its cascade solved on the way, so that callers needing them do not solve them again.
     */
    static Cascade cascade(Level level) {
        int w = level.width;
        int h = level.height;
        boolean[] hole = level.hole;
        float[] rgb = level.rgb.clone();
        Level coarse = Math.min(w, h) >= 2 * COARSEST ? level.downsample() : null;
        Cascade coarser = null;
        if (coarse != null && hasKnownPixel(coarse)) {
            // cascade: start from the (upsampled) solution at half size, which converges in few sweeps
            coarser = cascade(coarse);
            float[] start = coarser.membrane();
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
        LaplaceSweep laplace = new LaplaceSweep(interior, n, w, h, null);
        float omega = bounds.overRelaxation();
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            if (laplace.sweep(rgb, omega) <= TOLERANCE) {
                break;
            }
        }
        return new Cascade(level, rgb, coarser);
    }

    /**
     * A level's membrane fill and the cascade below it.
     *
     * <p>Thread-safety: immutable by convention (the arrays are shared, not copied).
     *
     * @param level the level that was filled
     * @param membrane its membrane fill (see {@link #fill})
     * @param coarser the same for the level of half the size that the solve started from, or
     *     {@code null} where it started from onion peeling
     */
    record Cascade(Level level, float[] membrane, Cascade coarser) {}

    private static boolean hasKnownPixel(Level level) {
        for (boolean h : level.hole) {
            if (!h) {
                return true;
            }
        }
        return false;
    }
}
