package dev.brushedit.cli;

import dev.brushedit.models.ExecutionOptions;
import java.util.Locale;
import picocli.CommandLine.Option;

/** Options that choose where models run; shared by the commands that load models. */
final class ModelOptions {

    @Option(names = "--provider", defaultValue = "cpu", description = "Execution provider: cpu or cuda (falls back to cpu with a warning). Default: ${DEFAULT-VALUE}.")
    String provider;

    @Option(names = "--device-id", defaultValue = "0", description = "CUDA device id. Default: ${DEFAULT-VALUE}.")
    int deviceId;

    @Option(names = "--threads", defaultValue = "0", description = "Intra-op threads; 0 lets ONNX Runtime choose. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--low-mem", description = "Low-memory mode: the VAE in small tiles, the guidance halves one after the "
            + "other, working memory and the VAE sessions released after use. Slower; for machines where the default does not fit.")
    boolean lowMemory;

    @Option(names = "--keep-step-memory", description = "Keep the denoising graph's working memory from one edit to the next"
            + " (about 0.6 GiB more at peak for a 512 edit) so later edits' first steps need not fault it in again; for"
            + " processes that make many edits (serve). Cannot be combined with --low-mem.")
    boolean keepStepMemory;

    /** The execution options; a usage error for a bad --provider, --device-id or --threads, or conflicting flags. */
    ExecutionOptions executionOptions() {
        ExecutionOptions.Builder b = ExecutionOptions.builder();
        Usage.require(deviceId >= 0, "--device-id must be 0 or more, was " + deviceId);
        Usage.require(threads >= 0, "--threads must be 0 (ONNX Runtime chooses) or more, was " + threads);
        switch (provider.toLowerCase(Locale.ROOT)) {
            case "cpu" -> b.cpu();
            case "cuda" -> Usage.option("--device-id", deviceId, () -> b.cudaDevice(deviceId));
            default -> throw new UsageException("--provider must be cpu or cuda, was " + provider);
        }
        if (threads > 0) {
            Usage.option("--threads", threads, () -> b.intraOpThreads(threads));
        }
        Usage.require(!(lowMemory && keepStepMemory), "--keep-step-memory cannot be combined with --low-mem; use one of them");
        return b.lowMemory(lowMemory).keepStepMemory(keepStepMemory).build();
    }
}
