package dev.brushedit.inpaint.internal;

import dev.brushedit.core.image.ImageTensors;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.core.tensor.Interpolation;
import dev.brushedit.core.tensor.Tensor;

/**
 * Moves images and masks between the original and a {@link WorkRegion}: crop, scale (area filter
 * down, bicubic up), and pad on the right and bottom by mirroring ({@code numpy.pad(mode="symmetric")},
 * as IOPaint pads), and back.
 *
 * <p>Thread-safety: stateless.
 */
public final class WorkImages {
    private WorkImages() {}

    /** The original's region, scaled and padded to the work size. */
    public static RgbImage toWork(RgbImage original, WorkRegion region) {
        RgbImage crop = original.crop(region.source());
        RgbImage scaled = region.unscaled() ? crop : resize(crop, region.width(), region.height());
        return region.padded() ? padSymmetric(scaled, region.paddedWidth(), region.paddedHeight()) : scaled;
    }

    /**
     * The mask's region at the work size. When scaled down, a work pixel is a hole if any original
     * pixel under it is (so the hole never shrinks); the result is binary.
     */
    public static Mask toWork(Mask original, WorkRegion region) {
        Mask crop = original.crop(region.source()).binarize(0.5f);
        Mask scaled = crop;
        if (!region.unscaled()) {
            Tensor t = crop.toTensor().resize(region.height(), region.width(), Interpolation.AREA);
            float[] v = t.toArray();
            for (int i = 0; i < v.length; i++) {
                v[i] = v[i] > 0f ? 1f : 0f;
            }
            scaled = Mask.of(region.width(), region.height(), v);
        }
        if (!region.padded()) {
            return scaled;
        }
        float[] src = scaled.toArray();
        float[] dst = new float[region.paddedWidth() * region.paddedHeight()];
        for (int y = 0; y < region.paddedHeight(); y++) {
            int sy = mirror(y, region.height());
            for (int x = 0; x < region.paddedWidth(); x++) {
                dst[y * region.paddedWidth() + x] = src[sy * region.width() + mirror(x, region.width())];
            }
        }
        return Mask.of(region.paddedWidth(), region.paddedHeight(), dst);
    }

    /** A work-size result brought back to the size of the region's source box. */
    public static RgbImage fromWork(RgbImage work, WorkRegion region) {
        RgbImage unpadded = region.padded()
                ? work.crop(new dev.brushedit.core.image.Box(0, 0, region.width(), region.height()))
                : work;
        return region.unscaled() ? unpadded : resize(unpadded, region.source().width(), region.source().height());
    }

    /** {@code patch} pasted into a copy of {@code base} at the region's source box. */
    public static RgbImage paste(RgbImage base, RgbImage patch, WorkRegion region) {
        byte[] px = base.toRgbBytes();
        int x0 = region.source().x0();
        int y0 = region.source().y0();
        byte[] p = patch.toRgbBytes();
        int row = patch.width() * 3;
        for (int y = 0; y < patch.height(); y++) {
            System.arraycopy(p, y * row, px, ((y0 + y) * base.width() + x0) * 3, row);
        }
        return RgbImage.of(base.width(), base.height(), px);
    }

    /** {@code generated} where {@code binaryMask} is 1, {@code original} elsewhere. */
    public static RgbImage hardPaste(RgbImage original, RgbImage generated, Mask binaryMask) {
        byte[] o = original.toRgbBytes();
        byte[] g = generated.toRgbBytes();
        for (int y = 0; y < original.height(); y++) {
            for (int x = 0; x < original.width(); x++) {
                if (binaryMask.get(x, y) >= 0.5f) {
                    int i = (y * original.width() + x) * 3;
                    o[i] = g[i];
                    o[i + 1] = g[i + 1];
                    o[i + 2] = g[i + 2];
                }
            }
        }
        return RgbImage.of(original.width(), original.height(), o);
    }

    static RgbImage resize(RgbImage image, int width, int height) {
        boolean down = (long) width * height < image.pixelCount();
        Tensor t = ImageTensors.toTensor(image).resize(height, width, down ? Interpolation.AREA : Interpolation.BICUBIC);
        return ImageTensors.toImage(t.clampInPlace(-1f, 1f));
    }

    static RgbImage padSymmetric(RgbImage image, int width, int height) {
        byte[] src = image.toRgbBytes();
        byte[] dst = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            int sy = mirror(y, image.height());
            for (int x = 0; x < width; x++) {
                int s = (sy * image.width() + mirror(x, image.width())) * 3;
                int d = (y * width + x) * 3;
                dst[d] = src[s];
                dst[d + 1] = src[s + 1];
                dst[d + 2] = src[s + 2];
            }
        }
        return RgbImage.of(width, height, dst);
    }

    /** numpy's "symmetric" padding index: ... 2 1 0 | 0 1 2 ... n-1 | n-1 n-2 ... */
    static int mirror(int i, int n) {
        int period = 2 * n;
        int m = i % period;
        return m < n ? m : period - 1 - m;
    }
}
