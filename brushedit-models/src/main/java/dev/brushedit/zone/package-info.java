/**
 * ZONE's zero-shot instruction-guided local editing as one pipeline: {@link dev.brushedit.zone.ZoneEditor}
 * (instruction, action, fused InstructPix2Pix / MagicBrush edit with its cross-attention coarse mask,
 * SAM automatic masks, Region-IoU fine mask, dilation, composite by action, FFT edge smoothing) and
 * its {@link dev.brushedit.zone.ZoneResult} holding every intermediate.
 */
package dev.brushedit.zone;
