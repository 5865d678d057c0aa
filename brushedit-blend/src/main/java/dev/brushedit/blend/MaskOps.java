package dev.brushedit.blend;

import dev.brushedit.blend.internal.Gaussian;
import dev.brushedit.blend.internal.Morphology;
import dev.brushedit.blend.internal.Planes;
import dev.brushedit.blend.internal.Regions;
import dev.brushedit.core.Checks;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.Mask;

/**
 * Mask operations with exact definitions, on masks of any size (1x1 included).
 *
 * <p><b>Binary rule.</b> Morphology, region and contour operations read a mask as binary: a pixel
 * is set when its value is at least {@code 0.5}. They return binary masks (values 0 or 1). The
 * algebra ({@link #union}, {@link #intersection}, {@link #difference}, {@link #invert},
 * {@link #shift}) and {@link #feather} keep soft values.
 *
 * <p><b>Borders.</b> Dilation treats pixels outside the mask as 0 and erosion as 1, so neither
 * grows nor eats the mask from the frame (OpenCV's default for {@code dilate} / {@code erode}).
 * {@code n} iterations apply the element {@code n} times; {@link #open} erodes {@code n} times then
 * dilates {@code n} times, {@link #close} the reverse (OpenCV's {@code morphologyEx}).
 *
 * <p>Thread-safety: stateless, safe for concurrent use.
 */
public final class MaskOps {
    private MaskOps() {}

    /** Dilation: a pixel is set when the element placed on it covers any set pixel; outside counts as 0. */
    public static Mask dilate(Mask mask, StructuringElement element, int iterations) {
        return morph(mask, element, iterations, false);
    }

    /** Erosion: a pixel is set when the element placed on it covers only set pixels; outside counts as 1. */
    public static Mask erode(Mask mask, StructuringElement element, int iterations) {
        return morph(mask, element, iterations, true);
    }

    /** Opening: {@code iterations} erosions, then {@code iterations} dilations. */
    public static Mask open(Mask mask, StructuringElement element, int iterations) {
        return dilate(erode(mask, element, iterations), element, iterations);
    }

    /** Closing: {@code iterations} dilations, then {@code iterations} erosions. */
    public static Mask close(Mask mask, StructuringElement element, int iterations) {
        return erode(dilate(mask, element, iterations), element, iterations);
    }

    private static Mask morph(Mask mask, StructuringElement element, int iterations, boolean erode) {
        Planes.require("mask", mask);
        Checks.notNull("element", element);
        Checks.inRange("iterations", iterations, 0, 10_000);
        int w = mask.width();
        int h = mask.height();
        byte[] p = Planes.binary(mask);
        for (int i = 0; i < iterations; i++) {
            p = apply(p, w, h, element, erode);
        }
        return Planes.toMask(p, w, h);
    }

    static byte[] apply(byte[] p, int w, int h, StructuringElement element, boolean erode) {
        if (element.isDisk()) {
            return Morphology.disk(p, w, h, element.size(), erode);
        }
        int k = element.size();
        return erode ? Morphology.erodeRect(p, w, h, k, k) : Morphology.dilateRect(p, w, h, k, k);
    }

    /**
     * Fills holes: sets every unset pixel that cannot reach the mask's border through unset pixels
     * moving left, right, up or down (SciPy's {@code binary_fill_holes} with its default structure).
     */
    public static Mask fillHoles(Mask mask) {
        Planes.require("mask", mask);
        return Planes.toMask(Regions.fillHoles(Planes.binary(mask), mask.width(), mask.height(), false),
                mask.width(), mask.height());
    }

    /**
     * Fills the external contours, as OpenCV's {@code findContours(RETR_EXTERNAL)} followed by
     * {@code drawContours(FILLED)} does: every 8-connected region is set together with everything
     * it encloses. Background connects 4-wise, so this equals {@link #fillHoles}.
     */
    public static Mask fillExternalContours(Mask mask) {
        return fillHoles(mask);
    }

    /** The connected regions of the mask under {@code connectivity}. */
    public static ConnectedComponents components(Mask mask, Connectivity connectivity) {
        Planes.require("mask", mask);
        Checks.notNull("connectivity", connectivity);
        int[] labels = new int[mask.width() * mask.height()];
        int n = Regions.label(Planes.binary(mask), mask.width(), mask.height(), connectivity == Connectivity.EIGHT, labels);
        return new ConnectedComponents(mask.width(), mask.height(), labels, n, Regions.areas(labels, n));
    }

    /** Removes every region (under {@code connectivity}) with fewer than {@code minPixels} pixels. */
    public static Mask removeSmallRegions(Mask mask, int minPixels, Connectivity connectivity) {
        Planes.require("mask", mask);
        Checks.inRange("minPixels", minPixels, 0, Integer.MAX_VALUE);
        Checks.notNull("connectivity", connectivity);
        int w = mask.width();
        int h = mask.height();
        return Planes.toMask(removeSmall(Planes.binary(mask), w, h, minPixels, connectivity == Connectivity.EIGHT), w, h);
    }

