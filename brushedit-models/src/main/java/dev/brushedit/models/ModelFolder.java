package dev.brushedit.models;

import ai.onnxruntime.OnnxJavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brushedit.core.Checks;
import dev.brushedit.core.ModelException;
import dev.brushedit.models.internal.FileHashes;
import dev.brushedit.models.internal.GraphSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Stable Diffusion checkpoint folder in the diffusers/optimum ONNX layout ({@code text_encoder/},
 * {@code unet/}, {@code vae_encoder/}, {@code vae_decoder/}, each with {@code model.onnx}, plus
 * {@code tokenizer/}, {@code scheduler/} and the optional {@code brushnet/} and {@code brushnet_unet/}).
 *
 * <p>{@link #open} only looks at the files; each typed model ({@link #textEncoder()}, {@link #unet()},
 * {@link #vaeEncoder()}, {@link #vaeDecoder()}) opens its session on first use and checks the graph's
 * inputs and outputs against the contract, throwing {@link ModelException} naming the file, the
 * input or output, what was expected and what was found. {@link #openAll()} does that eagerly. A
 * missing part throws a {@link ModelException} saying which file is missing and how to produce it.
 *
 * <p>The export flavour and precision are read from the graphs, never from file names.
 *
 * <p>Thread-safety: safe for concurrent use; sessions are opened once under a lock and the typed
 * models are themselves thread-safe. Close it once, after all users are done.
 */
public final class ModelFolder implements AutoCloseable {
    /** SD1.5's VAE scaling factor, used when the folder has no VAE config. */
    public static final float DEFAULT_SCALING_FACTOR = 0.18215f;
    private static final Logger LOG = LoggerFactory.getLogger(ModelFolder.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Parts that run once or twice per job: their sessions hand their working memory back after every run, so
     * the peak of a job is its largest stage, not the sum of every stage's arena.
     */
    private static final Set<ModelPart> ONCE_PER_JOB = EnumSet.of(ModelPart.TEXT_ENCODER, ModelPart.VAE_ENCODER,
            ModelPart.VAE_DECODER);

    private final Path root;
    private final SessionFactory sessions;
    private final Set<ModelPart> present;
    private final float scalingFactor;
    private final ModelIndex modelIndex;
    private final Map<ModelPart, String> hashes = new EnumMap<>(ModelPart.class);
    private final Map<ModelPart, AutoCloseable> opened = new EnumMap<>(ModelPart.class);
    private final Map<ModelPart, GraphSession> graphs = new EnumMap<>(ModelPart.class);
    private boolean closed;

    private ModelFolder(Path root, ExecutionOptions options) {
        this.root = root;
        this.sessions = new SessionFactory(options);
        EnumSet<ModelPart> found = EnumSet.noneOf(ModelPart.class);
        for (ModelPart p : ModelPart.values()) {
            if (Files.isRegularFile(root.resolve(p.relativePath()))) {
                found.add(p);
            }
        }
        this.present = Collections.unmodifiableSet(found);
        this.modelIndex = readJson(root.resolve("model_index.json")).map(ModelIndex::of).orElse(null);
        this.scalingFactor = readScalingFactor();
    }

    /** Opens the folder at {@code root} with default execution options. */
    public static ModelFolder open(Path root) {
        return open(root, ExecutionOptions.defaults());
    }

    /** Opens the folder at {@code root}; throws {@link ModelException} when it is not a directory. */
    public static ModelFolder open(Path root, ExecutionOptions options) {
        Checks.notNull("root", root);
        Checks.notNull("options", options);
        if (!Files.isDirectory(root)) {
            throw new ModelException("checkpoint " + root + " is not a directory; expected a folder with text_encoder/, "
                    + "unet/, vae_encoder/ and vae_decoder/ (see README)");
        }
        return new ModelFolder(root, options);
    }

    /** The folder. */
    public Path root() {
        return root;
    }

    /** The parts whose {@code model.onnx} exists. */
    public Set<ModelPart> parts() {
        return present;
    }

    /** True when {@code part}'s {@code model.onnx} exists. */
    public boolean has(ModelPart part) {
        return present.contains(part);
    }

    /** The standard parts that are missing (empty for a complete SD export). */
    public List<ModelPart> missingStandardParts() {
        List<ModelPart> missing = new ArrayList<>();
        for (ModelPart p : ModelPart.values()) {
            if (p.standard() && !present.contains(p)) {
                missing.add(p);
            }
        }
        return missing;
    }

    /** Path of {@code part}'s model file (which may not exist). */
    public Path file(ModelPart part) {
        return root.resolve(part.relativePath());
    }

    /** The tokenizer directory ({@code tokenizer/}). */
    public Path tokenizerDirectory() {
        return root.resolve("tokenizer");
    }

    /** The scheduler config ({@code scheduler/scheduler_config.json}). */
    public Path schedulerConfig() {
        return root.resolve("scheduler/scheduler_config.json");
    }

    /**
     * The scheduler config's text with surrounding white space stripped, as provenance records it.
     *
     * @throws ModelException when the file cannot be read
     */
    public String schedulerConfigJson() {
        Path file = schedulerConfig();
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new ModelException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@code model_index.json}'s content, if the folder has one (provenance only, never the flavour). */
    public Optional<ModelIndex> modelIndex() {
        return Optional.ofNullable(modelIndex);
    }

    /** The VAE scaling factor: from {@code vae/config.json} or {@code vae_decoder/config.json}, else 0.18215. */
    public float vaeScalingFactor() {
        return scalingFactor;
    }

    /** The execution provider in effect (CPU after a CUDA fallback). */
    public ExecutionProvider effectiveProvider() {
        return sessions.effectiveProvider();
    }

    /** Hex SHA-256 of {@code part}'s model file (and its {@code model.onnx_data}), computed once, streaming. */
    public synchronized String sha256(ModelPart part) {
        requirePart(part);
        return hashes.computeIfAbsent(part, p -> FileHashes.sha256(file(p)));
    }

    /** The text encoder, opened and checked on first use. */
    public TextEncoder textEncoder() {
        return typed(ModelPart.TEXT_ENCODER, g -> new TextEncoder(g, sha256(ModelPart.TEXT_ENCODER)), TextEncoder.class);
    }

    /** The UNet, opened and checked on first use. */
    public Unet unet() {
        return typed(ModelPart.UNET, Unet::new, Unet.class);
    }

    /** The VAE encoder, opened and checked on first use. */
    public VaeEncoder vaeEncoder() {
        return typed(ModelPart.VAE_ENCODER, g -> new VaeEncoder(g, scalingFactor), VaeEncoder.class);
    }

    /** The separate BrushNet branch ({@code brushnet/model.onnx}), opened and checked on first use. */
    public BrushNet brushNet() {
        return typed(ModelPart.BRUSHNET, BrushNet::new, BrushNet.class);
    }

    /** The fused UNet and BrushNet graph ({@code brushnet_unet/model.onnx}), opened and checked on first use. */
    public FusedBrushNetUnet fusedBrushNetUnet() {
        return typed(ModelPart.BRUSHNET_UNET, FusedBrushNetUnet::new, FusedBrushNetUnet.class);
    }

    /** MimicBrush's fused step graph ({@code mimicbrush_unet/model.onnx}), checked against the contract. */
    public MimicBrushUnet mimicBrushUnet() {
        return typed(ModelPart.MIMICBRUSH_UNET, MimicBrushUnet::new, MimicBrushUnet.class);
    }

    /** MimicBrush's image-prompt encoder ({@code image_encoder/model.onnx}), checked against the contract. */
    public ImagePromptEncoder imagePromptEncoder() {
        return typed(ModelPart.IMAGE_ENCODER, ImagePromptEncoder::new, ImagePromptEncoder.class);
    }

    /** MimicBrush's depth branch ({@code depth/model.onnx}), checked against the contract. */
    public DepthGuidance depthGuidance() {
        return typed(ModelPart.DEPTH, DepthGuidance::new, DepthGuidance.class);
    }

    /** The VAE decoder, opened and checked on first use. */
    public VaeDecoder vaeDecoder() {
        return typed(ModelPart.VAE_DECODER, g -> new VaeDecoder(g, scalingFactor), VaeDecoder.class);
    }

    /**
     * The declared inputs and outputs of {@code part}'s graph; opens its session on first use (without
     * the typed model's contract checks).
     */
    public GraphSignature signature(ModelPart part) {
        GraphSession g = session(part);
        return GraphSignature.of(part, g.inputs(), g.outputs());
    }

    /**
     * The raw session of {@code part}, for the model types of this package; opened on first use,
     * without contract checks beyond loading, and shared with the typed model of the same part (one
     * session per part). Closed with the folder.
     */
    synchronized GraphSession session(ModelPart part) {
        checkOpen();
        requirePart(part);
        return graphs.computeIfAbsent(part, this::load);
    }

    /** The execution options this folder's sessions are created with. */
    public ExecutionOptions executionOptions() {
        return sessions.options();
    }

    /**
     * Closes {@code part}'s session if it is open, releasing its weights and working memory; the next use opens it
     * again (seconds for large graphs). For the low-memory mode: models obtained before must not be used after.
     */
    public synchronized void release(ModelPart part) {
        checkOpen();
        requirePart(part);
        AutoCloseable model = opened.remove(part);
        GraphSession g = graphs.remove(part);
        try {
            if (model != null) {
                model.close();
            }
            if (g != null) {
                g.close();
            }
        } catch (Exception e) {
            throw new ModelException("closing " + part.relativePath() + " of " + root + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Makes the next run of {@code part}'s graph end by handing its working memory (its CPU arena's free regions)
     * back to the system, e.g. before a job's last denoising step; opens the session if needed.
     */
    public void releaseWorkingMemoryAfterNextRun(ModelPart part) {
        session(part).releaseMemoryAfterNextRun();
    }

    /** Whether every run of {@code part}'s graph releases its working memory (see {@link ExecutionOptions#lowMemory()}). */
    public boolean releasesWorkingMemoryAfterEveryRun(ModelPart part) {
        return session(part).releasesMemoryAfterEveryRun();
    }

    /** How many runs of {@code part}'s graph released their working memory so far; for tests and benchmarks. */
    public long releasedRuns(ModelPart part) {
        return session(part).releasedRuns();
    }

    /** Whether {@code part}'s session is open now (it opens on first use and after {@link #release}). */
    public synchronized boolean isLoaded(ModelPart part) {
        return graphs.containsKey(part);
    }

    /** Opens and checks every standard part present, so contract errors surface now rather than mid-run. */
    public ModelFolder openAll() {
        if (has(ModelPart.TEXT_ENCODER)) {
            textEncoder();
        }
        if (has(ModelPart.UNET)) {
            unet();
        }
        if (has(ModelPart.VAE_ENCODER)) {
            vaeEncoder();
        }
        if (has(ModelPart.VAE_DECODER)) {
            vaeDecoder();
        }
        return this;
    }

    /**
     * The export flavour, from the VAE encoder's outputs ({@code latent_parameters} = optimum,
     * {@code latent_sample} = legacy), else from the UNet's timestep (float {@code [batch]} = legacy,
     * other = optimum), else {@link ExportFlavour#UNKNOWN}. Opens the session it reads.
     */
    public ExportFlavour flavour() {
        if (has(ModelPart.VAE_ENCODER)) {
            return vaeEncoder().flavour();
        }
        if (has(ModelPart.UNET)) {
            GraphSession g = session(ModelPart.UNET);
            return g.input(Unet.TIMESTEP).getShape().length == 1 && g.input(Unet.TIMESTEP).type == OnnxJavaType.FLOAT
                    ? ExportFlavour.LEGACY_DIFFUSERS : ExportFlavour.OPTIMUM;
        }
        return ExportFlavour.UNKNOWN;
    }

    /** Precision of the UNet (or, without one, the VAE decoder), read from the graph (opens that session). */
    public Precision precision() {
        if (has(ModelPart.UNET)) {
            return unet().precision();
        }
        return vaeDecoder().precision();
    }

    private <T extends AutoCloseable> T typed(ModelPart part, java.util.function.Function<GraphSession, T> make, Class<T> type) {
        synchronized (this) {
            checkOpen();
            requirePart(part);
            AutoCloseable existing = opened.get(part);
            if (existing != null) {
                return type.cast(existing);
            }
            GraphSession g = session(part);
            try {
                T model = make.apply(g);
                opened.put(part, model);
                return model;
            } catch (RuntimeException e) {
                graphs.remove(part);
                g.close();
                throw e;
            }
        }
    }

    private GraphSession load(ModelPart part) {
        String hash = sessions.options().optimizedModelCacheDir().isPresent() ? sha256(part) : null;
        LOG.debug("opening {} with {}", file(part), sessions.options());
        GraphSession g = GraphSession.observedLoad(part.relativePath(),
                () -> new GraphSession(sessions.open(file(part), part.relativePath(), hash), part.relativePath()));
        g.releaseMemoryAfterEveryRun(sessions.options().lowMemory() || ONCE_PER_JOB.contains(part));
        return g;
    }

    private void requirePart(ModelPart part) {
        Checks.notNull("part", part);
        if (!present.contains(part)) {
            throw new ModelException("checkpoint " + root + " is missing " + part.relativePath() + "; " + howToProduce(part));
        }
    }

    private String howToProduce(ModelPart part) {
        if (part == ModelPart.MIMICBRUSH_UNET || part == ModelPart.IMAGE_ENCODER || part == ModelPart.DEPTH) {
            return "export the MimicBrush release with `python -m brushedit_export.mimicbrush` (run in tools/exporter; see "
                    + "tools/exporter/CONTRACT.md, MimicBrush folders)";
        }
        if (part == ModelPart.BRUSHNET || part == ModelPart.BRUSHNET_UNET) {
            return "export it with `python -m brushedit_export <SD1.5 checkpoint> " + root + " --brushnet <BrushNet checkpoint>` "
                    + "(run in tools/exporter; see tools/exporter/CONTRACT.md)";
        }
        return "export it with `python -m brushedit_export <SD1.5 diffusers folder or .safetensors> " + root + "` "
                + "(run in tools/exporter; see tools/exporter/CONTRACT.md), or with optimum-cli export onnx";
    }

    private void checkOpen() {
        if (closed) {
            throw new ModelException("checkpoint " + root + " is closed");
        }
    }

    private float readScalingFactor() {
        for (String cfg : new String[] {"vae/config.json", "vae_decoder/config.json"}) {
            Optional<JsonNode> node = readJson(root.resolve(cfg));
            if (node.isPresent() && node.get().has("scaling_factor")) {
                JsonNode f = node.get().get("scaling_factor");
                if (!f.isNumber() || !(f.asDouble() > 0) || !Double.isFinite(f.asDouble())) {
                    throw new ModelException(root.resolve(cfg) + ": scaling_factor expected a positive number, found " + f);
                }
                return (float) f.asDouble();
            }
        }
        LOG.info("{} has no VAE config with scaling_factor; using SD1.5's {}", root, DEFAULT_SCALING_FACTOR);
        return DEFAULT_SCALING_FACTOR;
    }

    private static Optional<JsonNode> readJson(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new ModelException(file + ": expected valid JSON, found a parse error: " + e.getMessage(), e);
        }
    }

    /** Closes every opened session. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<AutoCloseable> all = new ArrayList<>(opened.values());
        all.addAll(graphs.values());
        opened.clear();
        graphs.clear();
        ModelException first = null;
        for (AutoCloseable c : all) {
            try {
                c.close();
            } catch (Exception e) {
                if (first == null) {
                    first = new ModelException("closing a session of " + root + " failed: " + e.getMessage(), e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
