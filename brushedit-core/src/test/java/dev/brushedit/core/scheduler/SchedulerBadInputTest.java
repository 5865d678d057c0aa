package dev.brushedit.core.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.random.TorchGenerator;
import dev.brushedit.core.tensor.Tensor;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class SchedulerBadInputTest {
    private static final SchedulerConfig SD15 = SchedulerConfig.stableDiffusion15();

    @ParameterizedTest
    @EnumSource(SchedulerType.class)
    void stepsAndStrengthAreChecked(SchedulerType type) {
        Scheduler s = type.create(SD15);
        assertThatThrownBy(() -> s.setTimesteps(0)).isInstanceOf(InvalidInputException.class)
                .hasMessage("steps must be between 1 and 1000, was 0");
        assertThatThrownBy(() -> s.setTimesteps(1001)).isInstanceOf(InvalidInputException.class)
                .hasMessage("steps must be between 1 and 1000, was 1001");
        for (double strength : new double[] {0, -0.5, 1.01, Double.NaN}) {
            assertThatThrownBy(() -> s.setTimesteps(10, strength)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("strength must be in (0, 1]");
        }
        assertThatThrownBy(() -> s.setTimesteps(10, 0.05)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("leaves no denoising step");
    }

    @ParameterizedTest
    @EnumSource(SchedulerType.class)
    void stepBeforeSetTimestepsIsRejected(SchedulerType type) {
        Scheduler s = type.create(SD15);
        Tensor x = Tensor.zeros(1, 4, 8, 8);
        assertThatThrownBy(() -> s.step(x, 999, x, new TorchGenerator(0)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("call setTimesteps");
        assertThatThrownBy(() -> s.scaleModelInput(x, 999))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("call setTimesteps");
        assertThatThrownBy(s::timesteps).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("call setTimesteps");
    }

    @ParameterizedTest
    @EnumSource(SchedulerType.class)
    void timestepsOutsideTheScheduleOrOutOfOrderAreRejected(SchedulerType type) {
        Scheduler s = type.create(SD15);
        s.setTimesteps(10);
        float[] ts = s.timesteps();
        Tensor x = Tensor.full(0.1f, 1, 4, 8, 8);
        assertThatThrownBy(() -> s.step(x, 500.5f, x, new TorchGenerator(0)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("is not in the schedule");
        assertThatThrownBy(() -> s.scaleModelInput(x, ts[ts.length - 1]))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("out of order");
        assertThatThrownBy(() -> s.step(x, ts[0], Tensor.zeros(1, 4, 8, 9), new TorchGenerator(0)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("same shape");
        assertThatThrownBy(() -> s.step(null, ts[0], x, new TorchGenerator(0)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("modelOutput");
    }

    @ParameterizedTest
    @EnumSource(SchedulerType.class)
    void aFullLoopRunsAndThenRefusesMoreSteps(SchedulerType type) {
        Scheduler s = type.create(SD15);
        s.setTimesteps(6);
        TorchGenerator random = new TorchGenerator(7);
        Tensor x = random.randn(1, 4, 8, 8).scale(s.initNoiseSigma());
        float[] ts = s.timesteps();
        assertThat(ts).hasSize(type == SchedulerType.PNDM ? 7 : 6 * s.modelEvaluationsPerStep()
                - (s.modelEvaluationsPerStep() - 1));
        for (float t : ts) {
            Tensor in = s.scaleModelInput(x, t);
            x = s.step(in.scale(0.1f), t, x, random);
        }
        assertThat(x.firstNonFinite()).isEqualTo(-1);
        Tensor last = x;
        assertThatThrownBy(() -> s.step(last, ts[ts.length - 1], last, random))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("call setTimesteps to start again");
        s.setTimesteps(6);
        assertThat(s.timesteps()).containsExactly(ts);
    }

    @ParameterizedTest
    @EnumSource(SchedulerType.class)
    void strengthStartIsTheTailOfTheFullSchedule(SchedulerType type) {
        Scheduler s = type.create(SD15);
        s.setTimesteps(20);
        float[] full = s.timesteps();
        s.setTimesteps(20, 0.75);
        float[] tail = s.timesteps();
        int tStart = 20 - (int) (20 * 0.75);
        assertThat(tail).containsExactly(Arrays.copyOfRange(full, tStart * s.modelEvaluationsPerStep(), full.length));
    }

    @Test
    void stochasticSchedulersNeedARandomSource() {
        for (SchedulerType type : new SchedulerType[] {SchedulerType.EULER_ANCESTRAL, SchedulerType.DDPM,
            SchedulerType.LCM}) {
            Scheduler s = type.create(SD15);
            s.setTimesteps(4);
            Tensor x = Tensor.zeros(1, 4, 8, 8);
            float t = s.timesteps()[0];
            assertThatThrownBy(() -> s.step(x, t, x, null)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("random must not be null");
        }
        Scheduler ddim = SchedulerType.DDIM.create(SD15);
        ddim.setTimesteps(4);
        Tensor x = Tensor.full(0.2f, 1, 4, 8, 8);
        assertThat(ddim.step(x, ddim.timesteps()[0], x, null).firstNonFinite()).isEqualTo(-1);
        Scheduler ddimEta = SchedulerType.DDIM.create(SD15.toBuilder().eta(1.0).build());
        ddimEta.setTimesteps(4);
        assertThatThrownBy(() -> ddimEta.step(x, ddimEta.timesteps()[0], x, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("random must not be null");
    }

    @Test
    void addNoiseChecksItsTimestep() {
        Scheduler ddim = SchedulerType.DDIM.create(SD15);
        Tensor x = Tensor.full(1f, 1, 4, 2, 2);
        assertThatThrownBy(() -> ddim.addNoise(x, x, 1000)).isInstanceOf(InvalidInputException.class)
                .hasMessage("timestep must be an integer between 0 and 999, was 1000.0");
        assertThatThrownBy(() -> ddim.addNoise(x, Tensor.zeros(1, 4, 2, 3), 10))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("same shape");
        Scheduler euler = SchedulerType.EULER.create(SD15);
        assertThatThrownBy(() -> euler.addNoise(x, x, 999)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("call setTimesteps");
        euler.setTimesteps(10);
        assertThatThrownBy(() -> euler.addNoise(x, x, 998)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is not in the schedule");
        // at timestep 999 Euler adds sigma_max * noise: x + 14.6146 * x
        assertThat(euler.addNoise(x, x, 999).getFlat(0)).isCloseTo(1f + euler.sigmas()[0],
                org.assertj.core.data.Offset.offset(1e-5f));
    }

    @Test
    void lcmStepsAreLimitedByTheOriginalSchedule() {
        Scheduler lcm = SchedulerType.LCM.create(SD15);
        assertThatThrownBy(() -> lcm.setTimesteps(51)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("original_inference_steps (50)");
    }

    @Test
    void heunTakesTwoEvaluationsPerStep() {
        Scheduler heun = SchedulerType.HEUN.create(SD15);
        heun.setTimesteps(10);
        assertThat(heun.modelEvaluationsPerStep()).isEqualTo(2);
        assertThat(heun.timesteps()).hasSize(19);
        assertThat(SchedulerType.EULER.create(SD15).modelEvaluationsPerStep()).isEqualTo(1);
    }

    @Test
    void alphaSchedulersHaveNoSigmas() {
        Scheduler ddim = SchedulerType.DDIM.create(SD15);
        ddim.setTimesteps(5);
        assertThat(ddim.sigmas()).isEmpty();
        assertThat(ddim.initNoiseSigma()).isEqualTo(1f);
        Scheduler dpm = SchedulerType.DPM_SOLVER_MULTISTEP.create(SD15);
        assertThatThrownBy(dpm::sigmas).isInstanceOf(InvalidInputException.class);
    }
}
