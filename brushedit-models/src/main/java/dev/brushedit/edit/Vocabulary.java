package dev.brushedit.edit;

import java.util.List;
import java.util.Set;

/** Word lists of the offline instructor's grammar. Thread-safety: constants. */
final class Vocabulary {
    private Vocabulary() {}

    /** Courtesy phrases dropped from the start of an instruction (longest first). */
    static final List<String> POLITE_PREFIXES = List.of(
            "would you be so kind as to", "would you mind", "could you please", "can you please", "would you please",
            "will you please", "is it possible to", "would it be possible to", "is there a way to", "how about",
            "what about", "i would like you to", "i'd like you to", "i want you to", "i need you to",
            "i would like to", "i'd like to", "i want to", "i need to", "we should", "we need to", "we must",
            "let us", "you must", "you need to", "help me", "go ahead and", "try to",
            "could you", "can you", "would you", "will you", "you should", "please", "kindly", "just", "now", "then",
            "hey", "ok", "okay", "let's", "lets", "simply", "also", "and", "can we please", "could we please", "can we",
            "could we");

    /** Courtesy phrases dropped from the end. */
    static final List<String> POLITE_SUFFIXES = List.of("thank you very much", "thank you", "thanks", "please",
            "for me", "if you can", "if possible", "now", "too", "as well");

    /** Determiners and quantifiers dropped from the start of a target object. */
    static final Set<String> DETERMINERS = Set.of("the", "a", "an", "all", "both", "every", "each", "some", "any",
            "this", "that", "these", "those", "my", "his", "her", "their", "its", "our", "your", "one", "several", "many", "few", "of", "other", "another", "entire", "whole", "teh", "hte");

    /** Words that end a target object phrase: the location phrase after them is dropped. */
    static final Set<String> LOCATION_WORDS = Set.of("from", "in", "on", "at", "near", "next", "beside", "behind",
            "under", "underneath", "above", "below", "off", "out", "inside", "outside", "onto", "into", "over", "between",
            "by", "across", "along", "around", "atop", "against", "to", "toward", "towards", "that", "which", "who", "so",
            "beneath", "among", "amongst", "amid", "within", "beyond", "upon", "alongside", "through");

    /** Phrases meaning the whole image. */
    static final Set<String> WHOLE_IMAGE = Set.of("it", "this", "everything", "image", "photo", "picture", "scene",
            "photograph", "pic", "shot", "whole thing", "whole image", "whole photo", "whole picture", "whole scene",
            "entire image", "entire photo", "entire picture", "entire scene", "style", "art style", "season", "weather",
            "time of day", "time", "lighting", "light", "mood", "atmosphere", "look", "overall look", "color scheme",
            "colour scheme", "colors", "colours", "image style", "photo style", "painting style", "filter", "tone",
            "brightness", "contrast", "saturation", "exposure", "sharpness", "white balance", "colour balance",
            "color balance", "vibrance", "illumination", "time of year", "era", "time period", "period", "decade",
            "century", "climate", "color grading", "colour grading", "color temperature", "colour temperature", "daylight",
            "vibe", "ambience", "ambiance", "aesthetic", "theme", "hour", "hour of day", "sky condition", "sky conditions",
            "warmth", "vibrancy", "clarity", "shadows", "highlights", "colour cast", "color cast");

    /**
     * Image-wide adjustments named as nouns: "add dramatic lighting", "add more contrast" and "make
     * more brightness" adjust the whole image.
     */
    static final Set<String> ADJUSTMENTS = Set.of("lighting", "light", "brightness", "contrast", "saturation", "exposure",
            "sharpness", "vibrance", "warmth", "illumination", "clarity", "glare", "highlights", "color", "colour", "colors",
            "colours", "tones", "detail", "details", "definition", "luminosity", "radiance", "sunlight", "daylight");

    /** Quantity words before an adjustment noun: "MORE contrast", "LESS light". */
    static final Set<String> QUANTITIES = Set.of("more", "less", "extra", "some", "much", "additional", "a", "bit", "of",
            "little", "lot", "lots", "higher", "lower", "increased", "reduced", "stronger", "softer", "better");

