package dev.brushedit.blend.internal;

import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;

/**
 * Conversions between the SDK's {@link Mask} and the 0/1 {@code byte} planes the algorithms use.
 * A mask value counts as set when it is at least {@code 0.5}.
 *
 * <p>Thread-safety: stateless.
 */
public final class Planes {
    /** The threshold of the binary rule: values {@code >= 0.5} are set. */
    public static final float SET = 0.5f;

    private Planes() {}

    /** 1 where {@code mask >= 0.5}, else 0. */
    public static byte[] binary(Mask mask) {
        float[] v = mask.toArray();
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) (v[i] >= SET ? 1 : 0);
        }
        return b;
    }

    /** A binary mask from a 0/1 plane. */
    public static Mask toMask(byte[] plane, int w, int h) {
        float[] v = new float[plane.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = plane[i];
        }
        return Mask.of(w, h, v);
    }

    /** Throws unless {@code mask} is non-null. */
    public static Mask require(String name, Mask mask) {
        if (mask == null) {
            throw new InvalidInputException(name + " must not be null");
        }
        return mask;
    }

    /** Throws unless both masks have the same size. */
    public static void sameSize(String nameA, Mask a, String nameB, Mask b) {
        require(nameA, a);
        require(nameB, b);
        if (a.width() != b.width() || a.height() != b.height()) {
            throw new InvalidInputException(nameA + " size " + a.width() + "x" + a.height() + " must equal " + nameB
                    + " size " + b.width() + "x" + b.height());
        }
    }

    /** Throws unless both images have the same size. */
    public static void sameSize(String nameA, RgbImage a, String nameB, RgbImage b) {
        if (a == null || b == null) {
            throw new InvalidInputException((a == null ? nameA : nameB) + " must not be null");
        }
        if (a.width() != b.width() || a.height() != b.height()) {
            throw new InvalidInputException(nameA + " size " + a.width() + "x" + a.height() + " must equal " + nameB
                    + " size " + b.width() + "x" + b.height());
        }
    }

    /** Throws unless {@code mask} has the size of {@code image}. */
    public static void sameSize(String imageName, RgbImage image, String maskName, Mask mask) {
        require(maskName, mask);
        if (image == null) {
            throw new InvalidInputException(imageName + " must not be null");
        }
        if (image.width() != mask.width() || image.height() != mask.height()) {
            throw new InvalidInputException(maskName + " size " + mask.width() + "x" + mask.height() + " must equal "
                    + imageName + " size " + image.width() + "x" + image.height());
        }
    }
}
