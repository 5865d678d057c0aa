package dev.brushedit.core.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.scheduler.SchedulerConfig.BetaSchedule;
import dev.brushedit.core.scheduler.SchedulerConfig.PredictionType;
import dev.brushedit.core.scheduler.SchedulerConfig.TimestepSpacing;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchedulerConfigTest {

    @Test
    void shippedSd15FileEqualsTheBuiltInConfig(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("scheduler_config.json");
        Files.writeString(file, ParityVectors.sd15Json());
        SchedulerConfig c = SchedulerConfig.fromJson(file);
        assertThat(c).isEqualTo(SchedulerConfig.stableDiffusion15());
        assertThat(c.betaStart()).hasValue(0.00085);
        assertThat(c.betaSchedule()).contains(BetaSchedule.SCALED_LINEAR);
        assertThat(c.stepsOffset()).isEqualTo(1);
        assertThat(c.skipPrkSteps()).isTrue();
        assertThat(c.timestepSpacing()).isEmpty();
        assertThat(c.trainedBetas()).isEmpty();
        assertThat(SchedulerType.fromDiffusersName(c.className().orElseThrow())).isEqualTo(SchedulerType.PNDM);
    }

    @Test
    void absentKeysTakeEachSchedulersDefaultAsFromConfigDoes() {
        SchedulerConfig sd15 = SchedulerConfig.stableDiffusion15();
        Scheduler ddim = SchedulerType.DDIM.create(sd15);
        ddim.setTimesteps(10);
        // DDIM defaults to leading spacing: multiples of 100 plus steps_offset 1
        assertThat(ddim.timesteps()).containsExactly(901, 801, 701, 601, 501, 401, 301, 201, 101, 1);
        Scheduler euler = SchedulerType.EULER.create(sd15);
        euler.setTimesteps(10);
        // Euler defaults to linspace over [0, 999]
        assertThat(euler.timesteps()[0]).isEqualTo(999f);
        assertThat(euler.timesteps()[9]).isEqualTo(0f);
        Scheduler eulerLeading = SchedulerType.EULER.create(
                sd15.toBuilder().timestepSpacing(TimestepSpacing.LEADING).build());
        eulerLeading.setTimesteps(10);
        assertThat(eulerLeading.timesteps()[0]).isEqualTo(901f);
    }

    @Test
    void everySchedulerCanBeBuiltFromEveryOthersKeys() {
        SchedulerConfig dpmStyle = SchedulerConfig.fromJson("{\"_class_name\": \"DPMSolverMultistepScheduler\","
                + "\"beta_schedule\": \"scaled_linear\", \"beta_start\": 0.00085, \"beta_end\": 0.012,"
                + "\"algorithm_type\": \"dpmsolver++\", \"solver_type\": \"midpoint\", \"solver_order\": 2,"
                + "\"use_karras_sigmas\": true, \"lambda_min_clipped\": -Infinity, \"variance_type\": null,"
                + "\"thresholding\": false, \"dynamic_thresholding_ratio\": 0.995, \"sample_max_value\": 1.0,"
                + "\"euler_at_final\": false, \"lower_order_final\": true, \"final_sigmas_type\": \"zero\"}");
        for (SchedulerType type : SchedulerType.values()) {
            Scheduler s = type.create(dpmStyle);
            assertThat(s.type()).isEqualTo(type);
            s.setTimesteps(8);
            assertThat(s.timesteps()).isNotEmpty();
        }
    }

    @Test
    void unknownKeysAreIgnoredAndPrivateKeysSkipped() {
        SchedulerConfig c = SchedulerConfig.fromJson("{\"_class_name\": \"X\", \"_diffusers_version\": \"0.30\","
                + "\"no_such_key\": 3, \"steps_offset\": 1}");
        assertThat(c).isEqualTo(SchedulerConfig.builder().className("X").stepsOffset(1).build());
    }

    @Test
    void wrongTypesAndValuesNameTheKey() {
        assertThatThrownBy(() -> SchedulerConfig.fromJson("{\"steps_offset\": \"one\"}"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("steps_offset")
                .hasMessageContaining("integer");
        assertThatThrownBy(() -> SchedulerConfig.fromJson("{\"beta_schedule\": \"sigmoid\"}"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("beta_schedule")
                .hasMessageContaining("sigmoid");
        assertThatThrownBy(() -> SchedulerConfig.fromJson("{\"prediction_type\": \"flow_prediction\"}"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("prediction_type");
        assertThatThrownBy(() -> SchedulerConfig.fromJson("{\"algorithm_type\": \"sde-dpmsolver++\"}"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("algorithm_type");
        assertThatThrownBy(() -> SchedulerConfig.fromJson("{\"solver_order\": 4}"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("solver_order");
        assertThatThrownBy(() -> SchedulerConfig.fromJson("{\"trained_betas\": [0.1, \"x\"]}"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("trained_betas[1]");
        assertThatThrownBy(() -> SchedulerConfig.fromJson("[1, 2]"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> SchedulerConfig.fromJson("{\"steps_offset\": "))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> SchedulerConfig.fromJson(Path.of("/no/such/scheduler_config.json")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("cannot read");
    }

    @Test
    void unsupportedNonDefaultKeysAreRejectedOnlyBySchedulersThatReadThem() {
        SchedulerConfig thresholding = SchedulerConfig.builder().thresholding(true).build();
        assertThatThrownBy(() -> SchedulerType.DDIM.create(thresholding))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'thresholding'");
        assertThat(SchedulerType.EULER.create(thresholding).type()).isEqualTo(SchedulerType.EULER);

        SchedulerConfig betaSigmas = SchedulerConfig.fromJson("{\"use_beta_sigmas\": true}");
        assertThatThrownBy(() -> SchedulerType.EULER.create(betaSigmas))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'use_beta_sigmas'");
        assertThat(SchedulerType.DDIM.create(betaSigmas).type()).isEqualTo(SchedulerType.DDIM);
        assertThat(SchedulerType.EULER.create(SchedulerConfig.fromJson("{\"use_beta_sigmas\": false}")).type())
                .isEqualTo(SchedulerType.EULER);

        assertThatThrownBy(() -> SchedulerType.DPM_SOLVER_MULTISTEP.create(
                SchedulerConfig.fromJson("{\"lambda_min_clipped\": -5.1}")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'lambda_min_clipped'");
        assertThatThrownBy(() -> SchedulerType.DDPM.create(
                SchedulerConfig.builder().varianceType("learned_range").build()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'variance_type'");
        assertThatThrownBy(() -> SchedulerType.UNIPC.create(SchedulerConfig.fromJson("{\"predict_x0\": false}")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'predict_x0'");
        assertThatThrownBy(() -> SchedulerType.EULER_ANCESTRAL.create(
                SchedulerConfig.builder().predictionType(PredictionType.SAMPLE).build()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'prediction_type'");
    }

    @Test
    void builderValidatesAndRoundTrips() {
        SchedulerConfig c = SchedulerConfig.stableDiffusion15().toBuilder().solverOrder(3).useKarrasSigmas(true)
                .eta(0.5).disableCorrector(0, 2).build();
        assertThat(c.toBuilder().build()).isEqualTo(c).hasSameHashCodeAs(c);
        assertThat(c.solverOrder()).hasValue(3);
        assertThat(c.disableCorrector()).containsExactly(0, 2);
        assertThat(c.toString()).contains("solver_order=3", "eta=0.5");

        assertThatThrownBy(() -> SchedulerConfig.builder().numTrainTimesteps(0))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("num_train_timesteps must be between 1 and 100000, was 0");
        assertThatThrownBy(() -> SchedulerConfig.builder().betaStart(-0.1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("beta_start");
        assertThatThrownBy(() -> SchedulerConfig.builder().eta(1.5))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("eta");
        assertThatThrownBy(() -> SchedulerConfig.builder().trainedBetas(new double[] {0.1, 1.2}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("trained_betas[1]");
        assertThatThrownBy(() -> SchedulerConfig.builder().trainedBetas(new double[10]).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("num_train_timesteps (1000)");
        assertThatThrownBy(() -> SchedulerConfig.builder().sigmaMin(5.0).sigmaMax(1.0).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("sigma_min");
    }

    @Test
    void trainedBetasReplaceTheSchedule() {
        double[] betas = new double[1000];
        for (int i = 0; i < betas.length; i++) {
            double s = Math.sqrt(0.00085) + i * (Math.sqrt(0.012) - Math.sqrt(0.00085)) / 999;
            betas[i] = s * s;
        }
        SchedulerConfig trained = SchedulerConfig.stableDiffusion15().toBuilder().trainedBetas(betas).build();
        Scheduler a = SchedulerType.EULER.create(trained);
        Scheduler b = SchedulerType.EULER.create(SchedulerConfig.stableDiffusion15());
        a.setTimesteps(20);
        b.setTimesteps(20);
        float[] sa = a.sigmas();
        float[] sb = b.sigmas();
        for (int i = 0; i < sa.length; i++) {
            assertThat((double) sa[i]).isCloseTo(sb[i], org.assertj.core.data.Offset.offset(1e-5 * (1 + sb[i])));
        }
    }

    @Test
    void schedulerTypesResolveDiffusersNames() {
        for (SchedulerType t : SchedulerType.values()) {
            assertThat(SchedulerType.fromDiffusersName(t.diffusersName())).isEqualTo(t);
        }
        assertThatThrownBy(() -> SchedulerType.fromDiffusersName("FlowMatchEulerDiscreteScheduler"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not supported")
                .hasMessageContaining("DDIMScheduler");
    }
}
