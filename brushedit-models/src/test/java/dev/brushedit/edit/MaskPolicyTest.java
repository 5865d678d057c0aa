package dev.brushedit.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MaskPolicyTest {
    static final RgbImage IMAGE = RgbImage.filled(64, 48, 0, 0, 0);
    static final Mask OBJECT = Mask.ofBox(64, 48, new Box(20, 15, 30, 25));

    static EditPlan plan(EditCategory c) {
        return new EditPlan(c, c == EditCategory.GLOBAL ? "" : "cup", "caption",
                c == EditCategory.ADDITION ? Optional.of(new Box(50, 40, 80, 60)) : Optional.empty(), "i");
    }

    @Test
    void removeDilatesWithATwentyPixelSquareByDefault() {
        Mask m = MaskPolicy.defaults().editMask(IMAGE, plan(EditCategory.REMOVE), OBJECT);
        // a 20x20 square anchored at 10 (OpenCV): dst(x) = max of src(x + d), d in [-10, 9], so the box grows 9 px up/left, 10 px down/right
        assertThat(m.boundingBox()).isEqualTo(new Box(11, 6, 40, 35));
        assertThat(m.area()).isEqualTo(29L * 29L);
        Mask none = MaskPolicy.builder().removeDilation(0).build().editMask(IMAGE, plan(EditCategory.REMOVE), OBJECT);
        assertThat(none.sameValues(OBJECT)).isTrue();
        Mask three = MaskPolicy.builder().removeDilation(3).build().editMask(IMAGE, plan(EditCategory.REMOVE), OBJECT);
        assertThat(three.boundingBox()).isEqualTo(new Box(19, 14, 31, 26));
    }

    @Test
    void localUsesTheObjectAndBackgroundItsInverse() {
        Mask soft = Mask.of(64, 48, OBJECT.toArray().clone());
        assertThat(MaskPolicy.defaults().editMask(IMAGE, plan(EditCategory.LOCAL), soft).sameValues(OBJECT)).isTrue();
        Mask bg = MaskPolicy.defaults().editMask(IMAGE, plan(EditCategory.BACKGROUND), OBJECT);
        assertThat(bg.area()).isEqualTo(64L * 48 - 100);
        assertThat(bg.get(25, 20)).isEqualTo(0f);
        assertThat(bg.get(0, 0)).isEqualTo(1f);
    }

    @Test
    void globalIsTheWholeImageNotBrushEditsEmptyMask() {
        Mask m = MaskPolicy.defaults().editMask(IMAGE, plan(EditCategory.GLOBAL), null);
        assertThat(m.isFull()).isTrue();
        assertThat(MaskPolicy.defaults().globalPreservationScale()).isEqualTo(0.4);
    }

    @Test
    void additionUsesTheClampedBoxAsRectangleOrEllipse() {
        Mask rect = MaskPolicy.defaults().editMask(IMAGE, plan(EditCategory.ADDITION), null);
        assertThat(rect.boundingBox()).isEqualTo(new Box(50, 40, 64, 48));
        assertThat(rect.area()).isEqualTo(14 * 8);
        EditPlan wide = plan(EditCategory.ADDITION).withBox(new Box(10, 10, 30, 20));
        Mask ellipse = MaskPolicy.builder().additionShape(MaskPolicy.AdditionShape.ELLIPSE).build().editMask(IMAGE, wide, null);
        assertThat(ellipse.get(20, 15)).isEqualTo(1f);
        assertThat(ellipse.get(10, 10)).isEqualTo(0f);
        assertThat(ellipse.area()).isLessThan(200).isGreaterThan(140); // pi/4 * 200 = 157
    }

    @Test
    void aBoxOutsideTheImageIsRejected() {
        EditPlan outside = plan(EditCategory.ADDITION).withBox(new Box(100, 100, 120, 120));
        assertThatThrownBy(() -> MaskPolicy.defaults().editMask(IMAGE, outside, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("outside the 64x48 image");
    }

    @Test
    void anEmptyObjectMaskNamesTheObjectAndSuggestsAManualMask() {
        assertThatThrownBy(() -> MaskPolicy.defaults().editMask(IMAGE, plan(EditCategory.REMOVE), Mask.empty(64, 48)))
                .isInstanceOf(ObjectNotFoundException.class).hasMessageContaining("\"cup\"").hasMessageContaining("MaskSource.of")
                .satisfies(e -> assertThat(((ObjectNotFoundException) e).targetObject()).isEqualTo("cup"));
        assertThatThrownBy(() -> MaskPolicy.defaults().editMask(IMAGE, plan(EditCategory.LOCAL), Mask.empty(8, 8)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("8x8");
        assertThatThrownBy(() -> MaskPolicy.defaults().editMask(IMAGE, plan(EditCategory.LOCAL), null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("objectMask");
    }

    @Test
    void settersValidate() {
        assertThatThrownBy(() -> MaskPolicy.builder().removeDilation(-1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("removeDilation");
        assertThatThrownBy(() -> MaskPolicy.builder().globalPreservationScale(3)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("globalPreservationScale");
        MaskPolicy p = MaskPolicy.builder().removeDilation(7).additionShape(MaskPolicy.AdditionShape.ELLIPSE)
                .globalPreservationScale(0.5).build();
        MaskPolicy copy = p.toBuilder().build();
        assertThat(copy.removeDilation()).isEqualTo(7);
        assertThat(copy.additionShape()).isEqualTo(MaskPolicy.AdditionShape.ELLIPSE);
        assertThat(copy.globalPreservationScale()).isEqualTo(0.5);
    }
}
