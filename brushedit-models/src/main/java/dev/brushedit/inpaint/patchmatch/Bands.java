package dev.brushedit.inpaint.patchmatch;

import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Runs work over fixed bands of rows, one after another or on a fork-join pool. The band layout
 * depends only on the image height and the pass, never on the thread count, so results are the same
 * either way.
 *
 * <p>Thread-safety: the runner itself is immutable; the work it is given must only write inside
 * its own band.
 */
final class Bands {
    /** Rows per band. */
    static final int HEIGHT = 32;

    private final ForkJoinPool pool;

    /** @param pool the pool to run bands on, or {@code null} to run them in the calling thread */
    Bands(ForkJoinPool pool) {
        this.pool = pool;
    }

    /** Number of bands over {@code rows} rows when the first band boundary is shifted by {@code offset}. */
    static int count(int rows, int offset) {
        return offset == 0 ? (rows + HEIGHT - 1) / HEIGHT : 1 + (Math.max(0, rows - offset) + HEIGHT - 1) / HEIGHT;
    }

    /** First row of band {@code band}. */
    static int start(int band, int offset) {
        if (offset == 0) {
            return band * HEIGHT;
        }
        return band == 0 ? 0 : offset + (band - 1) * HEIGHT;
    }

    /** One past the last row of band {@code band}, clipped to {@code rows}. */
    static int end(int band, int offset, int rows) {
        int end = offset == 0 ? (band + 1) * HEIGHT : (band == 0 ? offset : offset + band * HEIGHT);
        return Math.min(end, rows);
    }

    /** Calls {@code work} once for each band index in {@code [0, bands)}. */
    void run(int bands, IntConsumer work) {
        if (pool == null || bands == 1) {
            for (int b = 0; b < bands; b++) {
                work.accept(b);
            }
        } else {
            pool.submit(() -> IntStream.range(0, bands).parallel().forEach(work)).join();
        }
    }
}
