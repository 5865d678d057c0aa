package dev.brushedit.blend.retouch;

import dev.brushedit.core.image.ImageFiles;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real photographs and object masks under the repository's samples/ folder (copies of the
 * scikit-image photos, see samples/README.md), plus measurements the retouch tests share.
 */
final class Photos {
    private Photos() {}

    static Path samples() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("samples"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no samples/ folder above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("samples");
    }

    static RgbImage image(String name) {
        return ImageFiles.read(samples().resolve(name));
    }

    static Mask mask(String name) {
        return Mask.fromImage(ImageFiles.read(samples().resolve(name)), 128);
    }

    /** OKLab of pixel i of the planar array. */
    static double[] lab(float[] planes, int n, int i) {
        return new double[] {planes[i], planes[n + i], planes[2 * n + i]};
    }

    /** Pearson correlation of a and b over the pixels where sel is set. */
    static double correlation(float[] a, float[] b, boolean[] sel) {
        double sa = 0;
        double sb = 0;
        long n = 0;
        for (int i = 0; i < sel.length; i++) {
            if (sel[i]) {
                sa += a[i];
                sb += b[i];
                n++;
            }
        }
        double ma = sa / n;
        double mb = sb / n;
        double cov = 0;
        double va = 0;
        double vb = 0;
        for (int i = 0; i < sel.length; i++) {
            if (sel[i]) {
                cov += (a[i] - ma) * (b[i] - mb);
                va += (a[i] - ma) * (a[i] - ma);
                vb += (b[i] - mb) * (b[i] - mb);
            }
        }
        return cov / Math.sqrt(va * vb);
    }

    /** Where the mask is at least 0.5. */
    static boolean[] set(Mask m) {
        float[] v = m.toArray();
        boolean[] out = new boolean[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] >= 0.5f;
        }
        return out;
    }

    /** Mean of plane[offset + i] over the selected pixels. */
    static double mean(float[] plane, int offset, boolean[] sel) {
        double s = 0;
        long n = 0;
        for (int i = 0; i < sel.length; i++) {
            if (sel[i]) {
                s += plane[offset + i];
                n++;
            }
        }
        return s / n;
    }

    /** Hue in degrees of the mean (a, b) over the selected pixels of planar OKLab. */
    static double meanHue(float[] lab, boolean[] sel) {
        int n = sel.length;
        return Math.toDegrees(Math.atan2(mean(lab, 2 * n, sel), mean(lab, n, sel)));
    }

    /** Mean chroma over the selected pixels of planar OKLab. */
    static double meanChroma(float[] lab, boolean[] sel) {
        int n = sel.length;
        double s = 0;
        long k = 0;
        for (int i = 0; i < n; i++) {
            if (sel[i]) {
                s += Math.hypot(lab[n + i], lab[2 * n + i]);
                k++;
            }
        }
        return s / k;
    }

    /** Angular distance in degrees. */
    static double hueDistance(double h1, double h2) {
        double d = Math.abs(h1 - h2) % 360;
        return d > 180 ? 360 - d : d;
    }

    /** Pixels (selected) where a and b differ in any channel. */
    static long differing(RgbImage a, RgbImage b, boolean[] sel) {
        byte[] x = a.toRgbBytes();
        byte[] y = b.toRgbBytes();
        long n = 0;
        for (int i = 0; i < sel.length; i++) {
            if (sel[i] && (x[3 * i] != y[3 * i] || x[3 * i + 1] != y[3 * i + 1] || x[3 * i + 2] != y[3 * i + 2])) {
                n++;
            }
        }
        return n;
    }

    static long count(boolean[] sel) {
        long n = 0;
        for (boolean s : sel) {
            if (s) {
                n++;
            }
        }
        return n;
    }
}
