package dev.brushedit.inpaint.patchmatch;

/**
 * The structure-following smooth fill of a hole: an anisotropic membrane that diffuses along the
 * edges entering the hole and hardly across them, so a rim, horizon or table edge that crosses the
 * hole is continued through it instead of being blurred away as the plain membrane
 * ({@link MembraneFill}) does.
 *
 * <p>Steps: (1) the structure tensor {@code J = G_rho * (grad I grad I^T)} of the grey image is
 * measured on the known pixels around the hole (gradients only where the central differences touch
 * no hole pixel, smoothed by a normalised Gaussian of sigma {@link #RHO}); (2) it is carried into
 * the hole by the membrane interpolation of its three components, so the orientations of the edges
 * at the border are interpolated across the hole, strong edges outweighing weak texture (an edge
 * that enters on one side and leaves on the other sets the orientation along the whole way); (3) the fill solves
 * an anisotropic diffusion inside the hole with the known pixels fixed: each pixel is the weighted
 * mean of its 8 neighbours, the weight towards a neighbour 1 when it lies along the isophote (across
 * the tensor's main eigenvector) and falling to {@code max(MIN_CONDUCTANCE, exp(-(l1 - l2) /
 * EDGE_SCALE))} away from it (see {@link #FOCUS}); weights are symmetric and non-negative (a
 * monotone scheme: the fill stays within the range of the border colours), and the system is solved
 * by over-relaxation, coarse to fine: each level starts from the upsampled solution at half size,
 * the coarsest from the plain membrane.
 * Where the border has no coherent edge the conductances are all about 1 and the result is the
 * plain membrane.
 *
 * <p>Thread-safety: stateless.
 */
final class StructureFill {
    /** Standard deviation of the structure tensor's smoothing, in pixels. */
    static final double RHO = 4.0;
    /** Edge strength (tensor eigenvalue gap, squared grey levels) at which the across-edge conductance is 1/e. */
    static final float EDGE_SCALE = 10f;
    /** Smallest across-edge conductance (the along-edge conductance is 1). */
    static final float MIN_CONDUCTANCE = 0.02f;
    /**
     * Exponent that narrows the along-edge conductance to the neighbours closest to the isophote:
     * with 8 neighbours 45 degrees apart, a quadratic form leaks across a slanted edge.
     */
    static final int FOCUS = 10;
    /** Largest change of a channel value (8-bit scale) in the last sweep at which the solve stops. */
    static final float TOLERANCE = 0.02f;
    private static final int MAX_SWEEPS = 5000;
    /** The tensor field is interpolated scaled to this largest trace. */
    private static final float TENSOR_RANGE = 16;
    /** Levels of the cascade are halved while the shorter side stays at least this. */
    private static final int COARSEST = 16;
    private static final int[] DX = {1, -1, 0, 0, 1, -1, 1, -1};
    private static final int[] DY = {0, 0, 1, -1, 1, -1, -1, 1};

    private StructureFill() {}

    /**
     * The structure-following fill of the hole of {@code level}, with known pixels from {@code membrane}
     * (its plain membrane fill): a copy of {@code membrane} whose hole pixels are replaced; neither
     * argument is changed.
     */
    static float[] fill(Level level, float[] membrane) {
        int w = level.width;
        int h = level.height;
        Level coarse = Math.min(w, h) >= 2 * COARSEST ? level.downsample() : null;
        boolean cascade = coarse != null && HoleBounds.of(coarse.hole, coarse.width).count() < coarse.hole.length;
        return fill(level, membrane, cascade ? MembraneFill.cascade(coarse) : null);
    }

