package dev.brushedit.core.scheduler;

import dev.brushedit.core.random.RandomSource;
import dev.brushedit.core.scheduler.SchedulerConfig.BetaSchedule;
import dev.brushedit.core.scheduler.SchedulerConfig.PredictionType;
import java.util.ArrayList;
import java.util.List;

/** diffusers' PNDMScheduler (Liu et al. 2022): Runge-Kutta warm-up steps, then linear multistep (PLMS). */
final class PndmScheduler extends AlphaScheduler {
    private final float finalAlphaCumprod;
    private int prkCount;
    private int counter;
    private final List<float[]> ets = new ArrayList<>();
    private float[] curModelOutput;
    private float[] curSample;

    PndmScheduler(SchedulerConfig config) {
        super(SchedulerType.PNDM, config, 0.0001, 0.02, BetaSchedule.LINEAR, false);
        requirePrediction(PredictionType.EPSILON, PredictionType.V_PREDICTION);
        finalAlphaCumprod = config.setAlphaToOneOr(false) ? 1f : alphasCumprod[0];
    }

    @Override
    float[] computeSchedule(int steps) {
        float[] desc = descendingTimesteps(steps, SchedulerConfig.TimestepSpacing.LEADING);
        int n = desc.length;
        float[] asc = Schedules.reversed(desc);
        float[] out;
        if (config.skipPrkSteps()) {
            // concat(asc[:-1], asc[-2:-1], asc[-1:]) reversed: the second-to-last timestep appears twice
            float[] plms = new float[n + 1];
            System.arraycopy(asc, 0, plms, 0, n - 1);
            plms[n - 1] = asc[Math.max(n - 2, 0)];
            plms[n] = asc[n - 1];
            if (n == 1) {
                plms = new float[] {asc[0]};
            }
            out = Schedules.reversed(plms);
            prkCount = 0;
        } else {
            if (n < 4) {
                throw new dev.brushedit.core.InvalidInputException("PNDMScheduler with skip_prk_steps false needs at "
                        + "least 4 steps, was " + steps);
            }
            int k = 4;
            int half = numTrain / steps / 2;
            float[] prk = new float[2 * k];
            for (int i = 0; i < k; i++) {
                float v = asc[n - k + i];
                prk[2 * i] = v;
                prk[2 * i + 1] = v + half;
            }
            // prk[:-1].repeat(2)[1:-1][::-1]
            int m = prk.length - 1;
            float[] rep = new float[2 * m];
            for (int i = 0; i < m; i++) {
                rep[2 * i] = prk[i];
                rep[2 * i + 1] = prk[i];
            }
            int prkLen = Math.max(rep.length - 2, 0);
            float[] prkSteps = new float[prkLen];
            for (int i = 0; i < prkLen; i++) {
                prkSteps[i] = rep[rep.length - 2 - i];
            }
            int plmsLen = Math.max(n - 3, 0);
            out = new float[prkLen + plmsLen];
            System.arraycopy(prkSteps, 0, out, 0, prkLen);
            for (int i = 0; i < plmsLen; i++) {
                out[prkLen + i] = asc[plmsLen - 1 - i];
            }
            prkCount = prkLen;
        }
        counter = 0;
        ets.clear();
        curModelOutput = null;
        curSample = null;
        return out;
    }

    @Override
    float[] stepArrays(float[] m, float t, float[] s, int index, RandomSource random, int[] shape) {
        return counter < prkCount && !config.skipPrkSteps() ? stepPrk(m, t, s) : stepPlms(m, t, s);
    }

