package dev.brushedit.segment;

import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.Mask;

/**
 * One segment from {@link SamAutomaticMasks}: the binary mask at the image's size, the decoder's
 * predicted IoU, the stability score and the mask's bounding box (exclusive right and bottom).
 *
 * <p>Thread-safety: immutable.
 *
 * @param mask the segment (1 inside)
 * @param predictedIou the decoder's IoU estimate
 * @param stabilityScore SAM's stability score of the mask logits
 * @param box the bounding box of the mask
 */
public record AutoMask(Mask mask, float predictedIou, float stabilityScore, Box box) {}
