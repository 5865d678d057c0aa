package dev.brushedit.models;

import dev.brushedit.core.random.RandomSource;
import dev.brushedit.core.scheduler.Scheduler;
import dev.brushedit.core.scheduler.SchedulerConfig;
import dev.brushedit.core.scheduler.SchedulerType;
import dev.brushedit.core.tensor.Tensor;

/**
 * diffusers' DDIMScheduler for SD1.5's configuration (scaled_linear betas 0.00085..0.012, 1000 train
 * steps, "leading" spacing, steps_offset 1, set_alpha_to_one false, eta 0), for the end-to-end loop
 * test until the core schedulers are merged.
 */
final class TestDdim implements Scheduler {
    private final double[] alphasCumprod = new double[1000];
    private int stepRatio;
    private float[] timesteps;

    TestDdim() {
        double lo = Math.sqrt(0.00085);
        double hi = Math.sqrt(0.012);
        double prod = 1;
        for (int i = 0; i < 1000; i++) {
            double b = lo + (hi - lo) * i / 999.0;
            prod *= 1 - b * b;
            alphasCumprod[i] = prod;
        }
    }

    @Override
    public SchedulerType type() {
        return SchedulerType.DDIM;
    }

    @Override
    public SchedulerConfig config() {
        return SchedulerConfig.stableDiffusion15();
    }

    @Override
    public void setTimesteps(int steps, double strength) {
        stepRatio = 1000 / steps;
        timesteps = new float[steps];
        for (int i = 0; i < steps; i++) {
            timesteps[i] = (steps - 1 - i) * stepRatio + 1;
        }
    }

    @Override
    public float[] timesteps() {
        return timesteps.clone();
    }

    @Override
    public float initNoiseSigma() {
        return 1f;
    }

    @Override
    public Tensor scaleModelInput(Tensor sample, float timestep) {
        return sample;
    }

    @Override
    public Tensor step(Tensor eps, float timestep, Tensor sample, RandomSource random) {
        int t = (int) timestep;
        int prev = t - stepRatio;
        double at = alphasCumprod[t];
        double ap = prev >= 0 ? alphasCumprod[prev] : alphasCumprod[0];
        Tensor out = Tensor.zeros(sample.shape());
        for (int i = 0; i < out.size(); i++) {
            double x0 = (sample.getFlat(i) - Math.sqrt(1 - at) * eps.getFlat(i)) / Math.sqrt(at);
            out.setFlat(i, (float) (Math.sqrt(ap) * x0 + Math.sqrt(1 - ap) * eps.getFlat(i)));
        }
        return out;
    }

    @Override
    public Tensor addNoise(Tensor original, Tensor noise, float timestep) {
        double a = alphasCumprod[(int) timestep];
        return original.scale((float) Math.sqrt(a)).axpyInPlace((float) Math.sqrt(1 - a), noise);
    }

    @Override
    public int modelEvaluationsPerStep() {
        return 1;
    }
}
