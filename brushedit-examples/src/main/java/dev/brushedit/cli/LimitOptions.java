package dev.brushedit.cli;

import dev.brushedit.core.InputLimits;
import picocli.CommandLine.Option;

/** {@code --max-pixels}: the pixel budget, shared by every command that reads an image. */
final class LimitOptions {

    @Option(names = "--max-pixels", description = "Reject images with more pixels than this (default: fitted to the JVM heap).")
    Long maxPixels;

    InputLimits limits() {
        return maxPixels == null ? InputLimits.defaults()
                : Usage.option("--max-pixels", maxPixels, () -> InputLimits.builder().maxPixels(maxPixels).build());
    }
}
