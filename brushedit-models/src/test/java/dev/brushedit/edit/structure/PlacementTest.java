package dev.brushedit.edit.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Box;
import org.junit.jupiter.api.Test;

/** Placement rules: explicit moves off the image are refused, directions stop at the edge, resizes shift in. */
class PlacementTest {
    private static final Box OBJ = new Box(40, 30, 60, 70);   // 20x40 in a 200x100 image

    @Test
    void explicitMovesInsideAreExactAndOffTheImageAreRefusedWithTheRoomLeft() {
        Placement p = Placement.resolve(OBJ, 200, 100, ObjectMotion.move(50, -10));
        assertThat(p.target()).isEqualTo(new Box(90, 20, 110, 60));
        assertThat(p.dx()).isEqualTo(50);
        assertThat(p.shortened()).isFalse();
        assertThatThrownBy(() -> Placement.resolve(OBJ, 200, 100, ObjectMotion.move(-41, 0)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("partly outside the 200x100 image")
                .hasMessageContaining("at most 40 px left, 140 px right, 30 px up and 30 px down");
    }

    @Test
    void aSidewaysMoveGoesTowardTheSideWithMoreRoom() {
        // OBJ has 40 px on its left and 140 px on its right: a quarter of 200 to the right
        Placement right = Placement.resolve(OBJ, 200, 100, ObjectMotion.sideways());
        assertThat(right.target()).isEqualTo(new Box(90, 30, 110, 70));
        Box nearRight = new Box(150, 30, 170, 70);   // 150 px left, 30 px right
        assertThat(Placement.resolve(nearRight, 200, 100, ObjectMotion.sideways()).target().x0()).isEqualTo(100);
        assertThat(Placement.resolve(nearRight, 200, 100, ObjectMotion.nudgeSideways()).target().x0()).isEqualTo(130);
        assertThat(ObjectMotion.sideways().moves()).isTrue();
        assertThat(ObjectMotion.sideways()).isNotEqualTo(ObjectMotion.toward(1, 0));
        assertThat(ObjectMotion.sideways().toString()).contains("more room");
    }

    @Test
    void directionsMoveAQuarterOfTheImageAndStopAtTheEdge() {
        assertThat(Placement.resolve(OBJ, 200, 100, ObjectMotion.toward(1, 0)).target().x0()).isEqualTo(90);
        Placement left = Placement.resolve(OBJ, 200, 100, ObjectMotion.toward(-1, 0));
        assertThat(left.target().x0()).isZero();
        assertThat(left.shortened()).isTrue();
        assertThat(Placement.resolve(OBJ, 200, 100, ObjectMotion.nudge(0, -1)).target().y0()).isEqualTo(20);
        assertThatThrownBy(() -> Placement.resolve(new Box(0, 0, 10, 10), 200, 100, ObjectMotion.toward(-1, -1)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("already touches the left edge and the top edge");
    }

    @Test
    void resizingKeepsTheBottomCentreShiftsInsideAndRefusesImpossibleSizes() {
        Placement big = Placement.resolve(OBJ, 200, 100, ObjectMotion.scale(2));
        assertThat(big.target()).isEqualTo(new Box(30, 0, 70, 80));   // 40x80: bottom 70 would need top -10: shifted down
        Placement small = Placement.resolve(OBJ, 200, 100, ObjectMotion.scale(0.5));
        assertThat(small.target()).isEqualTo(new Box(45, 50, 55, 70));
        assertThatThrownBy(() -> Placement.resolve(OBJ, 200, 100, ObjectMotion.scale(3)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("larger than the 200x100 image")
                .hasMessageContaining("at most 2.5");
        assertThatThrownBy(() -> Placement.resolve(OBJ, 200, 100, ObjectMotion.scale(0.01)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("smaller than one pixel");
    }

    @Test
    void badMotionsAreRejected() {
        assertThatThrownBy(() -> ObjectMotion.scale(0)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("scale must be a positive number, was 0.0");
        assertThatThrownBy(() -> ObjectMotion.scale(-2)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("was -2.0");
        assertThatThrownBy(() -> ObjectMotion.scale(1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("differ from 1");
        assertThatThrownBy(() -> ObjectMotion.move(0, 0.2)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at least one pixel");
        assertThatThrownBy(() -> ObjectMotion.move(Double.NaN, 1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("finite");
        assertThatThrownBy(() -> ObjectMotion.toward(0, 0)).isInstanceOf(InvalidInputException.class);
        assertThat(ObjectMotion.move(-12, 0).toString()).isEqualTo("move (-12, 0) px");
        assertThat(ObjectMotion.scale(1.5).toString()).isEqualTo("scale 1.5");
    }
}
