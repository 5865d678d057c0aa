/**
 * Inpainting: {@link dev.brushedit.inpaint.Inpainter} fills a mask with BrushNet, the SD inpainting UNet
 * or PatchMatch, around the work region a {@link dev.brushedit.inpaint.LargeImageStrategy} picks, and
 * returns the result with its {@link dev.brushedit.inpaint.Provenance}; requests, progress and
 * cancellation.
 */
package dev.brushedit.inpaint;
