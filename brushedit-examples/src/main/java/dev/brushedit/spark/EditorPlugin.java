package dev.brushedit.spark;

import java.util.Map;
import org.apache.spark.api.plugin.DriverPlugin;
import org.apache.spark.api.plugin.ExecutorPlugin;
import org.apache.spark.api.plugin.SparkPlugin;

/**
 * Closes the executor's editor ({@link ExecutorEditors}) when Spark stops the executor, before the JVM
 * exits: ONNX Runtime releases its environment in a JVM shutdown hook of its own, so sessions are best
 * closed before then. {@link SparkEditJob} adds it to {@code spark.plugins}.
 *
 * <p>Thread-safety: Spark calls it once per executor.
 */
public final class EditorPlugin implements SparkPlugin {

    @Override
    public DriverPlugin driverPlugin() {
        return null;
    }

    @Override
    public ExecutorPlugin executorPlugin() {
        return new ExecutorPlugin() {
            @Override
            public void init(org.apache.spark.api.plugin.PluginContext ctx, Map<String, String> extraConf) {
                // the editor loads lazily, with the first task that needs it
            }

            @Override
            public void shutdown() {
                ExecutorEditors.close();
            }
        };
    }
}
