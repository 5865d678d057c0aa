package dev.brushedit.models;

import ai.onnxruntime.TensorInfo;
import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.ModelException;
import dev.brushedit.core.random.RandomSource;
import dev.brushedit.core.tensor.Tensor;
import dev.brushedit.models.internal.ContractCheck;
import dev.brushedit.models.internal.GraphSession;
import dev.brushedit.models.internal.TileBlender;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The VAE encoder: images {@code [b, 3, H, W]} in {@code [-1, 1]} to latents {@code [b, 4, H/8, W/8]}
 * multiplied by the checkpoint's scaling factor (0.18215 for SD1.5).
 *
 * <p>optimum exports output {@code latent_parameters} (mean | log-variance, 8 channels); this class
 * returns the mean, or a sample {@code mean + exp(logvar / 2) * noise} with noise from a
 * {@link RandomSource} and the log-variance clamped to [-30, 20] as diffusers'
 * {@code DiagonalGaussianDistribution} does. Legacy diffusers exports sample INSIDE the graph and output
 * 4-channel {@code latent_sample}: then both modes return the graph's own sample and its randomness is
 * not under this SDK's seed control.
 *
 * <p>Thread-safety: safe for concurrent use (calls are serialised inside the session); a
 * {@link RandomSource} must not be shared between threads.
 */
public final class VaeEncoder implements AutoCloseable {
    static final String INPUT = "sample";
    static final String PARAMETERS = "latent_parameters";
    static final String LEGACY_SAMPLE = "latent_sample";

    /** How latents are taken from the encoder's distribution. */
    public enum Sampling {
        /** The distribution's mean (deterministic). */
        MEAN,
        /** A sample drawn with the caller's {@link RandomSource}. */
        SAMPLE
    }

    private static final Logger LOG = LoggerFactory.getLogger(VaeEncoder.class);

    private final GraphSession graph;
    private final AtomicBoolean warnedLegacyMean = new AtomicBoolean();
    private final float scalingFactor;
    private final boolean legacy;
    private final Precision precision;

    VaeEncoder(GraphSession graph, float scalingFactor) {
        this.graph = graph;
        this.scalingFactor = scalingFactor;
        TensorInfo in = ContractCheck.input(graph, INPUT).rank(4).floats().dim(1, 3).check();
        this.precision = Precision.of(in);
        if (graph.outputs().containsKey(PARAMETERS)) {
            ContractCheck.output(graph, PARAMETERS).rank(4).floats().dim(1, 8).check();
            legacy = false;
        } else if (graph.outputs().containsKey(LEGACY_SAMPLE)) {
            ContractCheck.output(graph, LEGACY_SAMPLE).rank(4).floats().dim(1, 4).check();
            legacy = true;
        } else {
            throw new ModelException(graph.label() + ": expected output 'latent_parameters' (optimum, 8 channels) or "
                    + "'latent_sample' (legacy diffusers, 4 channels), found outputs " + graph.outputs().keySet());
        }
    }

    /** The flavour this graph belongs to. */
    public ExportFlavour flavour() {
        return legacy ? ExportFlavour.LEGACY_DIFFUSERS : ExportFlavour.OPTIMUM;
    }

    /** The factor the latents are multiplied by. */
    public float scalingFactor() {
        return scalingFactor;
    }

    /** Precision of the graph's image input. */
    public Precision precision() {
        return precision;
    }

    /** The scaled mean latents (the graph's own sample for legacy exports). */
    public Tensor encode(Tensor image) {
        return encode(image, Sampling.MEAN, null);
    }

    /**
     * Scaled latents {@code [b, 4, H/8, W/8]} for {@code image} ({@code [b, 3, H, W]}, values in [-1, 1]).
     * {@code random} is required for {@link Sampling#SAMPLE} with optimum exports and unused otherwise.
     */
    public Tensor encode(Tensor image, Sampling sampling, RandomSource random) {
        return encodeWithin(image, sampling, random, Long.MAX_VALUE);
    }

