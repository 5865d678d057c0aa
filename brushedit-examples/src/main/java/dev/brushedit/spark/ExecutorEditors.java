package dev.brushedit.spark;

import dev.brushedit.batch.EditWorker;
import dev.brushedit.core.Checks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one worker (one model load) of this JVM, shared by every task that runs on it: loaded on first
 * use, closed when the executor shuts down ({@link EditorPlugin}, which the job registers) or, when
 * the plugin is not installed, by a JVM shutdown hook. A task with other settings (another job in the
 * same JVM) replaces it.
 *
 * <p>Thread-safety: safe for concurrent use; the worker itself is shared by concurrent tasks (its
 * backends are safe for that).
 */
public final class ExecutorEditors {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorEditors.class);
    private static EditWorker worker;
    private static JobSettings loadedFor;
    private static int loads;
    private static boolean hooked;

    private ExecutorEditors() {}

    /** This JVM's worker for {@code settings}, loading it on first use. */
    static synchronized EditWorker worker(JobSettings settings) {
        Checks.notNull("settings", settings);
        if (worker != null && settings.equals(loadedFor)) {
            return worker;
        }
        close();
        long t0 = System.nanoTime();
        worker = settings.openWorker(settings.model() == null ? null : ModelLocator.locate(settings.model()));
        loadedFor = settings;
        loads++;
        LOG.info("loaded the {} editor in {} ms (load {} in this JVM)", worker.backendName(), (System.nanoTime() - t0) / 1_000_000,
                loads);
        if (!hooked) {
            Runtime.getRuntime().addShutdownHook(new Thread(ExecutorEditors::close, "brushedit-editor-close"));
            hooked = true;
        }
        return worker;
    }

    /** Closes this JVM's worker, if one is loaded; the next task loads it again. */
    public static synchronized void close() {
        if (worker != null) {
            LOG.info("closing the {} editor", worker.backendName());
            worker.close();
            worker = null;
            loadedFor = null;
        }
    }

    /** Whether a worker is loaded now. */
    public static synchronized boolean isLoaded() {
        return worker != null;
    }

    /** How many times this JVM has loaded a worker. */
    public static synchronized int loads() {
        return loads;
    }
}
