package dev.brushedit.bench;

import dev.brushedit.models.text.ClipTokenizer;
import dev.brushedit.models.text.TokenizedPrompt;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * CLIP tokenizer throughput on a typical 30-word SD prompt: plain {@code encodeForModel} and the
 * weighted, windowed {@code tokenizeWeighted}. The vocabulary is read from the system property
 * {@code bench.tokenizer} (default: the test copy in brushedit-models/src/test/resources/clip-tokenizer).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class TokenizerBench {
    private static final String PROMPT = "a photograph of an astronaut riding a horse on mars, highly detailed, "
            + "sharp focus, golden hour lighting, 35mm film grain, trending on artstation, by greg rutkowski";
    private static final String WEIGHTED = "(masterpiece:1.2), best quality, a ((red)) car on a [rainy] street, "
            + "(neon lights:1.3), reflections, cinematic, 8k, (sharp focus:0.9)";

    private ClipTokenizer tokenizer;

    /** Loads the vocabulary. */
    @Setup
    public void setUp() {
        tokenizer = ClipTokenizer.fromDirectory(Path.of(System.getProperty("bench.tokenizer",
                "brushedit-models/src/test/resources/clip-tokenizer")));
    }

    /** One prompt to 77 ids. */
    @Benchmark
    public int[] encodeForModel() {
        return tokenizer.encodeForModel(PROMPT);
    }

    /** One prompt with weighting syntax to weighted windows. */
    @Benchmark
    public TokenizedPrompt tokenizeWeighted() {
        return tokenizer.tokenizeWeighted(WEIGHTED);
    }
}
