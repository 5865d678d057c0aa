package dev.brushedit.edit;

import dev.brushedit.blend.retouch.Matte;
import dev.brushedit.blend.retouch.NamedColours;
import dev.brushedit.blend.retouch.Recolour;
import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.RgbImage;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The weight-free executor for colour changes of an object ("make the car red", "turn the saucer
 * blue", "paint the wall light green"): recolours the object's mask in OKLab with
 * {@link Recolour}, keeping its shading and texture, with a soft edge.
 *
 * <p>It accepts a LOCAL plan whose caption names a colour ({@link NamedColours}) and nothing else
 * but the target object ("red car" for "car"); it refuses, naming what it read, a caption that asks
 * for more than a colour ("red and shiny cup", "a red car" for "cup") and an instruction that
 * replaces the object ("replace the apple with an orange").
 *
 * <p>Thread-safety: immutable.
 */
public final class RecolourExecutor extends ClassicalExecutor {
    /** This executor's name. */
    public static final String NAME = "recolour";

    private static final Set<String> FILLER = Set.of("a", "an", "the", "colour", "color", "coloured", "colored",
            "painted", "in", "all", "entirely", "completely", "whole", "shade", "of", "and");
    private static final Pattern REPLACE = Pattern.compile("\\b(replace|replaced|swap|swapped|substitute|exchange)\\b");

    private final double lightnessShift;

    private RecolourExecutor(double lightnessShift) {
        super(NAME, EditCategory.LOCAL, "recolours an object");
        this.lightnessShift = lightnessShift;
    }

    /** The executor with {@link Recolour#DEFAULT_LIGHTNESS_SHIFT}. */
    public static RecolourExecutor create() {
        return new RecolourExecutor(Recolour.DEFAULT_LIGHTNESS_SHIFT);
    }

    /** This executor moving the object's mean lightness {@code shift} (0 to 1) of the way to the colour's. */
    public RecolourExecutor withLightnessShift(double shift) {
        return new RecolourExecutor(Checks.inRange("lightnessShift", shift, 0.0, 1.0));
    }

    @Override
    void check(EditPlan plan) {
        read(plan);
    }

    @Override
    public Output execute(Job job) {
        Instant start = Instant.now();
        EditPlan plan = job.plan();
        NamedColours.Found colour = read(plan);
        RgbImage image = job.image();
        double sigma = Matte.defaultSigma(image.width(), image.height());
        RgbImage out = Recolour.apply(image, job.mask(), colour.rgb(), lightnessShift, sigma);
        String what = String.format(Locale.ROOT, "recolour \"%s\" to %s (#%06x), lightness shift %.2f, feather sigma %.1f px",
                plan.targetObject(), colour.phrase(), colour.rgb(), lightnessShift, sigma);
        return PlanWords.output(NAME, job, out, null, what, start);
    }

    /**
     * The colour the plan asks for.
     *
     * @throws InvalidInputException when the plan is not a plain colour change, naming why
     */
    static NamedColours.Found read(EditPlan plan) {
        String caption = plan.targetCaption();
        if (REPLACE.matcher(plan.instruction().toLowerCase(Locale.ROOT)).find()) {
            throw new InvalidInputException("the instruction " + PlanWords.quote(plan.instruction()) + " replaces "
                    + PlanWords.quote(plan.targetObject()) + " with another object; a recolour only changes its colour "
                    + "(expected e.g. \"make the " + plan.targetObject() + " red\")");
        }
        Optional<NamedColours.Found> found = NamedColours.find(caption);
        if (found.isEmpty()) {
            throw new InvalidInputException("found no colour in the caption " + PlanWords.quote(caption)
                    + "; expected a colour name such as \"red\", \"light green\", \"navy blue\" or \"#3366cc\"");
        }
        List<String> words = PlanWords.words(caption);
        List<String> colourWords = found.get().words();
        List<String> rest = PlanWords.leftover(words, colourWords, FILLER);
        rest.removeAll(PlanWords.words(plan.targetObject()));
        if (!rest.isEmpty()) {
            throw new InvalidInputException("besides the colour \"" + found.get().phrase() + "\", the caption "
                    + PlanWords.quote(caption) + " asks for " + PlanWords.quote(String.join(" ", rest)) + ", which a recolour of "
                    + PlanWords.quote(plan.targetObject()) + " cannot do");
        }
        int at = PlanWords.indexOf(words, colourWords, 0);
        if (at > 0 && at + colourWords.size() == words.size() && Set.of("a", "an").contains(words.get(at - 1))) {
            throw new InvalidInputException("the caption " + PlanWords.quote(caption) + " names \"" + found.get().phrase()
                    + "\" as an object, not as the colour of " + PlanWords.quote(plan.targetObject()));
        }
        return found.get();
    }
}
