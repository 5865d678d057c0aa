package dev.brushedit.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.edit.structure.ObjectMotion;
import org.junit.jupiter.api.Test;

/** The offline instructor's MOVE and RESIZE rules, and the MLLM reply fields for them. */
class MoveResizeGrammarTest {
    private static final OfflineInstructor INSTRUCTOR = OfflineInstructor.create();
    private static final RgbImage IMAGE = RgbImage.filled(400, 200, 0, 0, 0);

    private static EditPlan plan(String instruction) {
        return INSTRUCTOR.plan(IMAGE, instruction);
    }

    private static ObjectMotion motion(String instruction) {
        return plan(instruction).motion().orElseThrow();
    }

    @Test
    void theIssuesExamplesAreRead() {
        EditPlan cup = plan("move the cup to the left");
        assertThat(cup.category()).isEqualTo(EditCategory.MOVE);
        assertThat(cup.targetObject()).isEqualTo("cup");
        assertThat(cup.motion()).contains(ObjectMotion.toward(-1, 0));

        EditPlan dog = plan("make the dog bigger");
        assertThat(dog.category()).isEqualTo(EditCategory.RESIZE);
        assertThat(dog.targetObject()).isEqualTo("dog");
        assertThat(dog.targetCaption()).isEqualTo("bigger dog");
        assertThat(dog.motion().orElseThrow().scale()).isEqualTo(1.5);

        EditPlan lamp = plan("shift the lamp 50 pixels right");
        assertThat(lamp.category()).isEqualTo(EditCategory.MOVE);
        assertThat(lamp.targetObject()).isEqualTo("lamp");
        assertThat(lamp.motion()).contains(ObjectMotion.move(50, 0));

        assertThat(motion("make the cat twice as big").scale()).isEqualTo(2.0);
        assertThat(plan("make the cat twice as big").targetObject()).isEqualTo("cat");
        assertThat(motion("move the sun up")).isEqualTo(ObjectMotion.toward(0, -1));
    }

    @Test
    void distancesDirectionsAndFactorsInOtherWordings() {
        assertThat(motion("Please move the red car 30px left and 20 pixels up.")).isEqualTo(ObjectMotion.move(-30, -20));
        assertThat(motion("move the boat 10% to the right")).isEqualTo(ObjectMotion.move(40, 0));   // 10% of 400
        assertThat(motion("slide the vase slightly to the left")).isEqualTo(ObjectMotion.nudge(-1, 0));
        assertThat(motion("move the bird up and to the right")).isEqualTo(ObjectMotion.toward(1, -1));
        assertThat(motion("raise the flag")).isEqualTo(ObjectMotion.toward(0, -1));
        assertThat(motion("move the left chair down by fifty pixels")).isEqualTo(ObjectMotion.move(0, 50));
        assertThat(plan("move the left chair down by fifty pixels").targetObject()).isEqualTo("left chair");
        assertThat(motion("make the dog in the photo smaller").scale()).isEqualTo(1 / 1.5);
        assertThat(plan("make the dog in the photo smaller").targetObject()).isEqualTo("dog");
        assertThat(motion("make the tree half the size").scale()).isEqualTo(0.5);
        assertThat(motion("make the ball 50% bigger").scale()).isEqualTo(1.5);
        assertThat(motion("make the ball three times bigger").scale()).isEqualTo(3.0);
        assertThat(motion("make the ball much smaller").scale()).isEqualTo(0.5);
        assertThat(motion("enlarge the logo").scale()).isEqualTo(1.5);
        assertThat(motion("shrink the boat to half its size").scale()).isEqualTo(0.5);
        assertThat(motion("scale the moon by 1.25").scale()).isEqualTo(1.25);
        assertThat(motion("resize the car to 80%").scale()).isEqualTo(0.8);
        assertThat(motion("double the size of the cat").scale()).isEqualTo(2.0);
        assertThat(plan("double the size of the cat").targetObject()).isEqualTo("cat");
    }

    @Test
    void otherEditsAreLeftToTheOtherRules() {
        assertThat(plan("move the dog to the beach").category()).isEqualTo(EditCategory.BACKGROUND);
        assertThat(plan("make the car red").category()).isEqualTo(EditCategory.LOCAL);
        assertThat(plan("remove the cup").category()).isEqualTo(EditCategory.REMOVE);
        assertThat(plan("add a bird on the left").category()).isEqualTo(EditCategory.ADDITION);
        assertThat(plan("make it winter").category()).isEqualTo(EditCategory.GLOBAL);
        assertThat(plan("make the dog happy").category()).isEqualTo(EditCategory.LOCAL);
    }

