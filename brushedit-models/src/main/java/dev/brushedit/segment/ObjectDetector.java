package dev.brushedit.segment;

import dev.brushedit.core.image.RgbImage;
import java.util.List;

/**
 * Finds boxes of objects named by free-text queries; {@link OpenVocabularyDetector} runs OWLv2, and
 * any other detector (GroundingDINO, a service) can be plugged into {@code dev.brushedit.edit.DetectorSamMaskSource}.
 *
 * <p>Thread-safety: implementations must be safe for concurrent use.
 */
@FunctionalInterface
public interface ObjectDetector {
    /**
     * Boxes whose best score over {@code queries} is at least {@code scoreThreshold}, after
     * non-maximum suppression at {@code nmsIou}, highest score first.
     */
    List<Detection> detect(RgbImage image, List<String> queries, float scoreThreshold, float nmsIou);
}
