package dev.brushedit.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.pix2pix.ZoneAction;
import org.junit.jupiter.api.Test;

class ZoneActionsTest {
    private static final RgbImage IMAGE = RgbImage.filled(64, 64, 100, 120, 140);

    private static ZoneAction action(String instruction) {
        return ZoneActions.of(OfflineInstructor.create().plan(IMAGE, instruction));
    }

    @Test
    void theInstructorsCategoryGivesZonesAction() {
        assertThat(action("remove the dog")).isEqualTo(ZoneAction.REMOVE);
        assertThat(action("add a hat on the dog")).isEqualTo(ZoneAction.ADD);
        assertThat(action("make the car red")).isEqualTo(ZoneAction.CHANGE);
        assertThat(action("make it winter")).isEqualTo(ZoneAction.CHANGE);
    }

    @Test
    void anInstructionWhoseActionCannotBeDeterminedIsRefused() {
        assertThatThrownBy(() -> action("change the background to a beach")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cannot be determined for ZONE").hasMessageContaining("BACKGROUND");
        assertThatThrownBy(() -> action("   ")).isInstanceOf(InvalidInputException.class);
    }
}
