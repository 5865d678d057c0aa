package dev.brushedit.edit;

import dev.brushedit.core.image.Point;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MaskSourceTest {
    static final RgbImage IMAGE = RgbImage.filled(40, 30, 50, 60, 70);
    static final EditPlan PLAN = new EditPlan(EditCategory.REMOVE, "dog", "empty background", Optional.empty(), "remove the dog");

    @Test
    void fixedMaskIsReturnedAndMustMatchTheImage() {
        Mask m = Mask.ofBox(40, 30, new Box(1, 2, 5, 6));
        assertThat(MaskSource.of(m).mask(IMAGE, PLAN).sameValues(m)).isTrue();
        assertThatThrownBy(() -> MaskSource.of(Mask.empty(10, 10)).mask(IMAGE, PLAN))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("10x10").hasMessageContaining("40x30");
        assertThatThrownBy(() -> MaskSource.of(null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void boxIsClampedAndABoxOutsideTheImageIsRejected() {
        Mask m = MaskSource.ofBox(new Box(30, 20, 60, 50)).mask(IMAGE, PLAN);
        assertThat(m.boundingBox()).isEqualTo(new Box(30, 20, 40, 30));
        assertThat(m.area()).isEqualTo(10 * 10);
        assertThatThrownBy(() -> MaskSource.ofBox(new Box(50, 40, 60, 50)).mask(IMAGE, PLAN))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("outside");
    }

    @Test
    void pointsBecomeDisks() {
        // radius 2: the 13 pixels with dx^2 + dy^2 <= 4
        Mask one = MaskSource.ofPoints(List.of(new Point(10, 10)), 2).mask(IMAGE, PLAN);
        assertThat(one.area()).isEqualTo(13);
        assertThat(one.get(12, 10)).isEqualTo(1f);
        assertThat(one.get(12, 11)).isEqualTo(0f);
        // two disjoint disks, one clipped by the corner: 13 + 6 (quadrant of radius 2 incl. axes: (0..2)x(0..2) minus (2,1),(1,2),(2,2))
        Mask two = MaskSource.ofPoints(List.of(new Point(10, 10), new Point(0, 0)), 2).mask(IMAGE, PLAN);
        assertThat(two.area()).isEqualTo(13 + 6);
        assertThat(MaskSource.ofPoints(List.of(new Point(5, 5)), 0).mask(IMAGE, PLAN).area()).isEqualTo(1);
    }

    @Test
    void badPointsAreRejected() {
        assertThatThrownBy(() -> MaskSource.ofPoints(List.of(), 3)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at least one point");
        assertThatThrownBy(() -> MaskSource.ofPoints(List.of(new Point(1, 1)), -1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("radius");
        assertThatThrownBy(() -> MaskSource.ofPoints(List.of(new Point(40, 3)), 3).mask(IMAGE, PLAN))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("(40, 3)").hasMessageContaining("outside");
    }
}