    static byte[] removeSmall(byte[] p, int w, int h, int minPixels, boolean eight) {
        int[] labels = new int[p.length];
        int n = Regions.label(p, w, h, eight, labels);
        long[] areas = Regions.areas(labels, n);
        byte[] out = new byte[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = (byte) (labels[i] != 0 && areas[labels[i]] >= minPixels ? 1 : 0);
        }
        return out;
    }

    /** 1 inside the bounding box of the set pixels, 0 elsewhere; an empty mask stays empty. */
    public static Mask boundingBoxMask(Mask mask) {
        Planes.require("mask", mask);
        Box box = mask.boundingBox();
        return box == null ? Mask.empty(mask.width(), mask.height()) : Mask.ofBox(mask.width(), mask.height(), box);
    }

    /**
     * The ellipse inscribed in the bounding box {@code [x0, x1) x [y0, y1)} of the set pixels: a pixel
     * is set when its centre {@code (x + 0.5, y + 0.5)} satisfies
     * {@code ((x + 0.5 - cx) / rx)^2 + ((y + 0.5 - cy) / ry)^2 <= 1} with {@code cx = (x0 + x1) / 2},
     * {@code rx = (x1 - x0) / 2} (likewise for y). An empty mask stays empty.
     */
    public static Mask boundingEllipseMask(Mask mask) {
        Planes.require("mask", mask);
        int w = mask.width();
        int h = mask.height();
        Box b = mask.boundingBox();
        float[] v = new float[w * h];
        if (b != null) {
            double cx = (b.x0() + b.x1()) / 2.0;
            double cy = (b.y0() + b.y1()) / 2.0;
            double rx = b.width() / 2.0;
            double ry = b.height() / 2.0;
            for (int y = b.y0(); y < b.y1(); y++) {
                double ny = (y + 0.5 - cy) / ry;
                for (int x = b.x0(); x < b.x1(); x++) {
                    double nx = (x + 0.5 - cx) / rx;
                    v[y * w + x] = nx * nx + ny * ny <= 1.0 ? 1f : 0f;
                }
            }
        }
        return Mask.of(w, h, v);
    }

    /**
     * Gaussian feathering of the (soft) values with OpenCV's {@code GaussianBlur} semantics: odd
     * {@code kernelSize}, {@code sigma <= 0} meaning {@code 0.3 * ((kernelSize - 1) * 0.5 - 1) + 0.8},
     * border {@code BORDER_REFLECT_101}; computed in double precision.
     */
    public static Mask feather(Mask mask, int kernelSize, double sigma) {
        Planes.require("mask", mask);
        checkKernel(kernelSize, sigma);
        float[] v = mask.toArray();
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        double[] b = Gaussian.blur(d, mask.width(), mask.height(), Gaussian.kernel(kernelSize, sigma));
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) Math.min(1.0, Math.max(0.0, b[i]));
        }
        return Mask.of(mask.width(), mask.height(), v);
    }

    static void checkKernel(int kernelSize, double sigma) {
        Checks.inRange("kernelSize", kernelSize, 1, 1001);
        if (kernelSize % 2 == 0) {
            throw new dev.brushedit.core.InvalidInputException("kernelSize must be odd, was " + kernelSize);
        }
        Checks.finite("sigma", sigma);
    }

    /** {@code 1 - value} everywhere. */
    public static Mask invert(Mask mask) {
        return Planes.require("mask", mask).invert();
    }

    /**
     * The mask moved by {@code dx} columns right and {@code dy} rows down: the value at
     * {@code (x, y)} comes from {@code (x - dx, y - dy)}, and 0 where that lies outside.
     */
    public static Mask shift(Mask mask, int dx, int dy) {
        Planes.require("mask", mask);
        int w = mask.width();
        int h = mask.height();
        float[] src = mask.toArray();
        float[] v = new float[src.length];
        for (int y = Math.max(0, dy); y < Math.min(h, h + dy); y++) {
            int x0 = Math.max(0, dx);
            int x1 = Math.min(w, w + dx);
            if (x0 < x1) {
                System.arraycopy(src, (y - dy) * w + x0 - dx, v, y * w + x0, x1 - x0);
            }
        }
        return Mask.of(w, h, v);
    }

    /** Pixel-wise {@code max(a, b)}. */
    public static Mask union(Mask a, Mask b) {
        return combine(a, b, 0);
    }

    /** Pixel-wise {@code min(a, b)}. */
    public static Mask intersection(Mask a, Mask b) {
        return combine(a, b, 1);
    }

    /** Pixel-wise {@code min(a, 1 - b)}: what {@code a} covers and {@code b} does not. */
    public static Mask difference(Mask a, Mask b) {
        return combine(a, b, 2);
    }

    private static Mask combine(Mask a, Mask b, int op) {
        Planes.sameSize("a", a, "b", b);
        float[] x = a.toArray();
        float[] y = b.toArray();
        for (int i = 0; i < x.length; i++) {
            x[i] = op == 0 ? Math.max(x[i], y[i]) : op == 1 ? Math.min(x[i], y[i]) : Math.min(x[i], 1f - y[i]);
        }
        return Mask.of(a.width(), a.height(), x);
    }
}
