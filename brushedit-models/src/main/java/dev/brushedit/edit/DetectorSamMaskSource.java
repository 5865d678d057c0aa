package dev.brushedit.edit;

import dev.brushedit.core.Checks;
import dev.brushedit.core.InferenceException;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.segment.Detection;
import dev.brushedit.segment.ObjectDetector;
import dev.brushedit.segment.OpenVocabularyDetector;
import dev.brushedit.segment.SamEmbedding;
import dev.brushedit.segment.SamModel;
import dev.brushedit.segment.SamPrompt;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link MaskSource} that finds the plan's target object with an {@link ObjectDetector} (such
 * as {@link OpenVocabularyDetector}) and segments the best box with {@link SamModel} (a box prompt,
 * SAM's single-mask output, as BrushEdit's {@code run_grounded_sam} with
 * {@code multimask_output=False}).
 *
 * <p>Like BrushEdit's {@code vlm_response_mask}, it retries with lower box-score thresholds when
 * nothing is found: by default 0.3, 0.25, 0.2, 0.15, 0.1, 0.05, 0, each keeping boxes scoring
 * strictly above it, and the first threshold that keeps a box wins. BrushEdit takes the first
 * kept box's mask; here the highest-scoring box is taken, or the union of the masks of the
 * {@code maxObjects} highest-scoring boxes. The detector is deterministic, so it runs once at the
 * lowest threshold and the retries filter its boxes (suppression keeps the higher-scoring box, so
 * filtering after it equals detecting again). When no threshold keeps a box it throws
 * {@link ObjectNotFoundException}, naming the object and suggesting a mask, box or points given by
 * hand.
 *
 * <pre>{@code
 * MaskSource source = DetectorSamMaskSource.builder(detector, sam).thresholds(0.3f, 0.2f, 0.1f).build();
 * }</pre>
 *
 * <p>Thread-safety: immutable; safe for concurrent use because the detector and SAM are.
 */
public final class DetectorSamMaskSource implements MaskSource {
    private static final Logger LOG = LoggerFactory.getLogger(DetectorSamMaskSource.class);

    private final ObjectDetector detector;
    private final SamModel sam;
    private final float[] thresholds;
    private final float nmsIou;
    private final int maxObjects;

    private DetectorSamMaskSource(Builder b) {
        this.detector = b.detector;
        this.sam = b.sam;
        this.thresholds = b.thresholds.clone();
        this.nmsIou = b.nmsIou;
        this.maxObjects = b.maxObjects;
    }

    /** A builder using {@code detector} and {@code sam}. */
    public static Builder builder(ObjectDetector detector, SamModel sam) {
        return new Builder(Checks.notNull("detector", detector), Checks.notNull("sam", sam));
    }

    /** A builder holding this source's settings. */
    public Builder toBuilder() {
        return new Builder(detector, sam).thresholds(thresholds).nmsIou(nmsIou).maxObjects(maxObjects);
    }

    /** The box-score thresholds, tried in this (descending) order. */
    public float[] thresholds() {
        return thresholds.clone();
    }

    /** SAM's mask of the best box found for {@code plan.targetObject()} (the union over {@code maxObjects} boxes). */
    @Override
    public Mask mask(RgbImage image, EditPlan plan) {
        Checks.notNull("image", image);
        Checks.notNull("plan", plan);
        String target = plan.targetObject();
        if (target.isEmpty()) {
            throw new InvalidInputException("the plan names no target object to detect (category " + plan.category() + ")");
        }
        List<Detection> found0 = detector.detect(image, List.of(target), thresholds[thresholds.length - 1], nmsIou);
        if (found0 == null) {
            throw new InferenceException("the detector returned null instead of a list of detections for \"" + target + "\"");
        }
        List<Detection> all = new ArrayList<>(found0);
        all.sort(Comparator.comparingDouble((Detection d) -> -d.score()));
        for (float t : thresholds) {
            List<Detection> found = new ArrayList<>();
            for (Detection d : all) {
                if (d.score() > t && found.size() < maxObjects) {
                    found.add(d);
                }
            }
            if (found.isEmpty()) {
                LOG.debug("no box for \"{}\" scored above {}", target, t);
                continue;
            }
            LOG.debug("{} box(es) for \"{}\" at threshold {}", found.size(), target, t);
            return segment(image, target, found);
        }
        throw new ObjectNotFoundException(target, "no box scored above " + thresholds[thresholds.length - 1]
                + " after trying thresholds " + java.util.Arrays.toString(thresholds));
    }

    private Mask segment(RgbImage image, String target, List<Detection> found) {
        SamEmbedding embedding = sam.embed(image);
        float[] union = new float[image.width() * image.height()];
        for (Detection d : found) {
            float[] m = sam.predict(embedding, SamPrompt.ofBox(d.box())).mask().toArray();
            for (int i = 0; i < union.length; i++) {
                union[i] = Math.max(union[i], m[i]);
            }
        }
        Mask mask = Mask.of(image.width(), image.height(), union);
        if (mask.isEmpty()) {
            throw new ObjectNotFoundException(target, "SAM found no pixels inside the " + found.size() + " detected box(es)");
        }
        return mask;
    }

    /**
     * Builder for {@link DetectorSamMaskSource}; setters validate at once.
     *
     * <p>Thread-safety: not thread-safe.
     */
    public static final class Builder {
        private final ObjectDetector detector;
        private final SamModel sam;
        private float[] thresholds = {0.3f, 0.25f, 0.2f, 0.15f, 0.1f, 0.05f, 0f};
        private float nmsIou = OpenVocabularyDetector.DEFAULT_NMS_IOU;
        private int maxObjects = 1;

        private Builder(ObjectDetector detector, SamModel sam) {
            this.detector = detector;
            this.sam = sam;
        }

        /** Box-score thresholds in [0, 1], strictly descending, tried in order (default BrushEdit's 0.3 to 0 in steps of 0.05). */
        public Builder thresholds(float... values) {
            Checks.notNull("thresholds", values);
            if (values.length == 0) {
                throw new InvalidInputException("thresholds must hold at least one value, was empty");
            }
            for (int i = 0; i < values.length; i++) {
                Checks.inRange("thresholds[" + i + "]", values[i], 0.0, 1.0);
                if (i > 0 && values[i] >= values[i - 1]) {
                    throw new InvalidInputException("thresholds must be strictly descending, was "
                            + java.util.Arrays.toString(values));
                }
            }
            this.thresholds = values.clone();
            return this;
        }

        /** IoU above which the detector drops the lower-scoring of two boxes (default 0.5). */
        public Builder nmsIou(float value) {
            Checks.inRange("nmsIou", value, 0.0, 1.0);
            this.nmsIou = value;
            return this;
        }

        /** Most boxes segmented and united, highest scores first (default 1: the best box only). */
        public Builder maxObjects(int value) {
            this.maxObjects = Checks.inRange("maxObjects", value, 1, 100);
            return this;
        }

        /** The source. */
        public DetectorSamMaskSource build() {
            return new DetectorSamMaskSource(this);
        }
    }
}
