/**
 * Instruction-guided editing: {@link dev.brushedit.edit.InstructionEditor} plans an edit from an
 * instruction (offline grammar or an MLLM), takes the mask from a {@link dev.brushedit.edit.MaskSource}
 * (mask, box, points, or detector plus SAM), applies the category's mask policy and inpaints;
 * {@link dev.brushedit.edit.EditSession} adds turns, undo and redo.
 */
package dev.brushedit.edit;
