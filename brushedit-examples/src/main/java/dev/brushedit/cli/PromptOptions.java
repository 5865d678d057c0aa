package dev.brushedit.cli;

import picocli.CommandLine.Option;

/** {@code -p/--prompt} and {@code --negative-prompt}, shared by {@code inpaint} and {@code extend}. */
final class PromptOptions {

    @Option(names = {"-p", "--prompt"}, defaultValue = "", description = "What the new pixels should show (diffusion backends).")
    String prompt;

    @Option(names = "--negative-prompt", defaultValue = "", description = "What they should not show.")
    String negativePrompt;
}
