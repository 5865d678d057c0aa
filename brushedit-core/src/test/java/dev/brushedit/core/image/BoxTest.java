package dev.brushedit.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.InvalidInputException;
import org.junit.jupiter.api.Test;

class BoxTest {

    @Test
    void sizeAndArea() {
        Box b = new Box(2, 3, 10, 7);

        assertThat(b.width()).isEqualTo(8);
        assertThat(b.height()).isEqualTo(4);
        assertThat(b.area()).isEqualTo(32);
        assertThat(new Box(0, 0, 100_000, 100_000).area()).isEqualTo(10_000_000_000L);
    }

    @Test
    void clampAndExpand() {
        Box b = new Box(-5, 2, 20, 8);

        assertThat(b.clampTo(10, 6)).isEqualTo(new Box(0, 2, 10, 6));
        assertThat(b.expand(3)).isEqualTo(new Box(-8, -1, 23, 11));
        assertThatThrownBy(() -> new Box(11, 0, 12, 1).clampTo(10, 10))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("10x10");
        assertThatThrownBy(() -> b.expand(-13)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void emptyBoxesAreRejected() {
        assertThatThrownBy(() -> new Box(3, 0, 3, 5))
                .isInstanceOf(InvalidInputException.class).hasMessage("box must have x0 < x1 and y0 < y1, was (3, 0, 3, 5)");
        assertThatThrownBy(() -> new Box(0, 5, 1, 4)).isInstanceOf(InvalidInputException.class);
    }
}
