package dev.brushedit.cli;

import dev.brushedit.core.BrushEditException;
import dev.brushedit.core.CancelledException;
import dev.brushedit.core.InferenceException;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.ModelException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code brushedit} command-line tool. Exit codes: 0 success, 2 bad usage, 3 bad input (files,
 * images, masks), 4 model folder problem, 5 inference failure, 130 cancelled, 1 anything else.
 * Errors are printed as one line a shell user can act on; {@code --verbose} adds the stack trace.
 *
 * <p>Thread-safety: a command object runs once, on one thread.
 */
@Command(
        name = "brushedit",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Diffusion inpainting and instruction-guided image editing (BrushNet / BrushEdit) on ONNX Runtime.",
        subcommands = {InpaintCommand.class, EditCommand.class, SegmentCommand.class, InfoCommand.class,
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
    /** Exit code after cancellation. */
    public static final int EXIT_CANCELLED = 130;

    /** Runs the tool and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(run(args));
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
