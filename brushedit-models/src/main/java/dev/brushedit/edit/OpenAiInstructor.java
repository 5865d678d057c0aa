package dev.brushedit.edit;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.RgbImage;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link Instructor} backed by a multimodal LLM behind an OpenAI-compatible chat-completions
 * endpoint ({@code POST {baseUrl}/chat/completions}): OpenAI, Ollama, vLLM, LM Studio and the like.
 *
 * <p>One request per plan carries the instruction and the image (PNG data URL, scaled so its longer
 * side is at most {@link Builder#maxImageSide}) and asks for BrushEdit's four sub-tasks as one JSON
 * object: the {@link EditCategory}, the target object in at most five words, a box for additions
 * and the caption of the edited image. JSON is requested with a schema, or JSON mode, or only by
 * the prompt ({@link StructuredOutput}); the reply is parsed tolerantly in every mode. The reply is
 * data: text fields are cleaned of control characters and capped, the category must be one of the
 * five, and the box is read in pixels, {@code [0, 1]} or {@code [0, 1000]} units ({@link BoxUnits}),
 * ordered and clamped to the image. The instruction is passed through as written, in any language.
 *
 * <p>HTTP 429 and 5xx replies and timeouts are retried at most {@link Builder#maxRetries} times
 * with exponential backoff (or the server's {@code Retry-After}, capped at
 * {@link Builder#maxBackoff}). Failures throw {@link MllmException} naming the URL, the HTTP status
 * and a snippet of the reply; the API key is never logged nor put in a message.
 *
 * <pre>{@code
 * Instructor instructor = OpenAiInstructor.builder()
 *         .baseUrl("http://localhost:11434/v1").model("qwen2.5vl:7b").build();
 * EditPlan plan = instructor.plan(image, "add a red hat on the dog");
 * }</pre>
 *
 * <p>Thread-safety: immutable apart from the structured-output mode learnt by
 * {@link StructuredOutput#AUTO}, which is held atomically; safe for concurrent use.
 */
public final class OpenAiInstructor implements Instructor {
    /** Environment variable read for the base URL when the builder sets none. */
    public static final String ENV_BASE_URL = "OPENAI_BASE_URL";
    /** Environment variable read for the API key when the builder sets none. */
    public static final String ENV_API_KEY = "OPENAI_API_KEY";
    /** Environment variable read for the model name when the builder sets none. */
    public static final String ENV_MODEL = "BRUSHEDIT_MLLM_MODEL";
    /** Base URL used when neither the builder nor the environment gives one. */
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    /** Longest instruction accepted, in characters. */
    public static final int MAX_INSTRUCTION_CHARS = 4000;

    private static final Logger LOG = LoggerFactory.getLogger(OpenAiInstructor.class);

    /**
     * Waits between retries; replaceable so tests need not sleep.
     *
     * <p>Thread-safety: implementations must be safe for concurrent use.
     */
    @FunctionalInterface
    public interface Sleeper {
        /** Waits for {@code duration}, or throws when the thread is interrupted. */
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Builder config;
    private final URI endpoint;
    private final String model;
    private final MllmHttp http;
    private final AtomicReference<StructuredOutput> mode;

    private OpenAiInstructor(Builder b, URI base, String apiKey, String model) {
        this.config = b.copy();
        this.endpoint = URI.create(base.toString().replaceAll("/+$", "") + "/chat/completions");
        this.model = model;
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(b.timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.http = new MllmHttp(client, endpoint, apiKey, b.timeout, b.maxRetries, b.backoff, b.maxBackoff,
                b.maxReplyBytes, b.sleeper, b.clock);
        this.mode = new AtomicReference<>(b.structuredOutput == StructuredOutput.AUTO
                ? StructuredOutput.JSON_SCHEMA : b.structuredOutput);
        if (!apiKey.isEmpty() && "http".equals(base.getScheme()) && !isLoopback(base.getHost())) {
            LOG.warn("sending an API key over plain http to {}", base.getHost());
        }
    }

    /** A builder with every option at its default. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this instructor's options (the API key included, as it was set). */
    public Builder toBuilder() {
        return config.copy();
    }

    /** The chat-completions URL requests go to. */
    public URI endpoint() {
        return endpoint;
    }

    /** The model name sent with each request. */
    public String model() {
        return model;
    }

    /** The structured-output mode the next request uses (for {@code AUTO}, the one learnt so far). */
    public StructuredOutput currentStructuredOutput() {
        return mode.get();
    }

    /**
     * Plans the edit with one chat-completions call (plus retries and, in {@code AUTO} mode, one
     * fallback per unsupported {@code response_format}).
     *
     * @throws InvalidInputException for a null image or a null, blank or over-long instruction
     * @throws MllmException when the server fails or its reply is not a usable plan
     * @throws dev.brushedit.core.CancelledException when the thread is interrupted while waiting
     */
    @Override
    public EditPlan plan(RgbImage image, String instruction) {
        Checks.notNull("image", image);
        Checks.notBlank("instruction", instruction);
        if (instruction.length() > MAX_INSTRUCTION_CHARS) {
            throw new InvalidInputException("instruction must be at most " + MAX_INSTRUCTION_CHARS
                    + " characters, was " + instruction.length());
        }
        MllmImages sent = MllmImages.encode(image, config.maxImageSide);
        String url = endpoint.toString();
        StructuredOutput learnt = mode.get();
        StructuredOutput m = learnt;
        while (true) {
            String body;
            try {
                body = MllmJson.STRICT.writeValueAsString(MllmPrompts.request(model, config.temperature,
                        instruction, sent.dataUrl(), sent.width(), sent.height(), m));
            } catch (JsonProcessingException e) {
                throw new MllmException("cannot write the request for " + url + ": " + e.getMessage(), 0, "", e);
            }
            MllmHttp.Reply reply = http.post(body);
            if (reply.status() == 400 && config.structuredOutput == StructuredOutput.AUTO && m != StructuredOutput.NONE) {
                StructuredOutput next = m == StructuredOutput.JSON_SCHEMA ? StructuredOutput.JSON_OBJECT : StructuredOutput.NONE;
                LOG.info("{} answered HTTP 400 to response_format {}; retrying with {}", url,
                        m.name().toLowerCase(Locale.ROOT), next.name().toLowerCase(Locale.ROOT));
                m = next;
                continue;
            }
            if (reply.status() < 200 || reply.status() >= 300) {
                String snippet = http.mask(MllmText.snippet(reply.body()));
                throw new MllmException("the model at " + url + " answered HTTP " + reply.status() + ": " + snippet,
                        reply.status(), snippet, null);
            }
            if (m != learnt) {
                mode.compareAndSet(learnt, m);
            }
            String text = MllmReply.content(reply.body(), url);
            return MllmReply.plan(text, instruction, sent.width(), sent.height(), image.width(), image.height(),
                    config.boxUnits, url);
        }
    }

    @Override
    public String toString() {
        return "OpenAiInstructor[" + endpoint + ", model " + model + "]";
    }

    private static boolean isLoopback(String host) {
        return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1"));
    }

    /**
     * Options of an {@link OpenAiInstructor}. Each setter checks its value and throws
     * {@link InvalidInputException} at once; {@link #build()} fills unset options from the
     * environment and checks the combination.
     *
     * <p>Thread-safety: not thread-safe; confine a builder to one thread.
     */
    public static final class Builder {
        private String baseUrl;
        private String apiKey;
        private String model;
        private Duration timeout = Duration.ofSeconds(60);
        private int maxRetries = 2;
        private Duration backoff = Duration.ofSeconds(1);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private StructuredOutput structuredOutput = StructuredOutput.AUTO;
        private BoxUnits boxUnits = BoxUnits.AUTO;
        private int maxImageSide = 1024;
        private Double temperature = 0.0;
        private int maxReplyBytes = 1 << 20;
        private Sleeper sleeper = d -> Thread.sleep(d.toMillis());
        private Clock clock = Clock.systemUTC();
        private Function<String, String> environment = System::getenv;

        private Builder() {}

        /**
         * The API's base URL, up to and including the version ({@code https://api.openai.com/v1},
         * {@code http://localhost:11434/v1}); default: {@value OpenAiInstructor#ENV_BASE_URL}, else
         * {@value OpenAiInstructor#DEFAULT_BASE_URL}.
         */
        public Builder baseUrl(String url) {
            this.baseUrl = parseBase(Checks.notBlank("baseUrl", url)).toString();
            return this;
        }

        /**
         * The API key sent as a bearer token; default: {@value OpenAiInstructor#ENV_API_KEY}, else
         * none (local servers). An empty string sends none even when the variable is set.
         */
        public Builder apiKey(String key) {
            Checks.notNull("apiKey", key);
            if (key.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
                throw new InvalidInputException("apiKey must be printable ASCII without spaces");
            }
            this.apiKey = key;
            return this;
        }

        /** The model name; default: {@value OpenAiInstructor#ENV_MODEL}; one of the two is required. */
        public Builder model(String name) {
            this.model = Checks.notBlank("model", name).strip();
            return this;
        }

        /** Time limit per attempt (connect, send and read the whole reply); 1 ms to 30 min, default 60 s. */
        public Builder timeout(Duration limit) {
            this.timeout = duration("timeout", limit, Duration.ofMillis(1), Duration.ofMinutes(30));
            return this;
        }

        /** Retries after HTTP 429, 5xx or a timeout; 0 to 10, default 2. */
        public Builder maxRetries(int retries) {
            this.maxRetries = Checks.inRange("maxRetries", retries, 0, 10);
            return this;
        }

        /** First retry delay, doubled on each further retry; 0 to 10 min, default 1 s. */
        public Builder backoff(Duration first) {
            this.backoff = duration("backoff", first, Duration.ZERO, Duration.ofMinutes(10));
            return this;
        }

        /** Longest wait between retries, also capping {@code Retry-After}; 0 to 10 min, default 30 s. */
        public Builder maxBackoff(Duration longest) {
            this.maxBackoff = duration("maxBackoff", longest, Duration.ZERO, Duration.ofMinutes(10));
            return this;
        }

        /** How JSON is requested; default {@link StructuredOutput#AUTO}. */
        public Builder structuredOutput(StructuredOutput how) {
            this.structuredOutput = Checks.notNull("structuredOutput", how);
            return this;
        }

        /** Units of the model's boxes; default {@link BoxUnits#AUTO}. */
        public Builder boxUnits(BoxUnits units) {
            this.boxUnits = Checks.notNull("boxUnits", units);
            return this;
        }

        /** Longest side of the image as sent, larger images are scaled down; 64 to 8192, default 1024. */
        public Builder maxImageSide(int pixels) {
            this.maxImageSide = Checks.inRange("maxImageSide", pixels, 64, 8192);
            return this;
        }

        /** Sampling temperature, 0 to 2, default 0; null sends none (for models that reject it). */
        public Builder temperature(Double value) {
            this.temperature = value == null ? null : Checks.inRange("temperature", value.doubleValue(), 0.0, 2.0);
            return this;
        }

        /** Largest reply accepted, in bytes; 1 KiB to 64 MiB, default 1 MiB. */
        public Builder maxReplyBytes(int bytes) {
            this.maxReplyBytes = Checks.inRange("maxReplyBytes", bytes, 1024, 64 << 20);
            return this;
        }

        /** How to wait between retries; default {@link Thread#sleep}. */
        public Builder sleeper(Sleeper waiter) {
            this.sleeper = Checks.notNull("sleeper", waiter);
            return this;
        }

        /** The clock that dates {@code Retry-After} HTTP dates are compared with; default UTC system clock. */
        public Builder clock(Clock time) {
            this.clock = Checks.notNull("clock", time);
            return this;
        }

        /** The environment lookup used by {@link #build()}; for tests. */
        Builder environment(Function<String, String> lookup) {
            this.environment = Checks.notNull("environment", lookup);
            return this;
        }

        /**
         * The instructor.
         *
         * @throws InvalidInputException when no model is set nor in {@value OpenAiInstructor#ENV_MODEL},
         *     when an environment variable holds an unusable value, or when maxBackoff is shorter
         *     than backoff
         */
        public OpenAiInstructor build() {
            if (maxBackoff.compareTo(backoff) < 0) {
                throw new InvalidInputException("maxBackoff must be at least backoff (" + backoff + "), was " + maxBackoff);
            }
            String url = baseUrl != null ? baseUrl : env(ENV_BASE_URL);
            URI base = parseBase(url == null ? DEFAULT_BASE_URL : url);
            String key = apiKey != null ? apiKey : env(ENV_API_KEY);
            if (key != null && key.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
                throw new InvalidInputException(ENV_API_KEY + " must be printable ASCII without spaces");
            }
            String name = model != null ? model : env(ENV_MODEL);
            if (name == null) {
                throw new InvalidInputException("model must be set, or the environment variable " + ENV_MODEL
                        + " must name one (e.g. gpt-4o, qwen2.5vl:7b)");
            }
            return new OpenAiInstructor(this, base, key == null ? "" : key, name.strip());
        }

        private String env(String name) {
            String v = environment.apply(name);
            return v == null || v.isBlank() ? null : v.strip();
        }

        private Builder copy() {
            Builder b = new Builder();
            b.baseUrl = baseUrl;
            b.apiKey = apiKey;
            b.model = model;
            b.timeout = timeout;
            b.maxRetries = maxRetries;
            b.backoff = backoff;
            b.maxBackoff = maxBackoff;
            b.structuredOutput = structuredOutput;
            b.boxUnits = boxUnits;
            b.maxImageSide = maxImageSide;
            b.temperature = temperature;
            b.maxReplyBytes = maxReplyBytes;
            b.sleeper = sleeper;
            b.clock = clock;
            b.environment = environment;
            return b;
        }

        private static URI parseBase(String url) {
            URI uri;
            try {
                uri = new URI(url.strip());
            } catch (URISyntaxException e) {
                throw new InvalidInputException("baseUrl must be an http or https URL, was \"" + url + "\": " + e.getMessage());
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getQuery() != null || uri.getFragment() != null || uri.getUserInfo() != null) {
                throw new InvalidInputException("baseUrl must be an http or https URL with a host and no query, "
                        + "fragment or credentials (e.g. https://api.openai.com/v1), was \"" + url + "\"");
            }
            return uri;
        }

        private static Duration duration(String name, Duration d, Duration min, Duration max) {
            Checks.notNull(name, d);
            if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
                throw new InvalidInputException(name + " must be between " + min + " and " + max + ", was " + d);
            }
            return d;
        }
    }
}
