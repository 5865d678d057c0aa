package dev.brushedit.edit;

import dev.brushedit.core.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The offline instructor's English grammar: normalises the words, drops courtesy phrases, finds the
 * verb (tolerating misspellings, see {@link VerbLexicon}) and splits the rest into the target object,
 * the new content and, for additions, the location words. The rules are listed on
 * {@link OfflineInstructor}. Thread-safety: stateless.
 */
final class InstructionGrammar {

    /** What the grammar understood: category, target object, caption, and location words for additions. */
    record Parsed(EditCategory category, String target, String caption, List<String> where) {}

    static final String REMOVE_CAPTION = "empty background";
    static final String PLAIN_BACKGROUND = "a plain white background";

    private static final Set<String> QUANTITY_NOUNS = Set.of("lot", "lots", "plenty", "couple", "number", "ton", "tons");

    /** Whole-image overlays whose removal is an image-wide edit ("take away the brown filter"). */
    private static final Set<String> FILTERS = Set.of("filter", "filters", "effect", "effects", "tint", "vignette", "grain",
            "glow", "overlay", "cast");
    private static final Set<String> PRONOUNS = Set.of("him", "her", "them", "he", "she", "me", "us", "they");
    private static final Set<String> PRONOUNS_AND_IT = Set.of("it", "him", "her", "them");
    private static final Set<String> GLOBAL_ADDITIONS = Set.of("filter", "effect", "vignette", "grain", "tint", "glow",
            "snow", "snowfall", "rain", "fog", "mist", "haze", "bokeh", "flare", "flares", "leak", "leaks");
    /** Words that open an object phrase right after a verb ("polish THE kettle"). */
    static final Set<String> OBJECT_STARTERS = Set.of("the", "a", "an", "this", "that", "these", "those", "his",
            "her", "its", "their", "my", "our", "your", "all", "both", "each", "every", "some");
    private static final Set<String> LIKE_WORDS = Set.of("look", "looks", "like", "into", "as", "be", "seem", "appear",
            "feel", "to");

    private InstructionGrammar() {}

