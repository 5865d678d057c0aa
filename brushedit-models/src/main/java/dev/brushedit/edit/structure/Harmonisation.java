package dev.brushedit.edit.structure;

/**
 * How a pasted object's seam is made invisible.
 *
 * <p>Thread-safety: immutable.
 */
public enum Harmonisation {
    /** {@link #DIFFUSION_RING} when the inpainter is a diffusion backend, {@link #POISSON} for PatchMatch. */
    AUTO,
    /** Gradient-domain blending ({@link dev.brushedit.blend.PoissonBlender}); pure Java, no weights. */
    POISSON,
    /** A thin ring around the object's edge repainted by the diffusion inpainter. */
    DIFFUSION_RING
}