    /** Leading words that name the image in an aspect phrase: "the IMAGE contrast", "the OVERALL brightness". */
    static final Set<String> IMAGE_WORDS = Set.of("image", "photo", "picture", "photograph", "overall", "general",
            "global", "image's", "photo's", "picture's", "scene", "scene's");

    /** Words naming the background. */
    static final Set<String> BACKGROUND = Set.of("background", "view", "backdrop", "scenery", "setting", "surroundings",
            "environment", "location", "bg", "backgound", "backround", "bakground");

    /** Scenes: a PUT whose location names one moves the subject there (a BACKGROUND edit). */
    static final Set<String> SCENES = Set.of("beach", "forest", "city", "street", "desert", "mountain", "mountains",
            "space", "ocean", "sea", "field", "park", "jungle", "studio", "garden", "lake", "river", "snow", "meadow",
            "moon", "mars", "underwater", "castle", "cityscape", "countryside", "farm", "island", "volcano", "waterfall",
            "library", "kitchen", "office", "classroom", "stage", "savanna", "glacier", "cave", "sunset", "galaxy");

    /** Words that alone signal a whole-image change (season, weather, time of day, style). */
    static final Set<String> GLOBAL_WORDS = Set.of("winter", "summer", "autumn", "fall", "spring", "snowy", "rainy",
            "foggy", "misty", "stormy", "sunny", "cloudy", "night", "nighttime", "night-time", "day", "daytime", "dusk",
            "dawn", "sunset", "sunrise", "evening", "morning", "noon", "midnight", "twilight", "painting", "watercolor",
            "watercolour", "sketch", "cartoon", "anime", "pixel", "oil", "impressionist", "cyberpunk", "vintage", "retro",
            "sepia", "monochrome", "grayscale", "greyscale", "black-and-white", "noir", "style", "van", "gogh", "monet",
            "picasso", "ghibli", "pencil", "comic", "pop", "surreal", "fantasy", "steampunk", "futuristic", "baroque",
            "cinematic", "hdr", "filter", "lomo", "polaroid", "halloween", "christmas", "spooky", "dreamy", "golden");

    /** Attributes that can follow the object in "make X ATTRIBUTE": colours, materials, states, sizes. */
    static final Set<String> ATTRIBUTES = Set.of("red", "blue", "green", "yellow", "orange", "purple", "pink", "black",
            "white", "gray", "grey", "brown", "gold", "golden", "silver", "beige", "cyan", "magenta", "turquoise",
            "violet", "navy", "teal", "maroon", "blonde", "blond", "dark", "light", "bright", "pale", "colorful",
            "colourful", "wooden", "metal", "metallic", "glass", "plastic", "stone", "marble", "steel", "leather",
            "transparent", "shiny", "matte", "rusty", "old", "new", "young", "older", "younger", "bigger", "smaller",
            "larger", "taller", "shorter", "longer", "big", "small", "large", "tall", "short", "long", "happy", "sad",
            "angry", "smiling", "happier", "sadder", "wet", "dry", "clean", "dirty", "shinier", "brighter", "darker",
            "snowy", "frozen", "burning", "glowing", "neon", "striped", "spotted", "polka-dot", "checkered", "furry",
            "fluffy", "curly", "straight", "bald", "wrinkled", "muscular", "thin", "fat", "wide", "broken", "ripe",
            "rotten", "crystal", "icy", "fiery", "pastel", "vibrant", "blurry", "blurred", "sharp", "realistic", "cute",
            "scary", "modern", "ancient", "elegant", "and", "more", "less", "very", "slightly", "much", "bit", "too",
            "lighter", "redder", "greener", "bluer", "smile", "colored", "coloured", "red-haired", "grey-haired",
            "gray-haired", "open", "closed", "blooming", "bare", "leafless", "empty", "full", "hairy", "bearded", "clear",
            "cloudy", "foggy", "stormy", "sunny", "rainy", "messy", "tidy", "dusty", "shabby", "fancy", "tiny", "huge",
            "giant", "fresh", "wilted", "melted", "ruined", "abandoned", "rainbow", "translucent", "opaque", "glossy", "moody", "gloomy",
            "dreamy", "cozy",
            "warm", "cold", "cool", "soft", "harsh", "dramatic", "warmer", "cooler", "colder", "softer", "eerie", "spooky",
            "creepy", "magical");

