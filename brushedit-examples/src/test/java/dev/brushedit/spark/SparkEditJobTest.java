package dev.brushedit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.batch.Samples;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.ImageFiles;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job in local mode (two task threads) on the weight-free backend, on the sample photos:
 * a CSV run, a resumed Parquet run, refusals, and the editor's one load and its close at shutdown.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SparkEditJobTest {
    @TempDir
    static Path dir;
    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder().master("local[2]").appName("brushedit-test")
                .config("spark.plugins", SparkEditJob.plugins(""))
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
        Samples.copy("rocket.jpg", dir.resolve("in/rocket.jpg"));
        Samples.copy("coffee.png", dir.resolve("in/coffee.png"));
        Samples.copy("coffee-cup-saucer-mask.png", dir.resolve("in/cup.png"));
        // a small hole (a spot on the table) keeps the mask-only row's PatchMatch quick
        ImageFiles.write(Mask.ofBox(600, 400, new Box(40, 330, 70, 360)).toImage(), dir.resolve("in/spot.png"));
    }

    @AfterAll
    static void stopSparkClosesTheEditor() {
        assertThat(ExecutorEditors.isLoaded()).isTrue();
        spark.stop();
        assertThat(ExecutorEditors.isLoaded()).as("closed by the executor plugin at shutdown").isFalse();
    }

    private static Map<String, Row> results(Path table) {
        List<Row> rows = spark.read().parquet(table.toString()).collectAsList();
        return rows.stream().collect(Collectors.toMap(r -> r.getString(r.fieldIndex("output")), r -> r));
    }

    @Test
    @Order(1)
    void editsTheRowsOfACsvOnTwoTasksWithOneEditorLoad() throws IOException {
        Path csv = dir.resolve("in/edits.csv");
        Files.writeString(csv, "image,instruction,mask\n"
                + "coffee.png,remove the stain,spot.png\n"
                + "rocket.jpg,make it sepia,\n"
                + "coffee.png,\"make the cup blue, please\",cup.png\n"
                + "coffee.png,,spot.png\n"
                + "coffee.png,add a hat,\n"
                + "missing.png,make it sepia,\n");
        Path out = dir.resolve("out");
        int loadsBefore = ExecutorEditors.loads();
        SparkEditJob.Summary s = SparkEditJob.runOn(spark, "--input", csv.toString(), "--output", out.toString(),
                "--partitions", "2");
        assertThat(s).isEqualTo(new SparkEditJob.Summary(4, 0, 2));
        assertThat(ExecutorEditors.loads() - loadsBefore).as("one editor for both tasks of this JVM").isEqualTo(1);
        Map<String, Row> rows = results(out.resolve("results.parquet"));
        assertThat(rows).hasSize(6);
        Row stain = rows.get("coffee-remove-the-stain.png");
        assertThat(stain.getString(stain.fieldIndex("status"))).isEqualTo("done");
        assertThat(stain.getString(stain.fieldIndex("executor"))).isEqualTo("inpainter/patchmatch");
        assertThat(stain.getLong(stain.fieldIndex("seed"))).isZero();
        assertThat(stain.getDouble(stain.fieldIndex("seconds"))).isPositive();
        assertThat(stain.getString(stain.fieldIndex("host"))).isNotEmpty();
        assertThat(stain.getTimestamp(stain.fieldIndex("finished_at"))).isNotNull();
        assertThat(rows.get("rocket-make-it-sepia.png").getString(stain.fieldIndex("executor"))).isEqualTo("adjust");
        assertThat(rows.get("coffee-make-the-cup-blue-please.png").getString(stain.fieldIndex("executor"))).isEqualTo("recolour");
        assertThat(rows.get("coffee.png").getString(stain.fieldIndex("executor"))).isEqualTo("inpainter/patchmatch");
        Row hat = rows.get("coffee-add-a-hat.png");
        assertThat(hat.getString(hat.fieldIndex("status"))).isEqualTo("failed");
        assertThat(hat.getString(hat.fieldIndex("message"))).contains("ADDITION").contains("--model DIR");
        Row missing = rows.get("missing-make-it-sepia.png");
        assertThat(missing.getString(missing.fieldIndex("message"))).contains("missing.png does not exist");
        RgbImage cup = ImageFiles.read(out.resolve("coffee-make-the-cup-blue-please.png"));
        int rgb = cup.rgb(130, 250);
        assertThat(rgb & 0xFF).as("the cup is blue").isGreaterThan((rgb >> 16) & 0xFF);
        assertThat(ImageFiles.read(out.resolve("coffee-remove-the-stain.png")).width()).isEqualTo(600);
        assertThat(out.resolve("coffee-add-a-hat.png")).doesNotExist();
    }

    @Test
    @Order(2)
    void aResubmittedJobOnAParquetTableSkipsTheFinishedOutputs() {
        Path table = dir.resolve("in/edits.parquet");
        spark.read().option("header", "true").csv(dir.resolve("in/edits.csv").toString()).write().parquet(table.toString());
        Path out = dir.resolve("out");
        SparkEditJob.Summary s = SparkEditJob.runOn(spark, "--input", table.toString(), "--base", dir.resolve("in").toString(),
                "--output", out.toString(), "--results", dir.resolve("again.csv").toString());
        assertThat(s).isEqualTo(new SparkEditJob.Summary(0, 4, 2));
        assertThat(spark.read().option("header", "true").csv(dir.resolve("again.csv").toString()).count()).isEqualTo(6);
    }

    @Test
    @Order(3)
    void rowsThatWouldWriteTheSameOutputAndUnknownColumnsAreRefusedBeforeAnyWork() throws IOException {
        Path twice = dir.resolve("in/twice.csv");
        Files.writeString(twice, "image,instruction\nrocket.jpg,make it sepia\nrocket.jpg,Make it sepia!\n");
        assertThatThrownBy(() -> SparkEditJob.runOn(spark, "--input", twice.toString(), "--output", dir.resolve("o2").toString()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("rocket-make-it-sepia.png");
        Path unknown = dir.resolve("in/unknown.csv");
        Files.writeString(unknown, "image,prompt\nrocket.jpg,a sky\n");
        assertThatThrownBy(() -> SparkEditJob.runOn(spark, "--input", unknown.toString(), "--output", dir.resolve("o2").toString()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("unknown column \"prompt\"");
        assertThat(dir.resolve("o2")).doesNotExist();
    }
}
