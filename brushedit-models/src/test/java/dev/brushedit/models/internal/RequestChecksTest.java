package dev.brushedit.models.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.InvalidInputException;
import dev.brushedit.inpaint.InpaintRequest;
import dev.brushedit.models.DenoisingLoop;
import dev.brushedit.pix2pix.Pix2PixRequest;
import dev.brushedit.reference.ReferenceRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingConsumer;

/** The shared step and guidance ranges, and that every request builder applies them alike. */
class RequestChecksTest {

    @Test
    void stepsAreOneToAThousand() {
        assertThat(RequestChecks.steps(1)).isEqualTo(1);
        assertThat(RequestChecks.steps(1000)).isEqualTo(1000);
        assertThatThrownBy(() -> RequestChecks.steps(0)).isInstanceOf(InvalidInputException.class)
                .hasMessage("steps must be between 1 and 1000, was 0");
        assertThatThrownBy(() -> RequestChecks.steps(1001)).hasMessage("steps must be between 1 and 1000, was 1001");
    }

    @Test
    void guidanceIsZeroToFiftyAndNamedByTheCaller() {
        assertThat(RequestChecks.guidanceScale("g", 0.0)).isEqualTo(0.0);
        assertThat(RequestChecks.guidanceScale("g", 50.0)).isEqualTo(50.0);
        assertThatThrownBy(() -> RequestChecks.guidanceScale("imageGuidanceScale", 50.5)).isInstanceOf(InvalidInputException.class)
                .hasMessage("imageGuidanceScale must be between 0.0 and 50.0, was 50.5");
        assertThatThrownBy(() -> RequestChecks.guidanceScale("g", Double.NaN)).hasMessage("g must be between 0.0 and 50.0, was NaN");
    }

    @Test
    void everyRequestBuilderRefusesTheSameSteps() {
        assertSameStepMessages(s -> InpaintRequest.builder().steps(s));
        assertSameStepMessages(s -> Pix2PixRequest.builder().steps(s));
        assertSameStepMessages(s -> ReferenceRequest.builder().steps(s));
        assertSameStepMessages(s -> DenoisingLoop.builder().steps(s));
    }

    @Test
    void everyGuidanceSetterRefusesTheSameScales() {
        assertThatThrownBy(() -> InpaintRequest.builder().guidanceScale(-0.5))
                .hasMessage("guidanceScale must be between 0.0 and 50.0, was -0.5");
        assertThatThrownBy(() -> Pix2PixRequest.builder().guidanceScale(51))
                .hasMessage("guidanceScale must be between 0.0 and 50.0, was 51.0");
        assertThatThrownBy(() -> Pix2PixRequest.builder().imageGuidanceScale(51))
                .hasMessage("imageGuidanceScale must be between 0.0 and 50.0, was 51.0");
        assertThatThrownBy(() -> DenoisingLoop.builder().guidanceScale(51))
                .hasMessage("guidanceScale must be between 0.0 and 50.0, was 51.0");
    }

    private static void assertSameStepMessages(ThrowingConsumer<Integer> setter) {
        assertThatThrownBy(() -> setter.accept(0)).isInstanceOf(InvalidInputException.class)
                .hasMessage("steps must be between 1 and 1000, was 0");
        assertThatThrownBy(() -> setter.accept(1001)).hasMessage("steps must be between 1 and 1000, was 1001");
    }
}
