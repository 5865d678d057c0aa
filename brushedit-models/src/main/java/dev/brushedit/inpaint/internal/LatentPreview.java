package dev.brushedit.inpaint.internal;

import dev.brushedit.core.image.RgbImage;
import dev.brushedit.core.tensor.Tensor;

/**
 * A cheap preview of SD1.5 latents without the VAE: each latent pixel's 4 channels mapped linearly to
 * RGB with the widely used SD1.x latent-to-RGB approximation, at latent resolution (1/8 size).
 *
 * <p>Thread-safety: stateless.
 */
public final class LatentPreview {
    private static final float[][] FACTORS = {
        {0.298f, 0.207f, 0.208f},
        {0.187f, 0.286f, 0.173f},
        {-0.158f, 0.189f, 0.264f},
        {-0.184f, -0.271f, -0.473f},
    };

    private LatentPreview() {}

    /** The first latent of {@code latents [b, 4, h, w]} as an {@code w x h} RGB image. */
    public static RgbImage of(Tensor latents) {
        int h = latents.dim(2);
        int w = latents.dim(3);
        int plane = h * w;
        byte[] px = new byte[plane * 3];
        for (int p = 0; p < plane; p++) {
            for (int c = 0; c < 3; c++) {
                float v = 0;
                for (int k = 0; k < 4; k++) {
                    v += latents.getFlat(k * plane + p) * FACTORS[k][c];
                }
                int b = Math.round((v + 1f) * 127.5f);
                px[p * 3 + c] = (byte) Math.max(0, Math.min(255, b));
            }
        }
        return RgbImage.of(w, h, px);
    }
}
