package dev.brushedit.cli;

import dev.brushedit.inpaint.Inpainter;
import dev.brushedit.server.BrushEditServer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code brushedit serve}: the HTTP server with the JSON API and the browser editor, over one model
 * load shared by all requests (PatchMatch and the weight-free executors without {@code --model}).
 * Binds 127.0.0.1 unless {@code --host} says otherwise; runs until stopped (Ctrl-C).
 *
 * <p>Thread-safety: runs once, on one thread.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the JSON API (inpaint, edit, segment, plan; jobs with progress events) and the web editor.")
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--host", defaultValue = BrushEditServer.DEFAULT_HOST, description = "Address to bind; 0.0.0.0 "
            + "exposes the server to the network (it has no authentication). Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--port", defaultValue = "" + BrushEditServer.DEFAULT_PORT, description = "Port; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--workers", defaultValue = "1", description = "Requests run at once (each holds its own working memory). Default: ${DEFAULT-VALUE}.")
    int workers;

    @Option(names = "--queue", defaultValue = "8", description = "Requests that may wait for a worker; more get HTTP 429. Default: ${DEFAULT-VALUE}.")
    int queue;

    @Option(names = "--max-request-mb", defaultValue = "32", description = "Largest request body in MiB; larger gets HTTP 413. Default: ${DEFAULT-VALUE}.")
    int maxRequestMb;

    @Option(names = "--segment-models", description = "Detector + SAM folder: enables /api/segment and edits without a mask.")
    Path segmentModels;

    @Option(names = "--tokenizer", description = "CLIP tokenizer folder for the detector, when the segmentation folder has none.")
    Path tokenizer;

    @Mixin
    InpaintingOptions inpainting;

    @Mixin
    Verbosity verbosity;

    @Override
    public Integer call() throws InterruptedException {
        inpainting.check();
        BrushEditServer.Builder builder = BrushEditServer.builder().limits(inpainting.limits())
                .defaults(inpainting.request().build());
        Usage.option("--host", host, () -> builder.host(host));
        Usage.option("--port", port, () -> builder.port(port));
        Usage.option("--workers", workers, () -> builder.workers(workers));
        Usage.option("--queue", queue, () -> builder.queueCapacity(queue));
        Usage.option("--max-request-mb", maxRequestMb, () -> builder.maxRequestBytes((long) maxRequestMb << 20));
        try (SegmentModels segmenter = segmentModels == null ? null
                        : SegmentModels.open(segmentModels, tokenizer, inpainting.modelOptions.executionOptions());
                Inpainter inpainter = inpainting.openInpainter()) {
            if (segmenter != null) {
                builder.segmenter(segmenter.maskSource());
            }
            try (BrushEditServer server = builder.inpainter(inpainter).build().start()) {
                if (!verbosity.quiet) {
                    spec.commandLine().getOut().println("serving " + inpainter.backendName() + " on http://" + host + ":"
                            + server.port() + "/ (API description: /openapi.yaml); stop with Ctrl-C");
                    spec.commandLine().getOut().flush();
                }
                new CountDownLatch(1).await();
            }
        }
        return 0;
    }
}
