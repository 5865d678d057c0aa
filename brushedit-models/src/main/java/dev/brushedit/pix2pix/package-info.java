/**
 * Instruction-guided editing of the whole image with an InstructPix2Pix-family checkpoint
 * (InstructPix2Pix, MagicBrush): {@link dev.brushedit.pix2pix.InstructPix2Pix} and its
 * {@link dev.brushedit.pix2pix.Pix2PixRequest}.
 */
package dev.brushedit.pix2pix;
