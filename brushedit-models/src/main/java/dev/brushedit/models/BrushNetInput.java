package dev.brushedit.models;

import java.util.Arrays;

/**
 * One BrushNet feature input of a UNet exported "with BrushNet inputs", e.g.
 * {@code down_block_res_sample_3 [-1, 320, -1, -1]}. Dynamic dimensions are -1.
 *
 * <p>Thread-safety: immutable.
 *
 * @param name the graph input name
 * @param shape the declared shape (a copy is returned by {@link #shape()})
 */
public record BrushNetInput(String name, long[] shape) {
    /** Copies the shape. */
    public BrushNetInput {
        shape = shape.clone();
    }

    /** A copy of the declared shape. */
    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** The declared channel count (axis 1), -1 when dynamic. */
    public long channels() {
        return shape.length > 1 ? shape[1] : -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BrushNetInput && ((BrushNetInput) o).name.equals(name) && Arrays.equals(((BrushNetInput) o).shape, shape);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + " " + Arrays.toString(shape);
    }
}