    /**
     * The words of {@code instruction}: lower case, punctuation removed (apostrophes and hyphens kept, and
     * the {@code #} of a {@code #rrggbb} colour, which the recolour reads).
     */
    static List<String> words(String instruction) {
        String s = instruction.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'');
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(Character.isLetterOrDigit(c) || c == '\'' || c == '-' || hexColourAt(s, i) ? c : ' ');
        }
        List<String> out = new ArrayList<>();
        for (String w : b.toString().split(" +")) {
            String t = stripQuotes(w);
            if (t.equals("infront")) {   // "in front" written as one word
                out.add("in");
                out.add("front");
            } else if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    /** True when a {@code #} at {@code i} starts a word of exactly six hex digits ("#3366cc"). */
    private static boolean hexColourAt(String s, int i) {
        if (s.charAt(i) != '#' || i + 7 > s.length() || i > 0 && Character.isLetterOrDigit(s.charAt(i - 1))) {
            return false;
        }
        for (int k = i + 1; k < i + 7; k++) {
            if (Character.digit(s.charAt(k), 16) < 0) {
                return false;
            }
        }
        return i + 7 == s.length() || !Character.isLetterOrDigit(s.charAt(i + 7));
    }

    /**
     * {@code instruction} without parenthesised annotations: "replace the red bus (bus) with a truck" ->
     * "replace the red bus with a truck" (a tool's label for the object, not part of the sentence).
     */
    static String dropAnnotations(String instruction) {
        String s = instruction.replaceAll("\\s*\\([^()]*\\)", "").strip();
        return s.isEmpty() ? instruction : s;
    }

    private static String stripQuotes(String w) {
        int a = 0;
        int z = w.length();
        while (a < z && (w.charAt(a) == '\'' || w.charAt(a) == '-')) {
            a++;
        }
        while (z > a && (w.charAt(z - 1) == '\'' || w.charAt(z - 1) == '-')) {
            z--;
        }
        return w.substring(a, z);
    }

    /**
     * "turn the branches in the image into wands": "in the image / photo / picture" after an object
     * and before the value ("into", "to", "with", "as") says nothing about the edit and is dropped.
     */
    static List<String> dropImageMention(List<String> w) {
        for (int i = 2; i + 3 < w.size(); i++) {
            if (w.get(i).equals("in") && Set.of("the", "this").contains(w.get(i + 1))
                    && Set.of("image", "photo", "picture", "photograph", "pic").contains(w.get(i + 2))
                    && Set.of("into", "to", "with", "as").contains(w.get(i + 3))) {
                List<String> out = new ArrayList<>(w.subList(0, i));
                out.addAll(w.subList(i + 3, w.size()));
                return out;
            }
        }
        return w;
    }

    /** Degree words that open the value, not end the object ("the colours MORE vivid"). */
    private static final Set<String> DEGREE_WORDS = Set.of("more", "less", "much", "even", "very", "too", "slightly",
            "somewhat", "extra", "super", "really");

    /** Parses normalised words. */
    static Parsed parse(List<String> all, String instruction, String foreground) {
        List<String> w = stripCourtesy(all);
        if (w.isEmpty()) {
            throw notUnderstood(instruction, "it holds no edit");
        }
        w = dropImageMention(w);
        KeptClauses.Split kept = KeptClauses.split(w);
        if (kept != null) {   // "... while keeping the man unchanged", "keep the dog but replace the cat with a fox"
            return KeptClauses.apply(parse(kept.edit(), instruction, foreground), kept.kept(), foreground);
        }
        Parsed p = parseEdit(w, instruction, foreground);
        if (p.category() == EditCategory.BACKGROUND && Vocabulary.WHOLE_IMAGE.contains(p.target())) {
            return new Parsed(p.category(), foreground, p.caption(), p.where());   // "set this photo in a forest"
        }
        return p;
    }

    private static Parsed parseEdit(List<String> w, String instruction, String foreground) {
        Parsed lead = ClauseForms.selected(w, instruction, foreground);   // "select the bus and blur the background"
        if (lead == null) {
            lead = ClauseForms.colourPop(w, foreground);
        }
        if (lead == null) {
            lead = ExceptForms.parse(w, instruction, foreground);   // "make everything except the dog black and white"
        }
        if (lead != null) {
            return lead;
        }
        int and = secondEdit(w);
        if (and > 0) {
            throw new UnsupportedEditException(null, "\"" + instruction + "\" asks for two edits, \"" + join(w.subList(0, and))
                    + "\" and \"" + join(w.subList(and + 1, w.size())) + "\", and a plan holds one",
                    UnsupportedEditException.Remedy.LANGUAGE_MODEL, "give them one at a time (an EditSession keeps the turns)");
        }
        int instead = w.indexOf("instead");
        if (instead >= 3 && instead < w.size() - 1 && w.get(instead + 1).equals("of") && changesInPlace(w.get(0))) {
            w = w.subList(0, instead);   // "make the ground a forest instead of a slope": the old value is dropped
        }
        Parsed out = outParticle(w, instruction, foreground);
        if (out != null) {
            return out;
        }
        Parsed clause = ClauseForms.parse(w, instruction, foreground);
        if (clause != null) {
            return clause;
        }
        if (w.size() >= 3 && w.get(0).equals("get") && w.get(1).equals("rid") && w.get(2).equals("of")) {
            return remove(w.subList(3, w.size()), instruction, foreground);
        }
        if (w.size() >= 3 && w.get(0).equals("get")) {   // "get the cat off the table"
            Parsed got = take(w.subList(1, w.size()), false, instruction, foreground);
            if (got != null) {
                return got;
            }
        }
        if (w.size() >= 2 && VerbLexicon.distance(w.get(0), "take") <= 1
                && (w.get(0).equals("take") || VerbLexicon.canonical(w.get(0)) == null)) {   // not "make"
            Parsed taken = take(w.subList(1, w.size()), true, instruction, foreground);
            if (taken != null) {
                return taken;
            }
        }
        String verb = w.get(0).equals("have") ? "let" : VerbLexicon.canonical(w.get(0));
        if (verb == null) {
            Parsed subject = subjectForm(w, instruction, foreground);
            if (subject != null) {
                return subject;
            }
            Parsed acted = ClauseForms.unknownVerb(w, instruction, foreground);
            if (acted != null) {
                return acted;
            }
            Parsed stated = ClauseForms.copula(w, instruction, foreground);
            if (stated != null) {
                return stated;
            }
            if (w.stream().anyMatch(Vocabulary.GLOBAL_WORDS::contains)) {
                return global(w, instruction);
            }
            throw notUnderstood(instruction, "no edit verb was found");
        }
        List<String> rest = dropParticles(w.subList(1, w.size()));
        if (rest.size() > 1 && (verb.equals("turn") || verb.equals("switch")) && Set.of("on", "off").contains(rest.get(0))
                && OBJECT_STARTERS.contains(rest.get(1))) {   // "turn on the street lights": a phrasal verb on an object
            String target = objectPhrase(rest.subList(1, rest.size()));
            if (!target.isEmpty()) {
                return new Parsed(EditCategory.LOCAL, target, target + " switched " + rest.get(0), List.of());
            }
        }
        if (rest.isEmpty()) {
            throw notUnderstood(instruction, "nothing follows the verb \"" + w.get(0) + "\"");
        }
        if (VerbLexicon.action(verb) == VerbLexicon.Action.PUT && Vocabulary.isOwnedBodyPart(phraseBeforeLocation(rest))) {
            String part = objectPhrase(rest);   // "move the man's hand to his chin": a pose, not an addition
            return new Parsed(EditCategory.LOCAL, part, join(w), List.of());
        }
        switch (VerbLexicon.action(verb)) {
            case REMOVE:
                return remove(rest, instruction, foreground);
            case ADD:
                return add(rest, instruction, foreground);
            case PUT:
                return put(rest, instruction, foreground);
            case GIVE:
                return give(rest, instruction, foreground);
            case APPLY:
                return apply(rest, instruction);
            case CHANGE:
                return change(verb, rest, instruction, foreground);
            default:
                return make(rest, instruction, foreground);
        }
    }

    /**
     * Where "and" joins a second edit ("make the cat bigger AND make it blue", "remove the cup and
     * add a glass"): "and", then a known verb, then an object phrase or pronoun; 0 when there is none.
     */
    static int secondEdit(List<String> w) {
        for (int i = 2; i < w.size() - 2; i++) {
            if (w.get(i).equals("and") && VerbLexicon.canonical(w.get(i + 1)) != null
                    && (OBJECT_STARTERS.contains(w.get(i + 2)) || Set.of("it", "them", "him", "her").contains(w.get(i + 2)))) {
                return i;
            }
        }
        return 0;
    }

    /**
     * "polish" -> "polished", "close" -> "closed", "dry" -> "dried", "blur" -> "blurred" (regular forms only;
     * a one-syllable verb ending in one vowel and one consonant doubles the consonant).
     */
    static String participle(String verb) {
        if (verb.endsWith("ed")) {
            return verb;
        }
        if (verb.endsWith("e")) {
            return verb + "d";
        }
        if (verb.endsWith("y") && verb.length() > 2 && "aeiou".indexOf(verb.charAt(verb.length() - 2)) < 0) {
            return verb.substring(0, verb.length() - 1) + "ied";
        }
        if (doublesFinalConsonant(verb)) {
            return verb + verb.charAt(verb.length() - 1) + "ed";
        }
        return verb + "ed";
    }

    /** "blur", "stir", "wrap", "mop": one vowel, the last letter but one, between consonants ("fix", "row" excepted). */
    private static boolean doublesFinalConsonant(String verb) {
        int n = verb.length();
        if (n < 3 || "aeiouwxy".indexOf(verb.charAt(n - 1)) >= 0 || "aeiou".indexOf(verb.charAt(n - 2)) < 0) {
            return false;
        }
        for (int i = 0; i < n - 2; i++) {
            if ("aeiouy".indexOf(verb.charAt(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    static List<String> stripCourtesy(List<String> words) {
        List<String> w = new ArrayList<>(words);
        boolean changed = true;
        while (changed && !w.isEmpty()) {
            changed = false;
            for (String p : Vocabulary.POLITE_PREFIXES) {
                List<String> pw = List.of(p.split(" "));
                if (w.size() > pw.size() && w.subList(0, pw.size()).equals(pw)) {
                    w = new ArrayList<>(w.subList(pw.size(), w.size()));
                    changed = true;
                    break;
                }
            }
            for (String p : Vocabulary.POLITE_SUFFIXES) {
                List<String> pw = List.of(p.split(" "));
                if (w.size() > pw.size() && w.subList(w.size() - pw.size(), w.size()).equals(pw)) {
                    w = new ArrayList<>(w.subList(0, w.size() - pw.size()));
                    changed = true;
                    break;
                }
            }
        }
        return w;
    }

    static List<String> dropParticles(List<String> rest) {
        int i = 0;
        while (i < rest.size() - 1 && (rest.get(i).equals("out") || rest.get(i).equals("up") || rest.get(i).equals("away"))) {
            i++;
        }
        return rest.subList(i, rest.size());
    }

    /**
     * "X should be Y", "I want X to be Y", "X ought to / needs to be removed": the subject and its
     * complement; a complement that is the participle of a removal verb makes a REMOVE edit.
     */
    private static Parsed subjectForm(List<String> w, String instruction, String foreground) {
        for (int i = 1; i < w.size() - 1; i++) {
            if (w.get(i).equals("be") && MODALS.contains(w.get(i - 1))) {
                List<String> x = new ArrayList<>(w.subList(0, i - 1));
                int start = 0;
                while (start < x.size() && Set.of("i", "want", "wish", "need", "would", "like", "i'd", "let").contains(x.get(start))) {
                    start++;
                }
                int end = x.size();
                if (w.get(i - 1).equals("to") && end > start + 1 && TO_MODALS.contains(x.get(end - 1))) {
                    end--;   // "needs to be", "ought to be"; "the trash can should be" keeps "can"
                }
                List<String> subject = x.subList(start, end);
                if (subject.size() > 1 && OBJECT_STARTERS.contains(subject.get(1)) && !OBJECT_STARTERS.contains(subject.get(0))
                        && !Vocabulary.NOT_VERBS.contains(subject.get(0))) {
                    subject = subject.subList(1, subject.size());   // "adjust the tone to be warmer": a verb opens it
                }
                List<String> y = w.subList(i + 1, w.size());
                if (ClauseForms.isRemoval(y.get(0)) && !objectPhrase(subject).isEmpty()) {
                    return new Parsed(EditCategory.REMOVE, objectPhrase(subject), REMOVE_CAPTION, List.of());
                }
                return BeForms.complement(subject, y, instruction, foreground);
            }
        }
        return null;
    }

    /** Words before "be" in a subject form: "should", "must", "ought to", "needs to", "has to". */
    static final Set<String> MODALS = Set.of("should", "to", "must", "will", "would", "shall", "ought", "needs", "need",
            "has", "have", "can", "could", "may", "might");

    /**
     * "take / get X out / off / away (of / from) Y", "take out X": REMOVE X; "take X to a place"
     * (with {@code toPlace}): the subject moved to a new scene (read as "put"); null for any other.
     */
    private static Parsed take(List<String> rest, boolean toPlace, String instruction, String foreground) {
        if (rest.get(0).equals("out") || rest.get(0).equals("away") || rest.get(0).equals("off")) {
            return remove(rest.subList(1, rest.size()), instruction, foreground);
        }
        if (toPlace && rest.size() > 2 && PRONOUNS_AND_IT.contains(rest.get(0)) && rest.get(1).equals("to")) {
            return put(rest, instruction, foreground);   // "take it to the beach"
        }
        if (!OBJECT_STARTERS.contains(rest.get(0))) {
            return null;
        }
        for (int i = 2; i < rest.size(); i++) {
            String p = rest.get(i);
            if (p.equals("out") || p.equals("off") || p.equals("away")) {
                return remove(rest.subList(0, i), instruction, foreground);
            }
            if (toPlace && p.equals("to") && i < rest.size() - 1) {
                return put(rest, instruction, foreground);
            }
            if (Vocabulary.LOCATION_WORDS.contains(p)) {
                return null;
            }
        }
        return null;
    }

    /**
     * "photoshop the girl out", "crop the car out (of the picture)": a verb the lexicon does not
     * know, an object phrase and the particle "out" ending the edit: REMOVE that object.
     */
    private static Parsed outParticle(List<String> w, String instruction, String foreground) {
        if (w.size() < 4 || VerbLexicon.canonical(w.get(0)) != null || Vocabulary.NOT_VERBS.contains(w.get(0))
                || !OBJECT_STARTERS.contains(w.get(1))) {
            return null;
        }
        int out = w.indexOf("out");
        if (out < 3) {
            return null;
        }
        List<String> after = w.subList(out + 1, w.size());
        boolean ends = after.isEmpty() || after.get(0).equals("of") && wholeImagePrefix(after.subList(1, after.size())) == after.size() - 1;
        return ends ? remove(w.subList(1, out), instruction, foreground) : null;
    }

    /**
     * The subject kept in front of "the background behind / around / of X": X, unless X is the image;
     * otherwise {@code foreground}.
     */
    private static String behind(List<String> bare, String foreground) {
        if (bare.size() > 2 && Set.of("behind", "around", "of", "surrounding").contains(bare.get(1))) {
            List<String> owner = bare.subList(2, bare.size());
            String t = objectPhrase(owner);
            return t.isEmpty() || wholeImagePrefix(owner) == owner.size() || Vocabulary.isPlace(headNoun(List.of(t.split(" "))))
                    ? foreground : t;   // "the background of the snow forest" is a scene, not a subject
        }
        return foreground;
    }

    /** "in a snowy field", "on the moon", "at a wedding": a location phrase whose head noun is a place. */
    static boolean inPlace(List<String> w) {
        if (w.size() < 2 || !Set.of("in", "on", "at", "inside", "into", "onto", "to", "through", "across", "along")
                .contains(w.get(0))) {
            return false;
        }
        List<String> place = phraseBeforeLocation(stripDeterminers(w.subList(1, w.size())));
        return !place.isEmpty() && Vocabulary.isPlace(headNoun(place));
    }

    /**
     * Whether a location phrase in {@code where} has a place as its head noun ("on a sofa IN A LIVING ROOM", "to the
     * beach"); "to the kitchen table" names an object, not a place.
     */
    private static boolean placedSomewhere(List<String> where) {
        for (int k = 0; k < where.size() - 1; k++) {
            if (Vocabulary.LOCATION_WORDS.contains(where.get(k)) && inPlace(where.subList(k, where.size()))) {
                return true;
            }
            if (k + 3 < where.size() && where.get(k).equals("front") && where.get(k + 1).equals("of")
                    && inPlace(where.subList(k + 1, where.size()).stream().map(w -> w.equals("of") ? "at" : w).toList())) {
                return true;   // "in front of a mountain"
            }
        }
        return false;
    }

    /** "the afternoon scene", "this old photo": a phrase whose head noun is the image itself. */
    static boolean namesTheImage(List<String> bare) {
        return !bare.isEmpty() && Set.of("scene", "image", "photo", "picture", "photograph", "shot", "pic")
                .contains(bare.get(bare.size() - 1));
    }

    /**
     * One place turned into another ("the kitchen" -> "a meadow", "the ground" -> "a forest"): the
     * old phrase names a place and the new one's head noun is a place or a word for a scene ("a bar setting").
     */
    static boolean scenesSwapped(List<String> oldPlace, List<String> newPlace) {
        List<String> yy = stripDeterminers(newPlace);
        if (yy.isEmpty() || phraseBeforeLocation(oldPlace).stream().noneMatch(w -> Vocabulary.isPlace(w)
                && !Vocabulary.SKY_OBJECTS.contains(w))) {
            return false;
        }
        String head = headNoun(phraseBeforeLocation(yy));
        return Vocabulary.isPlace(head) || Vocabulary.BACKGROUND.contains(head)   // "to a bar, restaurant SETTING"
                || head.equals("scene") && yy.size() > 1;   // "to a garden scene"
    }

    /** "make", "let", "have", "turn", "change"...: a verb whose edit keeps the object in place. */
    private static boolean changesInPlace(String word) {
        String verb = word.equals("have") ? "let" : VerbLexicon.canonical(word);
        return verb != null
                && (VerbLexicon.action(verb) == VerbLexicon.Action.MAKE || VerbLexicon.action(verb) == VerbLexicon.Action.CHANGE);
    }

    /** Words that take "to" before "be": "needs to be", "ought to be", "has to be". */
    private static final Set<String> TO_MODALS = Set.of("ought", "needs", "need", "has", "have", "want", "wants", "going");

    private static Parsed remove(List<String> rest, String instruction, String foreground) {
        int whole = wholeImagePrefix(rest);
        if (whole > 0 && whole < rest.size() - 1 && rest.get(whole).equals("of")) {
            rest = rest.subList(whole + 1, rest.size());
        }
        List<String> obj = stripDeterminers(rest);
        if (!obj.isEmpty() && Vocabulary.BACKGROUND.contains(obj.get(0))) {
            return new Parsed(EditCategory.BACKGROUND, foreground, PLAIN_BACKGROUND, List.of());
        }
        List<String> named = phraseBeforeLocation(obj);
        if (!named.isEmpty() && (Vocabulary.STYLE_NOUNS.contains(headNoun(named)) || FILTERS.contains(headNoun(named)))) {
            return new Parsed(EditCategory.GLOBAL, "", "natural photo without " + join(named), List.of());   // "remove the sepia filter"
        }
        String target = objectPhrase(rest);
        if (target.isEmpty()) {
            throw notUnderstood(instruction, "it does not say what to remove");
        }
        return new Parsed(EditCategory.REMOVE, target, REMOVE_CAPTION, List.of());
    }

    private static Parsed add(List<String> rest, String instruction, String foreground) {
        int at = firstLocation(rest);
        List<String> obj = rest.subList(0, at);
        List<String> where = rest.subList(at, rest.size());
        List<String> bare = stripDeterminers(obj);
        if (bare.isEmpty()) {
            throw notUnderstood(instruction, "it does not say what to add");
        }
        String head = headNoun(bare);
        if (Vocabulary.STYLE_NOUNS.contains(head)) {
            return new Parsed(EditCategory.GLOBAL, "", join(bare), List.of());
        }
        if (Vocabulary.BACKGROUND.contains(head) || Vocabulary.BACKGROUND.contains(bare.get(0))) {
            return addedBackground(bare, where, foreground);
        }
        if (isAdjustment(obj) && (wholeImageOrNothing(where) || where.get(0).equals("to") && where.size() > 1
                && !OBJECT_STARTERS.contains(where.get(1)))) {
            return new Parsed(EditCategory.GLOBAL, "", join(bare), List.of());   // "add more contrast (to simulate light)"
        }
        if (GLOBAL_ADDITIONS.contains(bare.get(bare.size() - 1)) && wholeImageOrNothing(where)) {
            return new Parsed(EditCategory.GLOBAL, "", join(bare), List.of());
        }
        List<String> added = new ArrayList<>(bare);
        int more = added.size() > 1 && (ClauseForms.isIndefinite(added.get(0)) || QUANTITY_NOUNS.contains(added.get(0))) ? 1 : 0;
        if (added.size() > more + 1 && Set.of("more", "additional", "extra").contains(added.get(more))) {
            added.remove(more);   // "add (two / lots) more ducks": a quantifier, not part of the object
            if (more == 1 && QUANTITY_NOUNS.contains(added.get(0))) {
                added.remove(0);
            }
        }
        return new Parsed(EditCategory.ADDITION, cutClauses(added), caption(obj), List.copyOf(where));
    }

    /**
     * "add a snowy background", "add a background of palm trees behind the dog": a BACKGROUND edit
     * keeping the object named after the location word, else the foreground.
     */
    private static Parsed addedBackground(List<String> bare, List<String> where, String foreground) {
        int of = bare.indexOf("of");
        List<String> scene = Vocabulary.BACKGROUND.contains(bare.get(0)) && of == 1 && of < bare.size() - 1
                ? stripThe(bare.subList(of + 1, bare.size())) : bare;
        List<String> owner = where.isEmpty() ? where : where.subList(1, where.size());
        String target = owner.isEmpty() || wholeImagePrefix(owner) == owner.size() ? foreground : objectPhrase(owner);
        return new Parsed(EditCategory.BACKGROUND, target.isEmpty() ? foreground : target, join(scene), List.of());
    }

    /**
     * An image-wide adjustment named as a noun without an article: "dramatic lighting", "more
     * contrast", "a bit of brightness" ("a light" is a lamp, an object).
     */
    static boolean isAdjustment(List<String> phrase) {
        if (phrase.isEmpty() || phrase.get(0).equals("an") || phrase.get(0).equals("a") && !phrase.contains("of")) {
            return false;
        }
        int i = 0;
        while (i < phrase.size() - 1 && (Vocabulary.QUANTITIES.contains(phrase.get(i)) || Vocabulary.DETERMINERS.contains(phrase.get(i)))) {
            i++;
        }
        List<String> rest = phrase.subList(i, phrase.size());
        return Vocabulary.ADJUSTMENTS.contains(rest.get(rest.size() - 1)) && rest.size() <= 3 && !rest.contains("of");
    }

    /** The head noun of a noun phrase: the word before "of", else the last word. */
    static String headNoun(List<String> phrase) {
        int with = phrase.indexOf("with");
        if (with > 0) {
            phrase = phrase.subList(0, with);
        }
        int of = phrase.indexOf("of");
        return of > 0 ? phrase.get(of - 1) : phrase.get(phrase.size() - 1);
    }

    private static Parsed put(List<String> rest, String instruction, String foreground) {
        int value = indexOf(rest, Set.of("to", "as", "into"));
        if (value == 1 && (PRONOUNS.contains(rest.get(0)) || rest.get(0).equals("it")) && inPlace(rest.subList(1, rest.size()))) {
            return background(rest.subList(2, rest.size()), foreground);   // "move it to Mars", "take them to a beach"
        }
        if (value >= 1 && value < rest.size() - 1 && !stripDeterminers(rest.subList(0, value)).isEmpty()
                && isWholeImageAspect(rest.subList(0, value))) {
            return global(rest.subList(value + 1, rest.size()), instruction);
        }
        List<String> bare = stripDeterminers(rest);
        if (!bare.isEmpty() && Vocabulary.BACKGROUND.contains(bare.get(0))) {
            int to = indexOf(rest, Set.of("to", "as", "into", "with"));
            if (to < 0 || to == rest.size() - 1) {
                throw notUnderstood(instruction, "it does not say what the new background is");
            }
            return background(rest.subList(to + 1, rest.size()), foreground);
        }
        int image = wholeImagePrefix(rest);
        if (image > 0 && image < rest.size() - 1 && Set.of("in", "at", "during").contains(rest.get(image))
                && rest.subList(image + 1, rest.size()).stream().anyMatch(Vocabulary.GLOBAL_WORDS::contains)
                && !inPlace(rest.subList(image, rest.size()))) {   // not "in a misty valley": a place
            return global(rest.subList(image + 1, rest.size()), instruction);   // "set the photo in winter"
        }
        if (bare.size() > 2 && bare.get(0).equals("scene") && Set.of("in", "at").contains(bare.get(1))) {
            return background(bare.subList(2, bare.size()), foreground);   // "set the scene in Paris"
        }
        int at = firstLocation(rest);
        List<String> obj = rest.subList(0, at);
        List<String> where = rest.subList(at, rest.size());
        if (obj.size() == 1 && PRONOUNS_AND_IT.contains(obj.get(0)) && Backdrops.after(where) != null) {
            return background(Backdrops.after(where), foreground);   // "put him in front of a green screen"
        }
        if (obj.size() == 1 && PRONOUNS.contains(obj.get(0)) && where.size() > 1 && Set.of("in", "at", "on", "into", "to")
                .contains(where.get(0))) {
            return background(where.subList(1, where.size()), foreground);   // "put him in a cocktail party"
        }
        boolean definite = !obj.isEmpty() && (Set.of("the", "this", "that", "my", "his", "her", "our", "their", "your", "these", "those")
                .contains(obj.get(0)) || PRONOUNS.contains(obj.get(0)) || obj.get(0).equals("it"));
        List<String> backdrop = definite ? Backdrops.after(where) : null;
        if (backdrop != null) {   // "put the vase against a grey background", "place the tv in front of a white wall"
            return new Parsed(EditCategory.BACKGROUND, objectPhrase(obj), join(stripThe(backdrop)), List.of());
        }
        if (definite && placedSomewhere(where)) {
            String target = obj.size() == 1 && (PRONOUNS.contains(obj.get(0)) || obj.get(0).equals("it")) ? foreground : objectPhrase(obj);
            int front = where.size() > 3 && where.get(1).equals("front") && where.get(2).equals("of") ? 3 : 1;
            return new Parsed(EditCategory.BACKGROUND, target, join(where.subList(front, where.size())), List.of());
        }
        return add(rest, instruction, foreground);
    }

    /**
     * "apply a vintage filter (to the dog)": GLOBAL; "apply a black hue to the bear": a colour
     * aspect applied to an object is a LOCAL edit of that object.
     */
    private static Parsed apply(List<String> rest, String instruction) {
        List<String> start = rest.subList(wholeImagePrefix(rest) < rest.size() ? wholeImagePrefix(rest) : 0, rest.size());
        List<String> what = cutAt(start, Set.of("to", "on", "onto"));
        List<String> bare = stripDeterminers(what);
        if (what.size() < start.size() && !bare.isEmpty() && Vocabulary.ASPECTS.contains(headNoun(bare))) {
            List<String> owner = start.subList(what.size() + 1, start.size());
            String target = objectPhrase(owner);
            if (!target.isEmpty() && wholeImagePrefix(owner) == 0) {
                return new Parsed(EditCategory.LOCAL, target, join(bare) + " " + target, List.of());
            }
        }
        return global(what, instruction);
    }

    private static Parsed give(List<String> rest, String instruction, String foreground) {
        int whole = wholeImagePrefix(rest);
        if (whole > 0) {
            return global(rest.subList(whole, rest.size()), instruction);
        }
        List<String> recipient = stripDeterminers(rest);
        if (recipient.size() > 1 && Vocabulary.BACKGROUND.contains(recipient.get(0))) {   // "give the background a bokeh effect"
            return background(recipient.subList(1, recipient.size()), foreground);
        }
        int article = -1;
        for (int i = 1; i < rest.size(); i++) {
            if (Set.of("a", "an", "some").contains(rest.get(i))) {
                article = i;
                break;
            }
        }
        int from = rest.size() - 1;
        while (article < 0 && from > 2 && Vocabulary.isAttribute(rest.get(from - 1))) {
            from--;   // "give the woman red lipstick": the attributes belong to the thing given
        }
        List<String> obj = article > 0 ? rest.subList(article, rest.size()) : rest.subList(from, rest.size());
        List<String> bare = stripDeterminers(obj);
        if (bare.isEmpty() || rest.size() < 2) {
            throw notUnderstood(instruction, "it does not say what to give");
        }
        if (article > 0 && (Vocabulary.ASPECTS.contains(headNoun(bare)) || Vocabulary.STYLE_NOUNS.contains(headNoun(bare)))) {
            String target = objectPhrase(rest.subList(0, article));   // "give the car a glossy finish / a retro look"
            if (!target.isEmpty()) {
                return new Parsed(EditCategory.LOCAL, target, join(bare) + " " + target, List.of());
            }
        }
        return new Parsed(EditCategory.ADDITION, cutClauses(bare), caption(obj), List.of());
    }

    private static Parsed change(String verb, List<String> rest, String instruction, String foreground) {
        rest = soThat(rest);
        List<String> delims = verb.equals("replace") || verb.equals("substitute")
                ? List.of("with", "by", "for", "into", "to") : List.of("into", "to", "with", "for", "by", "like");
        int split = -1;
        for (String d : delims) {
            int i = rest.indexOf(d);
            if (i >= 0 && i < rest.size() - 1) {
                split = i;
                break;
            }
        }
        int in = rest.indexOf("in");
        if (split < 0 && in > 0 && in < rest.size() - 1 && scenesSwapped(stripDeterminers(rest.subList(0, in)),
                rest.subList(in + 1, rest.size()))) {
            split = in;   // "turn the mountain in a waterfall": "in" written for "into"
        }
        String owner = split < 0 && rest.size() > 2 ? aspectOwner(rest, false) : null;
        if (owner != null && Vocabulary.BACKGROUND.contains(owner)) {   // "change the colour of the background"
            return new Parsed(EditCategory.BACKGROUND, foreground, "different " + headNoun(stripDeterminers(rest)) + " background",
                    List.of());
        }
        if (owner != null && !Vocabulary.isAttribute(rest.get(rest.size() - 1))) {   // "change the colour of the soccer ball"
            return new Parsed(EditCategory.LOCAL, owner, "different " + headNoun(stripDeterminers(rest)) + " " + owner, List.of());
        }
        List<String> named = stripDeterminers(rest);
        int at = firstLocation(named);
        if (split < 0 && at < named.size() - 1 && at > 0 && !inPlace(named.subList(at, named.size()))
                && !Vocabulary.isAttribute(named.get(named.size() - 1))) {   // "change the text on the shirt": no value given
            String target = objectPhrase(rest);
            return new Parsed(EditCategory.LOCAL, target, "different " + target, List.of());
        }
        if (split < 0) {
            return make(rest, instruction, foreground);
        }
        List<String> x = rest.subList(0, split);
        List<String> y = rest.subList(split + 1, rest.size());
        List<String> newScene = phraseBeforeLocation(stripDeterminers(dropLike(y)));
        if (!x.isEmpty() && headNoun(x).equals("scene") && !newScene.isEmpty() && Vocabulary.isPlace(headNoun(newScene))) {
            return background(y, foreground);   // "change the scene to a busy harbour": one scene replaced by another
        }
        if (x.isEmpty() || wholeImagePrefix(x) == x.size() || isWholeImageAspect(x)
                || isWholeImageAspect(phraseBeforeLocation(stripDeterminers(x)))) {   // "the season from summer"
            return global(y, instruction);
        }
        List<String> bare = stripDeterminers(x);
        if (Vocabulary.BACKGROUND.contains(bare.get(0))) {
            return background(y, behind(bare, foreground));
        }
        if (bare.stream().allMatch(Vocabulary.GLOBAL_WORDS::contains) || namesTheImage(bare)) {
            return global(y, instruction);
        }
        boolean seasonal = bare.stream().anyMatch(Vocabulary.GLOBAL_WORDS::contains)
                && y.stream().anyMatch(Vocabulary.GLOBAL_WORDS::contains);
        if (seasonal && headNoun(phraseBeforeLocation(bare)).equals("sky")) {
            return global(y, instruction);   // "turn the daytime sky into a starry night": the time of day changes
        }
        if (scenesSwapped(bare, dropLike(y))) {
            return seasonal
                    ? global(y, instruction)   // "turn the summer landscape into a winter wonderland": the season changes
                    : new Parsed(EditCategory.BACKGROUND, foreground, join(stripThe(dropLike(y))), List.of());
        }
        owner = aspectOwner(bare, false);
        if (owner != null && Vocabulary.BACKGROUND.contains(owner)) {   // "change the colour of the backdrop to blue"
            return background(y, foreground);
        }
        if (owner != null) {
            return new Parsed(EditCategory.LOCAL, owner, join(dropLike(y)) + " " + owner, List.of());
        }
        Parsed placed = placedSubject(x, y, foreground);
        return placed != null ? placed : local(x, y, instruction);
    }

    /**
     * "change the people to be in a restaurant", "make the dog be in front of a white background": the object made to
     * be in a place or before a new backdrop is kept and the scene around it changes (BACKGROUND); null otherwise.
     */
    private static Parsed placedSubject(List<String> x, List<String> y, String foreground) {
        if (y.size() < 3 || !y.get(0).equals("be")) {
            return null;
        }
        List<String> where = y.subList(1, y.size());
        List<String> backdrop = Backdrops.after(where);
        if (backdrop == null && !inPlace(where)) {
            return null;
        }
        String target = x.size() == 1 && PRONOUNS_AND_IT.contains(x.get(0)) ? foreground : objectPhrase(x);
        return target.isEmpty() ? null : new Parsed(EditCategory.BACKGROUND, target,
                join(stripThe(backdrop != null ? backdrop : where.subList(1, where.size()))), List.of());
    }

    /**
     * "change the room so (that) it is / becomes / looks like a library" -> "change the room to a library": a result
     * clause on the changed object reads as its new value.
     */
    static List<String> soThat(List<String> rest) {
        int so = rest.indexOf("so");
        if (so < 1) {
            return rest;
        }
        int i = so + 1;
        if (i < rest.size() && rest.get(i).equals("that")) {
            i++;
        }
        if (i + 2 < rest.size() && Set.of("it", "they", "this", "he", "she").contains(rest.get(i))
                && Set.of("is", "are", "becomes", "become", "looks", "look", "resembles", "resemble").contains(rest.get(i + 1))) {
            int value = rest.get(i + 2).equals("like") && i + 3 < rest.size() ? i + 3 : i + 2;
            List<String> out = new ArrayList<>(rest.subList(0, so));
            out.add("to");
            out.addAll(rest.subList(value, rest.size()));
            return out;
        }
        return rest;
    }

    private static Parsed make(List<String> rest, String instruction, String foreground) {
        if (rest.size() > 3 && rest.get(rest.size() - 2).equals("in") && Vocabulary.ASPECTS.contains(rest.get(rest.size() - 1))) {
            rest = rest.subList(0, rest.size() - 2);
        }
        if (rest.size() > 2 && COLOUR_NOUNS.contains(rest.get(rest.size() - 1)) && Vocabulary.isAttribute(rest.get(rest.size() - 2))
                && !stripDeterminers(rest.subList(0, rest.size() - 2)).isEmpty()
                && rest.subList(1, rest.size()).stream().noneMatch(Set.of("a", "an", "with", "some")::contains)) {
            rest = rest.subList(0, rest.size() - 1);   // "make the tube purple colour": the colour is the value
        }
        int whole = wholeImagePrefix(rest);
        if (whole > 0 && whole < rest.size() && !Vocabulary.BACKGROUND.contains(rest.get(whole))) {   // not "the photo background"
            return global(rest.subList(whole, rest.size()), instruction);
        }
        if (Vocabulary.QUANTITIES.contains(rest.get(0)) && isAdjustment(rest)) {
            return global(rest, instruction);   // "make more brightness"
        }
        int to = indexOf(rest, Set.of("to", "like"));
        if (to >= 1 && to < rest.size() - 1 && isAspectPhrase(rest.subList(0, to))) {
            return change("make", rest, instruction, foreground);
        }
        int like = indexOf(rest, Set.of("look", "looks", "into", "seem", "appear", "like"));
        int acting = actionVerbAt(rest);
        if (acting >= 1 && acting < like) {
            like = -1;   // "make the cat turn its head to look right": the first verb is the action
        }
        if (like >= 1) {
            int k = like;
            while (k > 1 && Vocabulary.isAttribute(rest.get(k - 1)) && !stripDeterminers(rest.subList(0, k - 1)).isEmpty()) {
                k--;   // "make the leaves orange and red like autumn": the colours belong to the new look
            }
            return makeSplit(rest.subList(0, k), rest.subList(k, rest.size()), instruction, foreground);
        }
        int outOf = -1;
        for (int i = 1; i < rest.size() - 2; i++) {
            if ((rest.get(i).equals("out") || rest.get(i).equals("made")) && rest.get(i + 1).equals("of")) {
                outOf = i;
                break;
            }
        }
        if (outOf >= 1) {
            return makeSplit(rest.subList(0, outOf), rest.subList(outOf + 2, rest.size()), instruction, foreground);
        }
        int action = actionVerbAt(rest);
        if (action >= 1) {
            Parsed p = makeSplit(rest.subList(0, action), rest.subList(action, rest.size()), instruction, foreground);
            String doing = p.target() + " " + gerund(rest.get(action))
                    + (action + 1 < rest.size() ? " " + join(rest.subList(action + 1, rest.size())) : "");
            if (p.category() == EditCategory.LOCAL && inPlace(rest.subList(action + 1, rest.size()))) {
                return new Parsed(EditCategory.BACKGROUND, p.target(), doing, List.of());   // "make the dog sit on the moon"
            }
            return p.category() != EditCategory.LOCAL ? p : new Parsed(EditCategory.LOCAL, p.target(), doing, List.of());
        }
        int predicate = predicateStart(rest);
        if (predicate >= 1 && !Vocabulary.ATTRIBUTES.contains(rest.get(rest.size() - 1))) {
            Parsed p = makeSplit(rest.subList(0, predicate), rest.subList(predicate, rest.size()), instruction, foreground);
            String state = join(rest.subList(predicate, rest.size()));
            if (p.category() == EditCategory.BACKGROUND) {
                return new Parsed(EditCategory.BACKGROUND, p.target(), "a background " + state, List.of());
            }
            return p.category() != EditCategory.LOCAL ? p : new Parsed(EditCategory.LOCAL, p.target(), p.target() + " " + state,
                    List.of());
        }
        Parsed moved = subjectElsewhere(rest, foreground);
        if (moved != null) {
            return moved;
        }
        for (int i = 2; i < rest.size() - 1; i++) {
            if (Set.of("his", "her", "its", "their").contains(rest.get(i)) && OBJECT_STARTERS.contains(rest.get(0))) {
                return makeSplit(rest.subList(0, i - 1), rest.subList(i - 1, rest.size()), instruction, foreground);
            }
        }
        for (int i = 1; i < rest.size() - 1; i++) {
            if (rest.get(i).equals("a") || rest.get(i).equals("an")) {
                return makeSplit(rest.subList(0, i), rest.subList(i, rest.size()), instruction, foreground);
            }
        }
        int with = rest.indexOf("with");
        if (with >= 2 && with < rest.size() - 1) {   // "make the saucer dark blue with white dots"
            int k = with;
            while (k > 1 && Vocabulary.isAttribute(rest.get(k - 1)) && !stripDeterminers(rest.subList(0, k - 1)).isEmpty()) {
                k--;
            }
            if (k < with) {
                return makeSplit(rest.subList(0, k), rest.subList(k, rest.size()), instruction, foreground);
            }
        }
        int j = rest.size();
        while (j > 1 && Vocabulary.isAttribute(rest.get(j - 1)) && !stripDeterminers(rest.subList(0, j - 1)).isEmpty()
                && !(j < rest.size() && Vocabulary.MATERIAL_NOUNS.contains(rest.get(j - 1)))) {
            j--;
        }
        if (j == rest.size()) {
            j = rest.size() - 1;
        }
        if (j < 1) {
            throw notUnderstood(instruction, "it does not say what to change and how");
        }
        return makeSplit(rest.subList(0, j), rest.subList(j, rest.size()), instruction, foreground);
    }

    /**
     * "make the hedgehog in Italy": the subject placed elsewhere, a BACKGROUND edit. Not when the
     * phrase ends in an attribute ("make the dog in the photo bigger") or names the image.
     */
    private static Parsed subjectElsewhere(List<String> rest, String foreground) {
        int at = indexOf(rest, Set.of("in", "on", "at", "inside"));
        if (at < 1 || at == rest.size() - 1 || Vocabulary.ATTRIBUTES.contains(rest.get(rest.size() - 1))
                || Vocabulary.ACTION_VERBS.contains(rest.get(rest.size() - 1))) {   // "make the boy in the red shirt wave"
            return null;
        }
        List<String> place = rest.subList(at + 1, rest.size());
        if (place.stream().anyMatch(w -> Vocabulary.WHOLE_IMAGE.contains(w) || Vocabulary.BACKGROUND.contains(w))) {
            return null;
        }
        List<String> subject = rest.subList(0, at);
        if (subject.stream().anyMatch(Vocabulary.BACKGROUND::contains)) {
            return null;   // "make the background a beach at sunset"
        }
        String target = subject.size() == 1 && (PRONOUNS.contains(subject.get(0)) || subject.get(0).equals("it"))
                ? foreground : objectPhrase(subject);
        return target.isEmpty() ? null : new Parsed(EditCategory.BACKGROUND, target, join(stripThe(place)), List.of());
    }

    /**
     * Where a predicate of state starts after the object: a participle or a predicative adjective
     * followed by a preposition ("the building COVERED in scaffolding", "the tree FULL of cherries",
     * "the box filled with toys"); -1 when there is none. Not the first word.
     */
    static int predicateStart(List<String> w) {
        for (int i = 1; i < w.size() - 1; i++) {
            if ((isParticiple(w.get(i)) || Vocabulary.PREDICATIVE.contains(w.get(i))) && PREDICATE_LINKS.contains(w.get(i + 1))
                    && !stripDeterminers(w.subList(0, i)).isEmpty() && !OBJECT_STARTERS.contains(w.get(i - 1))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * "make / let / have the man HOLD an umbrella": the index of a bodily action verb after a
     * definite object phrase, followed by more words; -1 when there is none. (With nothing after it,
     * "let the cat jump", the general "make X Y" split already finds it.)
     */
    static int actionVerbAt(List<String> w) {
        if (w.size() < 4 || !OBJECT_STARTERS.contains(w.get(0))) {
            return -1;
        }
        for (int i = 2; i < w.size() - 1; i++) {
            if (Vocabulary.ACTION_VERBS.contains(w.get(i)) && !OBJECT_STARTERS.contains(w.get(i - 1))) {
                return i;   // "make the person (in the middle) WEAR glasses"
            }
        }
        return -1;
    }

    /** "hold" -> "holding", "ride" -> "riding", "sit" -> "sitting" (regular forms only). */
    static String gerund(String verb) {
        int n = verb.length();
        if (verb.endsWith("ie")) {
            return verb.substring(0, n - 2) + "ying";
        }
        if (verb.endsWith("e") && !verb.endsWith("ee") && n > 2) {
            return verb.substring(0, n - 1) + "ing";
        }
        boolean cvc = n == 3 && "aeiou".indexOf(verb.charAt(0)) < 0 && "aeiou".indexOf(verb.charAt(1)) >= 0
                && "aeiouwxy".indexOf(verb.charAt(2)) < 0;
        return cvc ? verb + verb.charAt(2) + "ing" : verb + "ing";
    }

    private static final Set<String> PREDICATE_LINKS = Set.of("in", "with", "of", "by", "under", "from", "into");

    /** "the colour of the car", "the time of day", "the cat's pose": a phrase naming an aspect, not an object. */
    static boolean isAspectPhrase(List<String> x) {
        return !stripDeterminers(x).isEmpty() && (isWholeImageAspect(x) || aspectOwner(x, true) != null);
    }

    /**
     * The object whose aspect {@code x} names: "the material of the rabbit", "the cat's pose" ->
     * "rabbit", "cat"; null when {@code x} names no aspect. With {@code possessive}, the form "X
     * ASPECT" needs "X's" ("the lamp shade" stays an object).
     */
    static String aspectOwner(List<String> x, boolean possessive) {
        List<String> bare = stripDeterminers(x);
        int of = bare.indexOf("of");
        if ((of == 1 || of == 2 || conjoinedAspects(bare, of)) && bare.size() > of + 1
                && (Vocabulary.ASPECTS.contains(bare.get(of - 1)) || Vocabulary.OWNED_STYLES.contains(bare.get(of - 1)))) {
            String t = objectPhrase(bare.subList(of + 1, bare.size()));   // "the colour of X", "the coat colour of X"
            return t.isEmpty() ? null : t;
        }
        List<String> named = phraseBeforeLocation(bare);
        int n = named.size();
        boolean owned = n > 1 && named.get(n - 2).endsWith("'s");
        if (n > 1 && (Vocabulary.ASPECTS.contains(named.get(n - 1)) && (!possessive || owned)
                || owned && Vocabulary.OWNED_STYLES.contains(named.get(n - 1)))) {
            String t = objectPhrase(named.subList(0, n - 1)).replaceAll("'s$", "");
            return t.isEmpty() ? null : t;
        }
        return null;
    }

    private static final Set<String> COLOUR_NOUNS = Set.of("color", "colour", "colored", "coloured", "shade", "hue", "tone");

    /** "the colours and style of X", "the size, shape and colour of X": aspects joined by "and" before "of". */
    private static boolean conjoinedAspects(List<String> bare, int of) {
        return of > 2 && bare.subList(0, of).contains("and") && bare.subList(0, of).stream().allMatch(a -> a.equals("and")
                || Vocabulary.ASPECTS.contains(a) || Vocabulary.OWNED_STYLES.contains(a));
    }

    /** "make X Y" once X and Y are known. */
    static Parsed makeSplit(List<String> x, List<String> y, String instruction, String foreground) {
        if (x.size() > 1 && DEGREE_WORDS.contains(x.get(x.size() - 1))) {   // "make the colours more vivid"
            List<String> moved = new ArrayList<>(x.subList(x.size() - 1, x.size()));
            moved.addAll(y);
            return makeSplit(x.subList(0, x.size() - 1), moved, instruction, foreground);
        }
        List<String> yy = dropLike(y);
        if (yy.isEmpty()) {
            throw notUnderstood(instruction, "it does not say what the result should look like");
        }
        if (x.size() == 1 && Set.of("her", "him", "them").contains(x.get(0))) {
            return local(x, y, instruction);   // "make her wave": "her" is a person, not a possessive
        }
        if (x.isEmpty() || wholeImagePrefix(x) == x.size() || isWholeImageAspect(x)) {
            return global(yy, instruction);
        }
        List<String> bare = stripDeterminers(x);
        if (!bare.isEmpty() && (Vocabulary.BACKGROUND.contains(bare.get(0))
                || Vocabulary.BACKGROUND.contains(headNoun(phraseBeforeLocation(bare)))   // "the sky background"
                || Vocabulary.BACKGROUND.contains(String.valueOf(aspectOwner(bare, false))))) {   // "the colour of the backdrop"
            return hasArticle(yy) ? background(yy, foreground)
                    : new Parsed(EditCategory.BACKGROUND, foreground, join(yy) + " background", List.of());
        }
        if (scenesSwapped(bare, yy)) {
            return new Parsed(EditCategory.BACKGROUND, foreground, join(stripThe(yy)), List.of());   // "make the ground a forest"
        }
        Parsed placed = placedSubject(x, y, foreground);
        return placed != null ? placed : local(x, yy, instruction);
    }

    private static Parsed local(List<String> x, List<String> y, String instruction) {
        String owner = aspectOwner(x, true);
        String target = owner != null ? owner : objectPhrase(x);
        if (x.size() == 1 && PRONOUNS.contains(x.get(0))) {
            target = "person";
        }
        if (target.isEmpty()) {
            throw notUnderstood(instruction, "it does not say which object to change");
        }
        List<String> yy = dropLike(y);
        if (target.equals("sun") && yy.size() == 1 && SUN_MOTIONS.contains(yy.get(0))) {   // "have the sun rise": time of day
            return new Parsed(EditCategory.GLOBAL, "", yy.get(0).startsWith("ris") ? "sunrise" : "sunset", List.of());
        }
        if (yy.size() == 1 && Vocabulary.ACTION_VERBS.contains(yy.get(0))) {
            return new Parsed(EditCategory.LOCAL, target, gerund(yy.get(0)) + " " + target, List.of());   // "make the horse run"
        }
        String caption = hasArticle(yy) || !yy.stream().allMatch(Vocabulary::isAttribute)
                ? join(stripThe(yy)) : join(yy).replace("smile", "smiling") + " " + withoutAttributes(target);
        return new Parsed(EditCategory.LOCAL, target, caption, List.of());
    }

    private static final Set<String> SUN_MOTIONS = Set.of("rise", "rising", "set", "setting", "sink", "sinking");

    /** "old wooden chair" -> "chair": the attributes the edit replaces are dropped from the caption. */
    private static String withoutAttributes(String target) {
        List<String> w = new ArrayList<>(List.of(target.split(" ")));
        w.removeIf(Vocabulary.ATTRIBUTES::contains);
        return w.isEmpty() ? target : join(w);
    }

    static Parsed background(List<String> y, String foreground) {
        List<String> yy = dropLike(y);
        return new Parsed(EditCategory.BACKGROUND, foreground, join(stripThe(yy)), List.of());
    }

    static Parsed global(List<String> y, String instruction) {
        List<String> yy = stripThe(dropLike(y));
        if (yy.isEmpty()) {
            throw notUnderstood(instruction, "it does not say how the image should change");
        }
        return new Parsed(EditCategory.GLOBAL, "", join(yy), List.of());
    }

    /** Words that describe the image as a whole, not a picture in it: "the NATURAL image", "the ORIGINAL photo". */
    private static final Set<String> IMAGE_ADJECTIVES = Set.of("natural", "original", "current", "given", "input", "source",
            "real", "uploaded");

    /** Number of leading words that name the whole image ("it", "the whole image", "this photo"), else 0. */
    static int wholeImagePrefix(List<String> w) {
        int i = 0;
        while (i < w.size() && (Set.of("the", "this", "whole", "entire", "my", "our", "your", "a", "an").contains(w.get(i))
                || i > 0 && IMAGE_ADJECTIVES.contains(w.get(i)))) {   // "the natural image", "this original photo"
            i++;
        }
        if (i < w.size() && Set.of("it", "everything", "image", "photo", "picture", "scene", "photograph", "pic", "shot")
                .contains(w.get(i))) {
            return i + 1;
        }
        return i > 0 && i == w.size() && w.get(i - 1).equals("this") ? i : 0;
    }

    /** "the style", "the season of the photo", "the time of day", "the lighting"... */
    static boolean isWholeImageAspect(List<String> x) {
        List<String> bare = stripDeterminers(x);
        int lead = 0;
        while (lead < bare.size() - 1 && Vocabulary.IMAGE_WORDS.contains(bare.get(lead))) {
            lead++;   // "the image contrast", "the overall brightness"
        }
        bare = bare.subList(lead, bare.size());
        if (bare.isEmpty() || Vocabulary.WHOLE_IMAGE.contains(join(bare))) {
            return true;
        }
        int of = bare.indexOf("of");
        int head = 0;
        while (of > 0 && head < of - 1 && Set.of("color", "colour", "light", "lighting").contains(bare.get(head))) {
            head++;   // "the overall color tone of the picture": a tone of the image
        }
        if (of <= 0 || !Vocabulary.WHOLE_IMAGE.contains(join(bare.subList(head, of)))) {
            return false;
        }
        List<String> owner = bare.subList(of + 1, bare.size());
        return wholeImagePrefix(owner) == owner.size();
    }

    private static boolean wholeImageOrNothing(List<String> where) {
        if (where.isEmpty()) {
            return true;
        }
        List<String> rest = where.subList(1, where.size());
        return wholeImagePrefix(rest) == rest.size() && !rest.isEmpty() || rest.equals(List.of("everything"));
    }

    /** The object named by {@code w}: determiners dropped, the location phrase cut. */
    static String objectPhrase(List<String> w) {
        return cutClauses(phraseBeforeLocation(stripDeterminers(w)));
    }

    /** {@code w} up to its first location or relative word ("dog on the sofa", "dog that sits" -> "dog"). */
    static List<String> phraseBeforeLocation(List<String> w) {
        return w.subList(0, firstLocation(w));
    }

    /**
     * Cuts a participle clause after the noun: "car parked", "man wearing a hat" -> "car", "man".
     * A participle is a word (not the first) ending in -ing or -ed, or an irregular one ("worn"),
     * that ends the phrase or is followed by a determiner, numeral or adverb; one followed by a noun
     * stays ("old rusted car"), as do nouns such as "building" or "earring".
     */
    static String cutClauses(List<String> w) {
        int than = w.indexOf("than");
        if (than >= 2) {   // "a puppy far smaller than the dog": a comparison after the noun describes it
            int k = than - 1;
            while (k > 1 && COMPARISON_DEGREES.contains(w.get(k - 1))) {
                k--;
            }
            if (k >= 1) {
                return cutClauses(w.subList(0, k));
            }
        }
        for (int i = 1; i < w.size(); i++) {
            if (w.get(i).equals("as") && i + 2 < w.size() && w.get(i + 2).equals("as")) {
                return join(w.subList(0, i));   // "a bird as big as the cat": an equal comparison describes it
            }
            if (w.get(i).equals("with") || Vocabulary.SPEECH_PARTICIPLES.contains(w.get(i)) && i < w.size() - 1) {
                return join(w.subList(0, i));
            }
            if (isParticiple(w.get(i)) && (i == w.size() - 1 || opensClause(w.get(i + 1)))
                    || Vocabulary.CLAUSE_PARTICIPLES.contains(w.get(i)) || Vocabulary.DEGREE_ADVERBS.contains(w.get(i))) {
                return join(w.subList(0, i));
            }
            if (Vocabulary.PREDICATIVE.contains(w.get(i)) && i < w.size() - 1 && PREDICATE_LINKS.contains(w.get(i + 1))) {
                return join(w.subList(0, i));
            }
        }
        return join(w);
    }

    /** Degree words before a comparative after the noun: "FAR smaller than", "A BIT taller than". */
    private static final Set<String> COMPARISON_DEGREES = Set.of("far", "much", "way", "a", "bit", "little", "lot", "slightly",
            "even", "somewhat", "considerably", "significantly", "no", "any");

    static boolean isParticiple(String word) {
        if (Vocabulary.NOT_PARTICIPLES.contains(word) || word.contains("'")) {
            return false;
        }
        return Vocabulary.IRREGULAR_PARTICIPLES.contains(word) || word.length() >= 5 && word.endsWith("ing")
                || word.length() >= 5 && word.endsWith("ed") && !word.endsWith("eed");
    }

    private static boolean opensClause(String next) {
        return Vocabulary.DETERMINERS.contains(next) || Vocabulary.LOCATION_WORDS.contains(next) || next.endsWith("ly")
                || next.chars().allMatch(Character::isDigit) || Set.of("here", "there", "nearby", "alone", "together",
                        "up", "down", "away", "back", "around", "two", "three", "four", "five", "with").contains(next);
    }

    /** A word that places an object ("on", "behind"), not one that describes it ("in", "with"). */
    static boolean isLocation(String word) {
        return Vocabulary.LOCATION_WORDS.contains(word) && !Set.of("in", "with", "that", "which", "who", "so").contains(word);
    }

    /** A relative pronoun fused with "is" or "are": "the ox THAT'S standing", "the men WHO'RE sitting". */
    private static final Set<String> RELATIVE_CONTRACTIONS = Set.of("that's", "who's", "which's", "that're", "who're");

    static int firstLocation(List<String> w) {
        for (int i = 1; i < w.size(); i++) {
            if (Vocabulary.LOCATION_WORDS.contains(w.get(i)) || RELATIVE_CONTRACTIONS.contains(w.get(i)) || i < w.size() - 1 && OBJECT_STARTERS.contains(w.get(i + 1))
                    && Vocabulary.isMisspeltPreposition(w.get(i))) {
                return i;
            }
        }
        return w.size();
    }

    static List<String> stripDeterminers(List<String> w) {
        int i = 0;
        while (i < w.size() - 1 && (Vocabulary.DETERMINERS.contains(w.get(i))
                || i < w.size() - 2 && QUANTITY_NOUNS.contains(w.get(i)) && w.get(i + 1).equals("of"))) {
            i++;   // "a lot of balloons", "a couple of ducks": quantifiers, not containers
        }
        if (i == w.size() - 1 && Vocabulary.DETERMINERS.contains(w.get(i)) && !w.get(i).equals("one")) {
            i++;
        }
        return w.subList(i, w.size());
    }

    static List<String> stripThe(List<String> w) {
        int i = 0;
        while (i < w.size() - 1 && Set.of("the", "this", "that").contains(w.get(i))) {
            i++;
        }
        return w.subList(i, w.size());
    }

    static List<String> dropLike(List<String> w) {
        int i = 0;
        while (i < w.size() - 1 && LIKE_WORDS.contains(w.get(i))) {
            i++;
        }
        return w.subList(i, w.size());
    }

    private static String caption(List<String> obj) {
        return join(stripThe(obj));
    }

    private static boolean hasArticle(List<String> w) {
        return !w.isEmpty() && Set.of("a", "an", "some", "the").contains(w.get(0));
    }

    private static int indexOf(List<String> w, Set<String> words) {
        for (int i = 0; i < w.size(); i++) {
            if (words.contains(w.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> cutAt(List<String> w, Set<String> stop) {
        int i = indexOf(w, stop);
        return i > 0 ? w.subList(0, i) : w;
    }

    static String join(List<String> w) {
        return String.join(" ", w);
    }

    static InvalidInputException notUnderstood(String instruction, String why) {
        return new UnsupportedEditException(null, "the offline instructor could not understand \"" + instruction + "\" (" + why
                + "); expected an instruction such as \"remove the dog\", \"add a hat on the left\", \"replace the cat with a "
                + "tiger\", \"make the car red\", \"change the background to a beach\" or \"make it winter\"",
                UnsupportedEditException.Remedy.LANGUAGE_MODEL, "or plan with an instructor backed by a language model "
                        + "(OpenAiInstructor)");
    }
}
