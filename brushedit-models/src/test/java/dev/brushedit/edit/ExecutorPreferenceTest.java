package dev.brushedit.edit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExecutorPreferenceTest {

    @Test
    void namedFindsEachPreferenceInAnyCase() {
        assertThat(ExecutorPreference.named("auto")).contains(ExecutorPreference.AUTO);
        assertThat(ExecutorPreference.named("Diffusion")).contains(ExecutorPreference.DIFFUSION);
        assertThat(ExecutorPreference.named("CLASSICAL")).contains(ExecutorPreference.CLASSICAL);
    }

    @Test
    void namedIsEmptyForNullUnknownOrPaddedNames() {
        assertThat(ExecutorPreference.named(null)).isEmpty();
        assertThat(ExecutorPreference.named("")).isEmpty();
        assertThat(ExecutorPreference.named("fastest")).isEmpty();
        assertThat(ExecutorPreference.named(" auto")).isEmpty();
        // ROOT-locale lower-casing: a dotless i does not stand in for an i
        assertThat(ExecutorPreference.named("d\u0131ffusion")).isEmpty();
    }
}
