package dev.brushedit.core.random;

import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.tensor.Tensor;
import java.util.Arrays;

/**
 * A {@link RandomSource} that reproduces PyTorch's CPU generator bit for bit:
 * {@code new TorchGenerator(seed).randn(shape)} returns the same float32 values as
 * {@code g = torch.Generator("cpu"); g.manual_seed(seed); torch.randn(shape, generator=g)}, and
 * further calls continue the same stream, so pipelines get diffusers' CPU initial latents and
 * per-step scheduler noise for a given seed.
 *
 * <p>The seed is the 64-bit value torch stores: a negative Java long stands for the unsigned value
 * with the same bits (torch maps negative Python seeds the same way). As in torch, only its low 32
 * bits seed the Mersenne Twister, so seeds equal modulo 2^32 give the same stream.
 *
 * <p>Matches torch's x86-64 CPU kernels (AVX2 or AVX-512 machines, where the normal kernel runs its
 * AVX2 code; checked bit for bit against torch 2.15). Torch builds whose normal kernel is the
 * non-vectorised one (ARM, or {@code ATEN_CPU_CAPABILITY=default}) use libm's float log/sin/cos for
 * tensors of 16 or more elements and can differ from this generator in the last bits. Tensors of
 * fewer than 16 elements take torch's double-precision path, whose libm sin/cos/log1p may differ
 * from Java's {@link StrictMath} in the last double ulp; this changes the float result only when
 * the double lies on a float rounding boundary (never seen in the reference vectors).
 *
 * <p>Thread-safety: not thread-safe (the stream state advances on every call); use one generator
 * per pipeline run or synchronise externally.
 */
public final class TorchGenerator implements RandomSource {
    private final long seed;
    private final Mt19937 engine;
    private final NormalKernels.NormalCache cache = new NormalKernels.NormalCache();

    /** Creates a generator in the state of {@code torch.Generator("cpu").manual_seed(seed)}. */
    public TorchGenerator(long seed) {
        this.seed = seed;
        this.engine = new Mt19937(seed);
    }

    /** The seed this generator was created with (torch's {@code initial_seed()}, as a signed long). */
    public long seed() {
        return seed;
    }

    /**
     * Draws {@code torch.randn(shape)}: a new float32 tensor of standard-normal samples in row-major
     * order, advancing this generator exactly as torch advances its own.
     *
     * @throws InvalidInputException if the shape is null or empty, has a dimension below 1, or has
     *     more elements than a tensor can hold
     */
    @Override
    public Tensor randn(int... shape) {
        int count = elementCount(shape);
        float[] values = new float[count];
        if (count >= NormalKernels.BLOCK) {
            NormalKernels.fillVectorized(engine, values);
        } else {
            for (int i = 0; i < count; i++) {
                values[i] = NormalKernels.nextScalar(engine, cache);
            }
        }
        return Tensor.of(values, shape);
    }

    @Override
    public String toString() {
        return "TorchGenerator[seed=" + Long.toUnsignedString(seed) + "]";
    }

    private static int elementCount(int[] shape) {
        if (shape == null || shape.length == 0) {
            throw new InvalidInputException("randn shape must have at least one dimension, was "
                    + Arrays.toString(shape));
        }
        long count = 1;
        for (int d : shape) {
            if (d < 1) {
                throw new InvalidInputException("randn shape dimensions must be at least 1, shape was "
                        + Arrays.toString(shape));
            }
            count *= d;
            if (count > Integer.MAX_VALUE / Float.BYTES) {
                throw new InvalidInputException("randn shape " + Arrays.toString(shape)
                        + " has more than the " + (Integer.MAX_VALUE / Float.BYTES)
                        + " elements a tensor can hold");
            }
        }
        return (int) count;
    }
}