    /** Head nouns of an added thing that make the addition a whole-image edit, wherever it is applied. */
    static final Set<String> STYLE_NOUNS = Set.of("style", "styles", "effect", "effects", "filter", "filters", "look",
            "aesthetic", "tone", "tones", "vibe", "feel", "finish", "theme", "atmosphere", "mood", "ambience", "ambiance");

    /** Places: a scene turned into another scene ("turn the kitchen into a meadow") is a background edit. */
    static final Set<String> PLACES = union(SCENES, Set.of("harbour", "harbor", "port", "marina", "room", "bedroom",
            "bathroom", "hall", "hallway", "corridor", "street", "road", "alley", "village", "town", "valley", "hill",
            "hills", "plain", "plains", "prairie", "swamp", "marsh", "canyon", "arctic", "tundra", "shore", "coast",
            "bay", "lagoon", "stadium", "market", "restaurant", "cafe", "church", "temple", "palace", "mall", "station",
            "airport", "highway", "square", "plaza", "courtyard", "yard", "backyard", "lawn", "orchard", "vineyard",
            "woods", "woodland", "rainforest", "seaside", "skyline", "downtown", "suburb", "neighborhood",
            "neighbourhood", "ruins", "wasteland", "battlefield", "dungeon", "attic", "basement", "garage", "warehouse",
            "factory", "gym", "hospital", "school", "museum", "theater", "theatre", "arena", "barn", "ranch", "pasture",
            "grassland", "dune", "dunes", "oasis", "reef", "metropolis", "landscape", "bar", "pub",
            "playground", "courtroom", "cathedral", "spaceship", "ship", "harbourfront", "waterfront", "ground", "slope",
            "terrain", "surface", "party", "concert", "festival", "wedding", "parade", "ceremony", "carnival", "fair",
            "banquet", "ballroom", "nightclub", "club", "track", "racetrack", "runway", "pier", "dock", "rooftop", "hotel",
            "lobby", "interior", "lounge", "apartment", "cafeteria", "diner", "bakery"));

    /** Aspects of an object: "change the cat's pose / the colour of the car from A to B" changes the object. */
    static final Set<String> ASPECTS = Set.of("color", "colour", "colors", "colours", "shade", "pose", "posture",
            "movement", "motion", "action", "expression", "gesture", "position", "shape", "texture", "material",
            "size", "appearance", "state", "emotion", "pattern", "hue", "tint", "coat", "finish", "makeover", "poses",
            "movements", "motions", "actions", "expressions", "gestures", "shapes", "textures", "materials", "patterns",
            "emotions", "hues");

    /**
     * Participles that open a clause describing the object whatever follows ("a man wearing glasses",
     * "two cats sitting face-to-face", "the horse using bricks"): cut from the target.
     */
    static final Set<String> CLAUSE_PARTICIPLES = Set.of("wearing", "holding", "carrying", "sitting", "standing",
            "lying", "using", "operating", "riding", "eating", "drinking", "reading", "facing", "hugging", "playing",
            "looking", "leaning", "resting", "waving", "smiling", "showing", "having", "wielding", "grasping");

    /** Degree adverbs that may follow the object ("make the chair entirely of glass"): cut from the target. */
    static final Set<String> DEGREE_ADVERBS = Set.of("entirely", "completely", "fully", "totally", "wholly", "partly",
            "partially", "mostly", "slightly", "instead", "too", "also", "again");

    /** Body parts: moving one that an owner has ("the man's arm", "her head") changes a pose. */
    static final Set<String> BODY_PARTS = Set.of("arm", "arms", "hand", "hands", "leg", "legs", "head", "foot",
            "feet", "finger", "fingers", "chin", "eyebrow", "eyebrows", "paw", "paws", "tail", "wing", "wings", "shoulder",
            "shoulders", "knee", "knees", "elbow", "elbows", "face", "ears", "ear");

    /** "the woman's left arm", "his head": an object phrase ending in a body part with an owner. */
    static boolean isOwnedBodyPart(List<String> phrase) {
        return !phrase.isEmpty() && BODY_PARTS.contains(phrase.get(phrase.size() - 1))
                && phrase.stream().anyMatch(w -> w.endsWith("'s") || Set.of("his", "her", "their", "its").contains(w));
    }

