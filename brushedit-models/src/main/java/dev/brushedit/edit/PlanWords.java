package dev.brushedit.edit;

import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.inpaint.InpaintRequest;
import dev.brushedit.inpaint.InpaintResult;
import dev.brushedit.inpaint.Provenance;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Word-level reading of plan texts and the provenance of the weight-free executors. */
final class PlanWords {
    private static final Pattern WORD = Pattern.compile("[a-z]+");
    private static final Pattern HEX = Pattern.compile("#[0-9a-f]{6}\\b");

    private PlanWords() {}

    /** The lower-case words of {@code text} (letters only; "light-green" is two words; hex colours dropped). */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(HEX.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" "));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** The words of {@code words} that are neither in {@code consumed} nor in {@code filler}, in order. */
    static List<String> leftover(List<String> words, Collection<String> consumed, Set<String> filler) {
        List<String> rest = new ArrayList<>();
        for (String w : words) {
            if (!consumed.contains(w) && !filler.contains(w)) {
                rest.add(w);
            }
        }
        return rest;
    }

    /** Where {@code phrase} (words) occurs in {@code words} at or after {@code from}, or -1. */
    static int indexOf(List<String> words, List<String> phrase, int from) {
        for (int i = from; i + phrase.size() <= words.size(); i++) {
            if (words.subList(i, i + phrase.size()).equals(phrase)) {
                return i;
            }
        }
        return -1;
    }

    /** Quoted for messages. */
    static String quote(String text) {
        return "\"" + text + "\"";
    }

    /**
     * The result of a weight-free executor: one image, the mask it was given, and a provenance whose
     * backend is the executor's name and whose work region describes what it did.
     */
    static EditExecutor.Output output(String executor, EditExecutor.Job job, RgbImage image, Mask alpha, String what,
            Instant started) {
        InpaintRequest request = job.request().seed().isPresent() ? job.request() : job.request().toBuilder().seed(0).build();
        Provenance p = new Provenance(executor, Map.of(), "", "", request, what,
                Map.of("retouch", Duration.between(started, Instant.now())), Instant.now());
        return new EditExecutor.Output(new InpaintResult(List.of(image), job.mask(), p), java.util.Optional.ofNullable(alpha));
    }
}
