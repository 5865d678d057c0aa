/**
 * {@link dev.brushedit.core.tensor.Tensor}: a dense float32 array with a shape, the values that move
 * between images, schedulers and models; float16 conversion and resampling.
 */
package dev.brushedit.core.tensor;
