/**
 * Torch-compatible random numbers: {@link dev.brushedit.core.random.TorchGenerator} reproduces
 * {@code torch.randn} on CPU bit for bit (Mersenne Twister and torch's Box-Muller kernels), so a seed gives
 * the same initial noise as the Python pipelines.
 */
package dev.brushedit.core.random;
