package dev.brushedit.edit;

import dev.brushedit.core.Checks;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.segment.GrabCut;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The object inside a caller-given box, found without model weights by {@link GrabCut}: the pixels of
 * the box that stand out in colour from the image outside it, not the whole rectangle. When GrabCut
 * finds (nearly) nothing, under {@link #MIN_OBJECT_SHARE} of the box, {@link #mask} returns the filled
 * box instead and logs a warning; {@link #object} lets a caller see that case and say so itself.
 * Made by {@link MaskSource#ofBoxObject(Box)}; {@link MaskSource#ofBox(Box)} is the plain rectangle.
 *
 * <p>It suits a box drawn snugly around one object whose colours differ from its surroundings; an
 * object coloured like what is around it comes out rough or partial.
 *
 * <p>Thread-safety: immutable, safe for concurrent use.
 */
public final class BoxObjectMaskSource implements MaskSource {
    /** The smallest share of the (clamped) box GrabCut's result must cover to count as an object: 1%. */
    public static final double MIN_OBJECT_SHARE = 0.01;
    /**
     * The largest image {@link MaskSource#ofBoxObject(Box)} segments at full size, 2^20 pixels (one megapixel,
     * about 5 s on one core); larger ones are segmented on a scaled-down copy.
     */
    public static final long DEFAULT_MAX_PIXELS = 1L << 20;
    private static final Logger LOG = LoggerFactory.getLogger(BoxObjectMaskSource.class);

    private final Box box;
    private final GrabCut grabCut;

    BoxObjectMaskSource(Box box, GrabCut grabCut) {
        this.box = Checks.notNull("box", box);
        this.grabCut = Checks.notNull("grabCut", grabCut);
    }

    /** The box as given (it is clamped to each image). */
    public Box box() {
        return box;
    }

    /**
     * GrabCut's object inside the box on {@code image}, or empty when it covers less than
     * {@link #MIN_OBJECT_SHARE} of the box clamped to the image.
     *
     * @throws dev.brushedit.core.InvalidInputException when the box lies outside the image or covers all of it
     */
    public Optional<Mask> object(RgbImage image) {
        Checks.notNull("image", image);
        Box clamped = box.clampTo(image.width(), image.height());
        Mask found = grabCut.segment(image, clamped);
        return found.area() < MIN_OBJECT_SHARE * clamped.area() ? Optional.empty() : Optional.of(found);
    }

    /** The object's mask, or the filled box (with a logged warning) when GrabCut finds nearly nothing in it. */
    @Override
    public Mask mask(RgbImage image, EditPlan plan) {
        return object(image).orElseGet(() -> {
            Box clamped = box.clampTo(image.width(), image.height());
            LOG.warn("GrabCut found no object inside the box {} for \"{}\"; using the whole box as the object's mask",
                    clamped, plan == null ? "" : plan.targetObject());
            return Mask.ofBox(image.width(), image.height(), clamped);
        });
    }
}
