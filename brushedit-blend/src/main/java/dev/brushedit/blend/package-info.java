/**
 * Pure-Java post-processing of masks and results: morphology and connected components
 * ({@link dev.brushedit.blend.MaskOps}), ZONE's mask refinement ({@link dev.brushedit.blend.MaskRefiner}) and
 * FFT edge smoother ({@link dev.brushedit.blend.FftEdgeSmoother}), and BrushNet's blurred-mask paste
 * ({@link dev.brushedit.blend.MaskBlender}).
 */
package dev.brushedit.blend;
