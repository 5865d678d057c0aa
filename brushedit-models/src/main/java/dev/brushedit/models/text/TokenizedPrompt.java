package dev.brushedit.models.text;

import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A prompt tokenized into one or more 77-id windows for the CLIP text encoder, with one attention
 * weight per id. Each window is {@code [start, up to 75 text ids, end, pad...]}; start, end and padding
 * carry weight 1. The text encoder runs once per window and the front ends concatenate the windows'
 * hidden states along the sequence axis (77 x windowCount positions). Produced by
 * {@link ClipTokenizer#tokenizeWeighted(String)} and {@link ClipTokenizer#tokenize(String)}.
 *
 * <p>Classifier-free guidance batches the prompt with the negative prompt, so both need the same
 * window count: pad the shorter one with {@link #padTo(int)}, e.g.
 * {@code int n = Math.max(pos.windowCount(), neg.windowCount()); pos = pos.padTo(n); neg = neg.padTo(n);}.
 * Padding windows are empty prompts ({@code [start, end, pad...]}), as A1111 pads.
 *
 * <p>Equality is by value (ids and weights), so instances can key a cache of text embeddings together
 * with a model identifier.
 *
 * <p>Thread-safety: immutable; accessors return copies; safe for concurrent use.
 */
public final class TokenizedPrompt {
    /** The most windows {@link #padTo(int)} accepts (77 x 64 = 4928 positions). */
    public static final int MAX_WINDOWS = 64;

    private final int[][] ids;
    private final float[][] weights;
    private final int startId;
    private final int endId;
    private final int padId;
    private final int tokenCount;

    TokenizedPrompt(List<int[]> ids, List<float[]> weights, int tokenCount, int startId, int endId, int padId) {
        this.ids = ids.toArray(new int[0][]);
        this.tokenCount = tokenCount;
        this.weights = weights.toArray(new float[0][]);
        this.startId = startId;
        this.endId = endId;
        this.padId = padId;
    }

    /** Number of 77-id windows (at least 1). */
    public int windowCount() {
        return ids.length;
    }

    /**
     * The 77 ids of window {@code window} (a copy).
     *
     * @throws InvalidInputException if {@code window} is not between 0 and windowCount() - 1
     */
    public int[] ids(int window) {
        return ids[check(window)].clone();
    }

    /**
     * The 77 weights of window {@code window} (a copy); 1 on start, end and padding.
     *
     * @throws InvalidInputException if {@code window} is not between 0 and windowCount() - 1
     */
    public float[] weights(int window) {
        return weights[check(window)].clone();
    }

    /** Whether any weight differs from 1 (when false, the embeddings need no re-weighting). */
    public boolean isWeighted() {
        for (float[] w : weights) {
            for (float v : w) {
                if (v != 1f) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Number of text ids over all windows (start, end and padding excluded). */
    public int tokenCount() {
        return tokenCount;
    }

    /**
     * This prompt with empty windows ({@code [start, end, pad...]}, weights 1) appended until it has
     * {@code windowCount} windows; this instance when it already has that many.
     *
     * @throws InvalidInputException if {@code windowCount} is less than windowCount() or more than
     *     {@link #MAX_WINDOWS}
     */
    public TokenizedPrompt padTo(int windowCount) {
        Checks.inRange("windowCount", windowCount, ids.length, Math.max(MAX_WINDOWS, ids.length));
        if (windowCount == ids.length) {
            return this;
        }
        List<int[]> newIds = new ArrayList<>(Arrays.asList(ids));
        List<float[]> newWeights = new ArrayList<>(Arrays.asList(weights));
        while (newIds.size() < windowCount) {
            int[] empty = new int[ClipTokenizer.MAX_LENGTH];
            Arrays.fill(empty, padId);
            empty[0] = startId;
            empty[1] = endId;
            float[] ones = new float[ClipTokenizer.MAX_LENGTH];
            Arrays.fill(ones, 1f);
            newIds.add(empty);
            newWeights.add(ones);
        }
        return new TokenizedPrompt(newIds, newWeights, tokenCount, startId, endId, padId);
    }

    private int check(int window) {
        return Checks.inRange("window", window, 0, ids.length - 1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenizedPrompt t && Arrays.deepEquals(ids, t.ids) && Arrays.deepEquals(weights, t.weights);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.deepHashCode(ids) + Arrays.deepHashCode(weights);
    }

    @Override
    public String toString() {
        return "TokenizedPrompt[windows=" + ids.length + ", tokens=" + tokenCount() + ", weighted=" + isWeighted() + "]";
    }
}
