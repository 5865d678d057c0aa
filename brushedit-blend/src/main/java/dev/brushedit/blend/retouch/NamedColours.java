package dev.brushedit.blend.retouch;

import dev.brushedit.core.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a colour named in English text: the CSS/X11 colour names (written as one word or as
 * separate words: "lightgreen" or "light green", "grey" or "gray"), common everyday names the CSS
 * table lacks ("golden", "burgundy", "navy blue", "mint", "charcoal"...), an optional modifier before
 * a name ("light", "dark", "pale", "bright", "deep", "pastel"), applied in OKLab, and
 * {@code #rrggbb} hex codes.
 *
 * <p>Thread-safety: stateless, safe for concurrent use.
 */
public final class NamedColours {

    /**
     * A colour found in text.
     *
     * <p>Thread-safety: immutable.
     *
     * @param phrase the words that named it, lower case and single-spaced, e.g. "light green"
     * @param rgb the colour as packed sRGB {@code 0xRRGGBB}
     */
    public record Found(String phrase, int rgb) {
        /** Validates the phrase. */
        public Found {
            Checks.notBlank("phrase", phrase);
        }

        /** The phrase's words. */
        public List<String> words() {
            return List.of(phrase.split(" "));
        }
    }

    private static final Pattern HEX = Pattern.compile("#([0-9a-fA-F]{6})\\b");
    private static final Pattern WORD = Pattern.compile("[a-z]+");
    private static final Map<String, Integer> EXTRA = Map.ofEntries(
            Map.entry("golden", 0xD4AF37), Map.entry("navyblue", 0x000080), Map.entry("babyblue", 0x89CFF0),
            Map.entry("burgundy", 0x800020), Map.entry("mustard", 0xE1AD01), Map.entry("mint", 0x98FF98),
            Map.entry("lilac", 0xC8A2C8), Map.entry("emerald", 0x50C878), Map.entry("ruby", 0xE0115F),
            Map.entry("scarlet", 0xFF2400), Map.entry("cream", 0xFFFDD0), Map.entry("charcoal", 0x36454F),
            Map.entry("bronze", 0xCD7F32), Map.entry("copper", 0xB87333), Map.entry("amber", 0xFFBF00),
            Map.entry("cobalt", 0x0047AB), Map.entry("jade", 0x00A86B), Map.entry("sapphire", 0x0F52BA),
            Map.entry("offwhite", 0xFAF9F6), Map.entry("peach", 0xFFE5B4), Map.entry("mauve", 0xE0B0FF),
            Map.entry("rust", 0xB7410E), Map.entry("skyblue", 0x87CEEB), Map.entry("limegreen", 0x32CD32));
    private static final List<String> MODIFIERS = List.of("light", "dark", "pale", "bright", "deep", "pastel");

    private NamedColours() {}

    /** The colour named by {@code word} (one word, e.g. "lightgreen" or "red"), if any. */
    public static Optional<Integer> lookup(String word) {
        Checks.notNull("word", word);
        String key = word.toLowerCase(Locale.ROOT).replace("grey", "gray");
        Integer rgb = CssColours.TABLE.get(key);
        if (rgb == null) {
            rgb = EXTRA.get(key);
        }
        return Optional.ofNullable(rgb);
    }

    /** The first colour named in {@code text}, if any (a hex code wins over words). */
    public static Optional<Found> find(String text) {
        Checks.notNull("text", text);
        Matcher hex = HEX.matcher(text);
        if (hex.find()) {
            return Optional.of(new Found(hex.group().toLowerCase(Locale.ROOT), Integer.parseInt(hex.group(1), 16)));
        }
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
        }
        for (int i = 0; i < words.size(); i++) {
            for (int n = Math.min(3, words.size() - i); n >= 1; n--) {
                List<String> span = words.subList(i, i + n);
                Optional<Integer> rgb = lookup(String.join("", span));
                if (rgb.isPresent()) {
                    return Optional.of(withModifier(words, i, span, rgb.get()));
                }
            }
        }
        return Optional.empty();
    }

    private static Found withModifier(List<String> words, int start, List<String> span, int rgb) {
        String name = String.join(" ", span);
        if (start == 0 || !MODIFIERS.contains(words.get(start - 1))) {
            return new Found(name, rgb);
        }
        String modifier = words.get(start - 1);
        return new Found(modifier + " " + name, modify(modifier, rgb));
    }

    /** {@code rgb} made light, dark, pale, bright, deep or pastel in OKLab. */
    static int modify(String modifier, int rgb) {
        float[] lab = OkLab.fromRgb(rgb);
        double l = lab[0];
        double c = 1.0;
        switch (modifier) {
            case "light":
                l += (1 - l) * 0.4;
                c = 0.8;
                break;
            case "dark":
                l *= 0.65;
                c = 0.9;
                break;
            case "pale":
                l += (1 - l) * 0.5;
                c = 0.5;
                break;
            case "bright":
                l += (1 - l) * 0.1;
                c = 1.15;
                break;
            case "deep":
                l *= 0.8;
                c = 1.1;
                break;
            case "pastel":
                l += (1 - l) * 0.55;
                c = 0.45;
                break;
            default:
                throw new IllegalArgumentException("unknown modifier " + modifier);
        }
        return OkLab.toRgbInGamut(l, lab[1] * c, lab[2] * c);
    }
}
