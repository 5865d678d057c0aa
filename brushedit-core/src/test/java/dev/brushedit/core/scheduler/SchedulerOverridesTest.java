package dev.brushedit.core.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchedulerOverridesTest {
    private static final String SD15 = "{\"_class_name\": \"PNDMScheduler\", \"beta_start\": 0.00085, \"beta_end\": 0.012,"
            + " \"beta_schedule\": \"scaled_linear\", \"num_train_timesteps\": 1000, \"steps_offset\": 1,"
            + " \"timestep_spacing\": \"leading\", \"skip_prk_steps\": true}";

    @Test
    void requestValuesWinOverTheFoldersAndTheEffectiveJsonShowsThem() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("use_karras_sigmas", "true");
        options.put("final_sigmas_type", "sigma_min");
        options.put("timestep_spacing", "trailing");
        SchedulerOverrides o = SchedulerOverrides.of(options);
        String effective = o.applyTo(SD15);
        assertThat(effective).contains("\"trailing\"").doesNotContain("\"leading\"").contains("\"use_karras_sigmas\" : true");
        SchedulerConfig c = SchedulerConfig.fromJson(effective);
        assertThat(c.useKarrasSigmas()).isTrue();
        assertThat(c.finalSigmasType()).isEqualTo(SchedulerConfig.FinalSigmasType.SIGMA_MIN);
        assertThat(c.timestepSpacing()).contains(SchedulerConfig.TimestepSpacing.TRAILING);
        assertThat(c.betaEnd()).hasValue(0.012);
        assertThat(o.asMap()).containsExactly(Map.entry("use_karras_sigmas", "true"),
                Map.entry("final_sigmas_type", "\"sigma_min\""), Map.entry("timestep_spacing", "\"trailing\""));
    }

    @Test
    void theOverridesChangeTheSchedule() {
        SchedulerConfig folder = SchedulerConfig.fromJson(SD15);
        SchedulerConfig trailing = SchedulerConfig.fromJson(SchedulerOverrides.NONE.with("timestep_spacing", "trailing").applyTo(SD15));
        Scheduler a = SchedulerType.DDIM.create(folder);
        Scheduler b = SchedulerType.DDIM.create(trailing);
        a.setTimesteps(10);
        b.setTimesteps(10);
        assertThat(a.timesteps()[0]).isEqualTo(901f);
        assertThat(b.timesteps()[0]).isEqualTo(999f);
    }

    @Test
    void noOverridesLeaveTheTextAlone() {
        assertThat(SchedulerOverrides.NONE.applyTo(SD15)).isSameAs(SD15);
        assertThat(SchedulerOverrides.of(Map.of()).isEmpty()).isTrue();
    }

    @Test
    void unknownUnimplementedOrMistypedOptionsAreRejectedByName() {
        assertThatThrownBy(() -> SchedulerOverrides.NONE.with("use_karas_sigmas", "true"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("use_karas_sigmas");
        assertThatThrownBy(() -> SchedulerOverrides.NONE.with("rho", "7"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("rho").hasMessageContaining("not implemented");
        assertThatThrownBy(() -> SchedulerOverrides.NONE.with("final_sigmas_type", "bogus"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("final_sigmas_type");
        assertThatThrownBy(() -> SchedulerOverrides.NONE.with("use_karras_sigmas", "maybe"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("use_karras_sigmas");
        assertThatThrownBy(() -> SchedulerOverrides.NONE.with("_class_name", "EulerDiscreteScheduler"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("_class_name");
    }
}
