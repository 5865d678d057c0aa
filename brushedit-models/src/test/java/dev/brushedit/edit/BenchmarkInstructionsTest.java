package dev.brushedit.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.RgbImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The offline instructor on src/test/resources/edit/benchmark-instructions.tsv: verbatim instructions
 * from public editing benchmarks, labelled by another author than the grammar's (see the README next
 * to it). Prints, and writes to target/benchmark-instructions-report.md, the per-category accuracy,
 * the confusion matrix and the target match, and asserts the figures the grammar reaches.
 *
 * <p>A row's category is right when the plan's category equals the label (a refusal is never
 * right). Its target is right when the plan's target object equals the label exactly; a BACKGROUND
 * label with an empty target (no subject named) expects the instructor's configured foreground
 * ({@code "main subject"}), which is what it keeps in that case.
 */
class BenchmarkInstructionsTest {
    /** Category accuracy reached on the set (see BENCHMARKS.md); fails on any regression below it. */
    static final double CATEGORY_THRESHOLD = 0.98;
    /** Target match reached on the set, over all rows. */
    static final double TARGET_THRESHOLD = 0.98;

    record Row(int line, String instruction, EditCategory category, String target) {}

    /** Scores of one set: category and target accuracy over all rows, and the report written for it. */
    record Score(int rows, double category, double target, String report, Path reportFile) {}

    /** The set's rows, read by the labelled-set reader (its fourth column, the source, is not used here). */
    static List<Row> rows() throws IOException {
        return rows("/edit/benchmark-instructions.tsv");
    }

    /** The rows of a set in the benchmark format (instruction, category, target, source). */
    static List<Row> rows(String resource) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (OfflineInstructorAccuracyTest.Row r : OfflineInstructorAccuracyTest.rows(resource)) {
            rows.add(new Row(r.line(), r.instruction(), EditCategory.valueOf(r.category().strip()), r.target().strip()));
        }
        return rows;
    }

    @Test
    void categoryAndTargetOnTheBenchmarkSet() throws IOException {
        List<Row> rows = rows();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(150);
        Score score = score("benchmark-instructions.tsv", rows);
        assertThat(score.category()).as("category accuracy; see %s", score.reportFile()).isGreaterThanOrEqualTo(CATEGORY_THRESHOLD);
        assertThat(score.target()).as("target match; see %s", score.reportFile()).isGreaterThanOrEqualTo(TARGET_THRESHOLD);
    }

    /**
     * Scores the set in src/test/resources/edit/&lt;name&gt; and asserts that it has at least {@code minRows} rows and reaches both
     * thresholds; the report is written as {@link #score} does.
     */
    static void assertSetReaches(String name, int minRows, double categoryThreshold, double targetThreshold) throws IOException {
        List<Row> rows = rows("/edit/" + name);
        assertThat(rows).hasSizeGreaterThanOrEqualTo(minRows);
        Score score = score(name, rows);
        assertThat(score.category()).as("category accuracy; see %s", score.reportFile()).isGreaterThanOrEqualTo(categoryThreshold);
        assertThat(score.target()).as("target match; see %s", score.reportFile()).isGreaterThanOrEqualTo(targetThreshold);
    }

    /**
     * Plans every row, prints the per-category accuracy, confusion matrix and misses, and writes them to
     * target/&lt;name without .tsv&gt;-report.md.
     */
    static Score score(String name, List<Row> rows) throws IOException {
        OfflineInstructor instructor = OfflineInstructor.create();
        String foreground = "main subject";
        RgbImage image = RgbImage.filled(64, 48, 10, 20, 30);
        Map<EditCategory, Map<String, Integer>> confusion = new EnumMap<>(EditCategory.class);
        int categoryRight = 0;
        int targetRight = 0;
        int targetRightGivenCategory = 0;
        List<String> misses = new ArrayList<>();
        for (Row row : rows) {
            String got;
            String target;
            try {
                EditPlan plan = instructor.plan(image, row.instruction());
                got = plan.category().name();
                target = plan.targetObject();
            } catch (InvalidInputException e) {
                got = "REFUSED";
                target = null;
            }
            confusion.computeIfAbsent(row.category(), c -> new LinkedHashMap<>()).merge(got, 1, Integer::sum);
            boolean categoryOk = got.equals(row.category().name());
            String expectedTarget = row.category() == EditCategory.BACKGROUND && row.target().isEmpty() ? foreground : row.target();
            boolean targetOk = target != null && target.equals(expectedTarget);
            categoryRight += categoryOk ? 1 : 0;
            targetRight += targetOk ? 1 : 0;
            targetRightGivenCategory += categoryOk && targetOk ? 1 : 0;
            if (!categoryOk || !targetOk) {
                misses.add(String.format(Locale.ROOT, "line %d \"%s\": %s \"%s\", expected %s \"%s\"", row.line(), row.instruction(),
                        got, target, row.category(), expectedTarget));
            }
        }
        double category = (double) categoryRight / rows.size();
        double targetMatch = (double) targetRight / rows.size();
        String report = report(name, rows.size(), confusion, categoryRight, targetRight, targetRightGivenCategory, misses);
        System.out.println(report);
        Path out = Path.of("target", name.replace(".tsv", "") + "-report.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        return new Score(rows.size(), category, targetMatch, report, out);
    }

    private static String report(String name, int n, Map<EditCategory, Map<String, Integer>> confusion, int categoryRight, int targetRight,
            int bothRight, List<String> misses) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s, %d rows: category %d/%d (%.1f %%), target %d/%d (%.1f %%), "
                + "both %d/%d (%.1f %%)%n%n", name, n, categoryRight, n, 100.0 * categoryRight / n, targetRight, n, 100.0 * targetRight / n,
                bothRight, n, 100.0 * bothRight / n));
        List<String> columns = new ArrayList<>();
        for (EditCategory c : EditCategory.values()) {
            columns.add(c.name());
        }
        columns.add("REFUSED");
        b.append("| label \\ planned | ").append(String.join(" | ", columns)).append(" | accuracy |\n");
        b.append("|---|").append("---|".repeat(columns.size() + 1)).append('\n');
        for (EditCategory c : EditCategory.values()) {
            Map<String, Integer> row = confusion.getOrDefault(c, Map.of());
            int total = row.values().stream().mapToInt(Integer::intValue).sum();
            if (total == 0) {
                continue;
            }
            b.append("| ").append(c).append(" |");
            for (String col : columns) {
                b.append(' ').append(row.getOrDefault(col, 0)).append(" |");
            }
            b.append(String.format(Locale.ROOT, " %d/%d (%.1f %%) |%n", row.getOrDefault(c.name(), 0), total,
                    100.0 * row.getOrDefault(c.name(), 0) / total));
        }
        b.append("\nMisses (category or target):\n");
        misses.forEach(m -> b.append("- ").append(m).append('\n'));
        return b.toString();
    }
}
