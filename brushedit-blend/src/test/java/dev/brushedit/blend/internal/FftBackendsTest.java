package dev.brushedit.blend.internal;

import static org.assertj.core.api.Assertions.assertThat;

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
        double[] y = FftBackends.cpu().lowPassMagnitude(x, w, h, all);
        for (int i = 0; i < x.length; i++) {
            assertThat(y[i]).isCloseTo(Math.abs(x[i]), org.assertj.core.data.Offset.offset(1e-9));
        }
        byte[] dcOnly = new byte[w * h];
        dcOnly[0] = 1;
        double mean = java.util.Arrays.stream(x).average().orElseThrow();
        double[] z = FftBackends.cpu().lowPassMagnitude(x, w, h, dcOnly);
        assertThat(z[4]).isCloseTo(Math.abs(mean), org.assertj.core.data.Offset.offset(1e-9));
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
        public double[] lowPassMagnitude(double[] x, int w, int h, byte[] keep) {
            return x;
        }

        @Override
        public String name() {
            return "fake";
        }
    }
}
