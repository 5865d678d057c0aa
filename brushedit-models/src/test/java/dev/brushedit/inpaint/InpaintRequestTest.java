package dev.brushedit.inpaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.scheduler.SchedulerType;
import org.junit.jupiter.api.Test;

class InpaintRequestTest {

    @Test
    void defaultsFollowBrushNet() {
        InpaintRequest r = InpaintRequest.of("a bench");
        assertThat(r.prompt()).isEqualTo("a bench");
        assertThat(r.steps()).isEqualTo(50);
        assertThat(r.guidanceScale()).isEqualTo(7.5);
        assertThat(r.preservationScale()).isEqualTo(1.0);
        assertThat(r.scheduler()).isEqualTo(SchedulerType.UNIPC);
        assertThat(r.seed()).isEmpty();
        assertThat(r.blend()).isEqualTo(BlendOptions.DEFAULT);
    }

    @Test
    void toBuilderRoundTripsEveryValue() {
        InpaintRequest r = InpaintRequest.builder().prompt("p").negativePrompt("n").steps(12).guidanceScale(3)
                .preservationScale(0.4).brushnetWindow(0.1, 0.8).strength(0.75).seed(7).scheduler(SchedulerType.DDIM)
                .numOutputs(2).blend(BlendOptions.HARD).strategy(LargeImageStrategy.original()).build();
        InpaintRequest copy = r.toBuilder().build();
        assertThat(copy.toString()).isEqualTo(r.toString());
        assertThat(copy.seed()).hasValue(7);
        assertThat(copy.brushnetStart()).isEqualTo(0.1);
        assertThat(copy.brushnetEnd()).isEqualTo(0.8);
    }

    @Test
    void settersFailFastWithTheRangeInTheMessage() {
        assertThatThrownBy(() -> InpaintRequest.builder().steps(0))
                .isInstanceOf(InvalidInputException.class).hasMessage("steps must be between 1 and 1000, was 0");
        assertThatThrownBy(() -> InpaintRequest.builder().strength(0))
                .isInstanceOf(InvalidInputException.class).hasMessage("strength must be in (0, 1], was 0.0");
        assertThatThrownBy(() -> InpaintRequest.builder().brushnetWindow(0.5, 0.5))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("brushnetStart must be less than brushnetEnd");
        assertThatThrownBy(() -> InpaintRequest.builder().preservationScale(Double.NaN))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("preservationScale");
        assertThatThrownBy(() -> new BlendOptions(true, 20, 0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("odd");
    }
}