    /** True for a place noun: one of {@link #PLACES}, or a compound in -land ("snowland", "farmland"). */
    static boolean isPlace(String word) {
        return PLACES.contains(word) || word.length() >= 7 && word.endsWith("land");
    }

    /**
     * Bodily actions a causative asks of an object ("let the man HOLD an umbrella", "have the dog
     * WEAR a hat"): the object before the verb is the target.
     */
    static final Set<String> ACTION_VERBS = Set.of("hold", "wear", "sit", "stand", "jump", "run", "walk", "wave", "raise",
            "lift", "look", "eat", "drink", "read", "play", "sleep", "lie", "ride", "carry", "dance", "sing", "fly", "swim",
            "kneel", "hug", "kiss", "point", "laugh", "cry", "open", "close", "throw", "catch", "kick", "climb", "lean",
            "bow", "face", "reach", "grab", "touch", "chase", "bite", "lick", "push", "pull", "stretch", "yawn", "shake",
            "nod", "clap", "frown", "wink", "blink", "squat", "crouch", "lay", "rest", "hide", "peek", "turn", "spread",
            "cross", "fold", "smell", "sniff", "watch", "stare", "drive", "paddle", "hop", "crawl", "roll", "wag", "show", "display", "press",
            "type", "write", "hit", "bend", "flow", "float", "spin", "melt", "sail", "graze", "stroll", "perch", "wander", "dive",
            "surf", "skate", "ski", "hike", "pose", "gallop", "steam");

    /** Words naming how an object is made or styled, owned in "the style / design of X". */
    static final Set<String> OWNED_STYLES = Set.of("style", "design", "look", "breed", "fabric", "species", "type");

    /**
     * An attribute in "make X ATTRIBUTE": one of {@link #ATTRIBUTES}, or a word shaped like an
     * adjective or participle ("-ful", "-ous", "-ive", "-less", "-ish", "-ier", "-est", or "-ed" of
     * five letters or more that is not a noun such as "bed"): "make the house abandoned", "make the
     * vase shinier", "make the water crystal clear" ("clear" is listed).
     */
    static boolean isAttribute(String word) {
        if (ATTRIBUTES.contains(word)) {
            return true;
        }
        if (word.length() < 5 || NOT_PARTICIPLES.contains(word)) {
            return false;
        }
        for (String suffix : List.of("ful", "ous", "ive", "less", "ish", "ier", "est")) {
            if (word.endsWith(suffix)) {
                return !Set.of("forest", "chest", "nest", "vest", "guest", "quest", "west", "east", "crest", "olive",
                        "relative", "detective", "locomotive", "dish", "fish", "radish", "polish", "mousse", "house",
                        "blouse", "mouse", "spouse", "mousseless").contains(word);
            }
        }
        return word.endsWith("ed") && !word.endsWith("eed");
    }

    /**
     * Materials that are also nouns: before another attribute they head a compound ("the wine GLASS full",
     * "the stone wall mossy"), so "make X ATTRIBUTE" does not take them as the new look. Not "crystal",
     * "gold" or "silver", which also qualify colours ("crystal clear", "silver grey").
     */
    static final Set<String> MATERIAL_NOUNS = Set.of("glass", "stone", "metal", "marble", "steel", "leather", "plastic",
            "wood");

    /** Sky objects that are places to stand on ("on the moon") but objects when replaced ("replace the full moon"). */
    static final Set<String> SKY_OBJECTS = Set.of("moon", "sun", "mars", "galaxy", "sunset");

    /** Adjectives that open a predicate of state with "of", "with" or "in" ("full of", "rich in"). */
    static final Set<String> PREDICATIVE = Set.of("full", "empty", "free", "devoid", "rich", "thick", "heavy", "laden",
            "packed", "crowded", "bare", "clear", "ready", "alive", "dripping", "awash", "aglow", "ablaze");

