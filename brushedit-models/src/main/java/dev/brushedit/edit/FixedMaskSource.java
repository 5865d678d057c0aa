package dev.brushedit.edit;

import dev.brushedit.core.Checks;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;

/** A caller-given mask. Thread-safety: immutable. */
final class FixedMaskSource implements MaskSource {
    private final Mask mask;

    FixedMaskSource(Mask mask) {
        this.mask = Checks.notNull("mask", mask);
    }

    @Override
    public Mask mask(RgbImage image, EditPlan plan) {
        Checks.notNull("image", image);
        return mask.requireSameSize(image);
    }
}
