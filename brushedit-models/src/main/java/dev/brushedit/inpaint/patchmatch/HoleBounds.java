package dev.brushedit.inpaint.patchmatch;

/**
 * The number of hole pixels of a level and their bounding box {@code [x0, x1] x [y0, y1]}
 * (inclusive; {@code x1 < x0} when there are none).
 *
 * <p>Thread-safety: immutable.
 *
 * @param count number of hole pixels
 * @param x0 smallest hole column
 * @param y0 smallest hole row
 * @param x1 largest hole column
 * @param y1 largest hole row
 */
record HoleBounds(int count, int x0, int y0, int x1, int y1) {

    /** The bounds of the hole pixels of a {@code width}-wide row-major mask. */
    static HoleBounds of(boolean[] hole, int width) {
        int n = 0;
        int x0 = width;
        int y0 = hole.length / Math.max(1, width);
        int x1 = -1;
        int y1 = -1;
        for (int i = 0; i < hole.length; i++) {
            if (hole[i]) {
                n++;
                x0 = Math.min(x0, i % width);
                x1 = Math.max(x1, i % width);
                y0 = Math.min(y0, i / width);
                y1 = Math.max(y1, i / width);
            }
        }
        return new HoleBounds(n, x0, y0, x1, y1);
    }

    /** The optimal over-relaxation factor of Laplace's equation on a square of the box's longer side. */
    float overRelaxation() {
        int side = Math.max(x1 - x0, y1 - y0) + 2;
        return (float) (2 / (1 + Math.sin(Math.PI / side)));
    }
}
