package dev.brushedit.edit;

import java.util.List;
import java.util.Set;

/** Word lists of the offline instructor's grammar. Thread-safety: constants. */
final class Vocabulary {
    private Vocabulary() {}

    /** Courtesy phrases dropped from the start of an instruction (longest first). */
    static final List<String> POLITE_PREFIXES = List.of(
            "would you be so kind as to", "would you mind", "could you please", "can you please", "would you please",
            "will you please", "i would like you to", "i'd like you to", "i want you to", "i need you to",
            "i would like to", "i'd like to", "i want to", "i need to", "help me", "go ahead and", "try to",
            "could you", "can you", "would you", "will you", "you should", "please", "kindly", "just", "now", "then",
            "hey", "ok", "okay", "let's", "lets", "simply", "also", "and");

    /** Courtesy phrases dropped from the end. */
    static final List<String> POLITE_SUFFIXES = List.of("thank you very much", "thank you", "thanks", "please",
            "for me", "if you can", "if possible", "now", "too", "as well");

    /** Determiners and quantifiers dropped from the start of a target object. */
    static final Set<String> DETERMINERS = Set.of("the", "a", "an", "all", "both", "every", "each", "some", "any",
            "this", "that", "these", "those", "my", "his", "her", "their", "its", "our", "your", "one", "two", "three",
            "four", "five", "several", "many", "few", "of", "other", "another", "entire", "whole", "teh", "hte");

    /** Words that end a target object phrase: the location phrase after them is dropped. */
    static final Set<String> LOCATION_WORDS = Set.of("from", "in", "on", "at", "near", "next", "beside", "behind",
            "under", "underneath", "above", "below", "off", "out", "inside", "outside", "onto", "into", "over", "between",
            "by", "across", "along", "around", "atop", "against", "to", "toward", "towards", "that", "which", "who", "so");

    /** Phrases meaning the whole image. */
    static final Set<String> WHOLE_IMAGE = Set.of("it", "this", "everything", "image", "photo", "picture", "scene",
            "photograph", "pic", "shot", "whole thing", "whole image", "whole photo", "whole picture", "whole scene",
            "entire image", "entire photo", "entire picture", "entire scene", "style", "art style", "season", "weather",
            "time of day", "time", "lighting", "light", "mood", "atmosphere", "look", "overall look", "color scheme",
            "colour scheme", "colors", "colours", "image style", "photo style", "painting style", "filter", "tone");

    /** Words naming the background. */
    static final Set<String> BACKGROUND = Set.of("background", "backdrop", "scenery", "setting", "surroundings",
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
            "gray-haired", "open", "closed", "blooming", "bare", "leafless", "empty", "full", "hairy", "bearded");
}
