package dev.brushedit.core.image;

import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.tensor.Tensor;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Converts between {@link RgbImage} and NCHW float tensors in {@code [-1, 1]}, bit-exactly as
 * diffusers' {@code VaeImageProcessor} does on float32: forward {@code x = 2 * (u / 255f) - 1}
 * ({@code pil_to_numpy} then {@code normalize}); back
 * {@code u = rint(clamp(x * 0.5 + 0.5, 0, 1) * 255)} with ties to even ({@code denormalize}, then
 * numpy's {@code (images * 255).round().astype("uint8")}).
 *
 * <p>Thread-safety: stateless, safe for concurrent use.
 */
public final class ImageTensors {
    private ImageTensors() {}

    /** The image as a {@code [1, 3, H, W]} tensor in {@code [-1, 1]}. */
    public static Tensor toTensor(RgbImage image) {
        Checks.notNull("image", image);
        return toTensor(List.of(image));
    }

    /** The images, which must all have one size, as an {@code [N, 3, H, W]} tensor in {@code [-1, 1]}. */
    public static Tensor toTensor(List<RgbImage> images) {
        if (images == null || images.isEmpty()) {
            throw new InvalidInputException("images must hold at least one image, was " + images);
        }
        RgbImage first = Checks.notNull("images[0]", images.get(0));
        int w = first.width();
        int h = first.height();
        int plane = w * h;
        float[] lut = new float[256];
        for (int u = 0; u < 256; u++) {
            lut[u] = 2f * (u / 255f) - 1f;
        }
        Tensor out = Tensor.zeros(images.size(), 3, h, w);
        FloatBuffer dst = out.buffer();
        float[] channel = new float[plane];
        for (int n = 0; n < images.size(); n++) {
            RgbImage img = Checks.notNull("images[" + n + "]", images.get(n));
            if (img.width() != w || img.height() != h) {
                throw new InvalidInputException("images in one batch must have one size: images[0] is " + w + "x" + h
                        + ", images[" + n + "] is " + img.width() + "x" + img.height());
            }
            byte[] px = img.data();
            for (int c = 0; c < 3; c++) {
                for (int i = 0; i < plane; i++) {
                    channel[i] = lut[px[i * 3 + c] & 0xff];
                }
                dst.put((n * 3 + c) * plane, channel);
            }
        }
        return out;
    }

    /** The single image of a {@code [1, 3, H, W]} tensor in {@code [-1, 1]}; values outside are clamped. */
    public static RgbImage toImage(Tensor tensor) {
        Checks.notNull("tensor", tensor);
        if (tensor.rank() != 4 || tensor.dim(0) != 1) {
            throw new InvalidInputException("image tensor must have shape [1, 3, H, W], was " + Arrays.toString(tensor.shape()));
        }
        return toImages(tensor).get(0);
    }

    /**
     * The images of an {@code [N, 3, H, W]} tensor in {@code [-1, 1]}; values outside are clamped.
     *
     * @throws InvalidInputException for another shape or a NaN or infinite element (naming its index)
     */
    public static List<RgbImage> toImages(Tensor tensor) {
        Checks.notNull("tensor", tensor);
        int[] s = tensor.shape();
        if (s.length != 4 || s[1] != 3) {
            throw new InvalidInputException("image tensor must have shape [N, 3, H, W], was " + Arrays.toString(s));
        }
        int bad = tensor.firstNonFinite();
        if (bad >= 0) {
            throw new InvalidInputException("image tensor " + Arrays.toString(s) + " holds " + tensor.getFlat(bad)
                    + " at flat index " + bad + "; expected finite values in [-1, 1]");
        }
        int h = s[2];
        int w = s[3];
        int plane = w * h;
        FloatBuffer src = tensor.buffer();
        float[] channel = new float[plane];
        List<RgbImage> out = new ArrayList<>(s[0]);
        for (int n = 0; n < s[0]; n++) {
            byte[] px = new byte[plane * 3];
            for (int c = 0; c < 3; c++) {
                src.get((n * 3 + c) * plane, channel);
                for (int i = 0; i < plane; i++) {
                    px[i * 3 + c] = (byte) toByte(channel[i]);
                }
            }
            out.add(RgbImage.adopt(w, h, px));
        }
        return out;
    }

    /** One value in {@code [-1, 1]} to 0..255 by diffusers' rule (float32 arithmetic, ties to even). */
    static int toByte(float x) {
        float v = x * 0.5f + 0.5f;
        v = Math.min(1f, Math.max(0f, v));
        return (int) Math.rint(v * 255f);
    }
}
