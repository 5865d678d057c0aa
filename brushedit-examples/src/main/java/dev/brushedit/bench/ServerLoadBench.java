package dev.brushedit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.ImageFiles;
import dev.brushedit.core.image.ImageFormat;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.inpaint.InpaintRequest;
import dev.brushedit.inpaint.Inpainter;
import dev.brushedit.server.BrushEditServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Load test of {@code brushedit serve} on loopback: an in-process server (weight-free PatchMatch
 * backend, port 0) and N concurrent clients, each sending R inpaint requests of its own picture
 * (its own colours and square) and checking that each answer is pixel-identical to a direct
 * {@link Inpainter} call on that same input, so a lost, failed or mixed-up answer is counted.
 * Bounded in count ({@code --clients} x {@code --requests}) and in time ({@code --max-seconds}:
 * no request starts after it). Reports throughput, p50 / p99 / max latency, and the peer measured
 * right after in the same JVM: the same calls made directly on as many threads as the server could
 * use (the fewer of {@code --workers} and {@code --clients}; no HTTP, no JSON, no PNG coding), whose
 * throughput the server's is divided by. The inputs' expected results are computed first, which
 * warms PatchMatch; the server's HTTP path starts cold.
 *
 * <pre>
 * java -cp brushedit-examples/target/brushedit-examples-*-all.jar dev.brushedit.bench.ServerLoadBench \
 *     [--clients 8] [--requests 10] [--size 128] [--workers 2] [--queue 64] [--max-seconds 300]
 * </pre>
 *
 * <p>Thread-safety: a command-line program; {@link #run} may be called from tests, one run at a time.
 */
public final class ServerLoadBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final InpaintRequest REQUEST = InpaintRequest.builder().seed(0).build();
    private static final Logger LOG = LoggerFactory.getLogger(ServerLoadBench.class);

    private ServerLoadBench() {}

    /**
     * The figures of one run.
     *
     * @param sent requests sent
     * @param ok answers with status 200 whose image matched the client's own expected result
     * @param mismatched answers with status 200 whose image did not (another client's, or wrong)
     * @param rejected answers with status 429 (queue full)
     * @param failed other answers or transport errors
     * @param wallSeconds time from the first request to the last answer
     * @param latenciesMs the latency of every request answered 200, sorted
     * @param directMs the peer: latency of each direct call (no HTTP, {@code workers} threads), sorted
     * @param directSeconds the peer's wall time for its calls
     */
    public record Report(int sent, int ok, int mismatched, int rejected, int failed, double wallSeconds, List<Double> latenciesMs,
            List<Double> directMs, double directSeconds) {
        /** Requests with no matching answer: sent but neither ok nor refused with 429. */
        public int lost() {
            return sent - ok - rejected;
        }

        /** Answers per second. */
        public double throughput() {
            return ok / wallSeconds;
        }

        /** The {@code q} quantile (0 to 1) of {@code sorted}, nearest rank. */
        public static double quantile(List<Double> sorted, double q) {
            if (sorted.isEmpty()) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(q * sorted.size());
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
        }

        @Override
        public String toString() {
            return String.format("sent %d, ok %d, mismatched %d, rejected (429) %d, failed %d, lost %d; %.2f s, %.2f requests/s; "
                    + "latency p50 %.1f ms, p99 %.1f ms, max %.1f ms; peer (direct calls, same threads): %.2f calls/s, "
                    + "p50 %.1f ms; server/peer throughput %.2f",
                    sent, ok, mismatched, rejected, failed, lost(), wallSeconds, throughput(), quantile(latenciesMs, 0.5),
                    quantile(latenciesMs, 0.99), quantile(latenciesMs, 1.0), directMs.size() / directSeconds,
                    quantile(directMs, 0.5), throughput() / (directMs.size() / directSeconds));
        }
    }

    /** Runs the benchmark; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        Map<String, String> a = BenchArgs.parse(args);
        int clients = Integer.parseInt(a.getOrDefault("clients", "8"));
        int requests = Integer.parseInt(a.getOrDefault("requests", "10"));
        int size = Integer.parseInt(a.getOrDefault("size", "128"));
        int workers = Integer.parseInt(a.getOrDefault("workers", "2"));
        int queue = Integer.parseInt(a.getOrDefault("queue", "64"));
        int maxSeconds = Integer.parseInt(a.getOrDefault("max-seconds", "300"));
        LOG.info(String.format("clients %d, requests each %d, %dx%d images, workers %d, queue %d, cores %d", clients, requests, size,
                size, workers, queue, Runtime.getRuntime().availableProcessors()));
        Report r = run(clients, requests, size, workers, queue, Duration.ofSeconds(maxSeconds));
        LOG.info("{}", r);
        if (r.lost() != 0 || r.mismatched() != 0) {
            System.exit(1);
        }
    }

    /** One load run against a fresh in-process server. */
    public static Report run(int clients, int requests, int size, int workers, int queue, Duration limit) throws Exception {
        List<RgbImage> inputs = new ArrayList<>();
        List<Mask> masks = new ArrayList<>();
        List<RgbImage> expected = new ArrayList<>();
        try (Inpainter inpainter = Inpainter.builder().backend(Inpainter.Backend.PATCHMATCH).build()) {
            for (int c = 0; c < clients; c++) {
                Box square = squareOf(c, size);
                inputs.add(picture(c, size, square));
                masks.add(Mask.ofBox(size, size, square.expand(2).clampTo(size, size)));
                expected.add(inpainter.inpaint(inputs.get(c), masks.get(c), REQUEST).image());
            }
            Report served;
            try (BrushEditServer server = BrushEditServer.builder().port(0).workers(workers).queueCapacity(queue)
                    .inpainter(inpainter).build().start()) {
                served = load(server.port(), inputs, masks, expected, requests, limit);
            }
            List<Double> direct = Collections.synchronizedList(new ArrayList<>());
            double seconds = peer(inpainter, inputs, masks, served.ok(), Math.min(workers, clients), direct);
            List<Double> sorted = new ArrayList<>(direct);
            Collections.sort(sorted);
            return new Report(served.sent(), served.ok(), served.mismatched(), served.rejected(), served.failed(),
                    served.wallSeconds(), served.latenciesMs(), sorted, seconds);
        }
    }

    /** The peer: {@code calls} direct inpaint calls over the same inputs on {@code workers} threads; returns the wall seconds. */
    private static double peer(Inpainter inpainter, List<RgbImage> inputs, List<Mask> masks, int calls, int workers,
            List<Double> latencies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long start = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < Math.max(1, calls); i++) {
                int c = i % inputs.size();
                done.add(pool.submit(() -> {
                    long t = System.nanoTime();
                    inpainter.inpaint(inputs.get(c), masks.get(c), REQUEST);
                    latencies.add((System.nanoTime() - t) / 1e6);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static Report load(int port, List<RgbImage> inputs, List<Mask> masks, List<RgbImage> expected, int requests,
            Duration limit) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/inpaint");
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger mismatched = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        int clients = inputs.size();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                String body = JSON.createObjectNode().put("image", png(inputs.get(c))).put("mask", png(masks.get(c).toImage()))
                        .put("seed", 0).toString();
                RgbImage want = expected.get(c);
                done.add(pool.submit(() -> {
                    for (int i = 0; i < requests && System.nanoTime() < deadline; i++) {
                        sent.incrementAndGet();
                        long t = System.nanoTime();
                        try {
                            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5))
                                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(), HttpResponse.BodyHandlers.ofString());
                            double ms = (System.nanoTime() - t) / 1e6;
                            if (r.statusCode() == 429) {
                                rejected.incrementAndGet();
                            } else if (r.statusCode() != 200) {
                                failed.incrementAndGet();
                            } else if (decode(JSON.readTree(r.body())).samePixels(want)) {
                                ok.incrementAndGet();
                                latencies.add(ms);
                            } else {
                                mismatched.incrementAndGet();
                            }
                        } catch (Exception e) {
                            failed.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double wall = (System.nanoTime() - start) / 1e9;
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Report(sent.get(), ok.get(), mismatched.get(), rejected.get(), failed.get(), wall, sorted, List.of(), 1);
    }

    /** Client {@code c}'s square: its own place, so every client's input and answer differ. */
    static Box squareOf(int client, int size) {
        int side = size / 4;
        int span = size - side - 8;
        int x = 4 + (client * 37) % span;
        int y = 4 + (client * 53) % span;
        return new Box(x, y, x + side, y + side);
    }

    /** Client {@code c}'s picture: stripes in its own colours with a square of its own colour. */
    static RgbImage picture(int client, int size, Box square) {
        byte[] px = new byte[size * size * 3];
        int hue = client * 47;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int i = (y * size + x) * 3;
                boolean inside = x >= square.x0() && x < square.x1() && y >= square.y0() && y < square.y1();
                int stripe = (x + 2 * y + client) / 5 % 2;
                px[i] = (byte) (inside ? 250 - client % 5 * 10 : (hue + 60 * stripe) % 200);
                px[i + 1] = (byte) (inside ? 10 : (hue * 3 + 90 * stripe) % 220);
                px[i + 2] = (byte) (inside ? 20 + client % 7 * 30 : (hue * 7 + 40 * stripe) % 230);
            }
        }
        return RgbImage.of(size, size, px);
    }

    private static String png(RgbImage image) {
        return Base64.getEncoder().encodeToString(ImageFiles.encode(image, ImageFormat.PNG, ImageFiles.DEFAULT_JPEG_QUALITY));
    }

    private static RgbImage decode(JsonNode answer) {
        return ImageFiles.read(Base64.getDecoder().decode(answer.get("image").asText()));
    }
}
