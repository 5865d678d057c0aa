/**
 * Implementation of {@code dev.brushedit.blend}: FFT backends (JTransforms, optional cuFFT), Gaussian
 * kernels, morphology and region kernels. Not API: may change in any release and is not exported.
 */
package dev.brushedit.blend.internal;
