package dev.brushedit.models.internal;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.TensorInfo;
import dev.brushedit.core.ModelException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Checks one declared input or output of a graph against what the pipeline feeds or reads, and
 * throws a {@link ModelException} such as {@code "unet/model.onnx: input 'sample' expected rank 4
 * float32/float16 with 4 or 8 or 9 channels, found rank 3 float32 [-1, 4, 64]"}. Dynamic dimensions
 * (-1) satisfy any size check.
 *
 * <pre>{@code
 * ContractCheck.input(unet, "sample").rank(4).floats().dim(1, 4, 9).check();
 * }</pre>
 *
 * <p>Thread-safety: not thread-safe; build and check on one thread.
 */
public final class ContractCheck {
    private static final OnnxJavaType[] FLOATS = {OnnxJavaType.FLOAT, OnnxJavaType.FLOAT16};

    private final GraphSession graph;
    private final String kind;
    private final String name;
    private int[] ranks;
    private OnnxJavaType[] types;
    private int dimAxis = -1;
    private long[] dimValues;
    private String dimWhat;

    private ContractCheck(GraphSession graph, String kind, String name) {
        this.graph = graph;
        this.kind = kind;
        this.name = name;
    }

    /** Expectations on input {@code name}. */
    public static ContractCheck input(GraphSession graph, String name) {
        return new ContractCheck(graph, "input", name);
    }

    /** Expectations on output {@code name}. */
    public static ContractCheck output(GraphSession graph, String name) {
        return new ContractCheck(graph, "output", name);
    }

    /** Accepted ranks. */
    public ContractCheck rank(int... accepted) {
        this.ranks = accepted.clone();
        return this;
    }

    /** Accepted element types. */
    public ContractCheck type(OnnxJavaType... accepted) {
        this.types = accepted.clone();
        return this;
    }

    /** float32 or float16. */
    public ContractCheck floats() {
        return type(FLOATS);
    }

    /** Accepted sizes of {@code axis} (named "channels" for axis 1 and "features" for axis 2). */
    public ContractCheck dim(int axis, long... accepted) {
        this.dimAxis = axis;
        this.dimValues = accepted.clone();
        this.dimWhat = axis == 1 ? "channels" : axis == 2 ? "features" : "size on axis " + axis;
        return this;
    }

    /** Checks; returns the declared tensor info when it matches, else throws {@link ModelException}. */
    public TensorInfo check() {
        TensorInfo info = "input".equals(kind) ? graph.input(name) : graph.output(name);
        long[] shape = info.getShape();
        boolean ok = ranks == null || contains(ranks, shape.length);
        ok &= types == null || Arrays.asList(types).contains(info.type);
        if (ok && dimAxis >= 0 && shape.length > dimAxis) {
            long d = shape[dimAxis];
            ok = d < 0 || Arrays.stream(dimValues).anyMatch(v -> v == d);
        }
        if (!ok) {
            throw new ModelException(graph.label() + ": " + kind + " '" + name + "' expected " + expected()
                    + ", found rank " + shape.length + " " + typeName(info.type) + " " + Arrays.toString(shape));
        }
        return info;
    }

    private String expected() {
        List<String> parts = new ArrayList<>();
        if (ranks != null) {
            parts.add("rank " + Arrays.stream(ranks).mapToObj(Integer::toString).collect(Collectors.joining(" or ")));
        }
        if (types != null) {
            parts.add(Arrays.stream(types).map(ContractCheck::typeName).collect(Collectors.joining("/")));
        }
        if (dimAxis >= 0) {
            parts.add("with " + Arrays.stream(dimValues).mapToObj(Long::toString).collect(Collectors.joining(" or "))
                    + " " + dimWhat);
        }
        return String.join(" ", parts);
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    /** ONNX-style name of an element type: float32, float16, int64, int32, ... */
    public static String typeName(OnnxJavaType t) {
        switch (t) {
            case FLOAT:
                return "float32";
            case FLOAT16:
                return "float16";
            case DOUBLE:
                return "float64";
            default:
                return t.name().toLowerCase(Locale.ROOT);
        }
    }
}
