package dev.brushedit.edit;

import dev.brushedit.core.Checks;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;

/** A caller-given box, filled and clamped to the image. Thread-safety: immutable. */
final class BoxMaskSource implements MaskSource {
    private final Box box;

    BoxMaskSource(Box box) {
        this.box = Checks.notNull("box", box);
    }

    @Override
    public Mask mask(RgbImage image, EditPlan plan) {
        Checks.notNull("image", image);
        return Mask.ofBox(image.width(), image.height(), box.clampTo(image.width(), image.height()));
    }
}