    @Test
    void aZeroScaleIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> plan("make the cat 0 times bigger")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("scale must be a positive number, was 0.0");
        assertThatThrownBy(() -> plan("make the rocket 20 times bigger")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("resizing \"rocket\" by 20.0").hasMessageContaining("at most 8.0 times");
        assertThatThrownBy(() -> new EditPlan(EditCategory.MOVE, "cup", "cup", java.util.Optional.empty(), "x"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("MOVE plan needs a motion");
        assertThatThrownBy(() -> plan("make the dog bigger").withMotion(ObjectMotion.toward(1, 0)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("RESIZE plan needs a motion that scales");
    }

    @Test
    void mllmRepliesCarryTheOffsetAndTheScale() {
        String move = "{\"category\": \"move\", \"target_object\": \"cup\", \"box\": null, \"offset\": [-50, 10],"
                + " \"scale\": null, \"target_caption\": \"a cup\"}";
        EditPlan p = MllmReply.plan(move, "move the cup left", 200, 100, 400, 200, BoxUnits.AUTO, "u");
        assertThat(p.category()).isEqualTo(EditCategory.MOVE);
        assertThat(p.motion()).contains(ObjectMotion.move(-100, 20));   // sent at half size
        String resize = "{\"category\": \"Resize\", \"target_object\": \"dog\", \"box\": null, \"offset\": null,"
                + " \"scale\": 2, \"target_caption\": \"a big dog\"}";
        assertThat(MllmReply.plan(resize, "x", 400, 200, 400, 200, BoxUnits.AUTO, "u").motion().orElseThrow().scale())
                .isEqualTo(2.0);
        String zero = resize.replace("\"scale\": 2", "\"scale\": 0");
        assertThatThrownBy(() -> MllmReply.plan(zero, "x", 400, 200, 400, 200, BoxUnits.AUTO, "u"))
                .isInstanceOf(MllmException.class).hasMessageContaining("unusable scale");
        String noOffset = move.replace("[-50, 10]", "null");
        assertThatThrownBy(() -> MllmReply.plan(noOffset, "x", 400, 200, 400, 200, BoxUnits.AUTO, "u"))
                .isInstanceOf(MllmException.class).hasMessageContaining("\"offset\"");
        assertThat(MllmPrompts.SYSTEM).contains("\"move\"").contains("\"resize\"").contains("\"offset\"");
        assertThat(MllmPrompts.schema().path("properties").path("category").path("enum").toString())
                .contains("move").contains("resize");
    }

    @Test
    void aMoveVerbWithoutADirectionMovesTheObjectSideways() {
        for (String instruction : new String[] {"shift the lamp", "move the boat", "slide the man in the photo",
            "drag the chair over", "reposition the clock", "shift the woman wearing a hat"}) {
            EditPlan p = plan(instruction);
            assertThat(p.category()).as(instruction).isEqualTo(EditCategory.MOVE);
            assertThat(p.motion()).as(instruction).contains(ObjectMotion.sideways());
        }
        assertThat(plan("shift the woman wearing a hat").targetObject()).isEqualTo("woman");
        assertThat(motion("slide the cup a bit")).isEqualTo(ObjectMotion.nudgeSideways());
        assertThat(motion("move the dog in the photo slightly")).isEqualTo(ObjectMotion.nudgeSideways());
        // a destination or a place is not a sideways move
        assertThat(plan("move the table to the kitchen").category()).isEqualTo(EditCategory.BACKGROUND);
        assertThat(plan("move the dog in the park").category()).isNotEqualTo(EditCategory.MOVE);
        // a position next to another object is a destination of the move (issue 11, round 4)
        assertThat(plan("move the cup next to the plate").category()).isEqualTo(EditCategory.MOVE);
    }

    @Test
    void sizeParticlesAfterTheVerbResize() {
        assertThat(plan("zoom in on the cat").category()).isEqualTo(EditCategory.RESIZE);
        assertThat(plan("zoom in on the cat").targetObject()).isEqualTo("cat");
        assertThat(motion("zoom in on the cat").scale()).isEqualTo(1.5);
        assertThat(motion("zoom into the flower").scale()).isEqualTo(1.5);
        assertThat(motion("zoom out the tree").scale()).isEqualTo(1 / 1.5);
        assertThat(plan("zoom out the giraffes in the photo").targetObject()).isEqualTo("giraffes");
        assertThat(motion("scale up the car").scale()).isEqualTo(1.5);
        assertThat(motion("scale down the moon").scale()).isEqualTo(1 / 1.5);
        assertThat(motion("scale up the car by 50%").scale()).isEqualTo(1.5);
        assertThat(motion("blow up the balloon").scale()).isEqualTo(1.5);
        assertThat(motion("enlarge the logo").scale()).isEqualTo(1.5);
        assertThat(motion("shrink the clock").scale()).isEqualTo(1 / 1.5);
        assertThat(plan("increase the size of the dog").targetObject()).isEqualTo("dog");
        assertThat(plan("double the size of the dog").targetObject()).isEqualTo("dog");
    }
}
