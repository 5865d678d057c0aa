package dev.brushedit.blend.internal;

/**
 * A low-pass region in unshifted frequency layout (index 0 = zero frequency), with whether it is
 * symmetric under {@code k -> -k} (then the filtered inverse of a real plane is real).
 *
 * <p>Thread-safety: immutable by convention: {@code keep} is never written after construction.
 *
 * @param width plane width
 * @param height plane height
 * @param keep 1 where the frequency is kept, row-major
 * @param hermitian whether {@code keep[ky][kx] == keep[-ky mod h][-kx mod w]} everywhere
 */
public record PassBand(int width, int height, byte[] keep, boolean hermitian) {
    /** A pass band, its symmetry computed. */
    public static PassBand of(int width, int height, byte[] keep) {
        return new PassBand(width, height, keep, isHermitian(keep, width, height));
    }

    /** True when {@code keep[ky][kx] == keep[-ky mod h][-kx mod w]} everywhere. */
    static boolean isHermitian(byte[] keep, int w, int h) {
        for (int ky = 0; ky < h; ky++) {
            int my = (h - ky) % h;
            for (int kx = 0; kx < w; kx++) {
                if (keep[ky * w + kx] != keep[my * w + (w - kx) % w]) {
                    return false;
                }
            }
        }
        return true;
    }
}
