package dev.brushedit.core.random;

import dev.brushedit.core.tensor.Tensor;

/**
 * A source of standard-normal noise for initial latents and stochastic schedulers. Pipelines take
 * it as a parameter so that runs are reproducible and tests deterministic.
 *
 * <p>Thread-safety: implementations are stateful and not thread-safe; use one per pipeline run.
 */
public interface RandomSource {

    /**
     * Draws a new tensor of the given shape filled with independent N(0, 1) samples, in row-major
     * order, advancing this source's state.
     */
    Tensor randn(int... shape);
}
