package dev.brushedit.segment;

import dev.brushedit.core.image.Mask;

/**
 * One mask SAM predicted for a prompt, at the image's size (1 where the mask logit is above 0).
 *
 * <p>Thread-safety: immutable.
 *
 * @param mask the binary mask
 * @param predictedIou the decoder's own estimate of the mask's quality (its IoU head)
 */
public record SamPrediction(Mask mask, float predictedIou) {}
