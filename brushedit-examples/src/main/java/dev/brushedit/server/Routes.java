package dev.brushedit.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The HTTP API: synchronous endpoints ({@code POST /api/inpaint}, {@code /api/edit},
 * {@code /api/segment}, {@code /api/plan}), jobs ({@code POST /api/jobs/KIND}, status, events as
 * server-sent events, cancellation), {@code GET /api/info} and {@code GET /openapi.yaml}.
 *
 * <p>Thread-safety: thread-safe; handlers run on Jetty's request threads.
 */
final class Routes {
    static final String OPENAPI_RESOURCE = "/dev/brushedit/server/openapi.yaml";

    private final Operations operations;
    private final JobQueue queue;
    private final ServerSettings settings;

    Routes(Operations operations, JobQueue queue, ServerSettings settings) {
        this.operations = operations;
        this.queue = queue;
        this.settings = settings;
    }

    List<Route> all() {
        return List.of(
                new Route("GET", "/api/info", this::info),
                new Route("POST", "/api/plan", ctx -> json(ctx, 200, operations.plan(Fields.parse(ctx.body(), Operations.PLAN_FIELDS)))),
                new Route("POST", "/api/inpaint", ctx -> runNow(ctx, "inpaint", Operations.INPAINT_FIELDS, Operations::inpaint)),
                new Route("POST", "/api/edit", ctx -> runNow(ctx, "edit", Operations.EDIT_FIELDS, Operations::edit)),
                new Route("POST", "/api/segment", ctx -> runNow(ctx, "segment", Operations.SEGMENT_FIELDS, Operations::segment)),
                new Route("POST", "/api/jobs/inpaint", ctx -> start(ctx, "inpaint", Operations.INPAINT_FIELDS, Operations::inpaint)),
                new Route("POST", "/api/jobs/edit", ctx -> start(ctx, "edit", Operations.EDIT_FIELDS, Operations::edit)),
                new Route("POST", "/api/jobs/segment", ctx -> start(ctx, "segment", Operations.SEGMENT_FIELDS, Operations::segment)),
                new Route("GET", "/api/jobs/{id}", ctx -> json(ctx, 200, job(ctx).status())),
                new Route("DELETE", "/api/jobs/{id}", ctx -> json(ctx, 200, queue.cancel(ctx.pathParam("id"))
                        .orElseThrow(() -> unknownJob(ctx)).status())),
                new Route("GET", "/api/jobs/{id}/events", this::events),
                new Route("GET", "/openapi.yaml", Routes::openApi));
    }

    private void info(Context ctx) {
        ObjectNode out = Fields.response();
        out.put("backend", operations.inpainter().backendName());
        out.put("followsPrompt", operations.inpainter().capabilities().followsPrompt());
        out.put("segmentation", operations.canSegment());
        out.put("workers", settings.workers());
        out.put("queueCapacity", queue.capacity());
        out.put("waiting", queue.waiting());
        out.put("maxRequestBytes", settings.maxRequestBytes());
        out.put("maxPixels", operations.limits().maxPixels());
        json(ctx, 200, out);
    }

    private void runNow(Context ctx, String kind, Set<String> fields, BiFunction<Operations, Fields, Function<Job, ObjectNode>> prepare)
            throws InterruptedException {
        Job job = queue.submit(kind, prepare.apply(operations, Fields.parse(ctx.body(), fields)));
        json(ctx, 200, job.await());
    }

    private void start(Context ctx, String kind, Set<String> fields, BiFunction<Operations, Fields, Function<Job, ObjectNode>> prepare) {
        Job job = queue.submit(kind, prepare.apply(operations, Fields.parse(ctx.body(), fields)));
        ctx.header("Location", "/api/jobs/" + job.id());
        json(ctx, 202, job.status());
    }

    private Job job(Context ctx) {
        return queue.find(ctx.pathParam("id")).orElseThrow(() -> unknownJob(ctx));
    }

    private static ApiException unknownJob(Context ctx) {
        return new ApiException(404, "id", "no job " + ctx.pathParam("id") + " (finished jobs are kept for a while only)");
    }

    /** Server-sent events of one job: queued, running, progress, then done, failed or cancelled. */
    private void events(Context ctx) throws Exception {
        Job job = job(ctx);
        new SseHandler(client -> stream(client, job)).handle(ctx);
    }

    private static void stream(SseClient client, Job job) {
        client.keepAlive();
        Runnable unsubscribe = job.subscribe(event -> {
            synchronized (client) {
                if (!client.terminated()) {
                    client.sendEvent(event.name(), event.data());
                    if (event.last()) {
                        client.close();
                    }
                }
            }
        });
        client.onClose(unsubscribe);
    }

    private static void openApi(Context ctx) {
        try (InputStream in = Routes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI description " + OPENAPI_RESOURCE + " is missing from the jar");
            }
            ctx.contentType("application/yaml").result(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void json(Context ctx, int status, ObjectNode body) {
        ctx.status(status).contentType("application/json").result(body.toString());
    }
}
