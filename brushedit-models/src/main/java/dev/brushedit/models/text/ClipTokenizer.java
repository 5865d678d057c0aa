package dev.brushedit.models.text;

import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.ModelException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CLIP BPE tokenizer (OpenAI CLIP's {@code simple_tokenizer}, which Stable Diffusion 1.x uses),
 * read from a Hugging Face {@code vocab.json} + {@code merges.txt} pair.
 *
 * <p>Text is cleaned as CLIP cleans it: a subset of ftfy's {@code fix_text} (HTML entities, curly
 * quotes, Latin ligatures, full-width forms, C1 and other control characters, line breaks, terminal
 * escapes, NFC; ftfy's mojibake repair is not implemented), HTML unescaping twice, stripping, folding
 * white space runs into one space, lower-casing. It is then split by CLIP's pre-tokenizer pattern
 * ({@code <|startoftext|>}, {@code <|endoftext|>}, the contractions 's 't 're 've 'm 'll 'd, runs of
 * letters, single digits, runs of other non-space characters) and each piece is encoded with byte-level
 * BPE, whose last symbol carries the {@code </w>} end-of-word suffix. Encoded words are cached (bounded).
 *
 * <p>Stable Diffusion's text encoder takes {@link #MAX_LENGTH} = 77 ids: {@link #startId()}, at most
 * {@link #WINDOW_LENGTH} = 75 text ids, {@link #endId()}, then {@link #padId()} (SD 1.x pads with the
 * end id). {@link #tokenizeWeighted(String)} splits longer prompts into several such windows.
 *
 * <p>Thread-safety: immutable apart from an internal concurrent cache; safe for concurrent use.
 */
public final class ClipTokenizer {
    private static final Logger LOG = LoggerFactory.getLogger(ClipTokenizer.class);

    /** Length of one text-encoder input: start id, 75 text ids, end id. */
    public static final int MAX_LENGTH = 77;
    /** Text ids per 77-id window. */
    public static final int WINDOW_LENGTH = MAX_LENGTH - 2;
    /** Start-of-text id of the CLIP ViT-L/14 vocabulary. */
    public static final int CLIP_START_ID = 49406;
    /** End-of-text (and SD 1.x padding) id of the CLIP ViT-L/14 vocabulary. */
    public static final int CLIP_END_ID = 49407;

    /** Words the word cache of a loaded tokenizer holds at most; see {@link #withCacheCapacity(int)}. */
    public static final int DEFAULT_CACHE_CAPACITY = BpeModel.DEFAULT_CACHE_CAPACITY;

    static final String START_TOKEN = "<|startoftext|>";
    static final String END_TOKEN = "<|endoftext|>";

    /**
     * CLIP's pre-tokenizer: {@code <|startoftext|>|<|endoftext|>|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|
     * [^\s\p{L}\p{N}]+}, rewritten for speed without changing what it matches. Alternatives are tried in
     * order at each position, and the first character decides which can match (letter, number, '&lt;',
     * apostrophe, other), so letters and numbers can go first and the literals can be factored, as long
     * as the special tokens and contractions stay before the run of "other" characters. The reference
     * compiles the pattern with IGNORECASE on lower-cased text, where the only character that case-folds
     * onto one of its literal letters is U+017F (long s, folds to s): the literals accept it explicitly,
     * and the pattern runs without the flag. The {@code regex} module's \s is Unicode White_Space. Under
     * IGNORECASE that module matches U+0345 (whose case fold is a Greek letter) with neither the letter
     * rule nor the "other" rule, so the character is dropped; the last class excludes it too.
     */
    private static final Pattern PRE_TOKENIZER = Pattern.compile(
            "\\p{L}+|\\p{N}|<\\|(?:[s\u017F]tartoftext|endoftext)\\|>|'(?:[s\u017Ftmd]|re|ve|ll)"
                    + "|[^\\p{IsWhite_Space}\\p{L}\\p{N}\\u0345]+");

    private final BpeModel bpe;
    private final int startId;
    private final int endId;
    private final int commaId;

    private ClipTokenizer(BpeModel bpe, Path vocabJson) {
        this.bpe = bpe;
        this.startId = special(bpe, START_TOKEN, vocabJson);
        this.endId = special(bpe, END_TOKEN, vocabJson);
        this.commaId = bpe.idOf("," + BpeModel.END_OF_WORD);
    }

    private ClipTokenizer(ClipTokenizer shared, BpeModel bpe) {
        this.bpe = bpe;
        this.startId = shared.startId;
        this.endId = shared.endId;
        this.commaId = shared.commaId;
    }

    /**
     * Loads the tokenizer from a {@code vocab.json} (token to id) and a {@code merges.txt} (an optional
     * {@code #version} line, then one "a b" merge per line in rank order).
     *
     * @throws InvalidInputException if an argument is null
     * @throws ModelException if a file is missing, unreadable or malformed, or the two do not match
     */
    public static ClipTokenizer load(Path vocabJson, Path mergesTxt) {
        Checks.notNull("vocabJson", vocabJson);
        Checks.notNull("mergesTxt", mergesTxt);
        ClipTokenizer tokenizer = new ClipTokenizer(BpeModel.load(vocabJson, mergesTxt), vocabJson);
        LOG.debug("Loaded CLIP tokenizer from {} and {}: {} tokens", vocabJson, mergesTxt, tokenizer.vocabularySize());
        return tokenizer;
    }

    /**
     * Loads {@code vocab.json} and {@code merges.txt} from a directory, such as a checkpoint's
     * {@code tokenizer/} folder.
     *
     * @throws InvalidInputException if {@code tokenizerDir} is null
     * @throws ModelException if the directory or either file is missing (the message names it) or invalid
     */
    public static ClipTokenizer fromDirectory(Path tokenizerDir) {
        Checks.notNull("tokenizerDir", tokenizerDir);
        if (!Files.isDirectory(tokenizerDir)) {
            throw new ModelException("tokenizer directory not found: " + tokenizerDir
                    + " (expected a folder holding vocab.json and merges.txt)");
        }
        Path vocab = tokenizerDir.resolve("vocab.json");
        Path merges = tokenizerDir.resolve("merges.txt");
        for (Path p : new Path[] {vocab, merges}) {
            if (!Files.isRegularFile(p)) {
                throw new ModelException("tokenizer file " + p.getFileName() + " not found in " + tokenizerDir
                        + " (expected vocab.json and merges.txt of a CLIP BPE tokenizer)");
            }
        }
        return load(vocab, merges);
    }

    /**
     * A tokenizer sharing this one's vocabulary and merges (no reloading) with its own empty word cache
     * holding at most {@code capacity} words; 0 disables caching. The cache is emptied whenever it
     * fills up. The default capacity is {@value #DEFAULT_CACHE_CAPACITY}.
     *
     * @throws InvalidInputException if {@code capacity} is not between 0 and 10,000,000
     */
    public ClipTokenizer withCacheCapacity(int capacity) {
        Checks.inRange("capacity", capacity, 0, 10_000_000);
        return new ClipTokenizer(this, bpe.withCacheCapacity(capacity));
    }

    /** Words the word cache holds at most (0: caching disabled). */
    public int cacheCapacity() {
        return bpe.cacheCapacity();
    }

    /** Id of {@code <|startoftext|>} (49406 for CLIP ViT-L/14). */
    public int startId() {
        return startId;
    }

    /** Id of {@code <|endoftext|>} (49407 for CLIP ViT-L/14). */
    public int endId() {
        return endId;
    }

    /** Padding id of SD 1.x prompts: the end id. */
    public int padId() {
        return endId;
    }

    /** Id of the token {@code ",</w>"} (a comma ending a word), or -1 when the vocabulary lacks it. */
    public int commaId() {
        return commaId;
    }

    /** Length of a text-encoder input, {@value #MAX_LENGTH}. */
    public int maxLength() {
        return MAX_LENGTH;
    }

    /** Number of tokens in the vocabulary (49408 for CLIP ViT-L/14). */
    public int vocabularySize() {
        return bpe.size();
    }

    /**
     * BPE ids of {@code text} after CLIP's cleaning, without start or end ids and without truncation.
     * Special tokens written in the text ({@code <|startoftext|>}, {@code <|endoftext|>}) become their ids.
     *
     * @throws InvalidInputException if {@code text} is null
     */
    public int[] encode(String text) {
        Checks.notNull("text", text);
        return encodeCleaned(TextCleaner.clean(text), true);
    }

    /**
     * Encodes {@code text} as one text-encoder input of {@value #MAX_LENGTH} ids: start id, the first
     * (at most) 75 ids of {@link #encode(String)}, end id, then padding ids.
     *
     * @throws InvalidInputException if {@code text} is null
     */
    public int[] encodeForModel(String text) {
        int[] ids = encode(text);
        int[] out = new int[MAX_LENGTH];
        Arrays.fill(out, padId());
        out[0] = startId;
        int n = Math.min(ids.length, WINDOW_LENGTH);
        if (ids.length > WINDOW_LENGTH) {
            LOG.debug("Prompt has {} ids; only the first {} are used (tokenizeWeighted splits long prompts into"
                    + " windows instead)", ids.length, WINDOW_LENGTH);
        }
        System.arraycopy(ids, 0, out, 1, n);
        out[n + 1] = endId;
        return out;
    }

    /**
     * Decodes ids back to text as CLIP does: tokens are joined, the byte-level characters turned back
     * into UTF-8 bytes (invalid sequences become U+FFFD) and every {@code </w>} becomes a space. The
     * result is the cleaned, lower-cased text with a trailing space, not the original input.
     *
     * @throws InvalidInputException if {@code ids} is null or holds an id outside the vocabulary
     */
    public String decode(int[] ids) {
        Checks.notNull("ids", ids);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(ids.length * 4);
        for (int i = 0; i < ids.length; i++) {
            int id = ids[i];
            if (id < 0 || id >= bpe.size()) {
                throw new InvalidInputException("ids[" + i + "] must be between 0 and " + (bpe.size() - 1)
                        + ", was " + id);
            }
            String token = bpe.tokenOf(id);
            for (int k = 0; k < token.length(); k++) {
                int b = ByteLevel.byteOf(token.charAt(k));
                if (b >= 0) {
                    bytes.write(b);
                } else {
                    byte[] raw = String.valueOf(token.charAt(k)).getBytes(StandardCharsets.UTF_8);
                    bytes.write(raw, 0, raw.length);
                }
            }
        }
        return bytes.toString(StandardCharsets.UTF_8).replace(BpeModel.END_OF_WORD, " ");
    }

    /**
     * Parses the weighting syntax of {@code prompt} ({@link PromptParser}) and tokenizes it into
     * 77-id windows with per-token weights. An empty prompt gives one window {@code [start, end, pad...]}.
     *
     * @throws InvalidInputException if {@code prompt} is null
     */
    public TokenizedPrompt tokenizeWeighted(String prompt) {
        Checks.notNull("prompt", prompt);
        return WindowBuilder.build(this, PromptParser.parse(prompt));
    }

    /**
     * Tokenizes {@code text} literally (no weighting syntax, brackets are ordinary characters) into
     * 77-id windows with every weight 1.
     *
     * @throws InvalidInputException if {@code text} is null
     */
    public TokenizedPrompt tokenize(String text) {
        Checks.notNull("text", text);
        return WindowBuilder.build(this, java.util.List.of(new WeightedSegment(text, 1f)));
    }

    /**
     * Tokenizes {@code prompt} by {@code syntax}: {@link PromptSyntax#A1111} as
     * {@link #tokenizeWeighted(String)}; {@link PromptSyntax#PLAIN} as one window of
     * {@link #encodeForModel(String)} (literal text cut to 77 ids, every weight 1).
     *
     * @throws InvalidInputException if {@code prompt} or {@code syntax} is null
     */
    public TokenizedPrompt tokenize(String prompt, PromptSyntax syntax) {
        Checks.notNull("syntax", syntax);
        if (syntax == PromptSyntax.A1111) {
            return tokenizeWeighted(prompt);
        }
        int[] window = encodeForModel(prompt);
        float[] weights = new float[MAX_LENGTH];
        Arrays.fill(weights, 1f);
        int tokens = Math.min(encode(prompt).length, WINDOW_LENGTH);
        return new TokenizedPrompt(List.of(window), List.<float[]>of(weights), tokens, startId, endId,
                padId());
    }

    /** Encodes text that is already cleaned and lower-cased. */
    int[] encodeCleaned(String cleaned, boolean useCache) {
        IntList out = new IntList(cleaned.length() / 3 + 4);
        Matcher m = PRE_TOKENIZER.matcher(cleaned);
        while (m.find()) {
            String piece = m.group();
            if (piece.equals(START_TOKEN)) {
                out.add(startId);
            } else if (piece.equals(END_TOKEN)) {
                out.add(endId);
            } else {
                out.addAll(useCache ? bpe.encodeWord(piece) : bpe.encodeWordUncached(piece));
            }
        }
        return out.toArray();
    }

    /** Encodes without the word cache (cold-path benchmarks). */
    int[] encodeUncached(String text) {
        Checks.notNull("text", text);
        return encodeCleaned(TextCleaner.clean(text), false);
    }

    /** Empties the word cache (benchmarks). */
    void clearCache() {
        bpe.clearCache();
    }

    /** Number of cached words. */
    int cacheSize() {
        return bpe.cacheSize();
    }

    private static int special(BpeModel bpe, String token, Path vocabJson) {
        int id = bpe.idOf(token);
        if (id < 0) {
            throw new ModelException(vocabJson + ": the special token " + token + " is missing; expected a CLIP"
                    + " vocabulary (" + START_TOKEN + " = " + CLIP_START_ID + ", " + END_TOKEN + " = " + CLIP_END_ID + ")");
        }
        return id;
    }
}
