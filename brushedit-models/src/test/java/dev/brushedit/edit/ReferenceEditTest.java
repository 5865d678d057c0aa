package dev.brushedit.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.core.scheduler.SchedulerType;
import dev.brushedit.inpaint.InpaintRequest;
import dev.brushedit.inpaint.Inpainter;
import dev.brushedit.inpaint.LargeImageStrategy;
import dev.brushedit.reference.ReferenceInpainter;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** "Make X look like the reference" edits: InstructionEditor with a reference in its overrides (MimicBrush stand-in). */
class ReferenceEditTest {
    private static final InpaintRequest FAST = InpaintRequest.builder().steps(2).seed(3).scheduler(SchedulerType.DDIM)
            .strategy(LargeImageStrategy.original()).build();
    private static Inpainter patchMatch;
    private static ReferenceInpainter mimic;

    @BeforeAll
    static void open() {
        patchMatch = Inpainter.builder().build();
        mimic = ReferenceInpainter.builder().checkpoint(Path.of("src/test/resources/standins/mimicbrush-tiny")).build();
    }

    @AfterAll
    static void close() {
        patchMatch.close();
        mimic.close();
    }

    private static RgbImage scene() {
        return RgbImage.filled(96, 64, 30, 90, 200);
    }

    private static EditPlan local() {
        return new EditPlan(EditCategory.LOCAL, "box", "a box", Optional.empty(), "make the box look like the reference",
                Optional.empty());
    }

    @Test
    void aLocalEditWithAReferenceRunsMimicBrushOnTheMask() {
        InstructionEditor editor = InstructionEditor.builder().inpainter(patchMatch).referenceInpainter(mimic).request(FAST).build();
        Mask hand = Mask.ofBox(96, 64, new Box(30, 16, 60, 48));
        EditResult r = editor.edit(scene(), "make the box look like the reference", EditOverrides.builder().plan(local()).mask(hand)
                .reference(RgbImage.filled(40, 30, 240, 200, 20)).build());
        assertThat(r.executor()).isEqualTo("reference/mimicbrush");
        assertThat(r.inpaint().provenance().backend()).isEqualTo(ReferenceInpainter.BACKEND);
        assertThat(r.inpaint().provenance().settings()).containsEntry("keepShape", "true").containsEntry("reference", "40x30");
        assertThat(r.image().rgb(2, 2)).isEqualTo(scene().rgb(2, 2));
        assertThat(r.image().rgb(45, 32)).isNotEqualTo(scene().rgb(45, 32));
    }

    @Test
    void refusedWithoutAReferenceInpainterOrForAnotherCategory() {
        InstructionEditor none = InstructionEditor.builder().inpainter(patchMatch).request(FAST).build();
        Mask hand = Mask.ofBox(96, 64, new Box(30, 16, 60, 48));
        EditOverrides withRef = EditOverrides.builder().plan(local()).mask(hand).reference(RgbImage.filled(8, 8, 1, 2, 3)).build();
        assertThatThrownBy(() -> none.edit(scene(), "x", withRef))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no reference inpainter");
        InstructionEditor editor = none.toBuilder().referenceInpainter(mimic).build();
        EditPlan remove = new EditPlan(EditCategory.REMOVE, "box", "", Optional.empty(), "remove the box", Optional.empty());
        assertThatThrownBy(() -> editor.edit(scene(), "x", withRef.toBuilder().plan(remove).build()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("REMOVE");
    }
}
