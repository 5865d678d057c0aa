package dev.brushedit.edit;

import dev.brushedit.core.CancelledException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs JSON to the chat-completions endpoint with a per-attempt time limit, a cap on the reply
 * size and bounded retries: HTTP 429 and 5xx and timeouts are retried after an exponential
 * backoff (or the server's {@code Retry-After}, capped); anything else is returned or thrown at
 * once. The API key goes only into the {@code Authorization} header; every reply body is redacted
 * ({@link MllmSecrets}) before anything reads it, and messages name the endpoint without its query.
 *
 * <p>Thread-safety: immutable; safe for concurrent use.
 */
final class MllmHttp {
    private static final Logger LOG = LoggerFactory.getLogger(MllmHttp.class);

    /** A reply that was not retried: a 2xx, or a 4xx other than 429. */
    record Reply(int status, String body) {}

    private final HttpClient client;
    private final URI uri;
    private final String endpoint;
    private final String apiKey;
    private final Map<String, String> headers;
    private final MllmSecrets secrets;
    private final Duration timeout;
    private final int maxRetries;
    private final Duration backoff;
    private final Duration maxBackoff;
    private final int maxReplyBytes;
    private final OpenAiInstructor.Sleeper sleeper;
    private final Clock clock;

    MllmHttp(HttpClient client, URI uri, String shownEndpoint, String apiKey, Map<String, String> headers,
            MllmSecrets secrets, Duration timeout, int maxRetries, Duration backoff, Duration maxBackoff,
            int maxReplyBytes, OpenAiInstructor.Sleeper sleeper, Clock clock) {
        this.client = client;
        this.uri = uri;
        this.endpoint = shownEndpoint;
        this.apiKey = apiKey;
        this.headers = Map.copyOf(headers);
        this.secrets = secrets;
        this.timeout = timeout;
        this.maxRetries = maxRetries;
        this.backoff = backoff;
        this.maxBackoff = maxBackoff;
        this.maxReplyBytes = maxReplyBytes;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /**
     * Posts {@code json}, retrying as described above.
     *
     * @throws MllmException when the server cannot be reached, a retried failure persists after
     *     the last attempt, or the reply is too large
     * @throws CancelledException when the thread is interrupted while waiting
     */
    Reply post(String json) {
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (!apiKey.isEmpty()) {
            rb.header("Authorization", "Bearer " + apiKey);
        }
        headers.forEach(rb::setHeader);
        HttpRequest request = rb.build();
        for (int attempt = 0;; attempt++) {
            boolean last = attempt >= maxRetries;
            CompletableFuture<HttpResponse<byte[]>> future =
                    client.sendAsync(request, info -> new LimitedBody(maxReplyBytes));
            HttpResponse<byte[]> response;
            try {
                response = future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                future.cancel(true);
                response = null;
            } catch (InterruptedException e) {
                future.cancel(true);
                Thread.currentThread().interrupt();
                throw new CancelledException("interrupted while waiting for the model at " + endpoint);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof ReplyTooLarge) {
                    throw new MllmException("the reply from " + endpoint + " exceeds " + maxReplyBytes
                            + " bytes; expected a short chat completion", 0, "", cause);
                }
                if (!(cause instanceof HttpTimeoutException)) {
                    throw new MllmException("the connection to the model at " + endpoint + " failed: " + mask(String.valueOf(cause)),
                            0, "", cause);
                }
                response = null;
            }
            if (response == null) {
                LOG.debug("attempt {} to {} timed out after {}", attempt + 1, endpoint, timeout);
                if (last) {
                    throw new MllmException("the model at " + endpoint + " did not answer within " + timeout
                            + " (" + (attempt + 1) + " attempts)", 0, "", null);
                }
                pause(backoffFor(attempt), attempt);
                continue;
            }
            int status = response.statusCode();
            String body = secrets.redact(new String(response.body(), StandardCharsets.UTF_8));
            LOG.debug("attempt {} to {}: HTTP {} ({} bytes)", attempt + 1, endpoint, status, response.body().length);
            if (status != 429 && status < 500) {
                return new Reply(status, body);
            }
            if (last) {
                String snippet = mask(MllmText.snippet(body));
                throw new MllmException("the model at " + endpoint + " answered HTTP " + status + " after "
                        + (attempt + 1) + " attempts: " + snippet, status, snippet, null);
            }
            Duration wait = backoffFor(attempt);
            Duration asked = retryAfter(response.headers().firstValue("Retry-After").orElse(null));
            if (asked != null) {
                wait = asked.compareTo(maxBackoff) > 0 ? maxBackoff : asked;
            }
            pause(wait, attempt);
        }
    }

    /** {@code text} with every secret replaced by {@code ***}. */
    String mask(String text) {
        return secrets.redact(text);
    }

    private Duration backoffFor(int attempt) {
        long millis = backoff.toMillis() << Math.min(attempt, 20);
        return millis > maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis(millis);
    }

    /** The delay a {@code Retry-After} value asks for (seconds or an HTTP date), or null. */
    private Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration d = Duration.between(clock.instant(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    private void pause(Duration wait, int attempt) {
        LOG.debug("retrying {} in {} (attempt {} of {})", endpoint, wait, attempt + 2, maxRetries + 1);
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException("interrupted while waiting to retry the model at " + endpoint);
        }
    }

    /** The reply grew past the size cap. */
    private static final class ReplyTooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        ReplyTooLarge(int limit) {
            super("reply larger than " + limit + " bytes");
        }
    }

    /** Collects the body, cancelling the stream once it passes the cap. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final int limit;
        private Flow.Subscription subscription;

        LimitedBody(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletableFuture<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : items) {
                if (bytes.size() + (long) b.remaining() > limit) {
                    subscription.cancel();
                    result.completeExceptionally(new ReplyTooLarge(limit));
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
