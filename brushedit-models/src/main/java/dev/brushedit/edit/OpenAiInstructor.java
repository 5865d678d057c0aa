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
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
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
 * {@link Builder#maxBackoff}). Failures throw {@link MllmException} naming the URL (without its
 * query), the HTTP status and a snippet of the reply. Credentials (the API key, custom header values
 * and credential-like query values) are redacted from every reply before it is read, so no message,
 * raw value or log line carries them even when a server echoes the request.
 *
 * <p>{@link #builder()} reads nothing from the environment; {@link #fromEnv()} starts from the
 * documented variables {@value #ENV_BASE_URL}, {@value #ENV_API_KEY} and {@value #ENV_MODEL}.
 * Azure-style endpoints take custom headers and query parameters:
 *
 * <pre>{@code
 * Instructor local = OpenAiInstructor.builder()
 *         .baseUrl("http://localhost:11434/v1").model("qwen2.5vl:7b").build();
 * Instructor azure = OpenAiInstructor.builder()
 *         .baseUrl("https://my-resource.openai.azure.com/openai/deployments/gpt-4o").model("gpt-4o")
 *         .header("api-key", System.getenv("AZURE_OPENAI_API_KEY"))
 *         .queryParameter("api-version", "2024-10-21").build();
 * EditPlan plan = local.plan(image, "add a red hat on the dog");
 * }</pre>
 *
 * <p>Thread-safety: immutable apart from the structured-output mode learnt by
 * {@link StructuredOutput#AUTO}, which is held atomically; safe for concurrent use.
 */
public final class OpenAiInstructor implements Instructor {
    /** Environment variable {@link #fromEnv()} reads for the base URL. */
    public static final String ENV_BASE_URL = "OPENAI_BASE_URL";
    /** Environment variable {@link #fromEnv()} reads for the API key. */
    public static final String ENV_API_KEY = "OPENAI_API_KEY";
    /** Environment variable {@link #fromEnv()} reads for the model name. */
    public static final String ENV_MODEL = "BRUSHEDIT_MLLM_MODEL";
    /** Base URL used when none is set. */
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
    private final String shownEndpoint;
    private final String model;
    private final MllmSecrets secrets;
    private final MllmHttp http;
    private final AtomicReference<StructuredOutput> mode;

    private OpenAiInstructor(Builder b, URI base, String apiKey, String model) {
        this.config = b.copy();
        this.shownEndpoint = base.toString().replaceAll("/+$", "") + "/chat/completions";
        this.endpoint = URI.create(shownEndpoint + MllmEndpoint.query(b.query));
        this.model = model;
        this.secrets = new MllmSecrets(MllmEndpoint.secrets(apiKey, b.headers, b.query));
        HttpClient client = b.httpClient != null ? b.httpClient : HttpClient.newBuilder()
                .connectTimeout(b.timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.http = new MllmHttp(client, endpoint, shownEndpoint, apiKey, b.headers, secrets, b.timeout, b.maxRetries,
                b.backoff, b.maxBackoff, b.maxReplyBytes, b.sleeper, b.clock);
        this.mode = new AtomicReference<>(b.structuredOutput == StructuredOutput.AUTO
                ? StructuredOutput.JSON_SCHEMA : b.structuredOutput);
        if (!apiKey.isEmpty() && "http".equals(base.getScheme()) && !isLoopback(base.getHost())) {
            LOG.warn("sending an API key over plain http to {}", base.getHost());
        }
    }

    /** A builder with every option at its default; nothing is read from the environment. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder whose base URL, API key and model come from the environment variables
     * {@value #ENV_BASE_URL}, {@value #ENV_API_KEY} and {@value #ENV_MODEL} where they are set and
     * not blank; setters called afterwards override them.
     *
     * @throws InvalidInputException naming the variable when one holds an unusable value
     */
    public static Builder fromEnv() {
        return fromEnv(System.getenv());
    }

    /**
     * Like {@link #fromEnv()}, reading the variables from {@code environment} instead of the
     * process environment.
     *
     * @throws InvalidInputException naming the variable when one holds an unusable value
     */
    public static Builder fromEnv(Map<String, String> environment) {
        Checks.notNull("environment", environment);
        Builder b = new Builder();
        String url = variable(environment, ENV_BASE_URL);
        if (url != null) {
            try {
                b.baseUrl(url);
            } catch (InvalidInputException e) {
                throw new InvalidInputException("environment variable " + ENV_BASE_URL + ": " + e.getMessage());
            }
        }
        String key = variable(environment, ENV_API_KEY);
        if (key != null) {
            try {
                b.apiKey(key);
            } catch (InvalidInputException e) {
                throw new InvalidInputException("environment variable " + ENV_API_KEY
                        + " must be printable ASCII without spaces");
            }
        }
        String name = variable(environment, ENV_MODEL);
        if (name != null) {
            b.model(name);
        }
        return b;
    }

    private static String variable(Map<String, String> environment, String name) {
        String v = environment.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** A builder holding this instructor's options (the API key included, as it was set). */
    public Builder toBuilder() {
        return config.copy();
    }

    /** The chat-completions URL requests go to, with the query parameters. */
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
        try {
            return planOnce(image, instruction);
        } catch (MllmException e) {
            throw secrets.scrub(e);
        }
    }

    private EditPlan planOnce(RgbImage image, String instruction) {
        Checks.notNull("image", image);
        Checks.notBlank("instruction", instruction);
        if (instruction.length() > MAX_INSTRUCTION_CHARS) {
            throw new InvalidInputException("instruction must be at most " + MAX_INSTRUCTION_CHARS
                    + " characters, was " + instruction.length());
        }
        MllmImages sent = MllmImages.encode(image, config.maxImageSide);
        String url = shownEndpoint;
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
        return "OpenAiInstructor[" + shownEndpoint + ", model " + model + "]";
    }

    private static boolean isLoopback(String host) {
        return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1"));
    }

    /**
     * Options of an {@link OpenAiInstructor}. Each setter checks its value and throws
     * {@link InvalidInputException} at once; {@link #build()} checks the combination. Nothing is
     * read from the environment (see {@link OpenAiInstructor#fromEnv()}).
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
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final Map<String, String> query = new LinkedHashMap<>();
        private HttpClient httpClient;

        private Builder() {}

        /**
         * The API's base URL, up to and including the version ({@code https://api.openai.com/v1},
         * {@code http://localhost:11434/v1}) or an Azure deployment; no query (see
         * {@link #queryParameter}); default {@value OpenAiInstructor#DEFAULT_BASE_URL}.
         */
        public Builder baseUrl(String url) {
            this.baseUrl = parseBase(Checks.notBlank("baseUrl", url)).toString();
            return this;
        }

        /**
         * The API key sent as a bearer token ({@code Authorization: Bearer KEY}); default none (local
         * servers). An empty string sends none, also after {@link OpenAiInstructor#fromEnv()}.
         */
        public Builder apiKey(String key) {
            Checks.notNull("apiKey", key);
            if (key.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
                throw new InvalidInputException("apiKey must be printable ASCII without spaces");
            }
            this.apiKey = key;
            return this;
        }

        /** The model name (for Azure, the deployment's model); required. */
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

        /**
         * Sends header {@code name} with every request (e.g. Azure's {@code api-key}), replacing an
         * earlier value of the same name. Values are treated as secrets: redacted from messages.
         * Headers the client sets itself ({@code Host}, {@code Content-Type}, {@code Accept},
         * {@code Content-Length}, ...) are refused; {@code Authorization} is refused at
         * {@link #build()} when an API key is set too.
         */
        public Builder header(String name, String value) {
            String n = MllmEndpoint.checkHeader(name, value);
            headers.keySet().removeIf(k -> k.equalsIgnoreCase(n));
            headers.put(n, value);
            return this;
        }

        /**
         * Adds query parameter {@code name=value} (URL-encoded) to the endpoint, e.g. Azure's
         * {@code api-version}, replacing an earlier value of the same name. Values of parameters
         * named like credentials ({@code key}, {@code token}, {@code sig}, ...) are redacted from
         * messages; messages never show the query.
         */
        public Builder queryParameter(String name, String value) {
            Checks.notBlank("query parameter name", name);
            Checks.notNull("query parameter value", value);
            query.put(name, value);
            return this;
        }

        /**
         * The HTTP client requests go through (proxy, TLS, executor, redirect policy and connect
         * timeout are its own); default: a client with a connect timeout of {@link #timeout} that
         * follows no redirects. {@link #timeout} still limits each attempt.
         */
        public Builder httpClient(HttpClient client) {
            this.httpClient = Checks.notNull("httpClient", client);
            return this;
        }

        /**
         * The instructor.
         *
         * @throws InvalidInputException when no model is set, when maxBackoff is shorter than
         *     backoff, or when both an API key and an {@code Authorization} header are set
         */
        public OpenAiInstructor build() {
            if (maxBackoff.compareTo(backoff) < 0) {
                throw new InvalidInputException("maxBackoff must be at least backoff (" + backoff + "), was " + maxBackoff);
            }
            URI base = parseBase(baseUrl == null ? DEFAULT_BASE_URL : baseUrl);
            if (model == null) {
                throw new InvalidInputException("model must be set (e.g. gpt-4o, qwen2.5vl:7b), or use "
                        + "OpenAiInstructor.fromEnv() with the environment variable " + ENV_MODEL + " set");
            }
            String key = apiKey == null ? "" : apiKey;
            if (!key.isEmpty() && headers.keySet().stream().anyMatch(k -> k.equalsIgnoreCase("Authorization"))) {
                throw new InvalidInputException("give an API key or an Authorization header, not both: the key is "
                        + "sent as the Authorization header");
            }
            return new OpenAiInstructor(this, base, key, model);
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
            b.headers.putAll(headers);
            b.query.putAll(query);
            b.httpClient = httpClient;
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
                        + "fragment or credentials (e.g. https://api.openai.com/v1; add query parameters with "
                        + "queryParameter), was \"" + url + "\"");
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
