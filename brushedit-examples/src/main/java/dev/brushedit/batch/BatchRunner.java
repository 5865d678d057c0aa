package dev.brushedit.batch;

import dev.brushedit.core.CancelledException;
import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.inpaint.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a batch's items one after the other into an output folder. An item whose output file already
 * exists is skipped (outputs are written atomically, so an existing one is complete; a run cut off
 * mid-write leaves only a hidden temporary file). A failing item is logged (SLF4J, info; the stack
 * trace at debug) and recorded, and the batch goes on; a {@link CancelledException} or an {@link Error} stops it.
 *
 * <p>Thread-safety: stateless; {@link #run} may be called from several threads with separate folders.
 */
public final class BatchRunner {
    private static final Logger LOG = LoggerFactory.getLogger(BatchRunner.class);

    /**
     * Hears of each finished item.
     *
     * <p>Thread-safety: called on the thread that runs the batch.
     */
    @FunctionalInterface
    public interface Listener {
        /** Item number {@code finished} of {@code total} is finished (done, skipped or failed). */
        void onItem(ItemResult result, int finished, int total);
    }

    private BatchRunner() {}

    /** Whether {@code output} holds a finished output: a non-empty regular file. */
    public static boolean finished(Path output) {
        try {
            return Files.isRegularFile(output) && Files.size(output) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Runs {@code items} with {@code worker}, writing each output into {@code outputFolder} (created if
     * missing), and returns what became of each.
     */
    public static BatchSummary run(List<BatchItem> items, Path outputFolder, EditWorker worker, Listener listener) {
        Checks.notNull("items", items);
        Checks.notNull("outputFolder", outputFolder);
        Checks.notNull("worker", worker);
        Checks.notNull("listener", listener);
        try {
            Files.createDirectories(outputFolder);
        } catch (IOException e) {
            throw new InvalidInputException("cannot create the output folder " + outputFolder + ": " + e.getMessage(), e);
        }
        long started = System.nanoTime();
        List<ItemResult> results = new ArrayList<>(items.size());
        for (BatchItem item : items) {
            ItemResult r = runOne(item, outputFolder.resolve(item.outputName()), worker, ProgressListener.NONE);
            results.add(r);
            listener.onItem(r, results.size(), items.size());
        }
        return new BatchSummary(results, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Runs one item into {@code output} unless that is already finished; never throws for a failing
     * item (the result says why), only for cancellation and JVM errors.
     */
    public static ItemResult runOne(BatchItem item, Path output, EditWorker worker, ProgressListener progress) {
        if (finished(output)) {
            return new ItemResult(item, ItemStatus.SKIPPED, 0, Optional.empty(), "");
        }
        long t0 = System.nanoTime();
        try {
            ItemOutcome outcome = worker.run(item, output, progress);
            return new ItemResult(item, ItemStatus.DONE, seconds(t0), Optional.of(outcome), "");
        } catch (CancelledException e) {
            throw e;
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replace('\n', ' ');
            LOG.info("batch item {} failed: {}", item.id(), message);
            LOG.debug("batch item {} failed", item.id(), e);
            return new ItemResult(item, ItemStatus.FAILED, seconds(t0), Optional.empty(), message);
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
