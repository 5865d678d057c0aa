package dev.brushedit.inpaint.patchmatch;

import dev.brushedit.core.image.RgbImage;

/**
 * SSIM of Wang et al. 2004 as the evaluation in BENCHMARKS.md computes it (11x11 Gaussian window of
 * sigma 1.5, K1 0.01, K2 0.03, L 255, per channel, borders reflected), averaged over the channels
 * and over a box. Test helper.
 */
final class Ssim {
    private Ssim() {}

    /** Mean SSIM of {@code b} against {@code a} over the pixels of {@code [x0, x1) x [y0, y1)}. */
    static double overHoleBox(RgbImage a, RgbImage b, int x0, int y0, int x1, int y1) {
        int w = a.width();
        int h = a.height();
        byte[] pa = a.toRgbBytes();
        byte[] pb = b.toRgbBytes();
        float[] k = TwoBand.kernel(1.5);
        float[] fa = new float[pa.length];
        float[] fb = new float[pa.length];
        float[] aa = new float[pa.length];
        float[] bb = new float[pa.length];
        float[] ab = new float[pa.length];
        for (int i = 0; i < pa.length; i++) {
            fa[i] = pa[i] & 0xff;
            fb[i] = pb[i] & 0xff;
            aa[i] = fa[i] * fa[i];
            bb[i] = fb[i] * fb[i];
            ab[i] = fa[i] * fb[i];
        }
        // kernel(1.5) has radius 5: the 11x11 window
        float[] ma = TwoBand.blur(fa, w, h, k);
        float[] mb = TwoBand.blur(fb, w, h, k);
        float[] saa = TwoBand.blur(aa, w, h, k);
        float[] sbb = TwoBand.blur(bb, w, h, k);
        float[] sab = TwoBand.blur(ab, w, h, k);
        double c1 = Math.pow(0.01 * 255, 2);
        double c2 = Math.pow(0.03 * 255, 2);
        double sum = 0;
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                for (int c = 0; c < 3; c++) {
                    int o = 3 * (y * w + x) + c;
                    double mua = ma[o];
                    double mub = mb[o];
                    double va = saa[o] - mua * mua;
                    double vb = sbb[o] - mub * mub;
                    double cov = sab[o] - mua * mub;
                    sum += (2 * mua * mub + c1) * (2 * cov + c2) / ((mua * mua + mub * mub + c1) * (va + vb + c2));
                    n++;
                }
            }
        }
        return sum / n;
    }
}
