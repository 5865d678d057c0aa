/**
 * {@link dev.brushedit.inpaint.patchmatch.PatchMatchInpainter}: weight-free multi-scale PatchMatch
 * inpainting that fills a hole by continuing the surrounding texture.
 */
package dev.brushedit.inpaint.patchmatch;
