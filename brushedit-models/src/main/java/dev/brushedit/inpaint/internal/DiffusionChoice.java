package dev.brushedit.inpaint.internal;

/**
 * Which diffusion backend the caller asked for; {@link DiffusionBackends} resolves it against what a
 * checkpoint folder offers.
 *
 * <p>Thread-safety: immutable.
 */
public enum DiffusionChoice {
    /** The best the folder offers: fused BrushNet, then separate BrushNet, then the SD inpainting UNet. */
    AUTO,
    /** BrushNet (fused graph when present). */
    BRUSHNET,
    /** The 9-channel SD inpainting UNet. */
    SD_INPAINTING
}
