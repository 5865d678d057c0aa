package dev.brushedit.core.tensor;

import dev.brushedit.core.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A dense float32 tensor in contiguous row-major (NCHW for images and latents) order.
 *
 * <p>Storage is a direct, native-order {@link FloatBuffer}, so it can be handed to ONNX Runtime
 * ({@code OnnxTensor.createTensor(env, tensor.buffer(), shape)}) without a copy. Methods named
 * {@code ...InPlace} write into this tensor; every other operation returns a new tensor and leaves
 * its operands untouched. {@link #reshape} and {@link #wrap} share storage.
 *
 * <p>Shape errors throw {@link InvalidInputException} naming both shapes.
 *
 * <p>Thread-safety: not thread-safe for writes. Concurrent reads are safe when no thread writes.
 */
public final class Tensor {
    private final int[] shape;
    private final int size;
    private final FloatBuffer data;

    private Tensor(int[] shape, FloatBuffer data) {
        this.shape = shape;
        this.size = data.capacity();
        this.data = data;
    }

    // ---------------------------------------------------------------- creation

    /** A tensor of zeros with the given shape. */
    public static Tensor zeros(int... shape) {
        int[] s = checkShape(shape);
        return new Tensor(s, allocate(count(s)));
    }

    /** A tensor with every element equal to {@code value}. */
    public static Tensor full(float value, int... shape) {
        Tensor t = zeros(shape);
        t.fillInPlace(value);
        return t;
    }

    /** A tensor holding a copy of {@code values} in row-major order. */
    public static Tensor of(float[] values, int... shape) {
        int[] s = checkShape(shape);
        long n = count(s);
        if (values == null || values.length != n) {
            throw new InvalidInputException("values length must equal the element count of shape "
                    + Arrays.toString(s) + " (" + n + "), was " + (values == null ? "null" : values.length));
        }
        FloatBuffer b = allocate(n);
        b.put(0, values);
        return new Tensor(s, b);
    }

    /**
     * Wraps an existing direct, native-order buffer without copying (its elements from index 0 to
     * its capacity). Writes through either object are seen by the other.
     */
    public static Tensor wrap(FloatBuffer buffer, int... shape) {
        int[] s = checkShape(shape);
        if (buffer == null || !buffer.isDirect() || buffer.order() != ByteOrder.nativeOrder()) {
            throw new InvalidInputException("buffer must be a direct native-order FloatBuffer, was "
                    + (buffer == null ? "null" : (buffer.isDirect() ? "direct " : "heap ") + buffer.order()));
        }
        FloatBuffer b = buffer.duplicate().clear();
        if (b.capacity() != count(s)) {
            throw new InvalidInputException("buffer capacity must equal the element count of shape "
                    + Arrays.toString(s) + " (" + count(s) + "), was " + b.capacity());
        }
        return new Tensor(s, b);
    }

    /** Converts half-precision bit patterns (as read from an fp16 model output) into a float32 tensor. */
    public static Tensor fromFloat16(ShortBuffer halves, int... shape) {
        int[] s = checkShape(shape);
        long n = count(s);
        if (halves == null || halves.remaining() != n) {
            throw new InvalidInputException("fp16 buffer must hold " + n + " elements for shape "
                    + Arrays.toString(s) + ", held " + (halves == null ? "null" : halves.remaining()));
        }
        Tensor t = zeros(s);
        int base = halves.position();
        for (int i = 0; i < n; i++) {
            t.data.put(i, Float16.toFloat(halves.get(base + i)));
        }
        return t;
    }

    // ---------------------------------------------------------------- shape and access

    /** A copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    /** Number of dimensions. */
    public int rank() {
        return shape.length;
    }

    /** Size of one axis; a negative axis counts from the end ({@code -1} is the last). */
    public int dim(int axis) {
        return shape[axisIndex(axis)];
    }

    /** Total number of elements. */
    public int size() {
        return size;
    }

    /** True when this tensor's shape equals {@code other}. */
    public boolean hasShape(int... other) {
        return Arrays.equals(shape, other);
    }

    /**
     * A view of the storage: direct, native order, position 0, limit {@link #size()}. Share it with
     * ONNX Runtime; do not keep it past the tensor's useful life if you then modify the tensor.
     */
    public FloatBuffer buffer() {
        return data.duplicate().clear();
    }

    /** The element at a row-major flat index. */
    public float getFlat(int index) {
        return data.get(checkFlat(index));
    }

    /** Sets the element at a row-major flat index. */
    public void setFlat(int index, float value) {
        data.put(checkFlat(index), value);
    }

    /** The element at a full multi-dimensional index. */
    public float get(int... index) {
        return data.get(flatIndex(index));
    }

    /** Sets the element at a full multi-dimensional index. */
    public void set(float value, int... index) {
        data.put(flatIndex(index), value);
    }

    /** A heap copy of all elements in row-major order. */
    public float[] toArray() {
        float[] out = new float[size];
        data.get(0, out);
        return out;
    }

    /** Copies all elements into {@code dst}, which must have exactly {@link #size()} elements. */
    public void copyTo(float[] dst) {
        if (dst == null || dst.length != size) {
            throw new InvalidInputException("destination length must be " + size + ", was " + (dst == null ? "null" : dst.length));
        }
        data.get(0, dst);
    }

    /** Overwrites all elements from {@code src}, which must have exactly {@link #size()} elements. */
    public Tensor copyFrom(float[] src) {
        if (src == null || src.length != size) {
            throw new InvalidInputException("source length must be " + size + ", was " + (src == null ? "null" : src.length));
        }
        data.put(0, src);
        return this;
    }

    /** Overwrites all elements from {@code src}, which must have the same shape. */
    public Tensor copyFrom(Tensor src) {
        requireSameShape("copyFrom", src);
        data.put(0, src.data, 0, size);
        return this;
    }

    /** Encodes all elements as half-precision bit patterns in a new direct native-order buffer. */
    public ShortBuffer toFloat16() {
        ShortBuffer out = ByteBuffer.allocateDirect(size * 2).order(ByteOrder.nativeOrder()).asShortBuffer();
        for (int i = 0; i < size; i++) {
            out.put(i, Float16.fromFloat(data.get(i)));
        }
        return out;
    }

    /** A deep copy. */
    public Tensor copy() {
        FloatBuffer b = allocate(size);
        b.put(0, data, 0, size);
        return new Tensor(shape.clone(), b);
    }

    /** A view with another shape of the same element count, sharing storage. */
    public Tensor reshape(int... newShape) {
        int[] s = checkShape(newShape);
        if (count(s) != size) {
            throw new InvalidInputException("cannot reshape " + Arrays.toString(shape) + " to "
                    + Arrays.toString(s) + ": element counts differ (" + size + " vs " + count(s) + ")");
        }
        return new Tensor(s, data);
    }

    // ---------------------------------------------------------------- element operations

    /** Sets every element to {@code value}. */
    public Tensor fillInPlace(float value) {
        for (int i = 0; i < size; i++) {
            data.put(i, value);
        }
        return this;
    }

    /** {@code this * factor}, new tensor. */
    public Tensor scale(float factor) {
        return copy().scaleInPlace(factor);
    }

    /** {@code this *= factor}. */
    public Tensor scaleInPlace(float factor) {
        for (int i = 0; i < size; i++) {
            data.put(i, data.get(i) * factor);
        }
        return this;
    }

    /** {@code this + other}, new tensor; shapes must match. */
    public Tensor add(Tensor other) {
        return copy().addInPlace(other);
    }

    /** {@code this += other}; shapes must match. */
    public Tensor addInPlace(Tensor other) {
        return axpyInPlace(1f, other);
    }

    /** {@code this - other}, new tensor; shapes must match. */
    public Tensor sub(Tensor other) {
        return copy().axpyInPlace(-1f, other);
    }

    /** Element-wise {@code this * other}, new tensor; shapes must match. */
    public Tensor mul(Tensor other) {
        requireSameShape("mul", other);
        Tensor out = zeros(shape);
        for (int i = 0; i < size; i++) {
            out.data.put(i, data.get(i) * other.data.get(i));
        }
        return out;
    }

    /** {@code this += alpha * x} (BLAS axpy); shapes must match. */
    public Tensor axpyInPlace(float alpha, Tensor x) {
        requireSameShape("axpy", x);
        FloatBuffer xs = x.data;
        for (int i = 0; i < size; i++) {
            data.put(i, data.get(i) + alpha * xs.get(i));
        }
        return this;
    }

    /** {@code this = a * this + b * x}; shapes must match. */
    public Tensor linearCombinationInPlace(float a, float b, Tensor x) {
        requireSameShape("linear combination", x);
        FloatBuffer xs = x.data;
        for (int i = 0; i < size; i++) {
            data.put(i, a * data.get(i) + b * xs.get(i));
        }
        return this;
    }

    /** {@code start + weight * (end - start)}, new tensor; shapes must match. */
    public static Tensor lerp(Tensor start, Tensor end, float weight) {
        if (start == null) {
            throw new InvalidInputException("lerp needs a start tensor, got null");
        }
        start.requireSameShape("lerp", end);
        Tensor out = zeros(start.shape);
        for (int i = 0; i < start.size; i++) {
            float s = start.data.get(i);
            out.data.put(i, s + weight * (end.data.get(i) - s));
        }
        return out;
    }

    /** Clamps every element into {@code [min, max]} in place. */
    public Tensor clampInPlace(float min, float max) {
        for (int i = 0; i < size; i++) {
            data.put(i, Math.max(min, Math.min(max, data.get(i))));
        }
        return this;
    }

    /** Index of the first NaN or infinite element, or -1 when all elements are finite. */
    public int firstNonFinite() {
        for (int i = 0; i < size; i++) {
            if (!Float.isFinite(data.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Smallest element. */
    public float min() {
        float m = Float.POSITIVE_INFINITY;
        for (int i = 0; i < size; i++) {
            m = Math.min(m, data.get(i));
        }
        return m;
    }

    /** Largest element. */
    public float max() {
        float m = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < size; i++) {
            m = Math.max(m, data.get(i));
        }
        return m;
    }

    /** Arithmetic mean of all elements (accumulated in double). */
    public double mean() {
        double s = 0;
        for (int i = 0; i < size; i++) {
            s += data.get(i);
        }
        return s / size;
    }

    /** Largest absolute element-wise difference to {@code other}; shapes must match. */
    public float maxAbsDiff(Tensor other) {
        requireSameShape("maxAbsDiff", other);
        float m = 0;
        for (int i = 0; i < size; i++) {
            m = Math.max(m, Math.abs(data.get(i) - other.data.get(i)));
        }
        return m;
    }

    // ---------------------------------------------------------------- concat, split, slice

    /**
     * Joins tensors along {@code axis}; all other dimensions must match. Used for the guidance batch
     * (axis 0) and for channel stacks such as BrushNet's 5-channel condition (axis 1).
     */
    public static Tensor concat(int axis, Tensor... parts) {
        if (parts == null || parts.length == 0) {
            throw new InvalidInputException("concat needs at least one tensor, got none");
        }
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] == null) {
                throw new InvalidInputException("concat needs non-null tensors, parts[" + i + "] was null");
            }
        }
        Tensor first = parts[0];
        int ax = first.axisIndex(axis);
        int[] outShape = first.shape.clone();
        outShape[ax] = 0;
        for (Tensor p : parts) {
            if (p.rank() != first.rank()) {
                throw new InvalidInputException("concat along axis " + axis + " needs tensors of equal rank, got "
                        + Arrays.toString(first.shape) + " and " + Arrays.toString(p.shape));
            }
            for (int d = 0; d < first.rank(); d++) {
                if (d != ax && p.shape[d] != first.shape[d]) {
                    throw new InvalidInputException("concat along axis " + axis + " needs all other dimensions equal, got "
                            + Arrays.toString(first.shape) + " and " + Arrays.toString(p.shape));
                }
            }
            outShape[ax] += p.shape[ax];
        }
        Tensor out = zeros(outShape);
        int outer = prod(first.shape, 0, ax);
        int inner = prod(first.shape, ax + 1, first.rank());
        int outRow = outShape[ax] * inner;
        int offset = 0;
        for (Tensor p : parts) {
            int row = p.shape[ax] * inner;
            for (int o = 0; o < outer; o++) {
                out.data.put(o * outRow + offset, p.data, o * row, row);
            }
            offset += row;
        }
        return out;
    }

    /** Copies of the index range {@code [start, end)} along {@code axis}. */
    public Tensor slice(int axis, int start, int end) {
        int ax = axisIndex(axis);
        if (start < 0 || end > shape[ax] || start >= end) {
            throw new InvalidInputException("slice [" + start + ", " + end + ") is outside axis " + axis
                    + " of shape " + Arrays.toString(shape));
        }
        int[] outShape = shape.clone();
        outShape[ax] = end - start;
        Tensor out = zeros(outShape);
        int outer = prod(shape, 0, ax);
        int inner = prod(shape, ax + 1, rank());
        int srcRow = shape[ax] * inner;
        int dstRow = outShape[ax] * inner;
        for (int o = 0; o < outer; o++) {
            out.data.put(o * dstRow, data, o * srcRow + start * inner, dstRow);
        }
        return out;
    }

    /** Splits along {@code axis} into consecutive pieces of the given sizes, which must sum to the axis size. */
    public List<Tensor> split(int axis, int... sizes) {
        int ax = axisIndex(axis);
        if (sizes == null || sizes.length == 0) {
            throw new InvalidInputException("split needs at least one size, got none");
        }
        int sum = 0;
        for (int s : sizes) {
            if (s <= 0) {
                throw new InvalidInputException("split sizes must be positive, were " + Arrays.toString(sizes));
            }
            sum += s;
        }
        if (sum != shape[ax]) {
            throw new InvalidInputException("split sizes " + Arrays.toString(sizes) + " must sum to axis " + axis
                    + " of shape " + Arrays.toString(shape) + " (" + shape[ax] + "), sum was " + sum);
        }
        List<Tensor> out = new ArrayList<>(sizes.length);
        int start = 0;
        for (int s : sizes) {
            out.add(slice(ax, start, start + s));
            start += s;
        }
        return out;
    }

    /** Repeats this tensor {@code times} along axis 0 (e.g. a batch-1 tensor to a guidance batch of 2). */
    public Tensor repeatBatch(int times) {
        if (times < 1) {
            throw new InvalidInputException("times must be at least 1, was " + times);
        }
        Tensor[] parts = new Tensor[times];
        Arrays.fill(parts, this);
        return concat(0, parts);
    }

    // ---------------------------------------------------------------- resize

    /**
     * Resizes the last two axes (height, width) of a rank-3 or rank-4 tensor, following PyTorch's
     * {@code F.interpolate(..., align_corners=False)} for the chosen {@link Interpolation}.
     */
    public Tensor resize(int height, int width, Interpolation mode) {
        if (rank() < 2) {
            throw new InvalidInputException("resize needs a tensor of rank 2 or more, shape was " + Arrays.toString(shape));
        }
        if (height < 1 || width < 1) {
            throw new InvalidInputException("resize target must be at least 1x1, was " + height + "x" + width);
        }
        if (mode == null) {
            throw new InvalidInputException("resize needs an interpolation mode, got null");
        }
        int inH = shape[rank() - 2];
        int inW = shape[rank() - 1];
        int[] outShape = shape.clone();
        outShape[rank() - 2] = height;
        outShape[rank() - 1] = width;
        Tensor out = zeros(outShape);
        int planes = prod(shape, 0, rank() - 2);
        float[] src = new float[inH * inW];
        float[] dst = new float[height * width];
        for (int p = 0; p < planes; p++) {
            data.get(p * src.length, src);
            Resampler.resize(src, inH, inW, dst, height, width, mode);
            out.data.put(p * dst.length, dst);
        }
        return out;
    }

    // ---------------------------------------------------------------- object

    @Override
    public String toString() {
        return "Tensor" + Arrays.toString(shape);
    }

    // ---------------------------------------------------------------- helpers

    private void requireSameShape(String op, Tensor other) {
        if (other == null) {
            throw new InvalidInputException(op + " needs a tensor of shape " + Arrays.toString(shape) + ", got null");
        }
        if (!Arrays.equals(shape, other.shape)) {
            throw new InvalidInputException(op + " needs tensors of the same shape, got "
                    + Arrays.toString(shape) + " and " + Arrays.toString(other.shape));
        }
    }

    private int axisIndex(int axis) {
        int a = axis < 0 ? axis + shape.length : axis;
        if (a < 0 || a >= shape.length) {
            throw new InvalidInputException("axis " + axis + " is out of range for shape " + Arrays.toString(shape));
        }
        return a;
    }

    private int checkFlat(int index) {
        if (index < 0 || index >= size) {
            throw new InvalidInputException("flat index " + index + " is outside shape " + Arrays.toString(shape)
                    + " of " + size + " elements");
        }
        return index;
    }

    private int flatIndex(int[] index) {
        if (index == null) {
            throw new InvalidInputException("index must not be null for shape " + Arrays.toString(shape));
        }
        if (index.length != shape.length) {
            throw new InvalidInputException("index " + Arrays.toString(index) + " has rank " + index.length
                    + " but shape " + Arrays.toString(shape) + " has rank " + shape.length);
        }
        int flat = 0;
        for (int d = 0; d < shape.length; d++) {
            if (index[d] < 0 || index[d] >= shape[d]) {
                throw new InvalidInputException("index " + Arrays.toString(index) + " is outside shape " + Arrays.toString(shape));
            }
            flat = flat * shape[d] + index[d];
        }
        return flat;
    }

    private static int prod(int[] s, int from, int to) {
        int p = 1;
        for (int i = from; i < to; i++) {
            p *= s[i];
        }
        return p;
    }

    private static int[] checkShape(int[] shape) {
        if (shape == null || shape.length == 0) {
            throw new InvalidInputException("shape must have at least one dimension, was " + Arrays.toString(shape));
        }
        for (int d : shape) {
            if (d <= 0) {
                throw new InvalidInputException("every dimension must be positive, shape was " + Arrays.toString(shape));
            }
        }
        long n = count(shape);
        if (n > Integer.MAX_VALUE / Float.BYTES) {
            throw new InvalidInputException("shape " + Arrays.toString(shape) + " has " + n
                    + " elements, more than the " + (Integer.MAX_VALUE / Float.BYTES) + " a tensor can hold");
        }
        return shape.clone();
    }

    private static long count(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    private static FloatBuffer allocate(long n) {
        return ByteBuffer.allocateDirect(Math.toIntExact(n * Float.BYTES)).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }
}
