package dev.brushedit.core.tensor;

/**
 * Resampling rule for {@link Tensor#resize}. Each mode follows PyTorch's
 * {@code torch.nn.functional.interpolate} with {@code align_corners=False} and no antialiasing, the
 * rule diffusers and BrushNet use for latents and masks.
 *
 * <p>Thread-safety: immutable.
 */
public enum Interpolation {
    /** Source index {@code floor(dst * in / out)}: PyTorch's {@code mode="nearest"}. */
    NEAREST,
    /** Half-pixel bilinear, edges clamped: PyTorch's {@code mode="bilinear"}. */
    BILINEAR,
    /** Half-pixel cubic convolution with a = -0.75, edges clamped: PyTorch's {@code mode="bicubic"}. */
    BICUBIC,
    /** Mean over each output cell's source window: PyTorch's {@code mode="area"} (adaptive average pooling). */
    AREA
}
