package dev.brushedit.spark;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.brushedit.core.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The job's settings are checked on the driver, before any task: no setting may be silently ignored. */
class JobSettingsTest {

    @Test
    void aPromptWithoutAModelIsRefusedNamingTheFlags() {
        assertThatThrownBy(() -> new JobSettings(null, "out", "png", "a red car", 30, 7.5, 0, "auto"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("--prompt \"a red car\"")
                .hasMessageContaining("--model DIR");
        assertThatNoException().isThrownBy(() -> new JobSettings(null, "out", "png", "", 30, 7.5, 0, "auto"));
        assertThatNoException().isThrownBy(() -> new JobSettings("sd15-brushnet", "out", "png", "a red car", 30, 7.5, 0, "auto"));
    }
}
