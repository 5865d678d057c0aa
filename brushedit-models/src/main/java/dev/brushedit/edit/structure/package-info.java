/**
 * Structural edits: moving and resizing an object (the survey's "object movement" and "object size
 * change" edits). {@link dev.brushedit.edit.structure.ObjectMotion} says how the object moves or
 * scales, {@link dev.brushedit.edit.structure.Placement} resolves it against the object's box and the
 * canvas (or refuses it), and {@link dev.brushedit.edit.structure.StructuralEditor} runs the pipeline:
 * lift the object with a soft matte, fill the vacated area with the configured inpainter, paste the
 * object at its new position and scale, and harmonise the seam (a ring repainted by a diffusion
 * backend, or gradient-domain blending without weights). Every intermediate is on the
 * {@link dev.brushedit.edit.structure.StructuralEditResult}. This package does not depend on
 * {@code dev.brushedit.edit}; the {@code InstructionEditor} calls it for MOVE and RESIZE plans.
 */
package dev.brushedit.edit.structure;
