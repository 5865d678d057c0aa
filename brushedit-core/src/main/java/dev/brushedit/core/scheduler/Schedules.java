package dev.brushedit.core.scheduler;

import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.scheduler.SchedulerConfig.BetaSchedule;
import dev.brushedit.core.scheduler.SchedulerConfig.TimestepSpacing;

/**
 * Noise schedules computed with the precision diffusers uses: betas and cumulative alphas in
 * float32 as torch computes them, inference timesteps with numpy's float64 rules.
 */
final class Schedules {
    private Schedules() {}

    /** The training betas (float32), from trained_betas or the beta schedule. */
    static float[] betas(SchedulerConfig c, double defaultStart, double defaultEnd, BetaSchedule defaultSchedule) {
        int n = c.numTrainTimesteps();
        double[] trained = c.trainedBetasOrNull();
        float[] betas;
        if (trained != null) {
            betas = new float[n];
            for (int i = 0; i < n; i++) {
                betas[i] = (float) trained[i];
            }
        } else {
            double start = c.betaStartOr(defaultStart);
            double end = c.betaEndOr(defaultEnd);
            switch (c.betaScheduleOr(defaultSchedule)) {
                case LINEAR:
                    betas = torchLinspace((float) start, (float) end, n);
                    break;
                case SCALED_LINEAR:
                    betas = torchLinspace((float) Math.sqrt(start), (float) Math.sqrt(end), n);
                    for (int i = 0; i < n; i++) {
                        betas[i] = betas[i] * betas[i];
                    }
                    break;
                default:
                    betas = cosineBetas(n);
            }
        }
        return betas;
    }

    /** torch.linspace in float32: fused multiply-add from the nearer end, as ATen's CPU kernel. */
    static float[] torchLinspace(float start, float end, int n) {
        float[] out = new float[n];
        if (n == 1) {
            out[0] = start;
            return out;
        }
        float step = (end - start) / (float) (n - 1);
        int half = n / 2;
        for (int i = 0; i < n; i++) {
            out[i] = i < half ? Math.fma(step, (float) i, start) : Math.fma(-step, (float) (n - 1 - i), end);
        }
        return out;
    }