    /**
     * A misspelt preposition: a word of five letters or more, not itself a location word, one edit
     * (insertion, deletion, substitution or swap) from a location word of five letters or more
     * ("besides", "behing", "bellow"). The caller also requires an object phrase to follow, so a
     * noun one letter from a preposition ("ground", "udder") is not cut where it ends the phrase.
     */
    static boolean isMisspeltPreposition(String word) {
        if (word.length() == 4 && !LOCATION_WORDS.contains(word)) {   // "form the image": two letters swapped
            for (String p : LOCATION_WORDS) {
                if (p.length() == 4 && VerbLexicon.distance(word, p) == 1 && sorted(word).equals(sorted(p))) {
                    return true;
                }
            }
        }
        if (word.length() < 5 || LOCATION_WORDS.contains(word) || NOT_PREPOSITIONS.contains(word)) {
            return false;
        }
        for (String p : LOCATION_WORDS) {
            if (p.length() >= 5 && VerbLexicon.distance(word, p) == 1) {
                return true;
            }
        }
        return false;
    }

    private static String sorted(String w) {
        char[] c = w.toCharArray();
        java.util.Arrays.sort(c);
        return new String(c);
    }

    /** Words one letter from a preposition that are common in instructions before an object phrase. */
    private static final Set<String> NOT_PREPOSITIONS = Set.of("ground", "alone", "order", "udder", "wonder",
            "insider", "abode", "besieged");

    /** Nouns ending in -ing or -ed that are not participles ("the office building", "the flower bed"). */
    static final Set<String> NOT_PARTICIPLES = Set.of("building", "ceiling", "painting", "earring", "ring", "king",
            "wing", "string", "swing", "clothing", "railing", "awning", "drawing", "icing", "frosting", "lighting",
            "pudding", "wedding", "evening", "morning", "spring", "sibling", "duckling", "seedling", "dumpling",
            "stocking", "stuffing", "topping", "wrapping", "carving", "landing", "parking", "ending", "opening",
            "bedding", "fencing", "siding", "flooring", "sapling", "tiling", "setting", "sling", "thing", "something",
            "anything", "nothing", "everything", "darling", "filling", "wiring", "piping", "stitching", "lettering",
            "writing", "shading", "lining", "molding", "moulding", "trimming", "clearing", "crossing", "kitten", "sing",
            "flowerbed", "seabed", "riverbed", "hundred", "hatred", "naked", "wicked", "sacred", "rugged", "jagged",
            "crooked", "beloved", "blessed", "wretched", "ceilings", "buildings", "paintings", "earrings", "rings",
            "wings", "strings", "swings", "drawings", "stockings", "toppings", "dumplings", "things", "siblings");

    /**
     * Participles that name what a thing says or is called ("a sign SAYING stop", "a dog NAMED Rex"):
     * they open a clause whatever follows, so the words after them are never part of the object.
     */
    static final Set<String> SPEECH_PARTICIPLES = Set.of("saying", "says", "reading", "reads", "showing", "displaying",
            "stating", "spelling", "labeled", "labelled", "titled", "named", "called", "written", "printed");

    /** Participles that do not end in -ed or -ing. */
    static final Set<String> IRREGULAR_PARTICIPLES = Set.of("made", "built", "held", "worn", "hung", "left", "kept",
            "seen", "shown", "taken", "sat", "stood", "grown", "drawn", "caught", "thrown", "hidden", "spread", "laid");

    /** First words that are not verbs, so "what a lovely photo" is not read as an action on an object. */
    static final Set<String> NOT_VERBS = Set.of("what", "how", "why", "where", "when", "who", "which", "whose", "is",
            "are", "was", "were", "be", "been", "there", "here", "it", "i", "you", "we", "they", "he", "she", "this",
            "that", "these", "those", "the", "a", "an", "and", "or", "but", "so", "very", "such", "all", "with",
            "without", "for", "of", "in", "on", "at", "to", "from", "by", "about", "like", "as", "if", "than", "not",
            "no", "yes", "do", "does", "did", "can", "could", "would", "should", "will", "shall", "may", "might", "must",
            "has", "had", "i'm", "it's", "what's", "there's", "nice", "lovely", "great", "beautiful", "good", "bad",
            "wow", "oh", "cool", "love", "hate", "wish", "want", "need", "i'd", "only", "after", "before",
            "while", "because", "my", "your", "our", "their", "his", "her", "its", "some", "any", "every", "each");

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.HashSet<String> u = new java.util.HashSet<>(a);
        u.addAll(b);
        return Set.copyOf(u);
    }
}
