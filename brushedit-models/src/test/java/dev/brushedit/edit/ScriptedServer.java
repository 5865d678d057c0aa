package dev.brushedit.edit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A chat-completions stand-in on 127.0.0.1 (ephemeral port) that plays scripted replies in order. */
final class ScriptedServer implements AutoCloseable {

    /** One scripted reply: status, headers, body, a delay before answering, and a lie about the length. */
    record Step(int status, Map<String, String> headers, String body, long delayMillis, boolean truncate) {}

    /** A request as received: body, two headers, the path with its query, and every header (names in lower case). */
    record Received(String body, String authorization, String contentType, String pathAndQuery,
            Map<String, List<String>> headers) {
        /** The first value of header {@code name}, or null. */
        String header(String name) {
            List<String> v = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return v == null || v.isEmpty() ? null : v.get(0);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final ConcurrentLinkedQueue<Step> steps = new ConcurrentLinkedQueue<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());

    ScriptedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    ScriptedServer reply(int status, String body) {
        steps.add(new Step(status, Map.of("Content-Type", "application/json"), body, 0, false));
        return this;
    }

    ScriptedServer reply(Step step) {
        steps.add(step);
        return this;
    }

    /** A 200 chat completion whose message content is {@code content}. */
    ScriptedServer completion(String content) {
        return reply(200, completionBody(content));
    }

    static String completionBody(String content) {
        String escaped = content.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
        return "{\"id\":\"c1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\","
                + "\"message\":{\"role\":\"assistant\",\"content\":\"" + escaped + "\"}}]}";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] in = ex.getRequestBody().readAllBytes();
        Map<String, List<String>> headers = new java.util.TreeMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), List.copyOf(v)));
        received.add(new Received(new String(in, StandardCharsets.UTF_8),
                ex.getRequestHeaders().getFirst("Authorization"), ex.getRequestHeaders().getFirst("Content-Type"),
                ex.getRequestURI().toString(), Map.copyOf(headers)));
        Step step = steps.poll();
        if (step == null) {
            step = new Step(599, Map.of(), "no scripted reply left", 0, false);
        }
        try {
            if (step.delayMillis() > 0) {
                Thread.sleep(step.delayMillis());
            }
            step.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            byte[] out = step.body().getBytes(StandardCharsets.UTF_8);
            if (step.truncate()) {
                ex.sendResponseHeaders(step.status(), out.length * 2L);
            } else {
                ex.sendResponseHeaders(step.status(), out.length == 0 ? -1 : out.length);
            }
            if (out.length > 0) {
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(out);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away (timeout tests) or the length was a lie (truncation tests)
        } finally {
            ex.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
