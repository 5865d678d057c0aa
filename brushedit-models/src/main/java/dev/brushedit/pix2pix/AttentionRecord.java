package dev.brushedit.pix2pix;

import dev.brushedit.blend.ZoneCoarseMask;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ZONE's attention store for the cross-attention outputs of the InstructPix2Pix UNet: every step
 * adds, per layer, the rows from {@code rows / 3} on (ZONE's controller stores {@code attn[h // 3:]}:
 * with guidance the image-only and unconditional rows), summed in float over the steps; the average
 * divides by the step count plus one, as ZONE's {@code get_average_attention_period} does.
 *
 * <p>Thread-safety: not thread-safe; one record per edit.
 */
final class AttentionRecord {
    private final List<float[]> sums = new ArrayList<>();
    private int steps;
    private int pixels;
    private int tokens;

    void add(List<String> names, Map<String, Tensor> outputs) {
        for (int l = 0; l < names.size(); l++) {
            Tensor a = outputs.get(names.get(l));
            int rows = a.dim(0);
            int from = rows / 3;
            pixels = a.dim(1);
            tokens = a.dim(2);
            int plane = pixels * tokens;
            if (sums.size() <= l) {
                sums.add(new float[(rows - from) * plane]);
            }
            float[] sum = sums.get(l);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += a.getFlat(from * plane + i);
            }
        }
        steps++;
    }

    /** ZONE's aggregated map {@code [pixels, tokens]}: the step average of every layer, then the mean over all rows. */
    float[] aggregated() {
        List<float[]> averaged = new ArrayList<>(sums.size());
        float divisor = steps + 1;
        for (float[] sum : sums) {
            float[] avg = new float[sum.length];
            for (int i = 0; i < sum.length; i++) {
                avg[i] = sum[i] / divisor;
            }
            averaged.add(avg);
        }
        return ZoneCoarseMask.aggregate(averaged, pixels, tokens);
    }

    int tokens() {
        return tokens;
    }

    /** ZONE's coarse mask at {@code width x height} (multiples of 32 map exactly onto the latent / 4 maps). */
    Mask coarseMask(int mapHeight, int mapWidth, int endToken, int width, int height) {
        return ZoneCoarseMask.fromAttention(aggregated(), mapHeight, mapWidth, tokens, 0, endToken, width, height);
    }
}
