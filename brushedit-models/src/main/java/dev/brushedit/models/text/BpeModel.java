package dev.brushedit.models.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brushedit.core.ModelException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Byte-level BPE with CLIP's end-of-word suffix: a vocabulary (token string to id), merge ranks keyed
 * by the ids of the two merged symbols, and a bounded cache of encoded words.
 *
 * <p>Thread-safety: immutable apart from the cache, which is a concurrent map; safe for concurrent use.
 */
final class BpeModel {
    static final String END_OF_WORD = "</w>";
    /** The cache is cleared when it reaches this many words (a long-running service sees many). */
    static final int CACHE_CAPACITY = 20_000;

    private final Map<String, Integer> tokenToId;
    private final String[] idToToken;
    /** (left id << 32 | right id) to merge rank. */
    private final Map<Long, Integer> ranks;
    /** Merge rank to the id of the merged symbol. */
    private final int[] mergedId;
    private final int[] byteId = new int[256];
    private final int[] byteEndId = new int[256];
    private final ConcurrentHashMap<String, int[]> cache = new ConcurrentHashMap<>();

    private BpeModel(Map<String, Integer> tokenToId, String[] idToToken, Map<Long, Integer> ranks, int[] mergedId,
                     Path vocabJson) {
        this.tokenToId = tokenToId;
        this.idToToken = idToToken;
        this.ranks = ranks;
        this.mergedId = mergedId;
        for (int b = 0; b < 256; b++) {
            String c = String.valueOf(ByteLevel.charOf(b));
            byteId[b] = requireToken(c, vocabJson);
            byteEndId[b] = requireToken(c + END_OF_WORD, vocabJson);
        }
    }

    /** Reads a Hugging Face {@code vocab.json} and {@code merges.txt} pair. */
    static BpeModel load(Path vocabJson, Path mergesTxt) {
        Map<String, Integer> vocab = readVocab(vocabJson);
        String[] idToToken = new String[vocab.size()];
        for (Map.Entry<String, Integer> e : vocab.entrySet()) {
            int id = e.getValue();
            if (id < 0 || id >= idToToken.length || idToToken[id] != null) {
                throw new ModelException(vocabJson + ": token ids must be 0.." + (idToToken.length - 1)
                        + " without repeats, found id " + id + " for token \"" + e.getKey() + "\"");
            }
            idToToken[id] = e.getKey();
        }
        String[] lines = readMerges(mergesTxt);
        Map<Long, Integer> ranks = new HashMap<>(lines.length * 2);
        int[] mergedId = new int[lines.length];
        for (int rank = 0; rank < lines.length; rank++) {
            String line = lines[rank];
            int space = line.indexOf(' ');
            if (space <= 0 || space == line.length() - 1 || line.indexOf(' ', space + 1) >= 0) {
                throw new ModelException(mergesTxt + " line " + (rank + 2) + ": expected two symbols separated by"
                        + " one space, found \"" + line + "\"");
            }
            String left = line.substring(0, space);
            String right = line.substring(space + 1);
            int a = lookup(vocab, left, vocabJson, mergesTxt, rank);
            int b = lookup(vocab, right, vocabJson, mergesTxt, rank);
            mergedId[rank] = lookup(vocab, left + right, vocabJson, mergesTxt, rank);
            ranks.putIfAbsent(key(a, b), rank);
        }
        return new BpeModel(vocab, idToToken, ranks, mergedId, vocabJson);
    }

    /** Number of tokens in the vocabulary. */
    int size() {
        return idToToken.length;
    }

    /** The id of {@code token}, or -1 when it is not in the vocabulary. */
    int idOf(String token) {
        Integer id = tokenToId.get(token);
        return id == null ? -1 : id;
    }

    /** The token string of {@code id} (which must be in range). */
    String tokenOf(int id) {
        return idToToken[id];
    }

    /** Number of cached words (for tests and diagnostics). */
    int cacheSize() {
        return cache.size();
    }

    /** Empties the word cache. */
    void clearCache() {
        cache.clear();
    }

    /**
     * BPE ids of one pre-token (a word, a number digit or a punctuation run). The returned array is
     * shared with the cache: callers copy it and never modify it.
     */
    int[] encodeWord(String word) {
        int[] cached = cache.get(word);
        if (cached != null) {
            return cached;
        }
        int[] ids = merge(initialSymbols(word));
        if (cache.size() >= CACHE_CAPACITY) {
            cache.clear();
        }
        cache.put(word, ids);
        return ids;
    }

