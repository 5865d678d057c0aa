package dev.brushedit.models.text;

import dev.brushedit.core.Checks;
import dev.brushedit.core.tensor.Tensor;
import dev.brushedit.models.ModelFolder;
import dev.brushedit.models.TextEncoder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns prompts into text embeddings for the UNet, the way the major SD front ends (AUTOMATIC1111)
 * do: the weighting syntax ({@code (word:1.3)}, {@code (word)}, {@code [word]}, escapes) is parsed by
 * {@link ClipTokenizer#tokenizeWeighted}; prompts longer than 75 tokens are split into 75-token
 * windows, each encoded separately ({@code [start, 75 ids, end]}) and concatenated along the sequence
 * axis, giving {@code [1, 77 * windows, d]}. A weighted window is rescaled as A1111 does: every token's
 * hidden state is multiplied by its weight, then the whole window is multiplied by
 * {@code mean(original) / mean(weighted)} so that its mean is unchanged.
 *
 * <p>The negative prompt is padded with empty windows to the positive prompt's window count (and vice
 * versa), as classifier-free guidance needs both of one shape. Embeddings are cached in an LRU cache
 * keyed by the text encoder's model hash and the tokenized prompt.
 *
 * <p>Thread-safety: safe for concurrent use; the cache is synchronised and returned tensors are copies.
 */
public final class PromptEncoder {
    /** Default number of cached embeddings. */
    public static final int DEFAULT_CACHE_SIZE = 64;

    private final ClipTokenizer tokenizer;
    private final TextEncoder encoder;
    private final Map<Key, Tensor> cache;
    private final int cacheSize;
    private long hits;
    private long misses;

    private PromptEncoder(ClipTokenizer tokenizer, TextEncoder encoder, int cacheSize) {
        this.tokenizer = tokenizer;
        this.encoder = encoder;
        this.cacheSize = cacheSize;
        this.cache = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** An encoder over {@code tokenizer} and {@code encoder} caching up to {@code cacheSize} (0 to 100000) embeddings. */
    public static PromptEncoder of(ClipTokenizer tokenizer, TextEncoder encoder, int cacheSize) {
        Checks.notNull("tokenizer", tokenizer);
        Checks.notNull("encoder", encoder);
        Checks.inRange("cacheSize", cacheSize, 0, 100_000);
        return new PromptEncoder(tokenizer, encoder, cacheSize);
    }

    /** An encoder over the folder's {@code tokenizer/} and text encoder with the default cache size. */
    public static PromptEncoder of(ModelFolder folder) {
        Checks.notNull("folder", folder);
        return of(ClipTokenizer.fromDirectory(folder.tokenizerDirectory()), folder.textEncoder(), DEFAULT_CACHE_SIZE);
    }

    /** The tokenizer. */
    public ClipTokenizer tokenizer() {
        return tokenizer;
    }

    /** Embeddings {@code [1, 77 * windows, d]} of one prompt, with the weighting syntax applied. */
    public Tensor encode(String prompt) {
        return embed(tokenizer.tokenizeWeighted(Checks.notNull("prompt", prompt)));
    }

    /**
     * The prompt and negative prompt embeddings, padded to a common window count so both have shape
     * {@code [1, 77 * windows, d]}. A null negative prompt is the empty prompt.
     */
    public Embeddings encode(String prompt, String negativePrompt) {
        return encode(prompt, negativePrompt, PromptSyntax.A1111);
    }

    /**
     * As {@link #encode(String, String)}, tokenizing both prompts by {@code syntax}; with
     * {@link PromptSyntax#PLAIN} each is one literal 77-id window, as diffusers encodes prompts.
     */
    public Embeddings encode(String prompt, String negativePrompt, PromptSyntax syntax) {
        TokenizedPrompt pos = tokenizer.tokenize(Checks.notNull("prompt", prompt), syntax);
        TokenizedPrompt neg = tokenizer.tokenize(negativePrompt == null ? "" : negativePrompt, syntax);
        int n = Math.max(pos.windowCount(), neg.windowCount());
        return new Embeddings(embed(pos.padTo(n)), embed(neg.padTo(n)));
    }

    /** Embeddings of an already tokenized prompt. */
    public Tensor embed(TokenizedPrompt tokens) {
        Checks.notNull("tokens", tokens);
        Key key = new Key(encoder.modelHash(), tokens);
        synchronized (cache) {
            Tensor hit = cache.get(key);
            if (hit != null) {
                hits++;
                return hit.copy();
            }
            misses++;
        }
        Tensor value = compute(tokens);
        if (cacheSize > 0) {
            synchronized (cache) {
                cache.put(key, value.copy());
                while (cache.size() > cacheSize) {
                    cache.remove(cache.keySet().iterator().next());
                }
            }
        }
        return value;
    }

    private Tensor compute(TokenizedPrompt tokens) {
        int windows = tokens.windowCount();
        int[][] ids = new int[windows][];
        for (int w = 0; w < windows; w++) {
            ids[w] = tokens.ids(w);
        }
        Tensor hidden = encoder.encode(ids);
        int len = hidden.dim(1);
        int d = hidden.dim(2);
        if (tokens.isWeighted()) {
            for (int w = 0; w < windows; w++) {
                reweight(hidden, w, tokens.weights(w), len, d);
            }
        }
        return hidden.reshape(1, windows * len, d);
    }

    /**
     * A1111's weighting of one window's {@code [77, d]} block starting at flat index {@code window * len * d}:
     * {@code z *= weights; z *= mean(z before) / mean(z after)}. When the weighted mean is exactly 0 (all
     * weights 0) the rescaling is skipped instead of producing NaN.
     */
    static void reweight(Tensor hidden, int window, float[] weights, int len, int d) {
        int base = window * len * d;
        double before = 0;
        double after = 0;
        for (int t = 0; t < len; t++) {
            for (int j = 0; j < d; j++) {
                int i = base + t * d + j;
                float v = hidden.getFlat(i);
                float wv = v * weights[t];
                before += v;
                after += wv;
                hidden.setFlat(i, wv);
            }
        }
        if (after == 0) {
            return;
        }
        float factor = (float) (before / after);
        for (int i = base; i < base + len * d; i++) {
            hidden.setFlat(i, hidden.getFlat(i) * factor);
        }
    }

    /** Number of cached embeddings. */
    public int cachedCount() {
        synchronized (cache) {
            return cache.size();
        }
    }

    /** Cache hits so far. */
    public long cacheHits() {
        synchronized (cache) {
            return hits;
        }
    }

    /** Cache misses so far. */
    public long cacheMisses() {
        synchronized (cache) {
            return misses;
        }
    }

    /** Empties the cache. */
    public void clearCache() {
        synchronized (cache) {
            cache.clear();
        }
    }

    private record Key(String modelHash, TokenizedPrompt tokens) {}

    /**
     * Prompt and negative-prompt embeddings of equal shape {@code [1, 77 * windows, d]}.
     *
     * <p>Thread-safety: the record is immutable but the tensors are mutable; do not share them across
     * threads while writing.
     *
     * @param positive the prompt's embeddings
     * @param negative the negative prompt's embeddings
     */
    public record Embeddings(Tensor positive, Tensor negative) {
        /** Number of 77-token windows. */
        public int windowCount() {
            return positive.dim(1) / ClipTokenizer.MAX_LENGTH;
        }
    }
}
