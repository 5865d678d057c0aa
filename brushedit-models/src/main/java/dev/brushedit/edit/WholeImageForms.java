package dev.brushedit.edit;

import static dev.brushedit.edit.InstructionGrammar.join;
import static dev.brushedit.edit.InstructionGrammar.wholeImagePrefix;

import java.util.List;
import java.util.Set;

/**
 * Whole-image and background edits named without an object: a new version of the image ("create
 * a dark-themed version", "generate a cyberpunk-style photo": GLOBAL); the image restyled "in /
 * with / as" something ("modify this image in a comic style", "render with a clay texture"), or a
 * look simulated ("simulate the texture of oil paint": GLOBAL); the image's colours or tones
 * corrected ("invert the colors of the image", "adjust the colour": GLOBAL); and the image changed
 * to a background or set in a place ("change to a snowy background", "change this photo to a black
 * background", "modify this photo to be set in a forest": BACKGROUND). Tried before the verb is
 * looked up, so "invert" is not read as a misspelt "insert". Thread-safety: stateless.
 */
final class WholeImageForms {
    private static final Set<String> CREATE = Set.of("create", "generate", "make", "produce", "render", "output", "give",
            "design", "craft");
    private static final Set<String> PRODUCTS = Set.of("version", "rendition", "edition", "variant", "variation", "photo",
            "image", "picture", "photograph", "remake", "copy");
    private static final Set<String> SIMULATE = Set.of("simulate", "emulate", "imitate", "mimic");
    private static final Set<String> RESTYLE_LINKS = Set.of("in", "with", "as", "using");
    private static final Set<String> TONES = Set.of("color", "colors", "colour", "colours", "tones", "tone", "hues",
            "exposure", "saturation", "contrast", "brightness", "white", "balance", "colouring", "coloring");
    /** Words that make "in / with X" a look rather than a place ("in a comic style", not "in Paris"). */
    private static final Set<String> STYLES = Set.of("style", "styles", "look", "aesthetic", "aesthetics", "texture", "filter",
            "effect", "effects", "manner", "palette", "theme", "tones", "tone", "lighting", "finish", "vibe", "mood");
    private static final Set<String> BACKDROPS = Set.of("background", "backdrop", "backgrounds");

    private WholeImageForms() {}

    /** The reading of {@code w} as one of these forms, or null. */
    static InstructionGrammar.Parsed parse(List<String> w, String instruction, String foreground) {
        if (w.size() < 2) {
            return null;
        }
        String verb = w.get(0);
        List<String> rest = w.subList(1, w.size());
        int image = wholeImagePrefix(rest);
        List<String> after = rest.subList(image, rest.size());
        if (after.size() >= 2 && Set.of("to", "into").contains(after.get(0)) && image == rest.size() - after.size()) {
            List<String> y = after.subList(1, after.size());
            if (BACKDROPS.contains(y.get(y.size() - 1)) && y.size() >= 2) {   // "change (this image) to a white background"
                List<String> look = y.subList(0, y.size() - 1);
                return new InstructionGrammar.Parsed(EditCategory.BACKGROUND, foreground,
                        join(InstructionGrammar.stripThe(look)) + " background", List.of());
            }
            List<String> scene = InstructionGrammar.phraseBeforeLocation(InstructionGrammar.stripDeterminers(y));
            if (Set.of("change", "turn", "transform", "convert", "switch").contains(verb) && !scene.isEmpty()
                    && Vocabulary.isPlace(InstructionGrammar.headNoun(scene))
                    && !Vocabulary.GLOBAL_WORDS.contains(InstructionGrammar.headNoun(scene))) {
                return InstructionGrammar.background(y, foreground);   // "change to a beach": the scene becomes a place
            }
            int set = setIn(y);
            if (set > 0 && set < y.size()) {   // "modify this photo to be set in a desert"
                return InstructionGrammar.background(y.subList(set, y.size()), foreground);
            }
        }
        if (CREATE.contains(verb) && rest.size() >= 2 && ClauseForms.isIndefinite(rest.get(0))
                && PRODUCTS.contains(rest.get(rest.size() - 1)) && rest.size() >= 3) {   // "create a noir version"
            List<String> look = rest.subList(1, rest.size() - 1);
            int of = look.indexOf("of");   // "a cartoon version of the photo"
            return new InstructionGrammar.Parsed(EditCategory.GLOBAL, "", join(of > 0 ? look.subList(0, of) : look), List.of());
        }
        if (SIMULATE.contains(verb)) {   // "simulate the texture of clay animation"
            return InstructionGrammar.global(rest, instruction);
        }
        if (image > 0 && after.size() >= 2 && RESTYLE_LINKS.contains(after.get(0)) && after.stream().anyMatch(STYLES::contains)
                || verb.equals("render") && RESTYLE_LINKS.contains(rest.get(0)) && rest.size() >= 2) {
            return InstructionGrammar.global(after.get(0).equals(rest.get(0)) && image == 0 ? rest.subList(1, rest.size())
                    : after.subList(1, after.size()), instruction);   // "modify this image in a comic style"
        }
        List<String> bare = InstructionGrammar.stripThe(rest);
        int of = bare.indexOf("of");
        List<String> aspect = of > 0 ? bare.subList(0, of) : bare;
        List<String> owner = of > 0 ? bare.subList(of + 1, bare.size()) : List.of();
        if (!aspect.isEmpty() && bare.size() < rest.size() && aspect.stream().allMatch(TONES::contains)
                && (owner.isEmpty() || wholeImagePrefix(owner) == owner.size())) {   // "invert the colors (of the image)"
            String done = verb.endsWith("e") ? verb + "d" : verb + "ed";
            return new InstructionGrammar.Parsed(EditCategory.GLOBAL, "", done + " " + join(aspect), List.of());
        }
        return null;
    }

    /** The index after "(to) be set in", "be in", "take place in", "set in" at the start of {@code y}, else 0. */
    private static int setIn(List<String> y) {
        int i = 0;
        if (i < y.size() && y.get(i).equals("be")) {
            i++;
        }
        if (i < y.size() && Set.of("set", "located", "placed", "situated").contains(y.get(i))) {
            i++;
        } else if (i + 1 < y.size() && y.get(i).equals("take") && y.get(i + 1).equals("place")) {
            i += 2;
        } else if (i == 0) {
            return 0;
        }
        return i < y.size() && Set.of("in", "at", "on", "inside").contains(y.get(i)) ? i + 1 : 0;
    }
}
