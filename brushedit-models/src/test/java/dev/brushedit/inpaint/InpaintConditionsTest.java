package dev.brushedit.inpaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.tensor.Tensor;
import dev.brushedit.inpaint.internal.InpaintConditions;
import org.junit.jupiter.api.Test;

class InpaintConditionsTest {

    private static Tensor holeInTopLeftQuarter(int size) {
        Tensor m = Tensor.zeros(1, 1, size, size);
        for (int y = 0; y < size / 2; y++) {
            for (int x = 0; x < size / 2; x++) {
                m.set(1f, 0, 0, y, x);
            }
        }
        return m;
    }

    @Test
    void brushnetMaskedImageIsBlackInTheHoleAndUntouchedOutside() {
        Tensor image = Tensor.full(0.25f, 1, 3, 16, 16);
        Tensor masked = InpaintConditions.blackHole(image, holeInTopLeftQuarter(16));
        assertThat(masked.get(0, 2, 3, 3)).isEqualTo(-1f);
        assertThat(masked.get(0, 0, 12, 12)).isEqualTo(0.25f);
        assertThat(image.get(0, 2, 3, 3)).isEqualTo(0.25f);
    }

    @Test
    void sdInpaintingMaskedImageIsMidGrayInTheHole() {
        Tensor masked = InpaintConditions.grayHole(Tensor.full(0.5f, 1, 3, 16, 16), holeInTopLeftQuarter(16));
        assertThat(masked.get(0, 1, 0, 0)).isZero();
        assertThat(masked.get(0, 1, 15, 15)).isEqualTo(0.5f);
    }

    @Test
    void latentMaskHasBrushNetPolarityWhenAsked() {
        Tensor keep = InpaintConditions.latentMask(holeInTopLeftQuarter(16), 2, 2, true);
        assertThat(keep.toArray()).containsExactly(0f, 1f, 1f, 1f);
        Tensor hole = InpaintConditions.latentMask(holeInTopLeftQuarter(16), 2, 2, false);
        assertThat(hole.toArray()).containsExactly(1f, 0f, 0f, 0f);
    }

    @Test
    void brushnetWindowFollowsTheReferenceKeepRule() {
        // 10 steps, window [0.2, 0.8]: active for i/10 >= 0.2 and (i+1)/10 <= 0.8 -> i in 2..7
        StringBuilder active = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            active.append(InpaintConditions.brushnetActive(i, 10, 0.2, 0.8) ? '1' : '0');
        }
        assertThat(active).hasToString("0011111100");
        assertThat(InpaintConditions.brushnetActive(9, 10, 0, 1)).isTrue();
    }

    @Test
    void shapeMismatchesAreRejected() {
        assertThatThrownBy(() -> InpaintConditions.blackHole(Tensor.zeros(1, 3, 8, 8), Tensor.zeros(1, 1, 4, 4)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("[1, 1, 4, 4]").hasMessageContaining("[1, 3, 8, 8]");
        assertThatThrownBy(() -> InpaintConditions.latentMask(Tensor.zeros(1, 3, 8, 8), 1, 1, true))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("[b, 1, H, W]");
        assertThatThrownBy(() -> InpaintConditions.brushnetActive(10, 10, 0, 1)).isInstanceOf(InvalidInputException.class);
    }
}
