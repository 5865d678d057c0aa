package dev.brushedit.core.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.tensor.Tensor;
import org.junit.jupiter.api.Test;

class TorchGeneratorTest {

    @Test
    void keepsItsSeed() {
        assertThat(new TorchGenerator(42).seed()).isEqualTo(42);
        assertThat(new TorchGenerator(-1).seed()).isEqualTo(-1);
        assertThat(new TorchGenerator(-1)).hasToString("TorchGenerator[seed=18446744073709551615]");
    }

    @Test
    void sameSeedSameStream() {
        TorchGenerator a = new TorchGenerator(7);
        TorchGenerator b = new TorchGenerator(7);
        for (int[] shape : new int[][] {{3}, {1, 4, 8, 8}, {1}, {33}}) {
            assertThat(bits(a.randn(shape))).isEqualTo(bits(b.randn(shape)));
        }
    }

    @Test
    void successiveDrawsDiffer() {
        TorchGenerator g = new TorchGenerator(7);
        assertThat(bits(g.randn(64))).isNotEqualTo(bits(g.randn(64)));
    }

    @Test
    void onlyTheLow32BitsOfTheSeedMatter() {
        // torch seeds its Mersenne Twister with the low 32 bits of the 64-bit seed.
        assertThat(bits(new TorchGenerator((1L << 32) + 7).randn(40)))
                .isEqualTo(bits(new TorchGenerator(7).randn(40)));
        assertThat(bits(new TorchGenerator(Long.MAX_VALUE).randn(5)))
                .isEqualTo(bits(new TorchGenerator(-1).randn(5)));
        assertThat(bits(new TorchGenerator(1).randn(40))).isNotEqualTo(bits(new TorchGenerator(2).randn(40)));
    }

    @Test
    void valuesDependOnElementCountNotShape() {
        assertThat(bits(new TorchGenerator(3).randn(2, 3, 5))).isEqualTo(bits(new TorchGenerator(3).randn(30)));
        assertThat(bits(new TorchGenerator(3).randn(3, 4))).isEqualTo(bits(new TorchGenerator(3).randn(12)));
    }

    @Test
    void scalarPathCachesTheSecondValueOfEachPair() {
        // Below 16 elements torch makes normals in Box-Muller pairs and keeps the second for the next call.
        TorchGenerator pairAtOnce = new TorchGenerator(11);
        TorchGenerator oneByOne = new TorchGenerator(11);
        float[] both = pairAtOnce.randn(2).toArray();
        assertThat(Float.floatToRawIntBits(oneByOne.randn(1).getFlat(0))).isEqualTo(Float.floatToRawIntBits(both[0]));
        assertThat(Float.floatToRawIntBits(oneByOne.randn(1).getFlat(0))).isEqualTo(Float.floatToRawIntBits(both[1]));
    }

    @Test
    void samplesLookStandardNormal() {
        float[] v = new TorchGenerator(123).randn(200_000).toArray();
        double sum = 0;
        double sumSq = 0;
        int beyondThreeSigma = 0;
        for (float x : v) {
            assertThat(Float.isFinite(x)).isTrue();
            sum += x;
            sumSq += (double) x * x;
            if (Math.abs(x) > 3) {
                beyondThreeSigma++;
            }
        }
        double mean = sum / v.length;
        double variance = sumSq / v.length - mean * mean;
        assertThat(mean).isBetween(-0.01, 0.01);
        assertThat(variance).isBetween(0.98, 1.02);
        // P(|x| > 3) = 0.0027 for N(0, 1): 540 expected, standard deviation about 23.
        assertThat(beyondThreeSigma).isBetween(420, 660);
    }

    @Test
    void rejectsBadShapes() {
        TorchGenerator g = new TorchGenerator(0);
        assertThatThrownBy(() -> g.randn()).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at least one dimension");
        assertThatThrownBy(() -> g.randn((int[]) null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at least one dimension");
        assertThatThrownBy(() -> g.randn(1, 0, 3)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at least 1").hasMessageContaining("[1, 0, 3]");
        assertThatThrownBy(() -> g.randn(-4)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("[-4]");
        assertThatThrownBy(() -> g.randn(65536, 65536)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("more than");
    }

    @Test
    void badShapeDoesNotAdvanceTheStream() {
        TorchGenerator g = new TorchGenerator(5);
        assertThatThrownBy(() -> g.randn(0)).isInstanceOf(InvalidInputException.class);
        assertThat(bits(g.randn(20))).isEqualTo(bits(new TorchGenerator(5).randn(20)));
    }

    private static int[] bits(Tensor t) {
        float[] v = t.toArray();
        int[] b = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Float.floatToRawIntBits(v[i]);
        }
        return b;
    }
}
