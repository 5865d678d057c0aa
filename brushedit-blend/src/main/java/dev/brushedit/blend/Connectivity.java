package dev.brushedit.blend;

/**
 * Which neighbours join pixels into one region.
 *
 * <p>Thread-safety: immutable.
 */
public enum Connectivity {
    /** Left, right, up and down neighbours. */
    FOUR,
    /** The four of {@link #FOUR} plus the four diagonal neighbours. */
    EIGHT
}
