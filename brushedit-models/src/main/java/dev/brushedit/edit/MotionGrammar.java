package dev.brushedit.edit;

import dev.brushedit.core.InvalidInputException;
import dev.brushedit.edit.structure.ObjectMotion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The offline instructor's rules for MOVE and RESIZE edits, tried before the other rules:
 * <ul>
 *   <li>MOVE: "move / shift / slide / drag / nudge / push / pull / reposition X [by N pixels | N%]
 *       [to the] left / right / up / down [and ...]", "raise / lift X" (up), "lower X" (down). A
 *       distance in pixels (or percent of the image's width or height) is exact; without one the
 *       object moves a quarter of the image (a tenth for "slightly", "a bit", "a little"),
 *       stopping at the edge; "move / shift / slide / drag / nudge / reposition X" with no direction
 *       or destination moves it sideways, toward the side with more room;</li>
 *   <li>RESIZE: "make X bigger / larger / smaller / tinier", "make X twice / three times / half as
 *       big", "make X N% bigger", "enlarge / grow / magnify / expand X [by N% | by a factor of N]",
 *       "shrink / reduce / downsize X [to half its size]", "scale / resize X by N | to N% | up / down",
 *       "zoom in / into / out (on) X", "scale / size up / down X", "blow up X",
 *       "double / halve the size of X". Without a number: 1.5 (1.2 for "slightly", 2 for "much"),
 *       or its inverse for smaller.</li>
 * </ul>
 * The phrase after the object must consist only of direction, distance and size words; anything
 * else ("move the dog to the beach") is left to the other rules.
 *
 * <p>Thread-safety: stateless.
 */
final class MotionGrammar {

    /** A MOVE or RESIZE reading: category, target object, caption, motion. */
    record Parsed(EditCategory category, String target, String caption, ObjectMotion motion) {}

    private static final Set<String> MOVE_VERBS = Set.of("move", "shift", "slide", "drag", "nudge", "push", "pull",
            "reposition", "relocate", "raise", "lift", "lower", "bring");
    /** Move verbs that, with an object and no direction, still ask for a move ("shift the man"). */
    private static final Set<String> SIDEWAYS_VERBS = Set.of("move", "shift", "slide", "drag", "nudge", "reposition",
            "relocate");
    /** Words that may end such a move: "a bit", "slightly", "elsewhere", "somewhere else". */
    private static final Set<String> SIDEWAYS_FILLERS = Set.of("a", "bit", "little", "slightly", "tad", "elsewhere",
            "somewhere", "else", "around", "aside", "over", "away", "please");
    /** Words after the object that describe it rather than name a destination ("the man in the image", "that sits"). */
    private static final Set<String> DESCRIBING = Set.of("in", "within", "inside", "that", "which", "who");
    private static final Set<String> GROW_VERBS = Set.of("enlarge", "grow", "magnify", "expand", "upscale", "upsize", "increase");
    private static final Set<String> SHRINK_VERBS = Set.of("shrink", "reduce", "downsize", "minify", "decrease", "diminish");
    private static final Set<String> SCALE_VERBS = Set.of("scale", "resize", "rescale");
    private static final Map<String, int[]> DIRECTIONS = Map.ofEntries(
            Map.entry("left", new int[] {-1, 0}), Map.entry("leftward", new int[] {-1, 0}),
            Map.entry("leftwards", new int[] {-1, 0}), Map.entry("right", new int[] {1, 0}),
            Map.entry("rightward", new int[] {1, 0}), Map.entry("rightwards", new int[] {1, 0}),
            Map.entry("up", new int[] {0, -1}), Map.entry("upward", new int[] {0, -1}), Map.entry("upwards", new int[] {0, -1}),
            Map.entry("higher", new int[] {0, -1}), Map.entry("top", new int[] {0, -1}),
            Map.entry("down", new int[] {0, 1}), Map.entry("downward", new int[] {0, 1}),
            Map.entry("downwards", new int[] {0, 1}), Map.entry("lower", new int[] {0, 1}), Map.entry("bottom", new int[] {0, 1}));
    private static final Set<String> MOVE_FILLERS = Set.of("to", "the", "towards", "toward", "by", "a", "an", "bit", "little",
            "slightly", "tad", "and", "of", "side", "edge", "direction", "pixels", "pixel", "px", "percent", "image", "picture",
            "photo", "frame", "further", "farther", "more", "over", "some", "tiny", "few", "its", "it", "about", "around",
            "corner", "part", "area", "region", "half", "position", "portion", "center", "centre", "middle");
    private static final Set<String> NUDGE_WORDS = Set.of("slightly", "bit", "little", "tad", "tiny");
    private static final Set<String> BIGGER = Set.of("bigger", "larger", "greater", "huger", "up");
    private static final Set<String> SMALLER = Set.of("smaller", "tinier", "littler", "down");
    private static final Set<String> SIZE_FILLERS = Set.of("as", "big", "large", "small", "tiny", "huge", "times", "the", "its",
            "size", "a", "bit", "little", "slightly", "much", "lot", "percent", "by", "than", "before", "now", "original", "it",
            "is", "was", "to", "of", "factor", "way", "even", "more", "less", "somewhat", "considerably", "significantly",
            "noticeably", "twice", "thrice", "half", "double", "triple", "quarter", "third", "current", "one", "tad",
            "their", "his", "her");
    private static final Set<String> STRONG = Set.of("much", "lot", "way", "considerably", "significantly");
    private static final Map<String, Double> NUMBER_WORDS = Map.ofEntries(Map.entry("one", 1.0), Map.entry("two", 2.0),
            Map.entry("three", 3.0), Map.entry("four", 4.0), Map.entry("five", 5.0), Map.entry("six", 6.0),
            Map.entry("seven", 7.0), Map.entry("eight", 8.0), Map.entry("nine", 9.0), Map.entry("ten", 10.0),
            Map.entry("twenty", 20.0), Map.entry("thirty", 30.0), Map.entry("forty", 40.0), Map.entry("fifty", 50.0),
            Map.entry("hundred", 100.0));

    private MotionGrammar() {}

    /**
     * The MOVE or RESIZE reading of {@code words} (courtesy phrases already dropped) for a
     * {@code width x height} image, or empty when the words are not such an instruction.
     *
     * @param percent whether the instruction holds a {@code %} sign (dropped from the words)
     * @throws dev.brushedit.core.InvalidInputException for a move or resize whose size is zero or
     *     negative (from {@link ObjectMotion})
     */
    static Optional<Parsed> parse(List<String> words, boolean percent, int width, int height, String foreground) {
        if (words.size() < 2) {
            return Optional.empty();
        }
        Optional<Parsed> both = moveAndResize(words, percent, width, height, foreground);
        if (both.isPresent()) {
            return both;
        }
        Optional<Parsed> stated = statedSize(words, percent, foreground);
        if (stated.isPresent()) {
            return stated;
        }
        String verb = words.get(0);
        List<String> rest = words.subList(1, words.size());
        Boolean particle = sizeParticle(verb, rest);
        if (particle != null) {
            int skip = rest.size() > 2 && Set.of("on", "of").contains(rest.get(1)) ? 2 : 1;
            return resize(verb, rest.subList(skip, rest.size()), percent, particle, !particle, foreground);
        }
        if (MOVE_VERBS.contains(verb) || "move".equals(VerbLexicon.canonical(verb))) {
            return move(verb, rest, percent, width, height, foreground);
        }
        if (PLACE_VERBS.contains(verb) && rest.size() > 3 && Set.of("the", "this", "that").contains(rest.get(0))) {
            Optional<Parsed> placed = relative("move", rest, foreground);   // "put the plate under the cup": it exists
            if (placed.isPresent() && relativeToDefinite(rest) && rest.stream().noneMatch(ON_SURFACES::contains)) {
                return placed;
            }
        }
        Optional<Parsed> stative = statedChange(words, percent, width, height, foreground);
        if (stative.isPresent()) {
            return stative;
        }
        if (PLACE_VERBS.contains(verb) && rest.stream().anyMatch(FURTHER::contains)
                && rest.stream().anyMatch(DIRECTIONS::containsKey)) {
            return move("move", rest, percent, width, height, foreground);   // "put the mug further right"
        }

        if (verb.equals("double") || verb.equals("halve") || verb.equals("triple")) {
            return sizeOf(verb, rest, foreground);
        }
        boolean grow = GROW_VERBS.contains(verb);
        boolean shrink = SHRINK_VERBS.contains(verb);
        if (grow || shrink || SCALE_VERBS.contains(verb) || "make".equals(VerbLexicon.canonical(verb))) {
            Optional<Parsed> sized = resize(verb, rest, percent, grow, shrink, foreground);
            if (sized.isPresent()) {
                return sized;
            }
        }
        return plainSize(verb, rest, foreground);
    }

    /** Verbs whose particle "up" / "down" is a posture or action, not a size. */
    private static final Set<String> POSTURE_VERBS = Set.of("sit", "stand", "lie", "lay", "kneel", "bend", "crouch", "look",
            "get", "jump", "climb", "squat", "calm", "cheer", "lean", "bow", "slow", "hunker", "settle");
    private static final Set<String> PLACE_VERBS = Set.of("put", "place", "position", "set");
    private static final Set<String> FURTHER = Set.of("further", "farther");
    /** Plain size adjectives: "make the hat small" asks for a smaller hat, as "make the hat smaller" does. */
    private static final Map<String, Boolean> PLAIN_SIZES = Map.of("small", false, "tiny", false, "little", false,
            "big", true, "large", true, "huge", true, "giant", true, "enormous", true);
    private static final Set<String> INTENSIFIERS = Set.of("very", "really", "quite", "so", "too", "extra", "super");

    /**
     * "make the hat small", "turn the shoes big", "make it very large": "make" or "turn" with an
     * object and nothing after it but a plain size adjective (and an intensifier) is a RESIZE,
     * smaller or bigger as the adjective says; "much" strength for an intensifier.
     */
    private static Optional<Parsed> plainSize(String verb, List<String> rest, String foreground) {
        if (rest.size() < 2 || !(verb.equals("make") || verb.equals("turn") || verb.equals("get"))) {
            return Optional.empty();
        }
        Boolean bigger = PLAIN_SIZES.get(rest.get(rest.size() - 1));
        int end = rest.size() - 1;
        boolean strong = false;
        while (end > 1 && INTENSIFIERS.contains(rest.get(end - 1))) {
            end--;
            strong = true;
        }
        if (bigger == null || end < 1 || SIZE_FILLERS.contains(rest.get(end - 1)) || number(rest.get(end - 1)) != null) {
            return Optional.empty();
        }
        String target = target(rest.subList(0, end), foreground);
        if (target.isEmpty() || Vocabulary.WHOLE_IMAGE.contains(target) || Vocabulary.BACKGROUND.contains(target)) {
            return Optional.empty();
        }
        double up = strong ? 2.0 : 1.5;
        double f = bigger ? up : 1 / up;
        return Optional.of(new Parsed(EditCategory.RESIZE, target, (bigger ? "bigger " : "smaller ") + target,
                ObjectMotion.scale(f)));
    }

    /**
     * "put the vase on the table" stays an ADDITION (an object set on a surface); only the other positions
     * ("under", "behind", "to the left of") make a put of a definite object a move.
     */
    private static final Set<String> ON_SURFACES = Set.of("on", "onto", "upon", "atop", "top", "over", "in", "into");

    /** Whether the object after the relative position in {@code rest} is definite ("under THE cup"). */
    private static boolean relativeToDefinite(List<String> rest) {
        for (int i = 2; i < rest.size() - 1; i++) {
            if (RELATIVE.containsKey(rest.get(i)) || rest.get(i).equals("of") || rest.get(i).equals("to")) {
                String next = rest.get(i + 1);
                if (Set.of("top", "front").contains(next) || RELATIVE.containsKey(next)) {
                    continue;
                }
                return next.equals("the") || next.endsWith("'s") || Set.of("his", "her", "their", "its").contains(next);
            }
        }
        return false;
    }

    private static final Set<String> STATIVE_LINKS = Set.of("becomes", "become", "gets", "get", "grows", "grow", "turns",
            "turn", "is", "are", "shrinks", "shrink", "moves", "move", "shifts", "shift", "slides", "slide");

    /**
     * "the red cube becomes larger", "the ball is now small", "the tree grows", "the sphere moves to
     * the left": an object as subject whose size or place changes, read as "make X larger" or "move
     * X to the left"; empty when what follows is not only size or direction words.
     */
    private static Optional<Parsed> statedChange(List<String> words, boolean percent, int width, int height,
            String foreground) {
        if (words.size() < 3 || !InstructionGrammar.OBJECT_STARTERS.contains(words.get(0))) {
            return Optional.empty();
        }
        int i = 1;
        while (i < words.size() && !STATIVE_LINKS.contains(words.get(i))) {
            i++;
        }
        if (i >= words.size() || i < 2) {
            return Optional.empty();
        }
        String link = words.get(i);
        List<String> subject = words.subList(0, i);
        List<String> tail = words.subList(i + 1, words.size()).stream().filter(w -> !w.equals("now")).toList();
        List<String> made = new ArrayList<>(subject);
        if (Set.of("moves", "move", "shifts", "shift", "slides", "slide").contains(link)) {
            made.addAll(tail);
            return tail.stream().anyMatch(DIRECTIONS::containsKey) ? move("move", made, percent, width, height, foreground)
                    : Optional.empty();
        }
        if (tail.isEmpty() && Set.of("grows", "grow", "shrinks", "shrink").contains(link)) {
            return resize("make", subject, percent, link.startsWith("g"), link.startsWith("s"), foreground);
        }
        if (tail.isEmpty() || !tail.stream().allMatch(w -> BIGGER.contains(w) || SMALLER.contains(w) || SIZE_FILLERS.contains(w)
                || PLAIN_SIZES.containsKey(w) || INTENSIFIERS.contains(w))
                || tail.stream().noneMatch(w -> BIGGER.contains(w) || SMALLER.contains(w) || PLAIN_SIZES.containsKey(w))) {
            return Optional.empty();
        }
        made.addAll(tail);
        Optional<Parsed> sized = resize("make", made, percent, false, false, foreground);
        return sized.isPresent() ? sized : plainSize("make", made, foreground);
    }

    /** "the cat should be larger", "the tree needs to be smaller": a size stated after "be", read as "make X ...". */
    private static Optional<Parsed> statedSize(List<String> words, boolean percent, String foreground) {
        int be = words.indexOf("be");
        if (be < 3 || be == words.size() - 1 || !InstructionGrammar.OBJECT_STARTERS.contains(words.get(0))
                || !Set.of("should", "must", "to", "will", "shall").contains(words.get(be - 1))
                || words.subList(be + 1, words.size()).stream().noneMatch(w -> BIGGER.contains(w) || SMALLER.contains(w))) {
            return Optional.empty();
        }
        int end = be - 1;
        if (words.get(end).equals("to") && end > 1 && Set.of("needs", "need", "has", "ought").contains(words.get(end - 1))) {
            end--;
        }
        List<String> made = new ArrayList<>(words.subList(0, end));
        made.addAll(words.subList(be + 1, words.size()));
        return resize("make", made, percent, false, false, foreground);
    }

    private static Optional<Parsed> move(String verb, List<String> rest, boolean percent, int width, int height,
            String foreground) {
        int tail = tailStart(rest, w -> DIRECTIONS.containsKey(w) || MOVE_FILLERS.contains(w) || number(w) != null);
        int implied = verb.equals("raise") || verb.equals("lift") ? -1 : verb.equals("lower") ? 1 : 0;
        List<String> dirTail = tail == 0 ? List.of() : rest.subList(tail, rest.size());
        boolean hasDirection = dirTail.stream().anyMatch(DIRECTIONS::containsKey);
        if (!hasDirection && implied == 0) {
            Optional<Parsed> relative = relative(verb, rest, foreground);
            if (relative.isPresent()) {
                return relative;
            }
            return SIDEWAYS_VERBS.contains(verb) || "move".equals(VerbLexicon.canonical(verb))
                    ? sideways(rest, foreground) : Optional.empty();
        }
        List<String> moved = tail == 0 ? rest : rest.subList(0, tail);
        if (Vocabulary.isOwnedBodyPart(moved)) {
            return Optional.empty();   // "raise the woman's left arm": a pose of the woman, not a move
        }
        String target = target(moved, foreground);
        if (target.isEmpty() || Vocabulary.WHOLE_IMAGE.contains(target)) {
            return Optional.empty();
        }
        double dx = 0;
        double dy = 0;
        int dirX = 0;
        int dirY = implied;
        boolean explicit = false;
        boolean nudge = dirTail.stream().anyMatch(NUDGE_WORDS::contains);
        for (List<String> segment : segments(dirTail)) {
            Double n = null;
            for (String w : segment) {
                n = n == null ? number(w) : n;
            }
            for (String w : segment) {
                int[] d = DIRECTIONS.get(w);
                if (d == null) {
                    continue;
                }
                dirX = d[0] != 0 ? d[0] : dirX;
                dirY = d[1] != 0 ? d[1] : dirY;
                if (n != null) {
                    explicit = true;
                    dx += d[0] * (percent ? n / 100 * width : n);
                    dy += d[1] * (percent ? n / 100 * height : n);
                }
            }
        }
        ObjectMotion motion;
        if (explicit) {
            motion = ObjectMotion.move(dx, dy);
        } else {
            motion = nudge ? ObjectMotion.nudge(dirX, dirY) : ObjectMotion.toward(dirX, dirY);
        }
        return Optional.of(new Parsed(EditCategory.MOVE, target, target, motion));
    }

    /** Prepositions that place an object relative to another: "under", "behind", "to the left of". */
    private static final Map<String, int[]> RELATIVE = Map.ofEntries(Map.entry("under", new int[] {0, 1}),
            Map.entry("underneath", new int[] {0, 1}), Map.entry("beneath", new int[] {0, 1}),
            Map.entry("below", new int[] {0, 1}), Map.entry("above", new int[] {0, -1}), Map.entry("over", new int[] {0, -1}),
            Map.entry("atop", new int[] {0, -1}), Map.entry("on", new int[] {0, 0}), Map.entry("onto", new int[] {0, 0}),
            Map.entry("behind", new int[] {0, 0}), Map.entry("beside", new int[] {0, 0}), Map.entry("next", new int[] {0, 0}),
            Map.entry("near", new int[] {0, 0}), Map.entry("between", new int[] {0, 0}), Map.entry("in", new int[] {0, 0}),
            Map.entry("left", new int[] {-1, 0}), Map.entry("right", new int[] {1, 0}));

    /**
     * "move the cup under the table", "move the ball to the left of the cube", "shift the position
     * of the clock above the toy": a move verb, an object and a position relative to another object
     * (not a place: "move the dog to the beach" is left to the other rules). A relative destination
     * is still a MOVE of the object; the direction is the preposition's ("under" down, "left of"
     * left), else sideways. "in" counts only as "in front of". "Towards / toward" another object ("move the cup
     * towards the bowl until they touch") moves it sideways, place or not: a move toward a thing is a move inside the
     * image.
     */
    private static Optional<Parsed> relative(String verb, List<String> rest, String foreground) {
        if (!SIDEWAYS_VERBS.contains(verb) && !"move".equals(VerbLexicon.canonical(verb))) {
            return Optional.empty();
        }
        List<String> r = rest;
        if (r.size() > 3 && r.get(0).equals("the") && r.get(1).equals("position") && r.get(2).equals("of")) {
            r = r.subList(3, r.size());   // "the position of X"
        }
        for (int i = 1; i < r.size() - 1; i++) {
            if (Set.of("closer", "nearer", "away").contains(r.get(i)) && i + 2 < r.size()
                    && Set.of("to", "from").contains(r.get(i + 1))) {   // "move the chair closer to the table"
                return sidewaysMove(r.subList(0, i), foreground);
            }
            if (i + 3 < r.size() && Set.of("to", "on").contains(r.get(i)) && r.get(i + 1).equals("the")
                    && Set.of("other", "opposite").contains(r.get(i + 2)) && Set.of("side", "end", "corner").contains(r.get(i + 3))) {
                return sidewaysMove(r.subList(0, i), foreground);   // "move the lamp to the other side (of the room)"
            }
            if (Set.of("towards", "toward").contains(r.get(i)) && InstructionGrammar.OBJECT_STARTERS.contains(r.get(i + 1))) {
                List<String> goal = InstructionGrammar.stripDeterminers(r.subList(i + 1, r.size()));   // "... until they touch"
                return goal.stream().anyMatch(x -> Vocabulary.WHOLE_IMAGE.contains(x) || Vocabulary.BACKGROUND.contains(x))
                        ? Optional.empty() : sidewaysMove(r.subList(0, i), foreground);
            }
            String w = r.get(i);
            int at = i;
            if (Set.of("to", "on", "at").contains(w) && i + 3 < r.size() && r.get(i + 1).equals("the") && RELATIVE.containsKey(r.get(i + 2))
                    && r.get(i + 3).equals("of")) {
                w = r.get(i + 2);   // "to / on the left of"
                at = i + 3;
            } else if (w.equals("on") && i + 2 < r.size() && r.get(i + 1).equals("top") && r.get(i + 2).equals("of")) {
                w = "above";
                at = i + 2;
            } else if (w.equals("in") && i + 2 < r.size() && r.get(i + 1).equals("front") && r.get(i + 2).equals("of")) {
                at = i + 2;
            } else if (w.equals("next") && i + 1 < r.size() && r.get(i + 1).equals("to")) {
                at = i + 1;
            } else if ((w.equals("to") || w.equals("onto")) && r.get(i + 1).equals("the")) {
                at = i;   // "move the cat to the kitchen table": to another object (a place is left to the other rules)
            } else if (!RELATIVE.containsKey(w) || w.equals("in") || w.equals("left") || w.equals("right")) {
                continue;
            }
            List<String> reference = InstructionGrammar.stripDeterminers(r.subList(at + 1, r.size()));
            List<String> named = InstructionGrammar.phraseBeforeLocation(reference);
            if (reference.isEmpty() || Vocabulary.isPlace(InstructionGrammar.headNoun(named))   // "the kitchen table" is no place
                    || reference.stream().anyMatch(x -> Vocabulary.BACKGROUND.contains(x)
                    || Vocabulary.WHOLE_IMAGE.contains(x) || DIRECTIONS.containsKey(x))) {
                return Optional.empty();
            }
            String target = target(r.subList(0, i), foreground);
            if (target.isEmpty() || Vocabulary.WHOLE_IMAGE.contains(target) || Vocabulary.BACKGROUND.contains(target)) {
                return Optional.empty();
            }
            int[] d = RELATIVE.getOrDefault(w, new int[] {0, 0});
            ObjectMotion motion = d[0] == 0 && d[1] == 0 ? ObjectMotion.sideways() : ObjectMotion.toward(d[0], d[1]);
            return Optional.of(new Parsed(EditCategory.MOVE, target, target, motion));
        }
        return Optional.empty();
    }

    /** A MOVE of the object named by {@code object} toward the side with more room; empty when it names no object. */
    private static Optional<Parsed> sidewaysMove(List<String> object, String foreground) {
        String target = target(object, foreground);
        return target.isEmpty() || Vocabulary.WHOLE_IMAGE.contains(target) || Vocabulary.BACKGROUND.contains(target)
                ? Optional.empty() : Optional.of(new Parsed(EditCategory.MOVE, target, target, ObjectMotion.sideways()));
    }

    /**
     * "make the car smaller and move it to the left", "move the dog right and make it bigger": a
     * resize and a move of the same object ("it", "them") in one motion; empty otherwise.
     */
    private static Optional<Parsed> moveAndResize(List<String> words, boolean percent, int width, int height,
            String foreground) {
        int and = words.indexOf("and");
        if (and < 2 || and > words.size() - 3 || !Set.of("it", "them").contains(words.get(and + 2))) {
            return Optional.empty();
        }
        Optional<Parsed> first = parse(words.subList(0, and), percent, width, height, foreground);
        Optional<Parsed> second = parse(words.subList(and + 1, words.size()), percent, width, height, foreground);
        if (first.isEmpty() || second.isEmpty() || first.get().category() == second.get().category()) {
            return Optional.empty();
        }
        Parsed a = first.get();
        Parsed b = second.get();
        ObjectMotion move = a.category() == EditCategory.MOVE ? a.motion() : b.motion();
        double scale = a.category() == EditCategory.RESIZE ? a.motion().scale() : b.motion().scale();
        String caption = a.category() == EditCategory.RESIZE ? a.caption() : b.caption().replace(b.target(), a.target());
        return Optional.of(new Parsed(a.category(), a.target(), caption, move.withScale(scale)));
    }

    /**
     * "shift the man in the image", "move the dog a bit": a move verb with an object and no
     * direction or destination. The object moves sideways ({@link ObjectMotion#sideways()}). Not
     * when a phrase after the object names a destination or a place ("move the dog to the beach",
     * "move the lamp next to the sofa"): those are left to the other rules.
     */
    private static Optional<Parsed> sideways(List<String> rest, String foreground) {
        int end = rest.size();
        while (end > 1 && SIDEWAYS_FILLERS.contains(rest.get(end - 1))) {
            end--;
        }
        List<String> phrase = rest.subList(0, end);
        List<String> bare = pronounFirst(phrase) ? phrase : InstructionGrammar.stripDeterminers(phrase);
        List<String> after = bare.subList(pronounFirst(phrase) ? 1 : InstructionGrammar.firstLocation(bare), bare.size());
        if (!after.isEmpty() && (!DESCRIBING.contains(after.get(0)) || after.stream().anyMatch(Vocabulary::isPlace))) {
            return Optional.empty();
        }
        String target = target(phrase, foreground);
        if (target.isEmpty() || Vocabulary.WHOLE_IMAGE.contains(target) || Vocabulary.BACKGROUND.contains(target)) {
            return Optional.empty();
        }
        boolean nudge = rest.subList(end, rest.size()).stream().anyMatch(NUDGE_WORDS::contains);
        return Optional.of(new Parsed(EditCategory.MOVE, target, target,
                nudge ? ObjectMotion.nudgeSideways() : ObjectMotion.sideways()));
    }

    /**
     * A size particle right after the verb: "zoom in (on) X", "scale up X", "blow up X" (true:
     * bigger), "zoom out (of) X", "scale down X", "size down X" (false: smaller); null otherwise.
     */
    private static Boolean sizeParticle(String verb, List<String> rest) {
        if (rest.size() < 2) {
            return null;
        }
        String p = rest.get(0);
        if (verb.equals("zoom")) {
            return p.equals("in") || p.equals("into") ? Boolean.TRUE : p.equals("out") ? Boolean.FALSE : null;
        }
        if (SCALE_VERBS.contains(verb) || verb.equals("size") || verb.equals("blow")) {
            return p.equals("up") ? Boolean.TRUE : p.equals("down") && !verb.equals("blow") ? Boolean.FALSE : null;
        }
        return null;
    }

    /** The tail split at "and": each part's number applies to that part's directions. */
    private static List<List<String>> segments(List<String> tail) {
        List<List<String>> out = new ArrayList<>();
        List<String> cur = new ArrayList<>();
        for (String w : tail) {
            if (w.equals("and")) {
                out.add(cur);
                cur = new ArrayList<>();
            } else {
                cur.add(w);
            }
        }
        out.add(cur);
        // a part with a number and no direction ("left by 50 pixels" has both; "50 pixels, and left") joins the next
        List<List<String>> merged = new ArrayList<>();
        for (List<String> s : out) {
            if (!merged.isEmpty() && merged.get(merged.size() - 1).stream().noneMatch(DIRECTIONS::containsKey)) {
                merged.get(merged.size() - 1).addAll(s);
            } else {
                merged.add(new ArrayList<>(s));
            }
        }
        return merged;
    }

    private static Optional<Parsed> resize(String verb, List<String> rest, boolean percent, boolean grow, boolean shrink,
            String foreground) {
        int tail = tailStart(rest, w -> BIGGER.contains(w) || SMALLER.contains(w) || SIZE_FILLERS.contains(w)
                || number(w) != null || w.matches("\\d+(point\\d+)?x"));
        List<String> t = tail == 0 ? List.of() : rest.subList(tail, rest.size());
        boolean bigger = grow || t.stream().anyMatch(BIGGER::contains);
        boolean smaller = shrink || t.stream().anyMatch(SMALLER::contains)
                || t.contains("as") && t.stream().anyMatch(w -> Boolean.FALSE.equals(PLAIN_SIZES.get(w)));   // "twice as small"
        Double factor = factor(t, percent, smaller);
        boolean scaleVerb = SCALE_VERBS.contains(verb);
        if (tail == 0 && !grow && !shrink || bigger && smaller
                || !(bigger || smaller || factor != null && (scaleVerb || hasSizeMultiple(t) || percent))) {
            return Optional.empty();   // "make the dog happy", "resize the cat": not a readable size change
        }
        List<String> object = tail == 0 ? rest : rest.subList(0, tail);
        if (t.size() == 1 && Set.of("up", "down").contains(t.get(0)) && POSTURE_VERBS.contains(object.get(object.size() - 1))) {
            return Optional.empty();   // "make the dog sit down", "let the man stand up": a posture, not a size
        }
        if (InstructionGrammar.isWholeImageAspect(object) && InstructionGrammar.wholeImagePrefix(object) < object.size()) {
            return Optional.empty();   // "increase the image contrast": an adjustment of the image, not a size
        }
        String target = target(object, foreground);
        if (target.isEmpty()) {
            return Optional.empty();
        }
        double f;
        if (factor != null) {
            f = factor;
        } else {
            double up = t.stream().anyMatch(NUDGE_WORDS::contains) ? 1.2 : t.stream().anyMatch(STRONG::contains) ? 2.0 : 1.5;
            f = smaller ? 1 / up : up;
        }
        ObjectMotion motion;
        try {
            motion = ObjectMotion.scale(f);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("resizing \"" + target + "\" by " + f + ": " + e.getMessage() + "; ask for a size "
                    + "change above 0 and at most " + ObjectMotion.MAX_SCALE + " times", e);
        }
        String caption = (f > 1 ? "bigger " : "smaller ") + target;
        return Optional.of(new Parsed(EditCategory.RESIZE, target, caption, motion));
    }

    private static boolean hasSizeMultiple(List<String> t) {
        return t.stream().anyMatch(w -> Set.of("twice", "thrice", "half", "double", "triple", "times", "quarter", "third")
                .contains(w) || w.matches("\\d+(point\\d+)?x"));
    }

    /** The explicit factor in a size phrase, or null. */
    private static Double factor(List<String> t, boolean percent, boolean smaller) {
        for (int i = 0; i < t.size(); i++) {
            String w = t.get(i);
            switch (w) {
                case "twice":
                case "double":
                    return smaller ? 0.5 : 2.0;
                case "thrice":
                case "triple":
                    return smaller ? 1 / 3.0 : 3.0;
                case "half":
                    return 0.5;
                case "third":
                    return 1 / 3.0;
                case "quarter":
                    return 0.25;
                default:
                    break;
            }
            if (w.matches("\\d+(point\\d+)?x")) {
                double n = Double.parseDouble(w.substring(0, w.length() - 1).replace("point", "."));
                return smaller ? 1 / n : n;
            }
            Double n = number(w);
            if (n == null) {
                continue;
            }
            boolean pct = percent || i + 1 < t.size() && t.get(i + 1).equals("percent");
            boolean to = i > 0 && t.get(i - 1).equals("to");
            if (pct) {
                return to ? n / 100 : smaller ? 1 - n / 100 : 1 + n / 100;
            }
            if (i + 1 < t.size() && t.get(i + 1).equals("times") || to || i > 0 && Set.of("by", "of").contains(t.get(i - 1))) {
                return smaller && !to && n > 1 ? 1 / n : n;   // "3 times smaller" is a third, "0.5 times smaller" a half
            }
        }
        return null;
    }

    /** "double the size of the cat", "halve the cat's size". */
    private static Optional<Parsed> sizeOf(String verb, List<String> rest, String foreground) {
        List<String> r = rest;
        int of = r.indexOf("of");
        String target;
        if (r.size() > 2 && r.get(0).equals("the") && r.get(1).equals("size") && of == 2) {
            target = target(r.subList(3, r.size()), foreground);
        } else if (r.size() >= 2 && r.get(r.size() - 1).equals("size") && r.get(r.size() - 2).endsWith("'s")) {
            List<String> obj = new ArrayList<>(r.subList(0, r.size() - 1));
            String last = obj.remove(obj.size() - 1);
            obj.add(last.substring(0, last.length() - 2));
            target = target(obj, foreground);
        } else {
            return Optional.empty();
        }
        if (target.isEmpty()) {
            return Optional.empty();
        }
        double f = verb.equals("halve") ? 0.5 : verb.equals("triple") ? 3.0 : 2.0;
        return Optional.of(new Parsed(EditCategory.RESIZE, target, (f > 1 ? "bigger " : "smaller ") + target,
                ObjectMotion.scale(f)));
    }

    /** The smallest index from which every word satisfies {@code tailWord}, at least 1 (an object must precede). */
    private static int tailStart(List<String> rest, java.util.function.Predicate<String> tailWord) {
        int i = rest.size();
        while (i > 1 && tailWord.test(rest.get(i - 1))) {
            i--;
        }
        return i == rest.size() ? 0 : i;
    }

    private static String target(List<String> obj, String foreground) {
        if (pronounFirst(obj)) {
            return foreground;
        }
        String owner = InstructionGrammar.aspectOwner(obj, true);   // "the size of the dog" -> "dog"
        return owner != null ? owner : InstructionGrammar.objectPhrase(obj);
    }

    /**
     * "her", "him to the left", "her into a concert": a pronoun alone or followed by a location word,
     * so "her" is the object, not a possessive ("her dog").
     */
    private static boolean pronounFirst(List<String> obj) {
        return !obj.isEmpty() && Set.of("it", "him", "her", "them").contains(obj.get(0))
                && (obj.size() == 1 || Vocabulary.LOCATION_WORDS.contains(obj.get(1)));
    }

    /**
     * The words of {@code instruction} as {@link InstructionGrammar#words} makes them, except that a
     * decimal point between digits is kept (as the letters "point": "1.5" becomes "1point5").
     */
    static List<String> words(String instruction) {
        return InstructionGrammar.words(instruction.replaceAll("(?<=\\d)[.,](?=\\d)", "point"));
    }

    /** A number written in digits ("50", "50px", "1point5") or as a word ("fifty"), or null. */
    private static Double number(String w) {
        String s = w.endsWith("px") ? w.substring(0, w.length() - 2) : w.endsWith("pixels") ? w.substring(0, w.length() - 6) : w;
        if (s.matches("\\d+(point\\d+)?")) {
            return Double.parseDouble(s.replace("point", "."));
        }
        return NUMBER_WORDS.get(w);
    }
}
