package dev.brushedit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChecksTest {

    @Test
    void acceptsValidValues() {
        assertThat(Checks.inRange("steps", 1, 1, 1000)).isEqualTo(1);
        assertThat(Checks.inRange("strength", 0.5, 0.0, 1.0)).isEqualTo(0.5);
        assertThat(Checks.positive("n", 3)).isEqualTo(3);
        assertThat(Checks.finite("x", -2.5)).isEqualTo(-2.5);
        assertThat(Checks.notNull("o", "v")).isEqualTo("v");
        assertThat(Checks.notBlank("s", " a ")).isEqualTo(" a ");
    }

    @Test
    void rejectsWithMessagesInOneStyle() {
        assertThatThrownBy(() -> Checks.inRange("steps", 0, 1, 1000))
                .isInstanceOf(InvalidInputException.class).hasMessage("steps must be between 1 and 1000, was 0");
        assertThatThrownBy(() -> Checks.inRange("strength", Double.NaN, 0.0, 1.0))
                .isInstanceOf(InvalidInputException.class).hasMessage("strength must be between 0.0 and 1.0, was NaN");
        assertThatThrownBy(() -> Checks.positive("n", 0)).hasMessage("n must be positive, was 0");
        assertThatThrownBy(() -> Checks.finite("x", Double.POSITIVE_INFINITY)).hasMessage("x must be a finite number, was Infinity");
        assertThatThrownBy(() -> Checks.notNull("prompt", null)).hasMessage("prompt must not be null");
        assertThatThrownBy(() -> Checks.notBlank("prompt", "  ")).hasMessage("prompt must not be empty or blank, was \"  \"");
        assertThatThrownBy(() -> Checks.notBlank("prompt", null)).isInstanceOf(InvalidInputException.class).hasMessageEndingWith("was null");
    }
}
