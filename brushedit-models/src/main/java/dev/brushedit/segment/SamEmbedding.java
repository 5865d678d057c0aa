package dev.brushedit.segment;

import dev.brushedit.core.tensor.Tensor;

/**
 * SAM's image embedding of one image, computed once by {@link SamModel#embed} and reused for any
 * number of prompts on that image.
 *
 * <p>Thread-safety: immutable (the embedding is never written after creation).
 */
public final class SamEmbedding {
    private final Tensor embeddings;
    private final int width;
    private final int height;
    private final SamModel owner;

    SamEmbedding(Tensor embeddings, int width, int height, SamModel owner) {
        this.embeddings = embeddings;
        this.width = width;
        this.height = height;
        this.owner = owner;
    }

    /** Width of the embedded image in pixels. */
    public int width() {
        return width;
    }

    /** Height of the embedded image in pixels. */
    public int height() {
        return height;
    }

    Tensor embeddings() {
        return embeddings;
    }

    SamModel owner() {
        return owner;
    }
}
