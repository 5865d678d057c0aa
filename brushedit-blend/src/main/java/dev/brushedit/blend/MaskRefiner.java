package dev.brushedit.blend;

import dev.brushedit.blend.internal.Morphology;
import dev.brushedit.blend.internal.Planes;
import dev.brushedit.blend.internal.Regions;
import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ZONE's Region-IoU mask refinement: turns a coarse edit mask into a precise one by picking among
 * candidate segments.
 *
 * <ol>
 *   <li>Regions of the coarse mask (4-connected, values {@code >= 0.5} set) smaller than
 *       {@link Builder#minRegion} (default 64) pixels are dropped.</li>
 *   <li>The candidate with the highest IoU ({@code |c & m| / |c | m|}) with the coarse mask is
 *       selected; the first one wins ties; candidates with IoU 0 are never selected.</li>
 *   <li>Optionally ({@link Builder#unionThreshold}) every candidate whose region-IoU
 *       {@code |c & m| / |c|} is at least the threshold is added to it.</li>
 *   <li>Clean-up: small regions dropped again, holes filled ({@link Builder#fillHoles}, default on),
 *       then {@link Builder#dilateIterations} dilations with a 3x3 square (default 0).</li>
 * </ol>
 * An empty coarse mask (after step 1) gives an empty mask; when no candidate overlaps it, the
 * cleaned coarse mask is returned. In {@link ZoneMode#REFERENCE} mode the small-region filter keeps
 * ZONE's quirk (a region is dropped when its pixel count times its label index is under the limit,
 * and its whole bounding box is cleared); with {@code fillHoles(false)}, no union and no dilation
 * the result equals ZONE's {@code get_finemask_everything}.
 *
 * <p>Thread-safety: immutable, safe for concurrent use (the {@link SegmentSource} decides its own).
 */
public final class MaskRefiner {
    private static final Logger LOG = LoggerFactory.getLogger(MaskRefiner.class);

    private final ZoneMode mode;
    private final int minRegion;
    private final double unionThreshold;
    private final boolean fillHoles;
    private final int dilateIterations;

    private MaskRefiner(Builder b) {
        this.mode = b.mode;
        this.minRegion = b.minRegion;
        this.unionThreshold = b.unionThreshold;
        this.fillHoles = b.fillHoles;
        this.dilateIterations = b.dilateIterations;
    }

    /** A builder with ZONE's defaults in {@link ZoneMode#CORRECTED} mode. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this refiner's settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.mode = mode;
        b.minRegion = minRegion;
        b.unionThreshold = unionThreshold;
        b.fillHoles = fillHoles;
        b.dilateIterations = dilateIterations;
        return b;
    }

    /** Refines {@code coarse} with the segments {@code source} proposes for {@code image}. */
    public Mask refine(RgbImage image, Mask coarse, SegmentSource source) {
        Planes.sameSize("image", image, "coarse", coarse);
        Checks.notNull("source", source);
        List<Mask> segments = source.segments(image);
        if (segments == null) {
            throw new InvalidInputException("segment source returned null; it must return a list, possibly empty");
        }
        return refine(coarse, segments);
    }

    /**
     * Refines {@code coarse} with the given candidates.
     *
     * @throws InvalidInputException when a candidate is null or its size differs from the coarse mask
     */
    public Mask refine(Mask coarse, List<Mask> candidates) {
        Planes.require("coarse", coarse);
        Checks.notNull("candidates", candidates);
        int w = coarse.width();
        int h = coarse.height();
        byte[][] segs = new byte[candidates.size()][];
        for (int i = 0; i < segs.length; i++) {
            Mask c = candidates.get(i);
            if (c == null) {
                throw new InvalidInputException("candidate " + i + " must not be null");
            }
            if (c.width() != w || c.height() != h) {
                throw new InvalidInputException("candidate " + i + " size " + c.width() + "x" + c.height()
                        + " must equal coarse mask size " + w + "x" + h);
            }
            segs[i] = Planes.binary(c);
        }
        byte[] m = dropSmall(Planes.binary(coarse), w, h);
        int best = -1;
        double bestIou = 0;
        for (int i = 0; i < segs.length; i++) {
            long inter = 0;
            long union = 0;
            for (int p = 0; p < m.length; p++) {
                inter += m[p] & segs[i][p];
                union += m[p] | segs[i][p];
            }
            double iou = union == 0 ? 0 : (double) inter / union;
            if (iou > bestIou) {
                bestIou = iou;
                best = i;
            }
        }
        byte[] out;
        if (best < 0) {
            LOG.debug("no candidate overlaps the coarse mask; keeping the cleaned coarse mask");
            out = m;
        } else {
            out = segs[best].clone();
            if (!Double.isNaN(unionThreshold)) {
                addByRegionIou(out, m, segs);
            }
        }
        out = dropSmall(out, w, h);
        if (fillHoles) {
            out = Regions.fillHoles(out, w, h, false);
        }
        for (int i = 0; i < dilateIterations; i++) {
            out = Morphology.dilateRect(out, w, h, 3, 3);
        }
        return Planes.toMask(out, w, h);
    }

    private void addByRegionIou(byte[] out, byte[] m, byte[][] segs) {
        for (byte[] s : segs) {
            long inter = 0;
            long area = 0;
            for (int p = 0; p < m.length; p++) {
                inter += m[p] & s[p];
                area += s[p];
            }
            if (area > 0 && (double) inter / area >= unionThreshold) {
                for (int p = 0; p < out.length; p++) {
                    out[p] |= s[p];
                }
            }
        }
    }

    private byte[] dropSmall(byte[] p, int w, int h) {
        if (mode == ZoneMode.CORRECTED) {
            return MaskOps.removeSmall(p, w, h, minRegion, false);
        }
        return referenceDropSmall(p, w, h, minRegion);
    }

    /** ZONE's filter: label {@code L} with {@code n} pixels is dropped when {@code n * L < limit}; its bounding box is cleared. */
    static byte[] referenceDropSmall(byte[] p, int w, int h, int limit) {
        int[] labels = new int[p.length];
        int n = Regions.label(p, w, h, false, labels);
        long[] areas = Regions.areas(labels, n);
        int[][] box = new int[n + 1][];
        for (int i = 0; i < labels.length; i++) {
            int l = labels[i];
            if (l == 0) {
                continue;
            }
            int x = i % w;
            int y = i / w;
            if (box[l] == null) {
                box[l] = new int[] {x, y, x, y};
            } else {
                box[l][0] = Math.min(box[l][0], x);
                box[l][1] = Math.min(box[l][1], y);
                box[l][2] = Math.max(box[l][2], x);
                box[l][3] = Math.max(box[l][3], y);
            }
        }
        byte[] out = p.clone();
        for (int l = 1; l <= n; l++) {
            if (areas[l] * l < limit) {
                for (int y = box[l][1]; y <= box[l][3]; y++) {
                    java.util.Arrays.fill(out, y * w + box[l][0], y * w + box[l][2] + 1, (byte) 0);
                }
            }
        }
        return out;
    }

    /**
     * Settings of a {@link MaskRefiner}; every setter validates at once.
     *
     * <p>Thread-safety: not thread-safe; confine a builder to one thread.
     */
    public static final class Builder {
        private ZoneMode mode = ZoneMode.CORRECTED;
        private int minRegion = 64;
        private double unionThreshold = Double.NaN;
        private boolean fillHoles = true;
        private int dilateIterations = 0;

        private Builder() {}

        /** {@link ZoneMode#CORRECTED} (default) or {@link ZoneMode#REFERENCE} small-region filtering. */
        public Builder mode(ZoneMode mode) {
            this.mode = Checks.notNull("mode", mode);
            return this;
        }

        /** Regions with fewer pixels are dropped, 0..2^31-1 (default 64). */
        public Builder minRegion(int pixels) {
            this.minRegion = Checks.inRange("minRegion", pixels, 0, Integer.MAX_VALUE);
            return this;
        }

        /** Also add every candidate whose region-IoU (intersection over candidate area) is at least this, in (0, 1]. */
        public Builder unionThreshold(double threshold) {
            if (!(threshold > 0 && threshold <= 1)) {
                throw new InvalidInputException("unionThreshold must be in (0, 1], was " + threshold);
            }
            this.unionThreshold = threshold;
            return this;
        }

        /** Turns the region-IoU union off (the default). */
        public Builder noUnion() {
            this.unionThreshold = Double.NaN;
            return this;
        }

        /** Whether holes of the result are filled (default true). */
        public Builder fillHoles(boolean fillHoles) {
            this.fillHoles = fillHoles;
            return this;
        }

        /** 3x3 dilations applied last, 0..1000 (default 0). */
        public Builder dilateIterations(int iterations) {
            this.dilateIterations = Checks.inRange("dilateIterations", iterations, 0, 1000);
            return this;
        }

        /** The refiner. */
        public MaskRefiner build() {
            return new MaskRefiner(this);
        }
    }
}
