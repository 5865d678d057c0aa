package dev.brushedit.segment;

import dev.brushedit.blend.SegmentSource;
import dev.brushedit.core.Checks;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.segment.internal.BoxOps;
import dev.brushedit.segment.internal.MaskLogits;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * SAM's automatic mask generation (segment-anything's {@code SamAutomaticMaskGenerator} without
 * crop layers or small-region clean-up) as a {@link SegmentSource} for
 * {@link dev.brushedit.blend.MaskRefiner}.
 *
 * <p>A grid of {@code pointsPerSide x pointsPerSide} foreground points at cell centres
 * ({@code (i + 0.5) / n} of the width and height) is sent one point at a time; each point's three
 * multimask outputs are candidates. A candidate is kept when its predicted IoU is above
 * {@code predIouThreshold} and its stability score (logits above {@code +offset} over logits above
 * {@code -offset}) is above {@code stabilityScoreThreshold}; the survivors go through box
 * non-maximum suppression at {@code boxNmsThreshold}, ranked by predicted IoU. Candidates are held
 * as bit sets (one bit per pixel) until suppression is done. Defaults are
 * segment-anything's: 32 points per side, 0.88, 0.95, offset 1.0, NMS 0.7.
 *
 * <pre>{@code
 * SegmentSource source = SamAutomaticMasks.builder(sam).pointsPerSide(16).build();
 * Mask refined = refiner.refine(image, coarse, source);
 * }</pre>
 *
 * <p>Thread-safety: immutable; safe for concurrent use because {@link SamModel} is.
 */
public final class SamAutomaticMasks implements SegmentSource {
    private final SamModel sam;
    private final int pointsPerSide;
    private final float predIouThreshold;
    private final float stabilityScoreThreshold;
    private final float stabilityScoreOffset;
    private final float boxNmsThreshold;

    private SamAutomaticMasks(Builder b) {
        this.sam = b.sam;
        this.pointsPerSide = b.pointsPerSide;
        this.predIouThreshold = b.predIouThreshold;
        this.stabilityScoreThreshold = b.stabilityScoreThreshold;
        this.stabilityScoreOffset = b.stabilityScoreOffset;
        this.boxNmsThreshold = b.boxNmsThreshold;
    }

    /** A builder over {@code sam} with segment-anything's defaults. */
    public static Builder builder(SamModel sam) {
        return new Builder(Checks.notNull("sam", sam));
    }

    /** A builder holding these settings. */
    public Builder toBuilder() {
        return new Builder(sam).pointsPerSide(pointsPerSide).predIouThreshold(predIouThreshold)
                .stabilityScoreThreshold(stabilityScoreThreshold).stabilityScoreOffset(stabilityScoreOffset)
                .boxNmsThreshold(boxNmsThreshold);
    }

    /** The grid points in image pixels, {@code {x0, y0, x1, y1, ...}}, rows top to bottom, columns left to right. */
    public static double[] grid(int pointsPerSide, int width, int height) {
        Checks.inRange("pointsPerSide", pointsPerSide, 1, 256);
        double[] out = new double[2 * pointsPerSide * pointsPerSide];
        double offset = 1.0 / (2 * pointsPerSide);
        double step = pointsPerSide == 1 ? 0 : (1 - 2 * offset) / (pointsPerSide - 1);
        int k = 0;
        for (int i = 0; i < pointsPerSide; i++) {
            for (int j = 0; j < pointsPerSide; j++) {
                out[k++] = (offset + j * step) * width;
                out[k++] = (offset + i * step) * height;
            }
        }
        return out;
    }

