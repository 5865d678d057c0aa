/**
 * The ONNX Runtime model layer: a checkpoint folder ({@link dev.brushedit.models.ModelFolder}) and its
 * checked, typed graphs (text encoder, UNet, BrushNet, fused BrushNet UNet, VAE encoder and decoder),
 * execution options, sessions and the denoising loop. Inputs and outputs are
 * {@link dev.brushedit.core.tensor.Tensor}s; fp16 graphs are converted at the boundary.
 */
package dev.brushedit.models;