    private float[] stepPrk(float[] m, float t, float[] s) {
        int ratio = numTrain / numInferenceSteps;
        int diffToPrev = counter % 2 != 0 ? 0 : ratio / 2;
        int prevT = (int) t - diffToPrev;
        float t0 = schedule[counter / 4 * 4];
        float[] out = m;
        int phase = counter % 4;
        if (phase == 0) {
            curModelOutput = axpy(curModelOutput, (float) (1.0 / 6), m);
            ets.add(m);
            curSample = s;
        } else if (phase == 1 || phase == 2) {
            curModelOutput = axpy(curModelOutput, (float) (1.0 / 3), m);
        } else {
            out = axpy(curModelOutput, (float) (1.0 / 6), m);
            curModelOutput = null;
        }
        float[] base = curSample != null ? curSample : s;
        float[] prev = prevSample(base, (int) t0, prevT, out);
        counter++;
        return prev;
    }

    /** {@code acc + c * x}, where a null {@code acc} stands for the scalar 0 of diffusers. */
    private static float[] axpy(float[] acc, float c, float[] x) {
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = acc == null ? c * x[i] : acc[i] + c * x[i];
        }
        return out;
    }

    private float[] stepPlms(float[] m, float t, float[] s) {
        int ratio = numTrain / numInferenceSteps;
        int timestep = (int) t;
        int prevT = timestep - ratio;
        if (counter != 1) {
            while (ets.size() > 3) {
                ets.remove(0);
            }
            ets.add(m);
        } else {
            prevT = timestep;
            timestep = timestep + ratio;
        }
        int n = ets.size();
        float[] e = new float[m.length];
        float[] sample = s;
        if (n == 1 && counter == 0) {
            e = m;
            curSample = s;
        } else if (n == 1 && counter == 1) {
            float[] e1 = ets.get(0);
            for (int i = 0; i < m.length; i++) {
                e[i] = (m[i] + e1[i]) / 2f;
            }
            sample = curSample;
            curSample = null;
        } else if (n == 2) {
            float[] e1 = ets.get(1);
            float[] e2 = ets.get(0);
            for (int i = 0; i < m.length; i++) {
                e[i] = (3f * e1[i] - e2[i]) / 2f;
            }
        } else if (n == 3) {
            float[] e1 = ets.get(2);
            float[] e2 = ets.get(1);
            float[] e3 = ets.get(0);
            for (int i = 0; i < m.length; i++) {
                e[i] = (23f * e1[i] - 16f * e2[i] + 5f * e3[i]) / 12f;
            }
        } else {
            float[] e1 = ets.get(3);
            float[] e2 = ets.get(2);
            float[] e3 = ets.get(1);
            float[] e4 = ets.get(0);
            float c = (float) (1.0 / 24);
            for (int i = 0; i < m.length; i++) {
                e[i] = c * (55f * e1[i] - 59f * e2[i] + 37f * e3[i] - 9f * e4[i]);
            }
        }
        float[] prev = prevSample(sample, timestep, prevT, e);
        counter++;
        return prev;
    }

    private float[] prevSample(float[] s, int t, int prevT, float[] m) {
        float alphaT = alphasCumprod[Schedules.trainIndex(t, numTrain)];
        float alphaPrev = prevT >= 0 ? alphasCumprod[Schedules.trainIndex(prevT, numTrain)] : finalAlphaCumprod;
        float betaT = 1f - alphaT;
        float betaPrev = 1f - alphaPrev;
        float[] eps = m;
        if (config.predictionType() == PredictionType.V_PREDICTION) {
            float sa = (float) Math.sqrt(alphaT);
            float sb = (float) Math.sqrt(betaT);
            eps = new float[m.length];
            for (int i = 0; i < m.length; i++) {
                eps[i] = sa * m[i] + sb * s[i];
            }
        }
        float sampleCoeff = (float) Math.sqrt(alphaPrev / alphaT);
        float denom = alphaT * (float) Math.sqrt(betaPrev) + (float) Math.sqrt(alphaT * betaT * alphaPrev);
        float diff = alphaPrev - alphaT;
        float[] out = new float[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = sampleCoeff * s[i] - diff * eps[i] / denom;
        }
        return out;
    }
}
