package dev.brushedit.edit;

import dev.brushedit.blend.retouch.BackgroundEdit;
import dev.brushedit.blend.retouch.Matte;
import dev.brushedit.blend.retouch.NamedColours;
import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The weight-free executor for background edits that need no new content: a plain colour ("make
 * the background white"), a blur ("blurred background"; "slightly" or "heavily" scale it) or
 * transparency ("remove the background", "transparent background"), with {@link BackgroundEdit}.
 * The background is the plan's repaint mask (everything but the subject's mask); its edge is
 * feathered. Transparency keeps the pixels and returns the matte as {@link Output#alpha()}.
 *
 * <p>It accepts a BACKGROUND plan when the instruction or caption asks for transparency, or the
 * caption names a blur or a single colour and nothing else; it refuses any other caption ("a beach")
 * naming the words it could not honour.
 *
 * <p>Thread-safety: immutable.
 */
public final class BackgroundExecutor extends ClassicalExecutor {
    /** This executor's name. */
    public static final String NAME = "background";

    /** What the background becomes. */
    enum Kind { COLOUR, BLUR, TRANSPARENT }

    /** A read plan. */
    record Reading(Kind kind, int rgb, String colour, double strength) {}

    private static final Pattern TRANSPARENT = Pattern.compile("\\b(transparent|transparency|alpha|cut ?out|cutout)\\b"
            + "|\\b(remove|delete|erase|drop|strip|get rid of)\\b.*\\bbackground\\b|\\b(no|without an?|without the) background\\b");
    private static final Set<String> BLUR = Set.of("blur", "blurred", "blurry", "blurring", "bokeh", "defocused", "defocus",
            "unfocused", "out", "focus", "soft", "softly", "focused", "blurrier");
    private static final Set<String> WEAK = Set.of("slightly", "slight", "subtly", "subtle", "bit", "little", "somewhat", "gently",
            "light", "lightly", "mild", "mildly");
    private static final Set<String> STRONG = Set.of("heavily", "heavy", "very", "strongly", "strong", "much", "lot", "completely",
            "totally", "fully", "extremely", "really");
    private static final Set<String> FILLER = Set.of("a", "an", "the", "plain", "solid", "simple", "flat", "uniform", "clean",
            "background", "backdrop", "colour", "color", "coloured", "colored", "studio", "with", "of", "in", "to", "just", "only",
            "pure", "single", "entirely", "make", "it", "more", "and");
    private static final Set<String> INSTRUCTION_FILLER = union(FILLER, Set.of("change", "turn", "set", "paint", "fill",
            "replace", "please", "into", "by", "behind", "its", "their", "his", "her"));

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new java.util.HashSet<>(a);
        u.addAll(b);
        return Set.copyOf(u);
    }

    private BackgroundExecutor() {
        super(NAME, EditCategory.BACKGROUND, "edits the background");
    }

    /** The executor. */
    public static BackgroundExecutor create() {
        return new BackgroundExecutor();
    }

    @Override
    void check(EditPlan plan) {
        read(plan);
    }

    @Override
    public boolean makesTransparent(EditPlan plan) {
        Checks.notNull("plan", plan);
        return plan.category() == EditCategory.BACKGROUND && read(plan).kind() == Kind.TRANSPARENT;
    }

    @Override
    public Output execute(Job job) {
        Instant start = Instant.now();
        Reading r = read(job.plan());
        RgbImage image = job.image();
        Mask background = job.mask();
        double feather = Matte.defaultSigma(image.width(), image.height());
        switch (r.kind()) {
            case TRANSPARENT: {
                Mask alpha = BackgroundEdit.cutOut(image, background, feather);
                return PlanWords.output(NAME, job, image, alpha, describe("transparent background", feather), start);
            }
            case BLUR: {
                double sigma = r.strength() * BackgroundEdit.defaultBlurSigma(image.width(), image.height());
                RgbImage out = BackgroundEdit.blur(image, background, sigma, feather);
                return PlanWords.output(NAME, job, out, null,
                        describe(String.format(Locale.ROOT, "background blurred, sigma %.1f px", sigma), feather), start);
            }
            default: {
                RgbImage out = BackgroundEdit.fill(image, background, r.rgb(), feather);
                return PlanWords.output(NAME, job, out, null, describe(String.format(Locale.ROOT, "background filled with %s (#%06x)",
                        r.colour(), r.rgb()), feather), start);
            }
        }
    }

    private static String describe(String what, double feather) {
        return String.format(Locale.ROOT, "%s, feather sigma %.1f px", what, feather);
    }

    /**
     * What the plan asks for: transparency when the instruction or the caption asks for it, else
     * the blur or colour the caption names, else the one the instruction names ("blur the
     * background" may be planned with the caption "the background").
     *
     * @throws InvalidInputException naming what the caption holds and what was expected
     */
    static Reading read(EditPlan plan) {
        String caption = plan.targetCaption();
        String instruction = plan.instruction().toLowerCase(Locale.ROOT);
        if (TRANSPARENT.matcher(instruction).find() || TRANSPARENT.matcher(caption.toLowerCase(Locale.ROOT)).find()) {
            return new Reading(Kind.TRANSPARENT, 0, "", 1.0);
        }
        try {
            return readText(caption, FILLER);
        } catch (InvalidInputException e) {
            try {
                return readText(plan.instruction(), INSTRUCTION_FILLER);
            } catch (InvalidInputException ignored) {
                throw e;
            }
        }
    }

    private static Reading readText(String caption, Set<String> filler) {
        List<String> words = PlanWords.words(caption);
        List<String> blurWords = words.stream().filter(BLUR::contains).toList();
        if (!blurWords.isEmpty()) {
            double strength = words.stream().anyMatch(WEAK::contains) ? 0.5 : words.stream().anyMatch(STRONG::contains) ? 2.0 : 1.0;
            List<String> consumed = new ArrayList<>(blurWords);
            consumed.addAll(WEAK);
            consumed.addAll(STRONG);
            requireNothingElse(caption, PlanWords.leftover(words, consumed, filler), "a blur");
            return new Reading(Kind.BLUR, 0, "", strength);
        }
        Optional<NamedColours.Found> colour = NamedColours.find(caption);
        if (colour.isEmpty()) {
            throw new InvalidInputException("the caption " + PlanWords.quote(caption) + " names no plain colour, blur or "
                    + "transparency, which is all a weight-free background edit can do (expected e.g. \"white background\", "
                    + "\"blurred background\" or \"remove the background\"); new scenery needs a diffusion model");
        }
        requireNothingElse(caption, PlanWords.leftover(words, colour.get().words(), filler), "the colour \""
                + colour.get().phrase() + "\"");
        return new Reading(Kind.COLOUR, colour.get().rgb(), colour.get().phrase(), 1.0);
    }

    private static void requireNothingElse(String caption, List<String> rest, String understood) {
        if (!rest.isEmpty()) {
            throw new InvalidInputException("besides " + understood + ", the caption " + PlanWords.quote(caption) + " asks for "
                    + PlanWords.quote(String.join(" ", rest)) + ", which a weight-free background edit cannot paint");
        }
    }
}
