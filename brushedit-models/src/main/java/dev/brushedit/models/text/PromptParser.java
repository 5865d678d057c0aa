package dev.brushedit.models.text;

import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the prompt-weighting syntax of the AUTOMATIC1111 web UI (the de-facto standard that most SD
 * front ends accept), with the same results as its {@code parse_prompt_attention}:
 * <ul>
 *   <li>{@code (text)} multiplies the weight of {@code text} by 1.1; {@code [text]} divides it by 1.1;</li>
 *   <li>{@code (text:1.3)} multiplies it by 1.3 (a signed decimal such as {@code -0.5}, {@code .8});</li>
 *   <li>nesting multiplies: {@code ((text))} = 1.21, {@code ([text])} = 1;</li>
 *   <li>{@code \(}, {@code \)}, {@code \[}, {@code \]} and {@code \\} are the literal characters; a
 *       backslash before anything else is dropped (A1111 does the same);</li>
 *   <li>{@code BREAK} as a separate word (upper case) ends the current 77-id window; the white space
 *       around it is removed;</li>
 *   <li>lenient on unbalanced brackets: a bracket never closed applies its multiplier up to the end of the
 *       prompt, and a closing bracket without an opening one is kept as literal text; {@code :1.3)}
 *       without an open round bracket, or with a number that does not parse (such as {@code 1.2.3}), is
 *       literal text as well (A1111 fails on the latter).</li>
 * </ul>
 * Adjacent segments of equal weight are merged; an empty prompt gives one segment {@code ("", 1)}.
 * Curly braces are ordinary text (A1111's parser ignores them too).
 *
 * <p>Thread-safety: stateless; safe for concurrent use.
 */
public final class PromptParser {
    private static final double ROUND = 1.1;
    private static final double SQUARE = 1 / 1.1;

    private static final Pattern ATTENTION = Pattern.compile(
            "\\\\\\(|\\\\\\)|\\\\\\[|\\\\]|\\\\\\\\|\\\\|\\(|\\[|:\\s*([+-]?[.0-9]+)\\s*\\)|\\)|]|[^\\\\()\\[\\]:]+|:",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern BREAK = Pattern.compile("\\s*\\bBREAK\\b\\s*", Pattern.UNICODE_CHARACTER_CLASS);

    private PromptParser() {}

    /**
     * Splits {@code prompt} into weighted segments and break markers, in prompt order.
     *
     * @throws InvalidInputException if {@code prompt} is null
     */
    public static List<WeightedSegment> parse(String prompt) {
        Checks.notNull("prompt", prompt);
        List<StringBuilder> texts = new ArrayList<>();
        List<double[]> weights = new ArrayList<>(); // weight, or NaN for a break
        Deque<Integer> round = new ArrayDeque<>();
        Deque<Integer> square = new ArrayDeque<>();
        Matcher m = ATTENTION.matcher(prompt);
        while (m.find()) {
            String token = m.group();
            String number = m.group(1);
            Double parsed = number == null ? null : parseWeight(number);
            if (token.startsWith("\\")) {
                add(texts, weights, token.substring(1), 1.0);
            } else if (token.equals("(")) {
                round.push(texts.size());
            } else if (token.equals("[")) {
                square.push(texts.size());
            } else if (parsed != null && !round.isEmpty()) {
                multiply(weights, round.pop(), parsed);
            } else if (token.equals(")") && !round.isEmpty()) {
                multiply(weights, round.pop(), ROUND);
            } else if (token.equals("]") && !square.isEmpty()) {
                multiply(weights, square.pop(), SQUARE);
            } else {
                addWithBreaks(texts, weights, token);
            }
        }
        while (!round.isEmpty()) {
            multiply(weights, round.pop(), ROUND);
        }
        while (!square.isEmpty()) {
            multiply(weights, square.pop(), SQUARE);
        }
        return merge(texts, weights);
    }

    private static Double parseWeight(String number) {
        try {
            double w = Double.parseDouble(number);
            return Double.isFinite(w) ? w : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void addWithBreaks(List<StringBuilder> texts, List<double[]> weights, String text) {
        Matcher b = BREAK.matcher(text);
        int start = 0;
        while (b.find()) {
            add(texts, weights, text.substring(start, b.start()), 1.0);
            texts.add(new StringBuilder(WeightedSegment.BREAK_TEXT));
            weights.add(new double[] {Double.NaN});
            start = b.end();
        }
        add(texts, weights, text.substring(start), 1.0);
    }

    private static void add(List<StringBuilder> texts, List<double[]> weights, String text, double weight) {
        texts.add(new StringBuilder(text));
        weights.add(new double[] {weight});
    }

    /** Multiplies every text segment from {@code from} on (breaks keep their NaN). */
    private static void multiply(List<double[]> weights, int from, double factor) {
        for (int i = from; i < weights.size(); i++) {
            weights.get(i)[0] *= factor;
        }
    }

    private static List<WeightedSegment> merge(List<StringBuilder> texts, List<double[]> weights) {
        List<WeightedSegment> out = new ArrayList<>();
        StringBuilder pending = null;
        double pendingWeight = 0;
        for (int i = 0; i < texts.size(); i++) {
            double w = weights.get(i)[0];
            if (Double.isNaN(w)) {
                flush(out, pending, pendingWeight);
                pending = null;
                out.add(WeightedSegment.breakMarker());
            } else if (pending != null && w == pendingWeight) {
                pending.append(texts.get(i));
            } else {
                flush(out, pending, pendingWeight);
                pending = new StringBuilder(texts.get(i));
                pendingWeight = w;
            }
        }
        flush(out, pending, pendingWeight);
        if (out.isEmpty()) {
            out.add(new WeightedSegment("", 1f));
        }
        return List.copyOf(out);
    }

    private static void flush(List<WeightedSegment> out, StringBuilder text, double weight) {
        if (text != null && text.length() > 0) {
            out.add(new WeightedSegment(text.toString(), (float) weight));
        }
    }
}
