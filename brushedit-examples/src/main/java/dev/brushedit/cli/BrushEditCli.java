package dev.brushedit.cli;

import dev.brushedit.core.BrushEditException;
import dev.brushedit.core.CancelledException;
import dev.brushedit.core.InferenceException;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.ModelException;
import dev.brushedit.models.NativeShutdown;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code brushedit} command-line tool. Exit codes: 0 success, 2 bad usage, 3 bad input (files,
 * images, masks), 4 model folder problem, 5 inference failure, 6 some items of a batch failed (the
 * others were done), 130 cancelled, 1 anything else.
 * Errors are printed as one line a shell user can act on; {@code --verbose} adds the stack trace.
 *
 * <p>Thread-safety: a command object runs once, on one thread.
 */
@Command(
        name = "brushedit",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Diffusion inpainting and instruction-guided image editing (BrushNet / BrushEdit) on ONNX Runtime.",
        subcommands = {InpaintCommand.class, ExtendCommand.class, EditCommand.class, SegmentCommand.class, ServeCommand.class,
            BatchCommand.class, InfoCommand.class,
            CommandLine.HelpCommand.class})
public final class BrushEditCli {

    /** Exit code for bad usage: unknown options, missing or malformed option values. */
    public static final int EXIT_USAGE = 2;
    /** Exit code for bad input files, images or masks. */
    public static final int EXIT_INPUT = 3;
    /** Exit code for a missing or broken model folder. */
    public static final int EXIT_MODEL = 4;
    /** Exit code for a failed model run. */
    public static final int EXIT_INFERENCE = 5;
    /** Exit code of {@code brushedit batch} when any item failed (the others were done; see its results CSV). */
    public static final int EXIT_ITEMS_FAILED = 6;
    /** Exit code after cancellation. */
    public static final int EXIT_CANCELLED = 130;

    /** Longest wait for a running ONNX Runtime call (a session being created) when the tool is stopped. */
    static final Duration NATIVE_WAIT = Duration.ofSeconds(30);

    private static final AtomicBoolean STOPPING = new AtomicBoolean();

    /**
     * Runs the tool and exits with its exit code. SIGTERM or SIGINT (Ctrl-C) while a command runs
     * exits with {@value #EXIT_CANCELLED} once no ONNX Runtime call is running (waiting at most
     * {@link #NATIVE_WAIT}): the JVM's default exit would free ONNX Runtime under a session being
     * created and crash.
     */
    public static void main(String[] args) {
        SignalTrap.on("TERM", BrushEditCli::cancelled);
        SignalTrap.on("INT", BrushEditCli::cancelled);
        System.exit(run(args));
    }

    /** The signal handler: stop native work, wait for the running call, exit 130 (a second signal is ignored). */
    private static void cancelled() {
        if (!STOPPING.compareAndSet(false, true)) {
            return;
        }
        boolean idle = NativeShutdown.stopAndAwait(NATIVE_WAIT);
        System.out.flush();
        System.err.println("brushedit: cancelled" + (idle ? "" : "; ONNX Runtime was still busy after "
                + NATIVE_WAIT.toSeconds() + " s"));
        System.err.flush();
        System.exit(EXIT_CANCELLED);
    }

    /** Runs the tool and returns its exit code; for tests and embedding. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new BrushEditCli());
        cli.setExecutionExceptionHandler(BrushEditCli::handle);
        return cli.execute(args);
    }

    /** Builds a command line whose output and errors go to the given writers; for tests. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new BrushEditCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(BrushEditCli::handle);
        return cli;
    }

    private static int handle(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        err.println("brushedit " + cmd.getCommandName() + ": " + oneLine(e)
                + (e instanceof UsageException ? " (see brushedit " + cmd.getCommandName() + " --help)" : ""));
        CommandLine.ParseResult leaf = parsed;
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
        }
        if (leaf.hasMatchedOption("--verbose")) {
            e.printStackTrace(err);
        }
        err.flush();
        if (e instanceof UsageException) {
            return EXIT_USAGE;
        }
        if (e instanceof InvalidInputException) {
            return EXIT_INPUT;
        }
        if (e instanceof ModelException) {
            return EXIT_MODEL;
        }
        if (e instanceof InferenceException) {
            return EXIT_INFERENCE;
        }
        if (e instanceof CancelledException) {
            return EXIT_CANCELLED;
        }
        return 1;
    }

    private static String oneLine(Exception e) {
        String message = e instanceof BrushEditException || e instanceof UsageException ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.replace('\n', ' ');
    }
}
