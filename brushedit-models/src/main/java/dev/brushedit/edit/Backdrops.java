package dev.brushedit.edit;

import java.util.List;
import java.util.Set;

/**
 * A backdrop named where a kept subject is put: "put the vase AGAINST A GREY BACKGROUND", "place the lamp IN FRONT
 * OF A WHITE WALL", "put the monkey in a tree WITH A GREEN BACKGROUND". Putting an object that is already in the
 * image (a definite phrase) before a new backdrop keeps the object and replaces everything else: a BACKGROUND edit
 * whose foreground is that object. A backdrop is a location phrase that names the background ("background",
 * "backdrop", "scenery"), or "against" / "in front of" a new plain surface ("a white wall", "a black curtain": an
 * indefinite article or a bare colour). "Against the wall" (a wall already there) is not one. Thread-safety:
 * stateless.
 */
final class Backdrops {
    /** Surfaces that serve as a backdrop when a new one is named after "against" or "in front of". */
    private static final Set<String> SURFACES = Set.of("wall", "walls", "curtain", "curtains", "screen", "sky", "backcloth",
            "cloth", "sheet", "paper", "canvas", "drape", "drapes", "gradient", "backdrop", "background");
    private static final Set<String> NEW = Set.of("a", "an", "some", "plain", "solid", "blank");

    private Backdrops() {}

    /** The backdrop phrase in the location phrase {@code where} (from its first word), or null when it names none. */
    static List<String> after(List<String> where) {
        if (where.size() < 2) {
            return null;
        }
        boolean front = where.size() > 3 && where.get(0).equals("in") && where.get(1).equals("front") && where.get(2).equals("of");
        int from = front ? 3 : 1;
        if (where.stream().anyMatch(Vocabulary.BACKGROUND::contains) && !where.get(where.size() - 1).equals("of")) {
            return where.subList(from, where.size());
        }
        if (!front && !where.get(0).equals("against")) {
            return null;
        }
        List<String> surface = where.subList(from, where.size());
        if (surface.isEmpty() || !SURFACES.contains(surface.get(surface.size() - 1))) {
            return null;
        }
        String first = surface.get(0);
        return NEW.contains(first) || Vocabulary.ATTRIBUTES.contains(first) && !first.equals("and") ? surface : null;
    }
}