    /** The segments with their scores, best predicted IoU first. */
    public List<AutoMask> generate(RgbImage image) {
        Checks.notNull("image", image);
        SamEmbedding embedding = sam.embed(image);
        double[] points = grid(pointsPerSide, image.width(), image.height());
        List<BitSet> masks = new ArrayList<>();
        List<float[]> boxes = new ArrayList<>();
        List<Float> ious = new ArrayList<>();
        List<Float> stabilities = new ArrayList<>();
        for (int p = 0; p < points.length / 2; p++) {
            SamModel.Decoded d = sam.decode(embedding, SamPrompt.ofPoint(points[2 * p], points[2 * p + 1]));
            int first = d.count == 4 ? 1 : 0;
            for (int k = first; k < d.count; k++) {
                if (!(d.iou[k] > predIouThreshold)) {
                    continue;
                }
                float stability = MaskLogits.stabilityScore(d.logits, k * d.plane(), d.plane(), 0f, stabilityScoreOffset);
                if (!(stability > stabilityScoreThreshold)) {
                    continue;
                }
                masks.add(MaskLogits.bits(d.logits, k * d.plane(), d.plane(), 0f));
                boxes.add(MaskLogits.box(d.logits, k * d.plane(), d.height, d.width, 0f));
                ious.add(d.iou[k]);
                stabilities.add(stability);
            }
        }
        List<AutoMask> out = new ArrayList<>();
        for (int i : BoxOps.nms(boxes, ious, boxNmsThreshold)) {
            float[] b = boxes.get(i);
            int pixels = image.width() * image.height();
            Mask m = Mask.of(image.width(), image.height(), MaskLogits.values(masks.get(i), pixels));
            if (m.isEmpty()) {
                continue;
            }
            out.add(new AutoMask(m, ious.get(i), stabilities.get(i), new Box((int) b[0], (int) b[1], (int) b[2] + 1, (int) b[3] + 1)));
        }
        return out;
    }

    /** The masks of {@link #generate}, in the same order. */
    @Override
    public List<Mask> segments(RgbImage image) {
        List<Mask> out = new ArrayList<>();
        for (AutoMask m : generate(image)) {
            out.add(m.mask());
        }
        return out;
    }

    /**
     * Builder for {@link SamAutomaticMasks}; setters validate at once.
     *
     * <p>Thread-safety: not thread-safe.
     */
    public static final class Builder {
        private final SamModel sam;
        private int pointsPerSide = 32;
        private float predIouThreshold = 0.88f;
        private float stabilityScoreThreshold = 0.95f;
        private float stabilityScoreOffset = 1.0f;
        private float boxNmsThreshold = 0.7f;

        private Builder(SamModel sam) {
            this.sam = sam;
        }

        /** Grid points along each side, 1 to 256 (default 32: 1024 decoder calls). */
        public Builder pointsPerSide(int value) {
            this.pointsPerSide = Checks.inRange("pointsPerSide", value, 1, 256);
            return this;
        }

        /** Keep masks whose predicted IoU is above this, in [-1, 2] (default 0.88). */
        public Builder predIouThreshold(float value) {
            this.predIouThreshold = (float) Checks.inRange("predIouThreshold", value, -1.0, 2.0);
            return this;
        }

        /** Keep masks whose stability score is above this, in [0, 1] (default 0.95). */
        public Builder stabilityScoreThreshold(float value) {
            this.stabilityScoreThreshold = (float) Checks.inRange("stabilityScoreThreshold", value, 0.0, 1.0);
            return this;
        }

        /** Logit offset of the stability score, in (0, 100] (default 1.0). */
        public Builder stabilityScoreOffset(float value) {
            Checks.inRange("stabilityScoreOffset", value, 0.0, 100.0);
            if (value == 0f) {
                throw new dev.brushedit.core.InvalidInputException("stabilityScoreOffset must be above 0, was 0.0");
            }
            this.stabilityScoreOffset = value;
            return this;
        }

        /** Box IoU above which the lower-ranked mask is dropped, in [0, 1] (default 0.7). */
        public Builder boxNmsThreshold(float value) {
            this.boxNmsThreshold = (float) Checks.inRange("boxNmsThreshold", value, 0.0, 1.0);
            return this;
        }

        /** The source. */
        public SamAutomaticMasks build() {
            return new SamAutomaticMasks(this);
        }
    }
}
