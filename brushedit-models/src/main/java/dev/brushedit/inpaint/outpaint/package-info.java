/**
 * Outpainting support: the extension value type ({@link dev.brushedit.inpaint.outpaint.OutpaintExtension},
 * pixels per side or a target aspect ratio), the extended canvas with its mask and the backend's
 * initial fill ({@link dev.brushedit.inpaint.outpaint.OutpaintCanvas}), and the soft seam that joins
 * the generated border to the original. {@link dev.brushedit.inpaint.Inpainter#outpaint} runs it on
 * any backend. This package depends only on brushedit-core and brushedit-blend.
 */
package dev.brushedit.inpaint.outpaint;
