package dev.brushedit.core.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class TensorTest {

    private static Tensor iota(int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.size(); i++) {
            t.setFlat(i, i);
        }
        return t;
    }

    @Test
    void creationAndAccess() {
        Tensor t = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);

        assertThat(t.shape()).containsExactly(2, 3);
        assertThat(t.rank()).isEqualTo(2);
        assertThat(t.dim(-1)).isEqualTo(3);
        assertThat(t.size()).isEqualTo(6);
        assertThat(t.get(1, 2)).isEqualTo(6f);
        t.set(9f, 0, 1);
        assertThat(t.getFlat(1)).isEqualTo(9f);
        assertThat(t.hasShape(2, 3)).isTrue();
        assertThat(Tensor.full(2.5f, 2, 2).toArray()).containsOnly(2.5f);
        assertThat(Tensor.zeros(3).toArray()).containsOnly(0f);
        assertThat(t.toString()).isEqualTo("Tensor[2, 3]");
        t.shape()[0] = 99;
        assertThat(t.dim(0)).isEqualTo(2);
    }

    @Test
    void bufferIsDirectNativeAndShared() {
        Tensor t = Tensor.zeros(2, 2);
        FloatBuffer b = t.buffer();

        assertThat(b.isDirect()).isTrue();
        assertThat(b.order()).isEqualTo(ByteOrder.nativeOrder());
        assertThat(b.remaining()).isEqualTo(4);
        b.put(3, 7f);
        assertThat(t.getFlat(3)).isEqualTo(7f);
    }

    @Test
    void wrapAndReshapeShareStorageWhileCopyDoesNot() {
        FloatBuffer raw = ByteBuffer.allocateDirect(24).order(ByteOrder.nativeOrder()).asFloatBuffer();
        Tensor w = Tensor.wrap(raw, 2, 3);
        Tensor r = w.reshape(3, 2);
        Tensor c = w.copy();

        raw.put(4, 5f);
        assertThat(w.get(1, 1)).isEqualTo(5f);
        assertThat(r.get(2, 0)).isEqualTo(5f);
        assertThat(c.get(1, 1)).isZero();
        r.setFlat(0, -1f);
        assertThat(w.getFlat(0)).isEqualTo(-1f);
    }

    @Test
    void arithmeticLeavesOperandsUntouched() {
        Tensor a = Tensor.of(new float[] {1, 2, 3}, 3);
        Tensor b = Tensor.of(new float[] {10, 20, 30}, 3);

        assertThat(a.scale(2f).toArray()).containsExactly(2, 4, 6);
        assertThat(a.add(b).toArray()).containsExactly(11, 22, 33);
        assertThat(b.sub(a).toArray()).containsExactly(9, 18, 27);
        assertThat(a.mul(b).toArray()).containsExactly(10, 40, 90);
        assertThat(Tensor.lerp(a, b, 0.5f).toArray()).containsExactly(5.5f, 11f, 16.5f);
        assertThat(a.toArray()).containsExactly(1, 2, 3);
        assertThat(b.toArray()).containsExactly(10, 20, 30);
    }

    @Test
    void inPlaceOperations() {
        Tensor a = Tensor.of(new float[] {1, 2, 3}, 3);
        Tensor x = Tensor.of(new float[] {1, 1, 1}, 3);

        assertThat(a.axpyInPlace(2f, x)).isSameAs(a);
        assertThat(a.toArray()).containsExactly(3, 4, 5);
        a.linearCombinationInPlace(2f, -1f, x);
        assertThat(a.toArray()).containsExactly(5, 7, 9);
        a.addInPlace(x).scaleInPlace(0.5f);
        assertThat(a.toArray()).containsExactly(3, 4, 5);
        a.clampInPlace(3.5f, 4.5f);
        assertThat(a.toArray()).containsExactly(3.5f, 4f, 4.5f);
        a.fillInPlace(-2f);
        assertThat(a.toArray()).containsOnly(-2f);
        a.copyFrom(new float[] {7, 8, 9});
        assertThat(a.toArray()).containsExactly(7, 8, 9);
        a.copyFrom(x);
        assertThat(a.toArray()).containsExactly(1, 1, 1);
        float[] dst = new float[3];
        Tensor.of(new float[] {4, 5, 6}, 3).copyTo(dst);
        assertThat(dst).containsExactly(4, 5, 6);
    }

    @Test
    void reductions() {
        Tensor t = Tensor.of(new float[] {-1, 4, 0.5f, 2.5f}, 4);

        assertThat(t.min()).isEqualTo(-1f);
        assertThat(t.max()).isEqualTo(4f);
        assertThat(t.mean()).isEqualTo(1.5);
        assertThat(t.firstNonFinite()).isEqualTo(-1);
        assertThat(t.maxAbsDiff(Tensor.zeros(4))).isEqualTo(4f);
        t.setFlat(2, Float.POSITIVE_INFINITY);
        assertThat(t.firstNonFinite()).isEqualTo(2);
    }

    @Test
    void concatAndSplitAlongBatchAndChannel() {
        Tensor a = iota(1, 2, 2, 2);
        Tensor b = iota(1, 2, 2, 2).scale(-1f);

        Tensor batch = Tensor.concat(0, a, b);
        Tensor channels = Tensor.concat(1, a, b, a);

        assertThat(batch.shape()).containsExactly(2, 2, 2, 2);
        assertThat(batch.get(1, 1, 0, 1)).isEqualTo(-5f);
        assertThat(channels.shape()).containsExactly(1, 6, 2, 2);
        assertThat(channels.get(0, 3, 1, 1)).isEqualTo(-7f);
        assertThat(channels.get(0, 4, 0, 0)).isEqualTo(0f);
        List<Tensor> halves = batch.split(0, 1, 1);
        assertThat(halves.get(0).toArray()).containsExactly(a.toArray());
        assertThat(halves.get(1).toArray()).containsExactly(b.toArray());
        List<Tensor> parts = channels.split(1, 2, 4);
        assertThat(parts.get(0).toArray()).containsExactly(a.toArray());
        assertThat(parts.get(1).shape()).containsExactly(1, 4, 2, 2);
        assertThat(Tensor.concat(-1, a, b).shape()).containsExactly(1, 2, 2, 4);
        assertThat(a.repeatBatch(3).shape()).containsExactly(3, 2, 2, 2);
        assertThat(a.repeatBatch(3).slice(0, 2, 3).toArray()).containsExactly(a.toArray());
    }

    @Test
    void sliceCopies() {
        Tensor t = iota(2, 3, 4);
        Tensor s = t.slice(1, 1, 3);

        assertThat(s.shape()).containsExactly(2, 2, 4);
        assertThat(s.get(1, 0, 2)).isEqualTo(t.get(1, 1, 2));
        s.setFlat(0, 100f);
        assertThat(t.get(0, 1, 0)).isEqualTo(4f);
    }

    @Test
    void fp16RoundTripAtTheBoundary() {
        Tensor t = Tensor.of(new float[] {0f, 1f, -2.5f, 65504f, 1e-8f, 0.1f}, 2, 3);

        ShortBuffer halves = t.toFloat16();
        Tensor back = Tensor.fromFloat16(halves, 2, 3);

        assertThat(halves.isDirect()).isTrue();
        assertThat(halves.capacity()).isEqualTo(6);
        assertThat(back.toArray()).containsExactly(0f, 1f, -2.5f, 65504f, 0f, Float16.toFloat(Float16.fromFloat(0.1f)));
        assertThat(Math.abs(back.getFlat(5) - 0.1f)).isLessThan(1e-4f);
    }

    @Test
    void resizeKeepsLeadingAxes() {
        Tensor t = iota(2, 3, 4, 4);
        Tensor r = t.resize(2, 2, Interpolation.AREA);

        assertThat(r.shape()).containsExactly(2, 3, 2, 2);
        assertThat(r.get(1, 2, 0, 0)).isEqualTo((t.get(1, 2, 0, 0) + t.get(1, 2, 0, 1) + t.get(1, 2, 1, 0) + t.get(1, 2, 1, 1)) / 4f);
        // float32 cubic weights sum to 1 only within a few ulps, in PyTorch too
        Tensor constant = Tensor.full(3f, 5, 7).resize(11, 2, Interpolation.BICUBIC);
        assertThat(constant.min()).isCloseTo(3f, org.assertj.core.data.Offset.offset(4e-6f));
        assertThat(constant.max()).isCloseTo(3f, org.assertj.core.data.Offset.offset(4e-6f));
    }

    @Test
    void shapeErrorsNameBothShapes() {
        Tensor a = Tensor.zeros(1, 4, 8, 8);
        Tensor b = Tensor.zeros(1, 4, 8, 9);

        assertThatThrownBy(() -> a.add(b)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("[1, 4, 8, 8]").hasMessageContaining("[1, 4, 8, 9]");
        assertThatThrownBy(() -> a.axpyInPlace(1f, b)).hasMessageContaining("[1, 4, 8, 9]");
        assertThatThrownBy(() -> Tensor.lerp(a, b, 0.5f)).hasMessageContaining("[1, 4, 8, 8]");
        assertThatThrownBy(() -> Tensor.concat(1, a, b)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("[1, 4, 8, 8]").hasMessageContaining("[1, 4, 8, 9]");
        assertThatThrownBy(() -> Tensor.concat(0, a, Tensor.zeros(4, 8, 8))).hasMessageContaining("rank");
        assertThatThrownBy(() -> a.reshape(3, 5)).hasMessageContaining("[1, 4, 8, 8]").hasMessageContaining("[3, 5]");
        assertThatThrownBy(() -> a.copyFrom(b)).hasMessageContaining("[1, 4, 8, 9]");
        assertThatThrownBy(() -> a.mul(null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("null");
    }

    @Test
    void badArgumentsAreRejected() {
        Tensor t = Tensor.zeros(2, 3);

        assertThatThrownBy(() -> Tensor.zeros()).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Tensor.zeros(2, 0)).isInstanceOf(InvalidInputException.class).hasMessageContaining("[2, 0]");
        assertThatThrownBy(() -> Tensor.zeros(1 << 16, 1 << 16)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Tensor.of(new float[5], 2, 3)).hasMessageContaining("(6)").hasMessageContaining("5");
        assertThatThrownBy(() -> Tensor.wrap(FloatBuffer.allocate(6), 2, 3)).hasMessageContaining("heap");
        assertThatThrownBy(() -> Tensor.fromFloat16(ShortBuffer.allocate(5), 2, 3)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> t.get(2, 0)).hasMessageContaining("outside");
        assertThatThrownBy(() -> t.get(0)).hasMessageContaining("rank");
        assertThatThrownBy(() -> t.getFlat(6)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> t.setFlat(-1, 0f)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> t.dim(2)).hasMessageContaining("axis 2");
        assertThatThrownBy(() -> t.slice(1, 2, 2)).hasMessageContaining("[2, 2)");
        assertThatThrownBy(() -> t.split(1, 1, 1)).hasMessageContaining("sum");
        assertThatThrownBy(() -> t.split(1, 3, 0)).hasMessageContaining("positive");
        assertThatThrownBy(() -> t.split(1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> t.repeatBatch(0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> t.resize(0, 2, Interpolation.NEAREST)).hasMessageContaining("0x2");
        assertThatThrownBy(() -> t.resize(2, 2, null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Tensor.zeros(4).resize(2, 2, Interpolation.NEAREST)).hasMessageContaining("rank");
        assertThatThrownBy(() -> Tensor.concat(0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Tensor.concat(0, t, null)).hasMessageContaining("parts[1]");
        assertThatThrownBy(() -> t.copyTo(new float[2])).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> t.copyFrom((float[]) null)).isInstanceOf(InvalidInputException.class);
    }
}
