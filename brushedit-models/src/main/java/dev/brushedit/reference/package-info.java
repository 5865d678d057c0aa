/**
 * Reference-guided inpainting: filling a masked region by imitating a reference image, with
 * MimicBrush (ali-vilab/MimicBrush) checkpoints exported by {@code brushedit_export}; entry point
 * {@link dev.brushedit.reference.ReferenceInpainter}.
 */
package dev.brushedit.reference;
