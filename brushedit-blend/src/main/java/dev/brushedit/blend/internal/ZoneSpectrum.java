package dev.brushedit.blend.internal;

/**
 * The numeric details of ZONE's edge smoother: gray levels, low-pass regions and the cast of the
 * magnitude to 8 bits, each in the reference (ZONE's code as run) and the corrected flavour.
 *
 * <p>Thread-safety: stateless.
 */
public final class ZoneSpectrum {
    private static final double TWO_31 = 2147483648.0;

    private ZoneSpectrum() {}

    /**
     * Gray level of pixel {@code i} of interleaved RGB bytes. Reference: OpenCV's integer
     * {@code RGB2GRAY} ({@code (9798 r + 19235 g + 3735 b + 2^14) >> 15}) applied to BGR data, i.e.
     * with the red and blue weights swapped. Corrected: {@code 0.299 R + 0.587 G + 0.114 B}.
     */
    public static double gray(byte[] rgb, int i, boolean reference) {
        int r = rgb[3 * i] & 0xff;
        int g = rgb[3 * i + 1] & 0xff;
        int b = rgb[3 * i + 2] & 0xff;
        if (reference) {
            return (9798 * b + 19235 * g + 3735 * r + (1 << 14)) >> 15;
        }
        return 0.299 * r + 0.587 * g + 0.114 * b;
    }

    /**
     * The magnitude as 8 bits. Reference: numpy's {@code astype(uint8)} on x86 (truncation, then
     * modulo 256; 0 from {@code 2^31} up). Corrected: truncation, then saturation at 255.
     */
    public static int toUint8(double v, boolean reference) {
        if (reference) {
            return v < TWO_31 ? (int) ((long) v & 0xff) : 0;
        }
        return v >= 255 ? 255 : (int) v;
    }

    /**
     * ZONE's low-pass region in unshifted layout: {@code cv2.circle(mask, (rows // 2, cols // 2), d0,
     * 1, -1)} drawn on the fftshift-ed {@code rows x cols} plane (note the centre's x is
     * {@code rows // 2}), then moved back by ifftshift.
     */
    public static byte[] referenceDisk(int w, int h, int d0) {
        byte[] shifted = new byte[w * h];
        DiskRaster.fillOpenCvCircle(shifted, w, h, h / 2, w / 2, d0);
        return unshift(shifted, w, h);
    }

    /**
     * The corrected low-pass region in unshifted layout: frequency bins {@code (u, v)} (signed,
     * {@code |u| = min(k, W - k)}) with {@code (u / (d0 W / 512))^2 + (v / (d0 H / 512))^2 <= 1}.
     */
    public static byte[] scaledEllipse(int w, int h, int d0) {
        byte[] keep = new byte[w * h];
        double ax = d0 * w / 512.0;
        double ay = d0 * h / 512.0;
        for (int ky = 0; ky < h; ky++) {
            double v = Math.min(ky, h - ky) / ay;
            for (int kx = 0; kx < w; kx++) {
                double u = Math.min(kx, w - kx) / ax;
                keep[ky * w + kx] = (byte) (u * u + v * v <= 1.0 ? 1 : 0);
            }
        }
        return keep;
    }

    /** numpy's ifftshift: element {@code k} of the result is element {@code (k + n / 2) mod n}. */
    static byte[] unshift(byte[] shifted, int w, int h) {
        byte[] out = new byte[w * h];
        for (int ky = 0; ky < h; ky++) {
            int sy = (ky + h / 2) % h;
            for (int kx = 0; kx < w; kx++) {
                out[ky * w + kx] = shifted[sy * w + (kx + w / 2) % w];
            }
        }
        return out;
    }
}
