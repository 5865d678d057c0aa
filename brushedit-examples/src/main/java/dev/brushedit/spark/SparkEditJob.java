package dev.brushedit.spark;

import dev.brushedit.cli.BrushEditCli;
import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A spark-submit main class: runs the inpaintings and instruction edits of a table (CSV with a header,
 * or Parquet) with the columns {@code image} (required), {@code instruction}, {@code mask} and
 * {@code output}, and writes each output into {@code --output} and a results table (status, seconds,
 * executor, backend, seed, plan, model hashes, work region, stage timings, message, host, executor id,
 * finish time) to {@code --results}. Each executor JVM loads the model once ({@link ExecutorEditors})
 * and closes it at executor shutdown ({@link EditorPlugin}, added to {@code spark.plugins}). Outputs
 * that exist are skipped, so a re-submitted job resumes. Image, mask, model and output paths must be
 * readable (the output folder writable) on every executor: a shared file system; relative paths are
 * resolved against {@code --base} (default: the input table's folder). Exits 6 when any item failed.
 *
 * <p>Thread-safety: runs once, on the driver's main thread.
 */
@Command(name = "brushedit-spark", mixinStandardHelpOptions = true,
        description = "Inpaint or edit the images of a CSV or Parquet table on Apache Spark.")
public final class SparkEditJob implements Callable<Integer> {
    /** The exit code when any item failed, as {@code brushedit batch}'s. */
    public static final int EXIT_ITEMS_FAILED = BrushEditCli.EXIT_ITEMS_FAILED;

    @Option(names = "--input", required = true, description = "CSV (with a header) or Parquet table: image, instruction, mask, output.")
    String input;

    @Option(names = "--output", required = true, description = "Folder for the outputs, on a file system every executor writes to.")
    String output;

    @Option(names = "--results", description = "Where the results table goes (default: OUTPUT/results.parquet).")
    String results;

    @Option(names = "--base", description = "Folder that relative image and mask paths start from (default: the input table's folder).")
    String base;

    @Option(names = "--model", description = "Model folder (tools/exporter layout): a path every executor reads, or the name of "
            + "a folder shipped with --archives. Without it: PatchMatch and the weight-free executors.")
    String model;

    @Option(names = {"-p", "--prompt"}, defaultValue = "", description = "Prompt of mask-only rows (diffusion backends).")
    String prompt;

    @Option(names = "--steps", defaultValue = "30", description = "Denoising steps. Default: ${DEFAULT-VALUE}.")
    int steps;

    @Option(names = "--guidance", defaultValue = "7.5", description = "Guidance scale. Default: ${DEFAULT-VALUE}.")
    double guidance;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of every item. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--format", defaultValue = "png", description = "Output format where a row names no output: png or jpg. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--executor", defaultValue = "auto", description = "auto, diffusion (needs --model) or classical. Default: ${DEFAULT-VALUE}.")
    String executor;

    @Option(names = "--partitions", defaultValue = "0", description = "Repartition the input into this many tasks (0: as read). Default: ${DEFAULT-VALUE}.")
    int partitions;

    /**
     * What became of a job's items.
     *
     * <p>Thread-safety: immutable.
     *
     * @param done items run in this job
     * @param skipped items whose output existed
     * @param failed items that failed
     */
    public record Summary(long done, long skipped, long failed) {}

    /**
     * spark-submit's entry point; exits with 0, {@value #EXIT_ITEMS_FAILED} (some items failed), 2 (bad
     * options), 3 (bad input table), 4 (model folder) or 1, like the {@code brushedit} tool.
     */
    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new SparkEditJob());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("brushedit-spark: " + e.getMessage());
            return e instanceof dev.brushedit.core.ModelException ? 4 : e instanceof InvalidInputException ? 3 : 1;
        });
        System.exit(cli.execute(args));
    }

    @Override
    public Integer call() {
        JobSettings settings = settings();
        SparkConf conf = new SparkConf();  // spark-submit's settings, from the system properties it sets
        conf.set("spark.plugins", plugins(conf.get("spark.plugins", "")));
        SparkSession spark = SparkSession.builder().appName("brushedit-batch").config(conf).getOrCreate();
        try {
            Summary s = run(spark, settings);
            System.out.println("brushedit-spark: " + s.done() + " done, " + s.skipped() + " skipped, " + s.failed() + " failed; "
                    + "results in " + resultsPath());
            return s.failed() > 0 ? EXIT_ITEMS_FAILED : 0;
        } finally {
            spark.stop();
        }
    }

    /** {@code spark.plugins} with {@link EditorPlugin} added. */
    static String plugins(String configured) {
        String ours = EditorPlugin.class.getName();
        if (configured == null || configured.isBlank()) {
            return ours;
        }
        return configured.contains(ours) ? configured : configured + "," + ours;
    }

    /** Parses {@code args} as spark-submit would pass them and runs the job on {@code spark}; for tests. */
    static Summary runOn(SparkSession spark, String... args) {
        SparkEditJob job = new SparkEditJob();
        new CommandLine(job).parseArgs(args);
        return job.run(spark, job.settings());
    }

    private JobSettings settings() {
        return new JobSettings(model, output, format, prompt, steps, guidance, seed, executor);
    }

    private String resultsPath() {
        return results != null ? results : Path.of(output).resolve("results.parquet").toString();
    }

    /** Runs the job on {@code spark} and returns the counts (read back from the written results table). */
    Summary run(SparkSession spark, JobSettings settings) {
        Checks.notNull("spark", spark);
        Dataset<Row> table = read(spark, input);
        String from = base != null ? base : Path.of(input).toAbsolutePath().getParent().toString();
        PartitionEditor editor = new PartitionEditor(settings, from);
        requireDistinctOutputs(table, editor);
        if (partitions > 0) {
            table = table.repartition(partitions);
        }
        Dataset<Row> resultRows = spark.createDataFrame(table.javaRDD().mapPartitions(editor), ResultRows.SCHEMA);
        String where = resultsPath();
        boolean csv = where.toLowerCase(Locale.ROOT).endsWith(".csv");
        if (csv) {
            resultRows.coalesce(1).write().mode(SaveMode.Overwrite).option("header", "true").csv(where);
        } else {
            resultRows.write().mode(SaveMode.Overwrite).parquet(where);
        }
        Dataset<Row> written = csv ? spark.read().option("header", "true").csv(where) : spark.read().parquet(where);
        long done = 0;
        long skipped = 0;
        long failed = 0;
        for (Row r : written.groupBy("status").count().collectAsList()) {
            switch (r.getString(0)) {
                case "done" -> done = r.getLong(1);
                case "skipped" -> skipped = r.getLong(1);
                default -> failed += r.getLong(1);
            }
        }
        return new Summary(done, skipped, failed);
    }

    /** The input table with the columns image, instruction, mask, output as strings (absent ones null). */
    static Dataset<Row> read(SparkSession spark, String input) {
        String lower = input.toLowerCase(Locale.ROOT);
        Dataset<Row> raw = lower.endsWith(".csv") ? spark.read().option("header", "true").csv(input) : spark.read().parquet(input);
        List<String> have = new ArrayList<>();
        for (String c : raw.columns()) {
            String name = c.strip().toLowerCase(Locale.ROOT);
            if (!PartitionEditor.INPUT_COLUMNS.contains(name)) {
                throw new InvalidInputException("--input " + input + ": unknown column \"" + c + "\"; the columns are "
                        + String.join(", ", PartitionEditor.INPUT_COLUMNS));
            }
            have.add(name);
        }
        if (!have.contains("image")) {
            throw new InvalidInputException("--input " + input + " has no image column");
        }
        raw = raw.toDF(have.toArray(String[]::new));
        List<Column> columns = new ArrayList<>();
        for (String c : PartitionEditor.INPUT_COLUMNS) {
            columns.add(have.contains(c) ? functions.col(c).cast("string").as(c) : functions.lit(null).cast("string").as(c));
        }
        return raw.select(columns.toArray(Column[]::new));
    }

    /** Two rows that would write the same output would race on it: refused before any work. */
    private static void requireDistinctOutputs(Dataset<Row> table, PartitionEditor editor) {
        List<Row> twice = table.map((MapFunction<Row, String>) editor::outputName, Encoders.STRING())
                .filter(functions.col("value").notEqual(""))
                .groupBy("value").count().filter(functions.col("count").gt(1)).limit(3).collectAsList();
        if (!twice.isEmpty()) {
            throw new InvalidInputException("rows would write the same output (" + twice.get(0).getString(0) + ", "
                    + twice.get(0).getLong(1) + " rows); give them an output column or different instructions");
        }
    }
}
