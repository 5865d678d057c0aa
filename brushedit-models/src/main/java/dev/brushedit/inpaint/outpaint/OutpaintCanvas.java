package dev.brushedit.inpaint.outpaint;

import dev.brushedit.core.Checks;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;

/**
 * The extended canvas of an outpainting call: the original placed at its offset, the new area
 * holding the backend's {@link InitialFill}, the mask handed to the backend (the new area plus a
 * seam band of original pixels along each extended edge) and the seam's cross-fade weights.
 *
 * <p>The seam is soft: in the band the weight of the generated pixels falls from 1 at the extended
 * edge to 0 at {@code seamWidth} pixels inside the original along a smoothstep curve, so
 * {@link #composite} keeps every original pixel further inside byte for byte. Edges that are not
 * extended get no band. The seam width is clamped to a quarter of the original's shorter side.
 *
 * <p>Thread-safety: immutable.
 */
public final class OutpaintCanvas {
    private final RgbImage canvas;
    private final Mask mask;
    private final Mask seamWeights;
    private final Box originalBox;
    private final Sides sides;
    private final int seamWidth;

    private OutpaintCanvas(RgbImage canvas, Mask mask, Mask seamWeights, Box originalBox, Sides sides, int seamWidth) {
        this.canvas = canvas;
        this.mask = mask;
        this.seamWeights = seamWeights;
        this.originalBox = originalBox;
        this.sides = sides;
        this.seamWidth = seamWidth;
    }

    /**
     * The canvas for {@code original} extended by {@code sides}, with a seam of {@code seamWidth}
     * pixels (clamped) and the new area filled as {@code fill} says.
     */
    public static OutpaintCanvas build(RgbImage original, Sides sides, int seamWidth, InitialFill fill) {
        Checks.notNull("original", original);
        Checks.notNull("sides", sides);
        Checks.notNull("fill", fill);
        Checks.inRange("seamWidth", seamWidth, 0, OutpaintExtension.MAX_SEAM_WIDTH);
        int w = original.width();
        int h = original.height();
        int cw = sides.canvasWidth(w);
        int ch = sides.canvasHeight(h);
        int seam = Math.min(seamWidth, Math.min(w, h) / 4);
        byte[] src = original.toRgbBytes();
        byte[] px = new byte[cw * ch * 3];
        float[] weight = new float[cw * ch];
        float[] hole = new float[cw * ch];
        for (int y = 0; y < ch; y++) {
            int oy = y - sides.top();
            for (int x = 0; x < cw; x++) {
                int ox = x - sides.left();
                int i = y * cw + x;
                boolean inside = ox >= 0 && ox < w && oy >= 0 && oy < h;
                float a = inside ? seamWeight(sides, w, h, ox, oy, seam) : 1f;
                weight[i] = a;
                hole[i] = a > 0f ? 1f : 0f;
                if (inside) {
                    System.arraycopy(src, (oy * w + ox) * 3, px, i * 3, 3);
                } else if (fill == InitialFill.MIRROR) {
                    System.arraycopy(src, (mirror(oy, h) * w + mirror(ox, w)) * 3, px, i * 3, 3);
                } else if (fill == InitialFill.GRAY) {
                    px[i * 3] = (byte) 128;
                    px[i * 3 + 1] = (byte) 128;
                    px[i * 3 + 2] = (byte) 128;
                }
            }
        }
        return new OutpaintCanvas(RgbImage.of(cw, ch, px), Mask.of(cw, ch, hole), Mask.of(cw, ch, weight),
                new Box(sides.left(), sides.top(), sides.left() + w, sides.top() + h), sides, seam);
    }

    /** Weight of the generated pixel at original pixel (ox, oy): 1 - smoothstep over the band, 0 beyond. */
    private static float seamWeight(Sides s, int w, int h, int ox, int oy, int seam) {
        if (seam == 0) {
            return 0f;
        }
        int d = Integer.MAX_VALUE;
        if (s.left() > 0) {
            d = Math.min(d, ox);
        }
        if (s.right() > 0) {
            d = Math.min(d, w - 1 - ox);
        }
        if (s.top() > 0) {
            d = Math.min(d, oy);
        }
        if (s.bottom() > 0) {
            d = Math.min(d, h - 1 - oy);
        }
        if (d >= seam) {
            return 0f;
        }
        double t = (d + 0.5) / seam;
        return (float) (1.0 - t * t * (3.0 - 2.0 * t));
    }

    /** numpy's "symmetric" index for any integer: ... 1 0 | 0 1 ... n-1 | n-1 n-2 ... */
    static int mirror(int i, int n) {
        int period = 2 * n;
        int m = Math.floorMod(i, period);
        return m < n ? m : period - 1 - m;
    }

    /**
     * The final image: {@code generated} (a backend's output on this canvas, the canvas's size)
     * cross-faded into the original by the seam weights. Outside the band it is the original
     * exactly; in the new area it is {@code generated} exactly.
     */
    public RgbImage composite(RgbImage generated) {
        Checks.notNull("generated", generated);
        if (generated.width() != canvas.width() || generated.height() != canvas.height()) {
            throw new dev.brushedit.core.InvalidInputException("generated image must be " + canvas.width() + "x"
                    + canvas.height() + " (the canvas), was " + generated.width() + "x" + generated.height());
        }
        byte[] c = canvas.toRgbBytes();
        byte[] g = generated.toRgbBytes();
        float[] a = seamWeights.toArray();
        for (int i = 0; i < a.length; i++) {
            if (a[i] <= 0f) {
                continue;
            }
            for (int k = 3 * i; k < 3 * i + 3; k++) {
                c[k] = (byte) Math.round(a[i] * (g[k] & 0xff) + (1f - a[i]) * (c[k] & 0xff));
            }
        }
        return RgbImage.of(canvas.width(), canvas.height(), c);
    }

    /** The canvas: the original at {@link #originalBox()}, the new area holding the initial fill. */
    public RgbImage canvas() {
        return canvas;
    }

    /** The backend's mask (1 = generate): the new area plus the seam band, binary. */
    public Mask mask() {
        return mask;
    }

    /** Per canvas pixel, the weight of the generated pixel in {@link #composite}: 1 in the new area, 0 in the kept interior. */
    public Mask seamWeights() {
        return seamWeights;
    }

    /** Where the original lies on the canvas. */
    public Box originalBox() {
        return originalBox;
    }

    /** The pixels added on each side. */
    public Sides sides() {
        return sides;
    }

    /** The seam width actually used (after clamping). */
    public int seamWidth() {
        return seamWidth;
    }
}
