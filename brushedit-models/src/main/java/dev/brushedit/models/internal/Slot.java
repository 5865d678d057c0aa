package dev.brushedit.models.internal;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import dev.brushedit.core.tensor.Float16;
import dev.brushedit.core.tensor.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import java.util.Arrays;

/**
 * One reusable native tensor: a direct buffer of the graph's element type and an {@link OnnxTensor}
 * created over it once. Inputs are written into it ({@link #write}); pinned outputs are read from it
 * ({@link #read}). Converts float32 to and from float16, int64 and int32 at the boundary.
 *
 * <p>Thread-safety: not thread-safe; {@link GraphSession} guards its slots with a lock.
 */
final class Slot implements AutoCloseable {
    private final OnnxJavaType type;
    private final long[] shape;
    private final int count;
    private final ByteBuffer bytes;
    private final OnnxTensor tensor;

    Slot(OnnxJavaType type, long[] shape) throws OrtException {
        this.type = type;
        this.shape = shape.clone();
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        this.count = Math.toIntExact(n);
        this.bytes = ByteBuffer.allocateDirect(count * elementBytes(type)).order(ByteOrder.nativeOrder());
        switch (type) {
            case FLOAT:
                tensor = OnnxTensor.createTensor(OrtEnvironment.getEnvironment(), bytes.asFloatBuffer(), shape);
                break;
            case FLOAT16:
                tensor = OnnxTensor.createTensor(OrtEnvironment.getEnvironment(), bytes.asShortBuffer(), shape, OnnxJavaType.FLOAT16);
                break;
            case INT64:
                tensor = OnnxTensor.createTensor(OrtEnvironment.getEnvironment(), bytes.asLongBuffer(), shape);
                break;
            case INT32:
                tensor = OnnxTensor.createTensor(OrtEnvironment.getEnvironment(), bytes.asIntBuffer(), shape);
                break;
            default:
                throw new IllegalStateException("unsupported element type " + type);
        }
    }

    static int elementBytes(OnnxJavaType type) {
        switch (type) {
            case FLOAT:
            case INT32:
                return 4;
            case FLOAT16:
                return 2;
            case INT64:
                return 8;
            default:
                return 0;
        }
    }

    boolean matches(OnnxJavaType t, long[] s) {
        return type == t && Arrays.equals(shape, s);
    }

    OnnxTensor tensor() {
        return tensor;
    }

    long[] shape() {
        return shape.clone();
    }

    /** Copies {@code src} (exactly {@link #count} elements) into the native buffer, converting types. */
    void write(Tensor src) {
        FloatBuffer in = src.buffer();
        switch (type) {
            case FLOAT:
                bytes.asFloatBuffer().put(in);
                break;
            case FLOAT16: {
                ShortBuffer out = bytes.asShortBuffer();
                for (int i = 0; i < count; i++) {
                    out.put(i, Float16.fromFloat(in.get(i)));
                }
                break;
            }
            case INT64: {
                LongBuffer out = bytes.asLongBuffer();
                for (int i = 0; i < count; i++) {
                    out.put(i, Math.round((double) in.get(i)));
                }
                break;
            }
            default: {
                IntBuffer out = bytes.asIntBuffer();
                for (int i = 0; i < count; i++) {
                    out.put(i, Math.round(in.get(i)));
                }
            }
        }
    }

    /** Copies the native buffer into {@code out}, which has this slot's element count. */
    void readInto(Tensor out) {
        FloatBuffer dst = out.buffer();
        switch (type) {
            case FLOAT:
                dst.put(bytes.asFloatBuffer());
                break;
            case FLOAT16: {
                ShortBuffer in = bytes.asShortBuffer();
                for (int i = 0; i < count; i++) {
                    dst.put(i, Float16.toFloat(in.get(i)));
                }
                break;
            }
            case INT64: {
                LongBuffer in = bytes.asLongBuffer();
                for (int i = 0; i < count; i++) {
                    dst.put(i, in.get(i));
                }
                break;
            }
            default: {
                IntBuffer in = bytes.asIntBuffer();
                for (int i = 0; i < count; i++) {
                    dst.put(i, in.get(i));
                }
            }
        }
    }

    @Override
    public void close() {
        tensor.close();
    }
}
