package dev.brushedit.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.edit.structure.Harmonisation;
import dev.brushedit.edit.structure.StructuralEditResult;
import dev.brushedit.inpaint.Inpainter;
import dev.brushedit.inpaint.InpainterTestHooks;
import dev.brushedit.inpaint.ProgressListener;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** MOVE and RESIZE through the InstructionEditor and EditSession, weight-free (PatchMatch + Poisson). */
class MoveResizeEditTest {
    static Inpainter patchMatch;
    static InstructionEditor editor;

    @BeforeAll
    static void open() {
        patchMatch = InpainterTestHooks.seeds(Inpainter.builder(), () -> 5L).build();
        editor = InstructionEditor.builder().inpainter(patchMatch).maskSource(MaskSource.ofBox(InstructionEditorTest.RED))
                .build();
    }

    @AfterAll
    static void close() {
        patchMatch.close();
    }

    @Test
    void moveRelocatesTheSquareAndExposesEveryIntermediate() {
        RgbImage image = InstructionEditorTest.scene();
        EditResult r = editor.edit(image, "move the red square 16 pixels right");
        assertThat(r.plan().category()).isEqualTo(EditCategory.MOVE);
        Box moved = new Box(40, 20, 56, 36);
        assertThat(InstructionEditorTest.redPixels(r.image(), new Box(43, 23, 53, 33))).isEqualTo(100);
        assertThat(InstructionEditorTest.redPixels(r.image(), new Box(24, 20, 37, 36))).isZero();
        StructuralEditResult s = r.structural().orElseThrow();
        assertThat(s.placement().target()).isEqualTo(moved);
        assertThat(s.harmonisation()).isEqualTo(Harmonisation.POISSON);
        assertThat(InstructionEditorTest.redPixels(s.liftedObject(), new Box(4, 4, 20, 20))).isEqualTo(256);
        assertThat(InstructionEditorTest.redPixels(s.vacatedFill().image(), InstructionEditorTest.RED)).isZero();
        assertThat(s.matte().get(30, 28)).isEqualTo(1f);
        assertThat(s.placedMatte().get(46, 28)).isEqualTo(1f);
        assertThat(r.executor()).isEqualTo("structural/patchmatch");
        assertThat(r.inpaint().image()).isSameAs(r.image());
        assertThat(r.provenance().backend()).isEqualTo("structural/patchmatch");
        assertThat(r.provenance().workRegion()).contains("moved (24,20)-(40,36) to (40,20)-(56,36)").contains("seam by POISSON");
        assertThat(r.mask().get(46, 28)).isEqualTo(1f);
        assertThat(r.mask().get(2, 2)).isZero();
        assertThat(r.image().rgb(2, 2)).isEqualTo(image.rgb(2, 2));
    }

    @Test
    void movesGoToTheStructuralExecutorNeverToThePlainInpainter() {
        EditPlan move = editor.plan(InstructionEditorTest.scene(), "move the red square up");
        assertThat(editor.executorFor(move, ExecutorPreference.AUTO).name()).isEqualTo("structural/patchmatch");
        assertThat(editor.executorFor(move, ExecutorPreference.CLASSICAL).name()).isEqualTo("structural/patchmatch");
        assertThatThrownBy(() -> editor.executorFor(move, ExecutorPreference.DIFFUSION))
                .isInstanceOf(dev.brushedit.core.BrushEditException.class).hasMessageContaining("MOVE");
        EditExecutor.Verdict plain = EditExecutor.ofInpainter(patchMatch).assess(move);
        assertThat(plain.accepted()).isFalse();
        assertThat(plain.reason()).contains("structural executor");
    }

    @Test
    void editSessionUndoAndRedoWorkAcrossMovesAndResizes() {
        RgbImage start = InstructionEditorTest.scene();
        EditSession session = EditSession.start(editor, start);
        EditTurn move = session.edit("move the red square 8 pixels left");
        EditSession next = session;
        // the second turn finds the square where the first turn put it
        EditTurn resize = next.edit("make the red square smaller", EditOverrides.builder()
                .objectMask(Mask.ofBox(64, 56, new Box(16, 20, 32, 36))).build());
        assertThat(resize.result().plan().category()).isEqualTo(EditCategory.RESIZE);
        assertThat(resize.input()).isSameAs(move.output());
        Box small = resize.result().structural().orElseThrow().placement().target();
        assertThat(small.width()).isEqualTo(11);
        assertThat(small.y1()).isEqualTo(36);
        assertThat(InstructionEditorTest.redPixels(resize.output(), new Box(16, 20, 32, 24))).isZero();

        assertThat(session.undo()).isSameAs(move.output());
        assertThat(session.undo()).isSameAs(start);
        assertThat(session.canUndo()).isFalse();
        assertThat(session.redo()).isSameAs(move.output());
        assertThat(session.redo()).isSameAs(resize.output());
        assertThat(session.history()).extracting(t -> t.result().plan().category())
                .containsExactly(EditCategory.MOVE, EditCategory.RESIZE);
    }

    @Test
    void badMovesAreRefusedBeforeAnyInpainting() {
        RgbImage image = InstructionEditorTest.scene();
        AtomicInteger steps = new AtomicInteger();
        ProgressListener counting = (step, total, preview) -> steps.incrementAndGet();
        assertThatThrownBy(() -> editor.edit(image, "move the red square 30 pixels left", EditOverrides.none(), counting, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("moves off the image are refused")
                .hasMessageContaining("at most 24 px left");
        assertThatThrownBy(() -> editor.edit(image, "make the red square four times bigger", EditOverrides.none(), counting,
                null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("larger than the 64x56 image");
        assertThatThrownBy(() -> editor.edit(image, "move the red square up", EditOverrides.builder()
                .objectMask(Mask.full(64, 56)).build(), counting, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("covers the whole 64x56 image");
        assertThat(steps.get()).isZero();
    }
}
