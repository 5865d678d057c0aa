package dev.brushedit.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.Mask;
import dev.brushedit.inpaint.InpaintRequest;
import dev.brushedit.inpaint.Inpainter;
import dev.brushedit.inpaint.InpainterTestHooks;
import org.junit.jupiter.api.Test;

class EditOverridesTest {

    @Test
    void valuesRoundTripThroughTheBuilder() {
        Mask m = Mask.full(4, 4);
        InpaintRequest r = InpaintRequest.builder().seed(1).build();
        EditOverrides o = EditOverrides.builder().mask(m).request(r).build();
        assertThat(o.mask()).containsSame(m);
        assertThat(o.request()).containsSame(r);
        assertThat(o.plan()).isEmpty();
        EditOverrides cleared = o.toBuilder().clearMask().clearRequest().objectMask(m).build();
        assertThat(cleared.mask()).isEmpty();
        assertThat(cleared.request()).isEmpty();
        assertThat(cleared.objectMask()).containsSame(m);
        assertThat(EditOverrides.none().objectMask()).isEmpty();
    }

    @Test
    void anObjectMaskAndARepaintMaskConflict() {
        assertThatThrownBy(() -> EditOverrides.builder().mask(Mask.full(4, 4)).objectMask(Mask.full(4, 4)).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not both");
        assertThatThrownBy(() -> EditOverrides.builder().plan(null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("plan");
    }

    @Test
    void anObjectMaskGoesThroughTheMaskPolicy() {
        try (Inpainter patchMatch = InpainterTestHooks.seeds(Inpainter.builder(), () -> 3L).build()) {
            InstructionEditor editor = InstructionEditor.builder().inpainter(patchMatch)
                    .maskPolicy(MaskPolicy.builder().removeDilation(5).build()).build();
            Mask object = Mask.ofBox(64, 56, new Box(30, 30, 34, 34));
            EditResult r = editor.edit(InstructionEditorTest.scene(), "remove the pebble",
                    EditOverrides.builder().objectMask(object).build());
            // 5x5 square anchored at 2: the box grows 2 px on every side
            assertThat(r.mask().boundingBox()).isEqualTo(new Box(28, 28, 36, 36));
        }
    }
}