    /**
     * {@link #fill(Level, float[])} given the membrane cascade of the level of half the size
     * ({@code null} where the level is too small or that level has no known pixel), as
     * {@link MembraneFill#cascade} gives it: the fill at each coarser level then starts from that
     * level's membrane without solving it again.
     */
    static float[] fill(Level level, float[] membrane, MembraneFill.Cascade coarser) {
        int w = level.width;
        int h = level.height;
        boolean[] hole = level.hole;
        HoleBounds bounds = HoleBounds.of(hole, w);
        int n = bounds.count();
        float[] out = membrane.clone();
        if (n == 0) {
            return out;
        }
        if (coarser != null) {
            // cascade: start from the (upsampled) solution at half size, which converges in few sweeps
            Level coarse = coarser.level();
            float[] start = fill(coarse, coarser.membrane(), coarser.coarser());
            for (int i = 0; i < hole.length; i++) {
                if (hole[i]) {
                    System.arraycopy(start, 3 * (((i / w) / 2) * coarse.width + (i % w) / 2), out, 3 * i, 3);
                }
            }
        }
        int margin = (int) Math.ceil(3 * RHO) + 2;
        Crop crop = new Crop(Math.max(0, bounds.x0() - margin), Math.max(0, bounds.y0() - margin),
                Math.min(w - 1, bounds.x1() + margin), Math.min(h - 1, bounds.y1() + margin));
        float[] tensor = tensorField(level, crop);
        if (tensor == null) {
            return out; // no gradient around the hole: the plain membrane is the answer
        }
        float[] orientation = orientations(tensor);
        int[] pixels = new int[n];
        int[] neighbours = new int[8 * n];
        float[] weights = new float[8 * n];
        float[] totals = new float[n];
        int k = 0;
        for (int i = 0; i < hole.length; i++) {
            if (hole[i]) {
                pixels[k] = i;
                int x = i % w;
                int y = i / w;
                for (int d = 0; d < 8; d++) {
                    int nx = x + DX[d];
                    int ny = y + DY[d];
                    int slot = 8 * k + d;
                    if (nx < 0 || ny < 0 || nx >= w || ny >= h) {
                        neighbours[slot] = -1;
                        continue;
                    }
                    float length2 = DX[d] * DX[d] + DY[d] * DY[d];
                    float wt = 0.5f * (conductance(orientation, crop.index(x, y), DX[d], DY[d])
                            + conductance(orientation, crop.index(nx, ny), DX[d], DY[d])) / length2;
                    neighbours[slot] = ny * w + nx;
                    weights[slot] = wt;
                    totals[k] += wt;
                }
                k++;
            }
        }
        float[] inverses = new float[n];
        for (k = 0; k < n; k++) {
            inverses[k] = 1 / totals[k];
        }
        float omega = bounds.overRelaxation();
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            if (sweep(out, pixels, neighbours, weights, totals, inverses, omega) <= TOLERANCE) {
                break;
            }
        }
        return out;
    }

    /**
     * One in-place over-relaxation sweep ({@code inverses[k] = 1 / totals[k]}); returns the largest
     * change of a channel value.
     */
    private static float sweep(float[] rgb, int[] pixels, int[] neighbours, float[] weights, float[] totals,
            float[] inverses, float omega) {
        float largest = 0;
        for (int k = 0; k < pixels.length; k++) {
            if (totals[k] <= 0) {
                continue;
            }
            float r = 0;
            float g = 0;
            float b = 0;
            for (int d = 0; d < 8; d++) {
                int j = neighbours[8 * k + d];
                if (j >= 0) {
                    float wt = weights[8 * k + d];
                    r += wt * rgb[3 * j];
                    g += wt * rgb[3 * j + 1];
                    b += wt * rgb[3 * j + 2];
                }
            }
            int o = 3 * pixels[k];
            float inv = inverses[k];
            float dr = omega * (r * inv - rgb[o]);
            float dg = omega * (g * inv - rgb[o + 1]);
            float db = omega * (b * inv - rgb[o + 2]);
            rgb[o] += dr;
            rgb[o + 1] += dg;
            rgb[o + 2] += db;
            largest = Math.max(largest, Math.max(Math.abs(dr), Math.max(Math.abs(dg), Math.abs(db))));
        }
        return largest;
    }

    /**
     * Per crop pixel, interleaved: the unit main eigenvector of the tensor (the gradient direction,
     * x then y) and the across-edge conductance {@code a1 = max(MIN_CONDUCTANCE, exp(-(l1 - l2) /
     * EDGE_SCALE))}.
     */
    private static float[] orientations(float[] tensor) {
        int n = tensor.length / 3;
        float[] out = new float[3 * n];
        for (int c = 0; c < n; c++) {
            float jxx = tensor[3 * c];
            float jxy = tensor[3 * c + 1];
            float jyy = tensor[3 * c + 2];
            float half = (jxx - jyy) / 2;
            float gap = 2 * (float) Math.sqrt(half * half + jxy * jxy);
            double angle = 0.5 * Math.atan2(2 * jxy, jxx - jyy);
            out[3 * c] = (float) Math.cos(angle);
            out[3 * c + 1] = (float) Math.sin(angle);
            out[3 * c + 2] = Math.max(MIN_CONDUCTANCE, (float) Math.exp(-gap / EDGE_SCALE));
        }
        return out;
    }

    /**
     * The conductance at crop pixel {@code c} towards the neighbour in direction {@code (dx, dy)}:
     * {@code a1 + (1 - a1) (1 - p^2)^FOCUS} with {@code p} the cosine between the direction and the
     * tensor's main eigenvector (the gradient direction) and {@code a1} the across-edge conductance
     * (see {@link #orientations}): 1 along the isophote, falling quickly to {@code a1} away from it.
     */
    private static float conductance(float[] orientation, int c, int dx, int dy) {
        float p = (orientation[3 * c] * dx + orientation[3 * c + 1] * dy) / (float) Math.sqrt(dx * dx + dy * dy);
        float across = orientation[3 * c + 2];
        float q = 1 - p * p;
        float along = 1;
        for (int k = 0; k < FOCUS; k++) {
            along *= q;
        }
        return across + (1 - across) * along;
    }

    /**
     * The structure tensor (interleaved {@code Jxx, Jxy, Jyy}) over {@code crop}, measured on the
     * known pixels and carried into the hole by the membrane interpolation; {@code null} when the
     * known pixels of the crop have no gradient at all.
     */
    private static float[] tensorField(Level level, Crop crop) {
        int w = level.width;
        int h = level.height;
        boolean[] hole = level.hole;
        float[] rgb = level.rgb;
        int cw = crop.width();
        int ch = crop.height();
        float[] products = new float[3 * cw * ch];
        float[] valid = new float[3 * cw * ch];
        boolean[] cropHole = new boolean[cw * ch];
        for (int cy = 0; cy < ch; cy++) {
            for (int cx = 0; cx < cw; cx++) {
                int x = crop.x0 + cx;
                int y = crop.y0 + cy;
                int i = y * w + x;
                int c = cy * cw + cx;
                cropHole[c] = hole[i];
                if (hole[i] || x == 0 || y == 0 || x == w - 1 || y == h - 1 || hole[i - 1] || hole[i + 1]
                        || hole[i - w] || hole[i + w]) {
                    continue;
                }
                float gx = (grey(rgb, i + 1) - grey(rgb, i - 1)) / 2;
                float gy = (grey(rgb, i + w) - grey(rgb, i - w)) / 2;
                products[3 * c] = gx * gx;
                products[3 * c + 1] = gx * gy;
                products[3 * c + 2] = gy * gy;
                valid[3 * c] = 1;
                valid[3 * c + 1] = 1;
                valid[3 * c + 2] = 1;
            }
        }
        float[] kernel = TwoBand.kernel(RHO);
        float[] smooth = TwoBand.blur(products, cw, ch, kernel);
        float[] weight = TwoBand.blur(valid, cw, ch, kernel);
        float largest = 0;
        for (int c = 0; c < cw * ch; c++) {
            if (cropHole[c]) {
                smooth[3 * c] = 0;
                smooth[3 * c + 1] = 0;
                smooth[3 * c + 2] = 0;
                continue;
            }
            float norm = Math.max(weight[3 * c], 1e-6f);
            for (int j = 0; j < 3; j++) {
                smooth[3 * c + j] /= norm;
            }
            largest = Math.max(largest, smooth[3 * c] + smooth[3 * c + 2]);
        }
        if (!(largest > 0)) {
            return null;
        }
        // the membrane solve stops at an absolute change of 0.02: at this range the orientation is
        // still exact to a fraction of a degree where an edge matters, in far fewer sweeps
        float scale = TENSOR_RANGE / largest;
        for (int j = 0; j < smooth.length; j++) {
            smooth[j] *= scale;
        }
        float[] filled = MembraneFill.fill(new Level(cw, ch, smooth, cropHole));
        for (int j = 0; j < filled.length; j++) {
            filled[j] /= scale;
        }
        return filled;
    }

    private static float grey(float[] rgb, int i) {
        return (rgb[3 * i] + rgb[3 * i + 1] + rgb[3 * i + 2]) / 3;
    }

    /** A rectangle of the image, {@code [x0, x1] x [y0, y1]} inclusive. */
    private record Crop(int x0, int y0, int x1, int y1) {
        int width() {
            return x1 - x0 + 1;
        }

        int height() {
            return y1 - y0 + 1;
        }

        /** Crop index of image pixel {@code (x, y)}, which must lie inside the crop. */
        int index(int x, int y) {
            return (y - y0) * width() + (x - x0);
        }
    }
}
