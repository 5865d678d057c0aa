package dev.brushedit.spark;

import dev.brushedit.core.ModelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkFiles;

/**
 * Finds the model folder on an executor: the path as given (a shared file system, or the same path on
 * every node), else a folder of that name that spark-submit's {@code --archives} unpacked into the
 * executor's working directory or into its SparkFiles directory.
 *
 * <p>Thread-safety: stateless.
 */
final class ModelLocator {
    private ModelLocator() {}

    static Path locate(String model) {
        List<Path> tried = new ArrayList<>();
        tried.add(Path.of(model));
        Path name = Path.of(model).getFileName();
        if (name != null) {
            tried.add(Path.of("").toAbsolutePath().resolve(name));
            try {
                tried.add(Path.of(SparkFiles.getRootDirectory()).resolve(name));
            } catch (RuntimeException e) {
                // no SparkContext in this JVM (not an executor): only the first two places apply
            }
        }
        for (Path p : tried) {
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        throw new ModelException("--model " + model + " is not a folder on this executor (looked in " + tried
                + "); give a path every executor can read, or ship the folder with --archives model.zip#NAME and --model NAME");
    }
}
