package dev.brushedit.blend.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FftBackendsTest {
    @Test
    void missingGpuClassFallsBackToCpu() {
        assertThat(FftBackends.select("dev.brushedit.blend.internal.NoSuchFft").name()).isEqualTo("jtransforms");
    }

    @Test
    void cudaClassesWithoutNativesFallBackToCpu() {
        // the optional presets are on the test class path, their natives (cuda-platform) are not
        assertThat(FftBackends.select(FftBackends.CUDA_CLASS).name()).isEqualTo("jtransforms");
        assertThat(FftBackends.best().name()).isEqualTo("jtransforms");
    }

    @Test
    void aProbeThatReportsNoDeviceFallsBackToCpu() {
        assertThat(FftBackends.select(NoDevice.class.getName()).name()).isEqualTo("jtransforms");
        assertThat(FftBackends.select(Throwing.class.getName()).name()).isEqualTo("jtransforms");
        assertThat(FftBackends.select(Fake.class.getName()).name()).isEqualTo("fake");
    }

    @Test
    void fullPassBandReturnsTheMagnitudeOfTheInput() {
        int w = 7;
        int h = 5;
        double[] x = new double[w * h];
        Random r = new Random(3);
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextInt(511) - 255;
        }
        byte[] all = new byte[w * h];
        java.util.Arrays.fill(all, (byte) 1);
        double[] y = FftBackends.cpu().lowPassMagnitude(x, PassBand.of(w, h, all));
        for (int i = 0; i < x.length; i++) {
            assertThat(y[i]).isCloseTo(Math.abs(x[i]), org.assertj.core.data.Offset.offset(1e-9));
        }
        byte[] dcOnly = new byte[w * h];
        dcOnly[0] = 1;
        double mean = java.util.Arrays.stream(x).average().orElseThrow();
        double[] z = FftBackends.cpu().lowPassMagnitude(x, PassBand.of(w, h, dcOnly));
        assertThat(z[4]).isCloseTo(Math.abs(mean), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void singleRowsAndColumnsUseTheOneDimensionalTransform() {
        double[] x = {3, -1, 4, 1, -5};
        byte[] dcOnly = {1, 0, 0, 0, 0};
        for (int[] size : new int[][] {{5, 1}, {1, 5}}) {
            double[] y = FftBackends.cpu().lowPassMagnitude(x, PassBand.of(size[0], size[1], dcOnly));
            for (double v : y) {
                assertThat(v).isCloseTo(0.4, org.assertj.core.data.Offset.offset(1e-12));
            }
        }
        assertThat(FftBackends.cpu().lowPassMagnitude(new double[] {-7}, PassBand.of(1, 1, new byte[] {1}))).containsExactly(7.0);
        assertThat(FftBackends.cpu().lowPassMagnitude(new double[] {-7}, PassBand.of(1, 1, new byte[] {0}))).containsExactly(0.0);
    }

    @Test
    void halfSpectrumPathEqualsFullComplexPath() {
        Random r = new Random(5);
        for (int[] size : new int[][] {{64, 32}, {16, 128}, {256, 256}, {8, 2}}) {
            int w = size[0];
            int h = size[1];
            double[] x = new double[w * h];
            for (int i = 0; i < x.length; i++) {
                x[i] = r.nextInt(511) - 255;
            }
            for (byte[] keep : new byte[][] {ZoneSpectrum.scaledEllipse(w, h, 100), ZoneSpectrum.scaledEllipse(w, h, 400),
                    ZoneSpectrum.referenceDisk(w, w == h ? h : w, 7)}) {
                if (keep.length != w * h || !PassBand.isHermitian(keep, w, h)) {
                    continue;
                }
                double[] full = JTransformsFft.fullPath(x, w, h, keep);
                double[] half = JTransformsFft.realPath(x, w, h, keep);
                for (int i = 0; i < full.length; i++) {
                    assertThat(half[i]).isCloseTo(full[i], org.assertj.core.data.Offset.offset(1e-9));
                }
            }
        }
        assertThat(PassBand.isHermitian(ZoneSpectrum.referenceDisk(640, 480, 200), 640, 480)).isFalse();
        assertThat(PassBand.isHermitian(ZoneSpectrum.referenceDisk(512, 512, 200), 512, 512)).isTrue();
    }

    @Test
    void halfSpectraOfAnySizeEqualTheFullComplexPath() {
        Random r = new Random(9);
        int tested = 0;
        for (int[] size : new int[][] {{1000, 750}, {640, 480}, {15, 9}, {7, 11}, {2, 3}, {3, 2}, {12, 10}, {97, 64}}) {
            int w = size[0];
            int h = size[1];
            double[] x = new double[w * h];
            for (int i = 0; i < x.length; i++) {
                x[i] = r.nextInt(511) - 255;
            }
            for (byte[] keep : new byte[][] {ZoneSpectrum.scaledEllipse(w, h, 100), ZoneSpectrum.scaledEllipse(w, h, 700),
                    ZoneSpectrum.referenceDisk(w, h, 7)}) {
                if (!PassBand.isHermitian(keep, w, h)) {
                    continue;
                }
                assertEqualsFullPathAndIsDispatched(x, w, h, keep, RealSpectrumFft.lowPassMagnitude(x, w, h, keep));
                tested++;
            }
        }
        assertThat(tested).isGreaterThanOrEqualTo(16);
    }

    @Test
    void prunedColumnsOfAsymmetricBandsEqualTheFullComplexPath() {
        Random r = new Random(11);
        int tested = 0;
        for (int[] size : new int[][] {{1000, 750}, {640, 480}, {333, 257}, {15, 9}, {7, 11}, {2, 3}, {3, 2}, {97, 64}}) {
            int w = size[0];
            int h = size[1];
            double[] x = new double[w * h];
            for (int i = 0; i < x.length; i++) {
                x[i] = r.nextInt(511) - 255;
            }
            byte[] oneBin = new byte[w * h];
            oneBin[w * (h - 1) + 1] = 1; // a single off-axis bin: a complex exponential, no symmetry at all
            for (byte[] keep : new byte[][] {ZoneSpectrum.referenceDisk(w, h, 200), ZoneSpectrum.referenceDisk(w, h, 3), oneBin}) {
                if (PassBand.isHermitian(keep, w, h)) {
                    continue;
                }
                assertThat(PrunedSpectrumFft.keptColumns(keep, w, h).length).isLessThanOrEqualTo(w);
                assertEqualsFullPathAndIsDispatched(x, w, h, keep, PrunedSpectrumFft.lowPassMagnitude(x, w, h, keep));
                tested++;
            }
        }
        assertThat(tested).isGreaterThanOrEqualTo(16);
        assertThat(PrunedSpectrumFft.keptColumns(ZoneSpectrum.referenceDisk(1000, 750, 200), 1000, 750)).hasSize(401);
        byte[] none = new byte[6];
        assertThat(PrunedSpectrumFft.lowPassMagnitude(new double[] {1, 2, 3, 4, 5, 6}, 3, 2, none)).containsOnly(0.0);
    }

    /** {@code got} equals the full complex path within 1e-9 of its scale, and is what the CPU backend returns. */
    private static void assertEqualsFullPathAndIsDispatched(double[] x, int w, int h, byte[] keep, double[] got) {
        double[] full = JTransformsFft.fullPath(x, w, h, keep);
        double scale = 1;
        double worst = 0;
        for (int i = 0; i < full.length; i++) {
            scale = Math.max(scale, Math.abs(full[i]));
            worst = Math.max(worst, Math.abs(got[i] - full[i]));
        }
        assertThat(worst).as("%dx%d: largest difference", w, h).isLessThan(1e-9 * scale);
        assertThat(Arrays.equals(new JTransformsFft().lowPassMagnitude(x, PassBand.of(w, h, keep)), got))
                .as("%dx%d: the CPU backend dispatches to this path", w, h).isTrue();
    }

    /** A GPU probe that finds no device. */
    public static final class NoDevice {
        /** Returns null: no device. */
        public static LowPassFft create() {
            return null;
        }
    }

    /** A GPU probe whose natives fail to load. */
    public static final class Throwing {
        /** Throws as a missing native library does. */
        public static LowPassFft create() {
            throw new UnsatisfiedLinkError("no jnicudart in java.library.path");
        }
    }

    /** A GPU probe that succeeds. */
    public static final class Fake implements LowPassFft {
        /** A working fake. */
        public static LowPassFft create() {
            return new Fake();
        }

        @Override
        public double[] lowPassMagnitude(double[] x, PassBand band) {
            return x;
        }

        @Override
        public String name() {
            return "fake";
        }
    }
}
