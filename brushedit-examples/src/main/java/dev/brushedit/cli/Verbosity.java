package dev.brushedit.cli;

import picocli.CommandLine.Option;

/** {@code -q/--quiet} and {@code --verbose}, shared by the commands that do work. */
final class Verbosity {

    @Option(names = {"-q", "--quiet"}, description = "No progress or summary output; errors only.")
    boolean quiet;

    @Option(names = "--verbose", description = "Print stack traces on errors.")
    boolean verbose;
}