    /** Encodes without consulting or filling the cache (benchmarks measure the cold path with it). */
    int[] encodeWordUncached(String word) {
        return merge(initialSymbols(word));
    }

    private int[] initialSymbols(String word) {
        byte[] bytes = word.getBytes(StandardCharsets.UTF_8);
        int[] symbols = new int[bytes.length];
        for (int i = 0; i < bytes.length - 1; i++) {
            symbols[i] = byteId[bytes[i] & 0xFF];
        }
        symbols[bytes.length - 1] = byteEndId[bytes[bytes.length - 1] & 0xFF];
        return symbols;
    }

    /** Repeatedly merges every occurrence of the lowest-ranked adjacent pair until none is in the table. */
    private int[] merge(int[] symbols) {
        int n = symbols.length;
        int[] word = symbols;
        while (n > 1) {
            int bestRank = Integer.MAX_VALUE;
            int left = 0;
            int right = 0;
            for (int i = 0; i + 1 < n; i++) {
                Integer rank = ranks.get(key(word[i], word[i + 1]));
                if (rank != null && rank < bestRank) {
                    bestRank = rank;
                    left = word[i];
                    right = word[i + 1];
                }
            }
            if (bestRank == Integer.MAX_VALUE) {
                break;
            }
            int merged = mergedId[bestRank];
            int out = 0;
            for (int i = 0; i < n; ) {
                if (word[i] == left && i + 1 < n && word[i + 1] == right) {
                    word[out++] = merged;
                    i += 2;
                } else {
                    word[out++] = word[i++];
                }
            }
            n = out;
        }
        return n == word.length ? word : Arrays.copyOf(word, n);
    }

    private static long key(int left, int right) {
        return ((long) left << 32) | (right & 0xFFFFFFFFL);
    }

    private int requireToken(String token, Path vocabJson) {
        Integer id = tokenToId.get(token);
        if (id == null) {
            throw new ModelException(vocabJson + ": the byte-level token \"" + token + "\" is missing; expected a"
                    + " CLIP/GPT-2 byte-level BPE vocabulary");
        }
        return id;
    }

    private static int lookup(Map<String, Integer> vocab, String token, Path vocabJson, Path mergesTxt, int rank) {
        Integer id = vocab.get(token);
        if (id == null) {
            throw new ModelException(mergesTxt + " line " + (rank + 2) + " uses the symbol \"" + token
                    + "\", which " + vocabJson + " does not contain; the two files do not belong together");
        }
        return id;
    }

    private static Map<String, Integer> readVocab(Path vocabJson) {
        byte[] json = readBytes(vocabJson, "vocab.json");
        try {
            Map<String, Integer> vocab = new ObjectMapper().readValue(json, new TypeReference<HashMap<String, Integer>>() {});
            if (vocab == null || vocab.isEmpty()) {
                throw new ModelException(vocabJson + ": expected a JSON object mapping tokens to ids, found an empty"
                        + " document");
            }
            return vocab;
        } catch (JsonProcessingException e) {
            throw new ModelException(vocabJson + ": expected a JSON object mapping token strings to integer ids, "
                    + "cannot parse it: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ModelException("cannot read " + vocabJson + ": " + e.getMessage(), e);
        }
    }

    private static String[] readMerges(Path mergesTxt) {
        byte[] bytes = readBytes(mergesTxt, "merges.txt");
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ModelException(mergesTxt + ": expected UTF-8 text, found invalid bytes", e);
        }
        String[] lines = text.strip().split("\n", -1);
        int first = lines.length > 0 && lines[0].startsWith("#version") ? 1 : 0;
        String[] merges = new String[lines.length - first];
        for (int i = first; i < lines.length; i++) {
            String line = lines[i];
            merges[i - first] = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        }
        if (merges.length == 0 || (merges.length == 1 && merges[0].isEmpty())) {
            throw new ModelException(mergesTxt + ": expected BPE merges (one \"a b\" pair per line), found none");
        }
        return merges;
    }

    private static byte[] readBytes(Path file, String role) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ModelException("tokenizer file " + role + " not found: " + file, e);
        } catch (IOException e) {
            throw new ModelException("cannot read tokenizer file " + role + " at " + file + ": " + e.getMessage(), e);
        }
    }
}
