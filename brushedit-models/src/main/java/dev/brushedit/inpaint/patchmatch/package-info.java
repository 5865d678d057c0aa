/**
 * The weight-free PatchMatch inpainter: {@link dev.brushedit.inpaint.patchmatch.PatchMatchInpainter}
 * (multi-scale exemplar-based completion with PatchMatch search, a sharp best-patch fill, a
 * preference for nearby sources and a gradient-domain seam blend); everything else in the package
 * is its implementation.
 */
package dev.brushedit.inpaint.patchmatch;
