package dev.brushedit.core.scheduler;

import dev.brushedit.core.random.RandomSource;
import dev.brushedit.core.tensor.Tensor;

/**
 * A diffusion sampler with the semantics of the diffusers scheduler of the same name. The loop is
 * the same for every scheduler:
 *
 * <pre>{@code
 * scheduler.setTimesteps(steps, strength);
 * Tensor x = noise.scale(scheduler.initNoiseSigma());          // or addNoise(...) for a strength start
 * for (float t : scheduler.timesteps()) {
 *     Tensor in = scheduler.scaleModelInput(x, t);
 *     Tensor eps = model(in, t);
 *     x = scheduler.step(eps, t, x, random);
 * }
 * }</pre>
 *
 * <p>Timesteps are checked: {@link #scaleModelInput} and {@link #step} accept only the next
 * timestep of the schedule, and throw {@link dev.brushedit.core.InvalidInputException} before
 * {@link #setTimesteps}, for a timestep not in the schedule, or one out of order. Call
 * {@code scaleModelInput} before {@code step} for each timestep, as diffusers' pipelines do.
 *
 * <p>Thread-safety: stateful (step index, history of model outputs) and not thread-safe; create one
 * per generation with {@link SchedulerType#create}.
 */
public interface Scheduler {

    /** The diffusers class this scheduler reproduces, e.g. {@code "EulerDiscreteScheduler"}. */
    SchedulerType type();

    /** The configuration this scheduler was built from. */
    SchedulerConfig config();

    /** Prepares a full schedule of {@code steps} inference steps (strength 1). */
    default void setTimesteps(int steps) {
        setTimesteps(steps, 1.0);
    }

    /**
     * Prepares a schedule of {@code steps} inference steps, shortened for an image-to-image or
     * inpainting start at {@code strength} in (0, 1] exactly as diffusers' pipelines shorten it.
     * Resets all step state.
     */
    void setTimesteps(int steps, double strength);

    /**
     * The timesteps at which the model is evaluated, in order; one model call per entry (so a
     * two-evaluation scheduler such as Heun lists intermediate timesteps too, {@code 2 * steps - 1}
     * in all, and PNDM with skip_prk_steps repeats its second timestep, {@code steps + 1} in all).
     * For a strength start this is diffusers' {@code timesteps[t_start * order:]}.
     */
    float[] timesteps();

    /**
     * The noise levels of the full schedule (diffusers' {@code scheduler.sigmas}, one per model
     * evaluation of the unshortened schedule plus the final one), or an empty array for schedulers
     * that work on cumulative alphas instead (DDIM, PNDM, LCM, DDPM). Throws before setTimesteps
     * for the sigma-based schedulers.
     */
    float[] sigmas();

    /** Standard deviation of the initial noise: multiply unit-variance noise by it. */
    float initNoiseSigma();

    /**
     * The model input for timestep {@code t}: divided by sqrt(sigma^2 + 1) for the Euler, LMS and
     * Heun schedulers; {@code sample} itself for the others.
     */
    Tensor scaleModelInput(Tensor sample, float timestep);

    /**
     * One scheduler step: the sample at the next timestep, a new tensor. The stochastic schedulers
     * (Euler ancestral, DDPM, LCM, DDIM with eta &gt; 0) draw {@code random.randn(sample shape)} once
     * per step where diffusers calls {@code randn_tensor} (DDPM not at timestep 0, LCM not on the
     * last step), so {@link dev.brushedit.core.random.TorchGenerator} seeded like diffusers'
     * {@code torch.Generator("cpu")} reproduces its CPU results. Deterministic schedulers ignore
     * {@code random} (it may be null for them).
     */
    Tensor step(Tensor modelOutput, float timestep, Tensor sample, RandomSource random);

    /**
     * {@code original} noised to {@code timestep} with {@code noise}, as diffusers' {@code add_noise}
     * (for a strength start: {@code addNoise(image, noise, timesteps()[0])}). Sigma-based
     * schedulers need setTimesteps first and a timestep of the schedule.
     */
    Tensor addNoise(Tensor original, Tensor noise, float timestep);

    /** How many model evaluations one inference step takes (2 for Heun, 1 for the others). */
    int modelEvaluationsPerStep();
}
