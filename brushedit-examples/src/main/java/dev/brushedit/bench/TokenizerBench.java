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
 * CLIP tokenizer throughput (prompts per second) for a short prompt and a 200-token prompt, with the word
 * cache warm (the default tokenizer after the first call) and with caching disabled (every word goes
 * through BPE). The vocabulary is read from {@code -Dbrushedit.tokenizer=<dir>}, by default the test
 * fixture {@code brushedit-models/src/test/resources/clip-tokenizer} relative to the working directory.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TokenizerBench {
    /** 10 ids. */
    static final String SHORT = "a photo of an astronaut riding a horse on mars";
    /** 200 ids, about 120 distinct words, with weighting syntax that {@link #weightedLong()} parses. */
    static final String LONG = "(masterpiece:1.2), best quality, highly detailed oil painting of an old harbor town at dawn, "
            + "fishing boats with red sails, [blurry], seagulls over the water, cobblestone streets, paper lanterns, "
            + "a lighthouse on the cliff, misty mountains in the distance, warm golden light, soft shadows, "
            + "reflections on the wet stones, merchants opening their stalls, baskets of oranges and lemons, "
            + "a black cat sleeping on a barrel, children running, an old sailor mending nets, ((intricate)), "
            + "cinematic composition, volumetric fog, 35mm film grain, by a dutch golden age master, "
            + "trending on artstation, ultra sharp, 8k, hdr, award winning photograph, dramatic clouds, "
            + "flowers in window boxes, ivy on the walls, a bell tower, church spire, wooden piers, crates, "
            + "ropes, anchors, weathered paint, barnacles, tide pools, starfish, crabs, driftwood, "
            + "smoke from chimneys, bakery, fresh bread, copper pots, a tavern sign";

    private ClipTokenizer warm;
    private ClipTokenizer cold;

    /** Loads the tokenizer and warms the default one's cache. */
    @Setup
    public void setUp() {
        Path dir = Path.of(System.getProperty("brushedit.tokenizer", "brushedit-models/src/test/resources/clip-tokenizer"));
        warm = ClipTokenizer.fromDirectory(dir);
        cold = warm.withCacheCapacity(0);
        warm.encode(SHORT);
        warm.encode(LONG);
        if (warm.encode(LONG).length != 200) {
            throw new IllegalStateException("LONG has " + warm.encode(LONG).length + " ids");
        }
    }

    /** Short prompt, word cache warm. */
    @Benchmark
    public int[] shortWarm() {
        return warm.encodeForModel(SHORT);
    }

    /** Short prompt, no word cache. */
    @Benchmark
    public int[] shortCold() {
        return cold.encodeForModel(SHORT);
    }

    /** 200-token prompt, word cache warm (all ids, no truncation). */
    @Benchmark
    public int[] longWarm() {
        return warm.encode(LONG);
    }

    /** 200-token prompt, no word cache. */
    @Benchmark
    public int[] longCold() {
        return cold.encode(LONG);
    }

    /** 200-token prompt parsed for weights and split into 77-id windows, word cache warm. */
    @Benchmark
    public TokenizedPrompt weightedLong() {
        return warm.tokenizeWeighted(LONG);
    }
}
