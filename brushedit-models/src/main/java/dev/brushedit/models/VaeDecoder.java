package dev.brushedit.models;

import ai.onnxruntime.TensorInfo;
import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.tensor.Tensor;
import dev.brushedit.models.internal.ContractCheck;
import dev.brushedit.models.internal.GraphSession;
import dev.brushedit.models.internal.TileBlender;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The VAE decoder: scaled latents {@code [b, 4, h, w]} to images {@code [b, 3, 8h, 8w]} in roughly
 * [-1, 1] (not clamped). Latents are divided by the checkpoint's scaling factor first.
 *
 * <p>{@link #decodeTiled} decodes large latents in overlapping square tiles and blends the overlaps
 * with linear ramps, so memory stays bounded by the tile size (plus the output itself).
 *
 * <p>Thread-safety: safe for concurrent use (calls are serialised inside the session).
 */
public final class VaeDecoder implements AutoCloseable {
    static final String INPUT = "latent_sample";
    static final String OUTPUT = "sample";

    private final GraphSession graph;
    private final float scalingFactor;
    private final Precision precision;

    VaeDecoder(GraphSession graph, float scalingFactor) {
        this.graph = graph;
        this.scalingFactor = scalingFactor;
        TensorInfo in = ContractCheck.input(graph, INPUT).rank(4).floats().dim(1, 4).check();
        ContractCheck.output(graph, OUTPUT).rank(4).floats().dim(1, 3).check();
        this.precision = Precision.of(in);
    }

    /** The factor latents are divided by before decoding. */
    public float scalingFactor() {
        return scalingFactor;
    }

    /** Precision of the graph's latent input. */
    public Precision precision() {
        return precision;
    }

    /** Decodes in one call. */
    public Tensor decode(Tensor latents) {
        checkLatents(latents);
        return run(latents.scale(1f / scalingFactor), null);
    }

    /**
     * Decodes in square tiles of {@code tileSize} latent pixels overlapping by {@code overlap} latent
     * pixels, blending overlaps linearly. Falls back to {@link #decode} when the latents fit in one tile.
     * For SD1.5, {@code tileSize} 64 and {@code overlap} 16 (512-pixel tiles, 128-pixel blends) are
     * typical.
     */
    public Tensor decodeTiled(Tensor latents, int tileSize, int overlap) {
        checkLatents(latents);
        Checks.inRange("tileSize", tileSize, 8, 4096);
        Checks.inRange("overlap", overlap, 0, tileSize / 2);
        int h = latents.dim(2);
        int w = latents.dim(3);
        if (h <= tileSize && w <= tileSize) {
            return decode(latents);
        }
        Tensor scaled = latents.scale(1f / scalingFactor);
        int[] ys = TileBlender.starts(h, tileSize, overlap);
        int[] xs = TileBlender.starts(w, tileSize, overlap);
        int th = Math.min(tileSize, h);
        int tw = Math.min(tileSize, w);
        TileBlender blender = null;
        for (int y0 : ys) {
            for (int x0 : xs) {
                Tensor tile = TileBlender.crop(scaled, y0, x0, th, tw);
                Tensor img = run(tile, "tile at latent (" + y0 + ", " + x0 + ")");
                if (blender == null) {
                    int factor = img.dim(2) / th;
                    blender = new TileBlender(latents.dim(0), img.dim(1), h, w, factor, overlap);
                }
                blender.add(img, y0, x0, y0 > 0, x0 > 0, y0 + th < h, x0 + tw < w);
            }
        }
        return blender.result();
    }

    private Tensor run(Tensor scaledLatents, String step) {
        return graph.run(Map.of(INPUT, GraphSession.Feed.of(scaledLatents)), List.of(OUTPUT), step).get(OUTPUT);
    }

    private static void checkLatents(Tensor latents) {
        Checks.notNull("latents", latents);
        if (latents.rank() != 4 || latents.dim(1) != 4) {
            throw new InvalidInputException("latents must have shape [batch, 4, h, w], was " + Arrays.toString(latents.shape()));
        }
    }

    /** Closes the session. */
    @Override
    public void close() {
        graph.close();
    }
}
