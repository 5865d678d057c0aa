package dev.brushedit.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.BrushEditException;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.RgbImage;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link Instructor#planChecked}: the argument and result checks both editors plan through. */
class InstructorPlanCheckedTest {
    private static final RgbImage IMAGE = RgbImage.filled(8, 8, 10, 20, 30);

    @Test
    void returnsTheInstructorsPlan() {
        EditPlan plan = new EditPlan(EditCategory.REMOVE, "dog", "", Optional.empty(), "remove the dog");
        assertThat(Instructor.planChecked((image, instruction) -> plan, IMAGE, "remove the dog")).isSameAs(plan);
    }

    @Test
    void refusesBadArgumentsBeforeAskingTheInstructor() {
        AtomicInteger asked = new AtomicInteger();
        Instructor counting = (image, instruction) -> {
            asked.incrementAndGet();
            return null;
        };
        assertThatThrownBy(() -> Instructor.planChecked(counting, null, "remove the dog"))
                .isInstanceOf(InvalidInputException.class).hasMessage("image must not be null");
        assertThatThrownBy(() -> Instructor.planChecked(counting, IMAGE, " "))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("instruction must not be empty or blank");
        assertThat(asked).hasValue(0);
    }

    @Test
    void refusesAMissingPlanNamingTheInstructorAndTheInstruction() {
        Instructor broken = new Instructor() {
            @Override
            public EditPlan plan(RgbImage image, String instruction) {
                return null;
            }
        };
        assertThatThrownBy(() -> Instructor.planChecked(broken, IMAGE, "remove the dog"))
                .isExactlyInstanceOf(BrushEditException.class)
                .hasMessage("the instructor " + broken.getClass().getName() + " returned no plan for \"remove the dog\"");
    }
}
