package dev.brushedit.segment;

import dev.brushedit.core.image.Box;

/**
 * One object an {@link OpenVocabularyDetector} found: its box in pixel coordinates of the image
 * (clamped to it), its score in [0, 1] and the text query it matched best.
 *
 * <p>Thread-safety: immutable.
 *
 * @param box the box, inside the image
 * @param score the detector's sigmoid score for {@code query}
 * @param query the text query the box matched
 */
public record Detection(Box box, float score, String query) {}
