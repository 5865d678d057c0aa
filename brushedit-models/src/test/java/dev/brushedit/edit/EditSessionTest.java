package dev.brushedit.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.inpaint.InpaintRequest;
import dev.brushedit.inpaint.Inpainter;
import dev.brushedit.inpaint.InpainterTestHooks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EditSessionTest {
    static Inpainter patchMatch;
    static InstructionEditor editor;

    @BeforeAll
    static void open() {
        patchMatch = InpainterTestHooks.seeds(Inpainter.builder(), () -> 11L).build();
        editor = InstructionEditor.builder().inpainter(patchMatch).maskSource(MaskSource.ofBox(InstructionEditorTest.RED)).build();
    }

    @AfterAll
    static void close() {
        patchMatch.close();
    }

    @Test
    void eachTurnStartsFromThePreviousResultAndUndoRedoWalkTheHistory() {
        RgbImage start = InstructionEditorTest.scene();
        EditSession s = EditSession.start(editor, start);
        assertThat(s.canUndo()).isFalse();
        EditTurn t1 = s.edit("remove the red square");
        EditTurn t2 = s.edit("erase the top of the square");
        assertThat(t1.number()).isEqualTo(1);
        assertThat(t1.input()).isSameAs(start);
        assertThat(t2.input()).isSameAs(t1.output());
        assertThat(s.current()).isSameAs(t2.output());
        assertThat(s.history()).containsExactly(t1, t2);
        assertThat(s.history().get(1).result().plan().category()).isEqualTo(EditCategory.REMOVE);

        assertThat(s.undo()).isSameAs(t1.output());
        assertThat(s.undone()).containsExactly(t2);
        assertThat(s.undo()).isSameAs(start);
        assertThat(s.canUndo()).isFalse();
        assertThat(s.redo()).isSameAs(t1.output());
        assertThat(s.redo()).isSameAs(t2.output());
        assertThat(s.canRedo()).isFalse();

        s.undo();
        EditTurn t2b = s.edit("remove the shadow on the left");
        assertThat(t2b.number()).isEqualTo(2);
        assertThat(s.canRedo()).isFalse();
        assertThat(s.history()).containsExactly(t1, t2b);
    }

    @Test
    void aTurnCanBeRerunWithOverridesAndLaterTurnsAreDropped() {
        EditSession s = EditSession.start(editor, InstructionEditorTest.scene());
        EditTurn t1 = s.edit("remove the red square");
        s.edit("erase the top of the square");
        EditPlan smaller = t1.result().plan();
        EditTurn again = s.rerun(1, EditOverrides.builder().plan(smaller)
                .mask(dev.brushedit.core.image.Mask.ofBox(64, 56, new Box(22, 18, 42, 38)))
                .request(InpaintRequest.builder().seed(5).build()).build());
        assertThat(again.number()).isEqualTo(1);
        assertThat(again.input()).isSameAs(t1.input());
        assertThat(again.instruction()).isEqualTo("remove the red square");
        assertThat(again.result().mask().boundingBox()).isEqualTo(new Box(22, 18, 42, 38));
        assertThat(again.result().provenance().seed()).isEqualTo(5);
        assertThat(s.history()).containsExactly(again);
        assertThat(s.canRedo()).isFalse();
        assertThat(s.current()).isSameAs(again.output());
    }

    @Test
    void badCallsAreRejected() {
        EditSession s = EditSession.start(editor, InstructionEditorTest.scene());
        assertThatThrownBy(s::undo).isInstanceOf(InvalidInputException.class).hasMessageContaining("nothing to undo");
        assertThatThrownBy(s::redo).isInstanceOf(InvalidInputException.class).hasMessageContaining("nothing to redo");
        assertThatThrownBy(() -> s.rerun(1, EditOverrides.none())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("between 1 and 0");
        assertThatThrownBy(() -> s.edit(" ")).isInstanceOf(InvalidInputException.class);
        assertThat(s.history()).isEmpty();
        assertThatThrownBy(() -> EditSession.start(null, InstructionEditorTest.scene())).isInstanceOf(InvalidInputException.class);
    }
}
