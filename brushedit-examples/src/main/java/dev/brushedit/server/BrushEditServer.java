package dev.brushedit.server;

import dev.brushedit.core.Checks;
import dev.brushedit.core.InputLimits;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.edit.InstructionEditor;
import dev.brushedit.edit.MaskSource;
import dev.brushedit.edit.OfflineInstructor;
import dev.brushedit.inpaint.InpaintRequest;
import dev.brushedit.inpaint.Inpainter;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;

/**
 * The {@code brushedit serve} HTTP server: a JSON API over one shared {@link Inpainter} (one model
 * load for all requests) and the offline instruction planner, a bounded job queue, and the browser
 * editor at {@code /}. Its routes are described by {@code /openapi.yaml}. Errors are JSON objects
 * naming the request field at fault; a request this server cannot honour (a prompt or an edit that
 * needs a diffusion model it was not given) is refused with a 4xx before any work.
 *
 * <p>The server does not own the inpainter or the segmenter: close them after the server.
 *
 * <p>Thread-safety: thread-safe; {@link #start} and {@link #close} are called once each.
 */
public final class BrushEditServer implements AutoCloseable {
    /** The default bind address: this machine only. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** The default port. */
    public static final int DEFAULT_PORT = 8765;
    /** Finished jobs whose status and result stay readable. */
    static final int RETAINED_JOBS = 64;

    private final ServerSettings settings;
    private final JobQueue queue;
    private final Routes routes;
    private final Javalin app;

    private BrushEditServer(Builder b) {
        this.settings = new ServerSettings(b.host, b.port, b.workers, b.queueCapacity, b.maxRequestBytes);
        this.queue = new JobQueue(b.workers, b.queueCapacity, RETAINED_JOBS);
        InpaintRequest defaults = b.defaults != null ? b.defaults : b.inpainter.defaults();
        InstructionEditor editor = InstructionEditor.builder().instructor(OfflineInstructor.create()).inpainter(b.inpainter)
                .request(defaults.toBuilder().negativePrompt(InstructionEditor.DEFAULT_NEGATIVE_PROMPT).build()).build();
        this.routes = new Routes(new Operations(b.inpainter, defaults, editor, b.segmenter, b.limits), queue, settings);
        this.app = Javalin.create(config -> {
            config.http.maxRequestSize = settings.maxRequestBytes();
            config.startup.showJavalinBanner = false;
            config.staticFiles.add("/dev/brushedit/server/web", Location.CLASSPATH);
            for (Route r : routes.all()) {
                switch (r.method()) {
                    case "GET" -> config.routes.get(r.path(), r.handler());
                    case "POST" -> config.routes.post(r.path(), r.handler());
                    case "DELETE" -> config.routes.delete(r.path(), r.handler());
                    default -> throw new IllegalStateException("unknown method " + r.method());
                }
            }
            config.routes.exception(HttpResponseException.class, (e, ctx) -> Routes.json(ctx, e.getStatus(), Errors.body(
                    e.getStatus() == 413 ? new ApiException(413, null, "the request body is larger than the server's limit of "
                            + settings.maxRequestBytes() + " bytes (--max-request-mb); send a smaller image")
                            : new ApiException(e.getStatus(), null, e.getMessage()))));
            config.routes.exception(Exception.class, (e, ctx) -> {
                ApiException api = Errors.toApi(e);
                Routes.json(ctx, api.status(), Errors.body(api));
            });
        });
    }

    /** A builder; the inpainter must be set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Binds and starts serving; returns this server. */
    public BrushEditServer start() {
        app.start(settings.host(), settings.port());
        return this;
    }

    /** The port the server listens on (the chosen one when started with port 0). */
    public int port() {
        return app.port();
    }

    /** The address the server is bound to. */
    public String host() {
        return settings.host();
    }

    /** Cancels the queued and running jobs, waits for the workers, and stops the HTTP server. */
    @Override
    public void close() {
        try {
            queue.close();
        } finally {
            app.stop();
        }
    }

    /** The routes served, for the OpenAPI test. */
    java.util.List<Route> routes() {
        return routes.all();
    }

    /**
     * Builds {@link BrushEditServer}s; each setter validates its value and fails fast with an
     * {@link InvalidInputException}.
     *
     * <p>Thread-safety: not thread-safe.
     */
    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private int workers = 1;
        private int queueCapacity = 8;
        private long maxRequestBytes = 32L << 20;
        private Inpainter inpainter;
        private MaskSource segmenter;
        private InputLimits limits = InputLimits.defaults();
        private InpaintRequest defaults;

        private Builder() {}

        /** The address to bind; default {@value BrushEditServer#DEFAULT_HOST}. */
        public Builder host(String host) {
            this.host = Checks.notBlank("host", host);
            return this;
        }

        /** The port, 0 (a free one) to 65535; default {@value BrushEditServer#DEFAULT_PORT}. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new InvalidInputException("port must be between 0 and 65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** Requests run at once, 1 to 64; default 1 (one model run at a time). */
        public Builder workers(int workers) {
            if (workers < 1 || workers > 64) {
                throw new InvalidInputException("workers must be between 1 and 64, was " + workers);
            }
            this.workers = workers;
            return this;
        }

        /** Requests that may wait for a worker, 1 to 10000; past that HTTP 429. Default 8. */
        public Builder queueCapacity(int capacity) {
            if (capacity < 1 || capacity > 10_000) {
                throw new InvalidInputException("queue capacity must be between 1 and 10000, was " + capacity);
            }
            this.queueCapacity = capacity;
            return this;
        }

        /** Largest request body in bytes, 1 KiB to 1 GiB; past that HTTP 413. Default 32 MiB. */
        public Builder maxRequestBytes(long bytes) {
            if (bytes < 1024 || bytes > 1L << 30) {
                throw new InvalidInputException("max request bytes must be between 1024 and " + (1L << 30) + ", was " + bytes);
            }
            this.maxRequestBytes = bytes;
            return this;
        }

        /** The inpainter all requests share (required); the server does not close it. */
        public Builder inpainter(Inpainter inpainter) {
            this.inpainter = Checks.notNull("inpainter", inpainter);
            return this;
        }

        /** Finds objects by name for {@code /api/segment} and edits without a mask; none by default. */
        public Builder segmenter(MaskSource segmenter) {
            this.segmenter = Checks.notNull("segmenter", segmenter);
            return this;
        }

        /** The pixel budget of uploaded images; default {@link InputLimits#defaults()}. */
        public Builder limits(InputLimits limits) {
            this.limits = Checks.notNull("limits", limits);
            return this;
        }

        /** The request settings (steps, guidance, scheduler, seed...) a request's fields override; default the inpainter's. */
        public Builder defaults(InpaintRequest defaults) {
            this.defaults = Checks.notNull("defaults", defaults);
            return this;
        }

        /** The server, not started yet. */
        public BrushEditServer build() {
            if (inpainter == null) {
                throw new InvalidInputException("a server needs an inpainter: call inpainter(...) before build()");
            }
            return new BrushEditServer(this);
        }
    }
}
