/**
 * Weight-free retouching in a perceptual colour space (OKLab): recolouring an object inside its
 * mask while keeping its shading ({@link dev.brushedit.blend.retouch.Recolour}), replacing,
 * blurring or cutting out the background ({@link dev.brushedit.blend.retouch.BackgroundEdit}),
 * whole-image colour adjustments ({@link dev.brushedit.blend.retouch.Adjustment}) and the named
 * colour table they read colours from ({@link dev.brushedit.blend.retouch.NamedColours}).
 * Pure Java, deterministic, no model weights.
 */
package dev.brushedit.blend.retouch;
