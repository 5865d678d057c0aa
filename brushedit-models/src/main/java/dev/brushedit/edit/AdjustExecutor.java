package dev.brushedit.edit;

import dev.brushedit.blend.retouch.Adjustment;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.RgbImage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The weight-free executor for global colour adjustments an instruction can name ("make it black
 * and white", "sepia", "brighter", "darker", "warmer", "cooler", "more contrast", "less saturated"...),
 * with {@link Adjustment}; "slightly" halves and "much" raises the amount. Several adjustments in
 * one caption are applied in the order named.
 *
 * <p>It accepts a GLOBAL plan whose caption names at least one adjustment and nothing else; it
 * refuses any other caption ("winter", "sepia and snowy"), naming the words it could not honour.
 *
 * <p>Thread-safety: immutable.
 */
public final class AdjustExecutor extends ClassicalExecutor {
    /** This executor's name. */
    public static final String NAME = "adjust";

    /** A read plan: the adjustments in order and their strength. */
    record Reading(List<Adjustment> adjustments, double strength) {}

    private static final Map<String, Adjustment> PHRASES = phrases();
    private static final Set<String> WEAK = Set.of("slightly", "slight", "subtly", "subtle", "bit", "little", "somewhat", "touch",
            "gently", "mildly", "mild");
    private static final Set<String> STRONG = Set.of("much", "lot", "very", "strongly", "significantly", "dramatically", "far",
            "considerably", "way", "really");
    private static final Set<String> FILLER = Set.of("make", "it", "the", "image", "photo", "picture", "photograph", "scene",
            "whole", "a", "an", "tone", "tones", "toned", "look", "looking", "filter", "effect", "style", "version", "colors",
            "colours", "and", "to", "into", "convert", "turn", "in", "with", "give", "apply", "add", "of", "more", "all", "overall",
            "lighting", "light", "mood", "feel", "atmosphere", "shot", "than", "before", "please", "change", "adjust", "set",
            "render", "this", "so", "is", "be", "looks", "bit");

    private AdjustExecutor() {
        super(NAME, EditCategory.GLOBAL, "adjusts the whole image's colours");
    }

    /** The executor. */
    public static AdjustExecutor create() {
        return new AdjustExecutor();
    }

    private static Map<String, Adjustment> phrases() {
        Map<String, Adjustment> m = new LinkedHashMap<>();
        for (String p : List.of("black and white", "black white", "b w", "grayscale", "greyscale", "gray scale", "grey scale",
                "monochrome", "monochromatic", "colorless", "colourless", "no color", "no colour", "gray", "grey")) {
            m.put(p, Adjustment.GRAYSCALE);
        }
        m.put("sepia", Adjustment.SEPIA);
        for (String p : List.of("brighter", "brighten", "brightened", "bright", "lighter", "lighten", "brightness",
                "more exposure", "increase brightness", "increase the brightness", "increased the brightness", "overexposed")) {
            m.put(p, Adjustment.BRIGHTER);
        }
        for (String p : List.of("darker", "darken", "darkened", "dark", "dimmer", "dim", "less bright", "decrease the brightness",
                "underexposed")) {
            m.put(p, Adjustment.DARKER);
        }
        for (String p : List.of("warmer", "warm", "warmth")) {
            m.put(p, Adjustment.WARMER);
        }
        for (String p : List.of("cooler", "cool", "colder", "cold")) {
            m.put(p, Adjustment.COOLER);
        }
        for (String p : List.of("more contrast", "higher contrast", "high contrast", "increase the contrast", "increase contrast",
                "increased the contrast", "increased contrast", "boost the contrast", "boosted the contrast", "contrasty",
                "stronger contrast", "punchier")) {
            m.put(p, Adjustment.MORE_CONTRAST);
        }
        for (String p : List.of("less contrast", "lower contrast", "low contrast", "reduce the contrast", "reduce contrast",
                "decrease the contrast", "reduced the contrast", "decreased the contrast", "softer contrast", "flatter")) {
            m.put(p, Adjustment.LESS_CONTRAST);
        }
        for (String p : List.of("more saturated", "more saturation", "saturated", "saturate", "more vivid", "vivid",
                "more vibrant", "vibrant", "more colorful", "more colourful", "colorful", "colourful", "increase the saturation")) {
            m.put(p, Adjustment.MORE_SATURATED);
        }
        for (String p : List.of("less saturated", "less saturation", "desaturated", "desaturate", "muted", "less colorful",
                "less colourful", "washed out", "faded", "reduce the saturation", "decrease the saturation", "less vivid")) {
            m.put(p, Adjustment.LESS_SATURATED);
        }
        return m;
    }

    @Override
    void check(EditPlan plan) {
        read(plan);
    }

    @Override
    public Output execute(Job job) {
        Instant start = Instant.now();
        Reading r = read(job.plan());
        RgbImage out = job.image();
        for (Adjustment a : r.adjustments()) {
            out = a.apply(out, job.mask(), r.strength());
        }
        String what = r.adjustments().stream().map(a -> a.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))
                + String.format(Locale.ROOT, " at strength %.1f", r.strength());
        return PlanWords.output(NAME, job, out, null, what, start);
    }

    /**
     * The adjustments the caption names, in order; when the caption names none cleanly, the ones the
     * instruction names ("increase the contrast").
     *
     * @throws InvalidInputException naming the caption's words that are no adjustment
     */
    static Reading read(EditPlan plan) {
        try {
            return readText(plan.targetCaption());
        } catch (InvalidInputException e) {
            try {
                return readText(plan.instruction());
            } catch (InvalidInputException ignored) {
                throw e;
            }
        }
    }

    private static Reading readText(String caption) {
        List<String> words = PlanWords.words(caption);
        boolean[] used = new boolean[words.size()];
        Map<Integer, Adjustment> found = new java.util.TreeMap<>();
        List<String> byLength = new ArrayList<>(PHRASES.keySet());
        byLength.sort(Comparator.comparingInt((String p) -> p.split(" ").length).reversed());
        for (String phrase : byLength) {
            List<String> p = List.of(phrase.split(" "));
            for (int at = PlanWords.indexOf(words, p, 0); at >= 0; at = PlanWords.indexOf(words, p, at + 1)) {
                if (free(used, at, p.size())) {
                    for (int k = 0; k < p.size(); k++) {
                        used[at + k] = true;
                    }
                    found.putIfAbsent(at, PHRASES.get(phrase));
                }
            }
        }
        Set<String> consumed = new HashSet<>(WEAK);
        consumed.addAll(STRONG);
        List<String> free = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            if (!used[i]) {
                free.add(words.get(i));
            }
        }
        List<String> rest = PlanWords.leftover(free, consumed, FILLER);
        if (found.isEmpty() || !rest.isEmpty()) {
            String head = found.isEmpty() ? "the caption " + PlanWords.quote(caption) + " names no colour adjustment"
                    : "besides " + found.values().stream().distinct().map(a -> a.name().toLowerCase(Locale.ROOT))
                            .collect(Collectors.joining(", ")) + ", the caption " + PlanWords.quote(caption) + " asks for "
                            + PlanWords.quote(String.join(" ", rest));
            throw new InvalidInputException(head + ", which a weight-free global edit cannot do; it can make the image black "
                    + "and white, sepia, brighter, darker, warmer, cooler, more or less contrasted, more or less saturated; "
                    + "restyling needs a diffusion model");
        }
        double strength = words.stream().anyMatch(WEAK::contains) ? 0.5 : words.stream().anyMatch(STRONG::contains) ? 1.6 : 1.0;
        return new Reading(found.values().stream().distinct().toList(), strength);
    }

    private static boolean free(boolean[] used, int at, int len) {
        for (int k = 0; k < len; k++) {
            if (used[at + k]) {
                return false;
            }
        }
        return true;
    }
}
