package dev.brushedit.models.text;

import java.util.Arrays;

/**
 * A growable list of primitive ints.
 *
 * <p>Thread-safety: not thread-safe; used confined to one call.
 */
final class IntList {
    private int[] data;
    private int size;

    IntList(int capacity) {
        data = new int[Math.max(capacity, 4)];
    }

    void add(int value) {
        if (size == data.length) {
            data = Arrays.copyOf(data, size * 2);
        }
        data[size++] = value;
    }

    void addAll(int[] values) {
        if (size + values.length > data.length) {
            data = Arrays.copyOf(data, Math.max(size * 2, size + values.length));
        }
        System.arraycopy(values, 0, data, size, values.length);
        size += values.length;
    }

    int size() {
        return size;
    }

    int get(int index) {
        return data[index];
    }

    int[] toArray() {
        return Arrays.copyOf(data, size);
    }
}
