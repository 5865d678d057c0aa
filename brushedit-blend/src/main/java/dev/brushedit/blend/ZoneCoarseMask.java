package dev.brushedit.blend;

import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.PillowResample;
import java.util.List;

/**
 * ZONE's coarse mask from cross-attention (lsl001006/ZONE, {@code msk_from_attn.py},
 * {@code aggregate_attention} and {@code show_diff_cross_attention}), reproduced pixel for pixel.
 *
 * <p>{@link #aggregate} averages the cross-attention probabilities of the layers ZONE reads (its up
 * and down blocks at 1/32 of the image size, every row: heads times guidance batch), already
 * averaged over the steps. {@link #fromAttention} then takes the start token's and the end token's
 * maps, scales each to {@code 255 * map / max} and truncates to 8 bits, subtracts end from start
 * (saturating at 0), resizes the difference to the image size as Pillow's default resize does
 * (bicubic), doubles it (saturating at 255), thresholds at 108 and inverts: the mask is 1 where
 * {@code 2 * diff <= 108}, exactly what ZONE's code returns as white.
 *
 * <p>Thread-safety: stateless.
 */
public final class ZoneCoarseMask {
    /** ZONE's threshold on the doubled difference. */
    public static final int THRESHOLD = 108;

    private ZoneCoarseMask() {}

    /**
     * The mean over every row of every layer, in order, as torch's {@code cat(...).sum(0) / n}:
     * each layer is {@code [rows, pixels, tokens]} flattened (rows a multiple of nothing in
     * particular); the result is {@code [pixels, tokens]}.
     */
    public static float[] aggregate(List<float[]> layers, int pixels, int tokens) {
        Checks.notNull("layers", layers);
        Checks.positive("pixels", pixels);
        Checks.positive("tokens", tokens);
        if (layers.isEmpty()) {
            throw new InvalidInputException("no cross-attention layer at 1/32 of the image size to aggregate");
        }
        int plane = pixels * tokens;
        float[] sum = new float[plane];
        int rows = 0;
        for (float[] layer : layers) {
            Checks.notNull("layer", layer);
            if (layer.length % plane != 0) {
                throw new InvalidInputException("a cross-attention layer must hold [rows, " + pixels + ", " + tokens + "] values, had "
                        + layer.length);
            }
            for (int r = 0; r < layer.length / plane; r++) {
                for (int i = 0; i < plane; i++) {
                    sum[i] += layer[r * plane + i];
                }
                rows++;
            }
        }
        for (int i = 0; i < plane; i++) {
            sum[i] /= rows;
        }
        return sum;
    }

    /**
     * ZONE's coarse mask at {@code width x height} from the aggregated map {@code [mapHeight * mapWidth,
     * tokens]} ({@code mapHeight = ceil(height / 32)}, {@code mapWidth = ceil(width / 32)}),
     * comparing token {@code startToken} (0, the start token) with {@code endToken} (the end token,
     * the tokenised instruction's length minus 1).
     */
    public static Mask fromAttention(float[] map, int mapHeight, int mapWidth, int tokens, int startToken, int endToken,
            int width, int height) {
        Checks.notNull("map", map);
        Checks.positive("width", width);
        Checks.positive("height", height);
        if (mapHeight != (height + 31) / 32 || mapWidth != (width + 31) / 32) {
            throw new InvalidInputException("the attention map must be ceil(size / 32): " + (height + 31) / 32 + "x"
                    + (width + 31) / 32 + " for a " + width + "x" + height + " image, was " + mapHeight + "x" + mapWidth);
        }
        int pixels = mapHeight * mapWidth;
        if (map.length != pixels * tokens) {
            throw new InvalidInputException("map must hold " + pixels + " x " + tokens + " values, had " + map.length);
        }
        Checks.inRange("startToken", startToken, 0, tokens - 1);
        Checks.inRange("endToken", endToken, 0, tokens - 1);
        int[] start = normalised(map, pixels, tokens, startToken);
        int[] end = normalised(map, pixels, tokens, endToken);
        int[] diff = new int[pixels];
        for (int p = 0; p < pixels; p++) {
            diff[p] = Math.max(0, start[p] - end[p]);
        }
        int[] resized = PillowResample.resize(diff, mapWidth, mapHeight, 1, width, height, PillowResample.Filter.BICUBIC);
        float[] mask = new float[width * height];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = Math.min(255, 2 * resized[i]) <= THRESHOLD ? 1f : 0f;
        }
        return Mask.of(width, height, mask);
    }

    /** {@code uint8(255 * m / max(m))} in float32, as ZONE computes it with torch and numpy. */
    private static int[] normalised(float[] map, int pixels, int tokens, int token) {
        float max = Float.NEGATIVE_INFINITY;
        for (int p = 0; p < pixels; p++) {
            max = Math.max(max, map[p * tokens + token]);
        }
        int[] out = new int[pixels];
        for (int p = 0; p < pixels; p++) {
            float v = 255f * map[p * tokens + token] / max;
            out[p] = (int) v;
        }
        return out;
    }
}
