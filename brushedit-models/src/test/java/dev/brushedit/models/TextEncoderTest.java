package dev.brushedit.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.tensor.Tensor;
import org.junit.jupiter.api.Test;

class TextEncoderTest {
    static int[] ids(int... first) {
        int[] ids = new int[77];
        java.util.Arrays.fill(ids, 49407);
        ids[0] = 49406;
        System.arraycopy(first, 0, ids, 1, first.length);
        ids[first.length + 1] = 49407;
        return ids;
    }

    @Test
    void int32AndInt64ExportsOfTheSameWeightsAgree() {
        try (ModelFolder opt = ModelFolder.open(StandIns.folder(StandIns.TINY));
                ModelFolder legacy = ModelFolder.open(StandIns.folder(StandIns.LEGACY))) {
            int[] a = ids(320, 1125, 539, 320, 2368);
            Tensor x = opt.textEncoder().encode(a);
            Tensor y = legacy.textEncoder().encode(a);
            assertThat(x.shape()).containsExactly(1, 77, StandIns.HIDDEN);
            assertThat(y.maxAbsDiff(x)).isLessThan(1e-5f);
            Tensor two = opt.textEncoder().encode(a, ids(1929));
            assertThat(two.shape()).containsExactly(2, 77, StandIns.HIDDEN);
            assertThat(two.slice(0, 0, 1).maxAbsDiff(x)).isLessThan(1e-5f);
            assertThat(two.slice(0, 1, 2).maxAbsDiff(x)).isGreaterThan(1e-3f);
            assertThat(opt.textEncoder().modelHash()).isEqualTo(opt.sha256(ModelPart.TEXT_ENCODER));
        }
    }

    @Test
    void rejectsBadIds() {
        try (ModelFolder f = ModelFolder.open(StandIns.folder(StandIns.TINY))) {
            TextEncoder te = f.textEncoder();
            assertThatThrownBy(() -> te.encode()).isInstanceOf(InvalidInputException.class).hasMessageContaining("at least one");
            assertThatThrownBy(() -> te.encode(ids(1), new int[5])).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("token sequences must all have length 77, sequence 1 had 5");
            assertThatThrownBy(() -> te.encode(ids(-3))).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("token id must be between 0 and");
        }
    }
}
