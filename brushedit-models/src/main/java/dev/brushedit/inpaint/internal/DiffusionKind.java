package dev.brushedit.inpaint.internal;

/**
 * The diffusion backends, by how the hole is conditioned.
 *
 * <p>Thread-safety: immutable.
 */
public enum DiffusionKind {
    /** BrushNet fused with the UNet in one graph. */
    BRUSHNET_FUSED("brushnet-fused"),
    /** BrushNet and the UNet as separate graphs. */
    BRUSHNET_SEPARATE("brushnet"),
    /** The 9-channel SD inpainting UNet. */
    SD_INPAINTING("sd-inpainting");

    private final String label;

    DiffusionKind(String label) {
        this.label = label;
    }

    /** The provenance label. */
    public String label() {
        return label;
    }
}