    /**
     * Like {@link #encode(Tensor, Sampling, RandomSource)}, but in square tiles when the estimated working memory of
     * one call ({@link #BYTES_PER_PIXEL} per input pixel and batch item, half for fp16 graphs) exceeds
     * {@code budgetBytes}: tiles of whole latent pixels overlapping by a quarter of the tile, the graph's outputs
     * blended linearly across the overlaps before the mean is taken or the sample drawn. Each tile is encoded without
     * the rest of the image, so tiled latents differ slightly from whole ones.
     */
    public Tensor encodeWithin(Tensor image, Sampling sampling, RandomSource random, long budgetBytes) {
        Checks.notNull("image", image);
        Checks.notNull("sampling", sampling);
        Checks.inRange("budgetBytes", budgetBytes, 1L, Long.MAX_VALUE);
        if (image.rank() != 4 || image.dim(1) != 3) {
            throw new InvalidInputException("image must have shape [batch, 3, height, width], was " + Arrays.toString(image.shape()));
        }
        if (legacy) {
            if (sampling == Sampling.MEAN && warnedLegacyMean.compareAndSet(false, true)) {
                LOG.warn("{} samples inside the graph (legacy diffusers export): MEAN returns the graph's own random sample, "
                        + "which no seed controls; re-export with optimum or brushedit_export for deterministic latents", graph.label());
            }
            return outputs(image, LEGACY_SAMPLE, budgetBytes).scaleInPlace(scalingFactor);
        }
        if (sampling == Sampling.SAMPLE && random == null) {
            throw new InvalidInputException("random must not be null when sampling from the VAE distribution");
        }
        Tensor params = outputs(image, PARAMETERS, budgetBytes);
        List<Tensor> halves = params.split(1, 4, 4);
        Tensor mean = halves.get(0);
        if (sampling == Sampling.SAMPLE) {
            Tensor logvar = halves.get(1).clampInPlace(-30f, 20f);
            Tensor noise = random.randn(mean.shape());
            for (int i = 0; i < mean.size(); i++) {
                mean.setFlat(i, mean.getFlat(i) + (float) Math.exp(0.5 * logvar.getFlat(i)) * noise.getFlat(i));
            }
        }
        return mean.scaleInPlace(scalingFactor);
    }

    /** Working bytes one input pixel of one batch item needs while encoding (fp32 graph). */
    public static final long BYTES_PER_PIXEL = 2048;

    private Tensor outputs(Tensor image, String output, long budgetBytes) {
        int latH = image.dim(2) / 8;
        int latW = image.dim(3) / 8;
        long perPixel = precision == Precision.FP16 ? BYTES_PER_PIXEL / 2 : BYTES_PER_PIXEL;
        int tile = latH * 8 == image.dim(2) && latW * 8 == image.dim(3)
                ? VaeDecoder.tileFor(image.dim(0), latH, latW, budgetBytes, perPixel) : 0;
        if (tile == 0) {
            return run(image, output, null);
        }
        int overlap = tile / 4;
        int th = Math.min(tile, latH);
        int tw = Math.min(tile, latW);
        TileBlender blender = null;
        for (int y0 : TileBlender.starts(latH, tile, overlap)) {
            for (int x0 : TileBlender.starts(latW, tile, overlap)) {
                Tensor crop = TileBlender.crop(image, y0 * 8, x0 * 8, th * 8, tw * 8);
                Tensor out = run(crop, output, "tile at latent (" + y0 + ", " + x0 + ")");
                if (blender == null) {
                    blender = new TileBlender(image.dim(0), out.dim(1), latH, latW, 1, overlap);
                }
                blender.add(out, y0, x0, y0 > 0, x0 > 0, y0 + th < latH, x0 + tw < latW);
            }
        }
        return blender.result();
    }

    private Tensor run(Tensor image, String output, String step) {
        return graph.run(Map.of(INPUT, GraphSession.Feed.of(image)), List.of(output), step).get(output);
    }

    /**
     * The posterior's mode (its mean) WITHOUT the scaling factor, {@code [b, 4, H/8, W/8]}: what
     * diffusers' InstructPix2Pix pipeline feeds the UNet as image latents
     * ({@code retrieve_latents(..., sample_mode="argmax")}).
     *
     * @throws ModelException for a legacy export, whose graph only returns its own random sample
     */
    public Tensor mode(Tensor image) {
        Checks.notNull("image", image);
        if (legacy) {
            throw new ModelException(graph.label() + " samples inside the graph (legacy diffusers export) and cannot give the "
                    + "posterior's mode; re-export the checkpoint with brushedit_export (optimum flavour)");
        }
        if (image.rank() != 4 || image.dim(1) != 3) {
            throw new InvalidInputException("image must have shape [batch, 3, height, width], was " + Arrays.toString(image.shape()));
        }
        Tensor params = graph.run(Map.of(INPUT, GraphSession.Feed.of(image)), List.of(PARAMETERS), null).get(PARAMETERS);
        return params.split(1, 4, 4).get(0);
    }

    /** Closes the session. */
    @Override
    public void close() {
        graph.close();
    }
}