    /** betas_for_alpha_bar with the cosine transform, max beta 0.999 (float64, then float32). */
    static float[] cosineBetas(int n) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            double t1 = (double) i / n;
            double t2 = (double) (i + 1) / n;
            out[i] = (float) Math.min(1 - alphaBar(t2) / alphaBar(t1), 0.999);
        }
        return out;
    }

    private static double alphaBar(double t) {
        double c = Math.cos((t + 0.008) / 1.008 * Math.PI / 2);
        return c * c;
    }

    /** rescale_zero_terminal_snr (Lin et al. 2023), in float32 as diffusers computes it. */
    static float[] rescaleZeroTerminalSnr(float[] betas) {
        int n = betas.length;
        float[] sqrt = cumprodOfOneMinus(betas);
        for (int i = 0; i < n; i++) {
            sqrt[i] = (float) Math.sqrt(sqrt[i]);
        }
        float first = sqrt[0];
        float last = sqrt[n - 1];
        float scale = first / (first - last);
        for (int i = 0; i < n; i++) {
            sqrt[i] = (sqrt[i] - last) * scale;
        }
        float[] out = new float[n];
        float prevBar = sqrt[0] * sqrt[0];
        out[0] = 1f - prevBar;
        for (int i = 1; i < n; i++) {
            float bar = sqrt[i] * sqrt[i];
            out[i] = 1f - bar / prevBar;
            prevBar = bar;
        }
        return out;
    }

    /** cumprod(1 - betas) with torch's CPU rule: float32 factors, float64 running product. */
    static float[] cumprodOfOneMinus(float[] betas) {
        float[] out = new float[betas.length];
        double acc = 1.0;
        for (int i = 0; i < betas.length; i++) {
            acc *= (1f - betas[i]);
            out[i] = (float) acc;
        }
        return out;
    }

    /** alphas_cumprod of a scheduler: betas, optional zero-terminal-SNR rescale, cumprod. */
    static float[] alphasCumprod(SchedulerConfig c, double defaultStart, double defaultEnd,
            BetaSchedule defaultSchedule, boolean readsRescale) {
        float[] betas = betas(c, defaultStart, defaultEnd, defaultSchedule);
        if (readsRescale && c.rescaleBetasZeroSnr()) {
            betas = rescaleZeroTerminalSnr(betas);
        }
        return cumprodOfOneMinus(betas);
    }

    /** ((1 - a) / a) ** 0.5 per element, in float32. */
    static float[] sigmasFromAlphasCumprod(float[] alphasCumprod) {
        float[] out = new float[alphasCumprod.length];
        for (int i = 0; i < out.length; i++) {
            float a = alphasCumprod[i];
            out[i] = (float) Math.sqrt((1f - a) / a);
        }
        return out;
    }

    // ---------------------------------------------------------------- timesteps (numpy rules)

    /**
     * Descending inference timesteps for {@code count} points (DDIM/DDPM/PNDM/Euler families use
     * {@code count = steps}); linspace values are not rounded when {@code roundLinspace} is false.
     */
    static double[] spacedTimesteps(TimestepSpacing spacing, int numTrain, int count, int stepsOffset,
            boolean roundLinspace) {
        switch (spacing) {
            case LINSPACE: {
                double[] lin = numpyLinspace(0, numTrain - 1, count);
                double[] out = new double[count];
                for (int i = 0; i < count; i++) {
                    double v = lin[count - 1 - i];
                    out[i] = roundLinspace ? Math.rint(v) : v;
                }
                return out;
            }
            case LEADING: {
                int ratio = numTrain / count;
                double[] out = new double[count];
                for (int i = 0; i < count; i++) {
                    out[i] = (double) (count - 1 - i) * ratio + stepsOffset;
                }
                return out;
            }
            default: {
                double ratio = (double) numTrain / count;
                double[] a = numpyArange(numTrain, 0, -ratio);
                double[] out = new double[a.length];
                for (int i = 0; i < a.length; i++) {
                    out[i] = Math.rint(a[i]) - 1;
                }
                return out;
            }
        }
    }

    /** numpy.linspace(start, stop, num) in float64 (endpoint included). */
    static double[] numpyLinspace(double start, double stop, int num) {
        double[] out = new double[num];
        if (num == 1) {
            out[0] = start;
            return out;
        }
        double step = (stop - start) / (num - 1);
        for (int i = 0; i < num; i++) {
            out[i] = i * step + start;
        }
        out[num - 1] = stop;
        return out;
    }

    /** numpy.arange(start, stop, step) for a float step: length ceil((stop - start) / step). */
    static double[] numpyArange(double start, double stop, double step) {
        int len = (int) Math.ceil((stop - start) / step);
        if (len <= 0) {
            return new double[0];
        }
        double[] out = new double[len];
        for (int i = 0; i < len; i++) {
            out[i] = start + i * step;
        }
        return out;
    }

    /** numpy.interp(x, arange(len(fp)), fp) for x in [0, len - 1]. */
    static double interp(double x, float[] fp) {
        int last = fp.length - 1;
        if (x <= 0) {
            return fp[0];
        }
        if (x >= last) {
            return fp[last];
        }
        int j = (int) Math.floor(x);
        if (j == x) {
            return fp[j];
        }
        double slope = ((double) fp[j + 1] - fp[j]) / 1.0;
        return slope * (x - j) + fp[j];
    }

    /** Karras et al. (2022) sigmas, rho 7, from sigmaMax down to sigmaMin over {@code n} points (float64). */
    static double[] karras(double sigmaMin, double sigmaMax, int n) {
        double[] ramp = numpyLinspace(0, 1, n);
        double rho = 7.0;
        double minInv = Math.pow(sigmaMin, 1 / rho);
        double maxInv = Math.pow(sigmaMax, 1 / rho);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = Math.pow(maxInv + ramp[i] * (minInv - maxInv), rho);
        }
        return out;
    }

    /** np.log of a float32 array (float32 result). */
    static float[] logSigmas(float[] sigmas) {
        float[] out = new float[sigmas.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) Math.log(sigmas[i]);
        }
        return out;
    }

    /** diffusers' _sigma_to_t: the fractional training timestep whose log-sigma matches {@code sigma}. */
    static double sigmaToT(double sigma, float[] logSigmas) {
        double logSigma = Math.log(Math.max(sigma, 1e-10));
        int low = 0;
        for (int i = 0; i < logSigmas.length; i++) {
            if (logSigma - logSigmas[i] >= 0) {
                low = i;
            }
        }
        low = Math.min(low, logSigmas.length - 2);
        int high = low + 1;
        double lo = logSigmas[low];
        double hi = logSigmas[high];
        double w = (lo - logSigma) / (lo - hi);
        w = Math.max(0, Math.min(1, w));
        return (1 - w) * low + w * high;
    }

    /** The reversed (largest first) copy of an array. */
    static float[] reversed(float[] a) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[a.length - 1 - i];
        }
        return out;
    }

    /** Rejects a timestep that is not an integer training timestep in [0, numTrain). */
    static int trainIndex(float timestep, int numTrain) {
        if (!(timestep >= 0 && timestep < numTrain && timestep == Math.rint(timestep))) {
            throw new InvalidInputException("timestep must be an integer between 0 and " + (numTrain - 1)
                    + ", was " + timestep);
        }
        return (int) timestep;
    }
}
