package dev.brushedit.spark;

import dev.brushedit.batch.BatchInputs;
import dev.brushedit.batch.BatchItem;
import dev.brushedit.batch.BatchRunner;
import dev.brushedit.batch.EditWorker;
import dev.brushedit.batch.ItemResult;
import dev.brushedit.core.Checks;
import dev.brushedit.inpaint.ProgressListener;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;

/**
 * Runs one partition's rows (image, instruction, mask, output, all strings, nulls allowed) on this
 * JVM's worker and yields one result row each, lazily. A row that cannot become an item (no image, or
 * neither instruction nor mask) is a failed result, like an item that fails.
 *
 * <p>Thread-safety: Spark runs each instance on one task thread at a time; the shared worker is safe
 * for concurrent tasks.
 */
final class PartitionEditor implements FlatMapFunction<Iterator<Row>, Row> {
    private static final long serialVersionUID = 1L;
    /** The input columns this function reads, in this order. */
    static final List<String> INPUT_COLUMNS = List.of("image", "instruction", "mask", "output");

    private final JobSettings settings;
    private final String base;

    PartitionEditor(JobSettings settings, String base) {
        this.settings = Checks.notNull("settings", settings);
        this.base = Checks.notBlank("base", base);
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        String host = host();
        String executorId = SparkEnv.get() == null ? "" : SparkEnv.get().executorId();
        Path out = Path.of(settings.outputFolder());
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Row next() {
                Row r = rows.next();
                BatchItem item;
                try {
                    item = item(r);
                } catch (RuntimeException e) {
                    return ResultRows.of(java.util.Arrays.asList(r.getString(0), r.getString(0), r.getString(2), r.getString(1),
                            r.getString(3), "failed", "0", "", "", "", "", "", "", "", e.getMessage()), host, executorId);
                }
                EditWorker worker = ExecutorEditors.worker(settings);
                ItemResult result = BatchRunner.runOne(item, out.resolve(item.outputName()), worker, ProgressListener.NONE);
                return ResultRows.of(result, host, executorId);
            }
        };
    }

    private BatchItem item(Row r) {
        return BatchInputs.item("", Path.of(base), r.getString(0), r.getString(1), r.getString(2), r.getString(3),
                settings.format());
    }

    /** The output name a row would get, or empty when it cannot become an item; for the duplicate check. */
    String outputName(Row r) {
        try {
            return item(r).outputName();
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "";
        }
    }
}
