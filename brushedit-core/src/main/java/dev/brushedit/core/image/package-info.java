/**
 * Pixels: {@link dev.brushedit.core.image.RgbImage} (8-bit sRGB), {@link dev.brushedit.core.image.Mask}
 * (1 = edit), {@link dev.brushedit.core.image.Box} and {@link dev.brushedit.core.image.Point}, image file
 * reading and atomic writing ({@link dev.brushedit.core.image.ImageFiles}, EXIF-oriented), and the
 * conversions between images and model tensors.
 */
package dev.brushedit.core.image;
