package dev.brushedit.edit.structure;

import dev.brushedit.blend.MaskOps;
import dev.brushedit.blend.PoissonBlender;
import dev.brushedit.blend.StructuringElement;
import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.ImageTensors;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.core.tensor.Interpolation;
import dev.brushedit.core.tensor.Tensor;
import dev.brushedit.inpaint.CancellationToken;
import dev.brushedit.inpaint.InpaintRequest;
import dev.brushedit.inpaint.InpaintResult;
import dev.brushedit.inpaint.Inpainter;
import dev.brushedit.inpaint.ProgressListener;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves or resizes an object: object mask, then
 * <ol>
 *   <li>lift: the mask feathered into a soft matte ({@link Builder#matteFeather}), and the pixels
 *       under the matte's support cut out;</li>
 *   <li>fill: the vacated area (the mask dilated by {@link Builder#fillDilation}) filled by the
 *       inpainter, PatchMatch without weights or the diffusion backend when it is configured;</li>
 *   <li>paste: the lifted pixels and matte scaled (area filter down, bicubic up) into the
 *       {@link Placement}'s box and composited over the filled background;</li>
 *   <li>harmonise: a ring of {@link Builder#ringWidth} pixels each side of the pasted edge repainted
 *       by the diffusion backend, or, without one, gradient-domain blending ({@link PoissonBlender})
 *       of a band of 3 pixels each side of the pasted edge: inside the band the lifted pixels'
 *       gradients, at its borders the object's interior and the new surroundings, so the edge
 *       joins both without a step while the object's own colours stay as they were.</li>
 * </ol>
 * All checks (sizes, an empty mask, a mask covering the whole image, a placement off the image, a
 * bad scale) run before the first pixel is touched.
 *
 * <p>The editor does not own the inpainter: close the inpainter when done.
 *
 * <p>Thread-safety: safe for concurrent use when its inpainter is.
 */
public final class StructuralEditor {
    private static final Logger LOG = LoggerFactory.getLogger(StructuralEditor.class);
    private static final int POISSON_MARGIN = 3;

    private final Inpainter inpainter;
    private final Harmonisation harmonisation;
    private final int matteFeather;
    private final int fillDilation;
    private final int ringWidth;
    private final PoissonBlender poisson;

    private StructuralEditor(Builder b) {
        this.inpainter = b.inpainter;
        this.harmonisation = b.harmonisation;
        this.matteFeather = b.matteFeather;
        this.fillDilation = b.fillDilation;
        this.ringWidth = b.ringWidth;
        this.poisson = b.poisson;
    }

    /** A builder; only the inpainter must be set. */
    public static Builder builder() {
        return new Builder();
    }

    /** The inpainter that fills the vacated area (not owned by this editor). */
    public Inpainter inpainter() {
        return inpainter;
    }

    /** The harmonisation that {@link Harmonisation#AUTO} resolves to for this editor's inpainter. */
    public Harmonisation harmonisation() {
        if (harmonisation != Harmonisation.AUTO) {
            return harmonisation;
        }
        return inpainter.backendName().equals("patchmatch") ? Harmonisation.POISSON : Harmonisation.DIFFUSION_RING;
    }

    /**
     * Checks the inputs and resolves the placement without touching a pixel.
     *
     * @throws InvalidInputException for a mask of another size, an empty mask, a mask covering the
     *     whole image, or a motion the image cannot hold ({@link Placement#resolve})
     */
    public Placement place(RgbImage image, Mask objectMask, ObjectMotion motion) {
        Checks.notNull("image", image);
        Checks.notNull("objectMask", objectMask);
        Checks.notNull("motion", motion);
        objectMask.requireSameSize(image);
        Mask binary = objectMask.binarize(0.5f);
        if (binary.isEmpty()) {
            throw new InvalidInputException("the object mask is empty: there is no object to move or resize; "
                    + "give a mask, box or points that cover it");
        }
        if (binary.isFull()) {
            throw new InvalidInputException("the object mask covers the whole " + image.width() + "x" + image.height()
                    + " image, so there is no background to move or resize it over; give a mask of the object alone");
        }
        return Placement.resolve(binary.boundingBox(), image.width(), image.height(), motion);
    }

    /**
     * Moves or resizes the object under {@code objectMask} as {@code motion} says.
     *
     * @param fillRequest the request for filling the vacated area (its prompt describes the background)
     * @param seamRequest the request for the diffusion ring (its prompt describes the edited image);
     *     unused by Poisson blending
     * @throws InvalidInputException as {@link #place} does, before any work
     */
    public StructuralEditResult apply(RgbImage image, Mask objectMask, ObjectMotion motion, InpaintRequest fillRequest,
            InpaintRequest seamRequest, ProgressListener listener, CancellationToken cancel) {
        Checks.notNull("fillRequest", fillRequest);
        Checks.notNull("seamRequest", seamRequest);
        Checks.notNull("listener", listener);
        Placement placement = place(image, objectMask, motion);
        int w = image.width();
        int h = image.height();
        Mask binary = objectMask.binarize(0.5f);
        Mask matte = matteFeather <= 1 ? binary : MaskOps.feather(binary, matteFeather, 0);
        Box support = placement.source().expand(Math.max(matteFeather / 2, POISSON_MARGIN + 1)).clampTo(w, h);
        RgbImage lifted = image.crop(support);
        Mask liftedMatte = matte.crop(support);
        Mask vacated = MaskOps.dilate(binary, StructuringElement.square(2 * fillDilation + 1), 1);
        vacated = MaskOps.union(vacated, matte.binarize(1e-6f));
        InpaintResult fill = inpainter.inpaint(image, vacated, fillRequest, listener, cancel);
        RgbImage background = fill.image();

        double s = placement.scale();
        Box src = placement.source();
        int tx0 = placement.target().x0() + (int) Math.round((support.x0() - src.x0()) * s);
        int ty0 = placement.target().y0() + (int) Math.round((support.y0() - src.y0()) * s);
        int tw = Math.max(1, (int) Math.round(support.width() * s));
        int th = Math.max(1, (int) Math.round(support.height() * s));
        RgbImage scaled = s == 1.0 ? lifted : resize(lifted, tw, th);
        Mask scaledMatte = s == 1.0 ? liftedMatte : liftedMatte.resize(tw, th, Interpolation.BILINEAR);
        byte[] bg = background.toRgbBytes();
        byte[] guide = background.toRgbBytes();
        byte[] pasted = background.toRgbBytes();
        float[] placed = new float[w * h];
        byte[] obj = scaled.toRgbBytes();
        for (int y = 0; y < th; y++) {
            int yy = ty0 + y;
            if (yy < 0 || yy >= h) {
                continue;
            }
            for (int x = 0; x < tw; x++) {
                int xx = tx0 + x;
                if (xx < 0 || xx >= w) {
                    continue;
                }
                float a = Math.max(0f, Math.min(1f, scaledMatte.get(x, y)));
                int p = yy * w + xx;
                placed[p] = a;
                for (int c = 0; c < 3; c++) {
                    int o = obj[3 * (y * tw + x) + c] & 0xff;
                    guide[3 * p + c] = (byte) o;
                    pasted[3 * p + c] = (byte) Math.round(a * o + (1 - a) * (bg[3 * p + c] & 0xff));
                }
            }
        }
        Mask placedMatte = Mask.of(w, h, placed);
        RgbImage pastedImage = RgbImage.of(w, h, pasted);
        Harmonisation used = harmonisation();
        Mask core = placedMatte.binarize(0.5f);
        RgbImage out;
        Mask seam;
        Optional<InpaintResult> repaint = Optional.empty();
        if (core.isEmpty()) {
            seam = Mask.empty(w, h);
            out = pastedImage;
        } else if (used == Harmonisation.POISSON) {
            Box t = new Box(tx0, ty0, tx0 + tw, ty0 + th);
            Mask inside = Mask.ofBox(w, h, t.clampTo(w, h));
            StructuringElement band = StructuringElement.square(2 * POISSON_MARGIN + 1);
            seam = MaskOps.intersection(MaskOps.difference(MaskOps.dilate(core, band, 1), MaskOps.erode(core, band, 1)), inside);
            out = poisson.blend(pastedImage, RgbImage.of(w, h, guide), seam);
        } else {
            int k = 2 * ringWidth + 1;
            seam = MaskOps.difference(MaskOps.dilate(core, StructuringElement.square(k), 1),
                    MaskOps.erode(core, StructuringElement.square(k), 1));
            InpaintResult ring = inpainter.inpaint(pastedImage, seam, seamRequest, listener, cancel);
            repaint = Optional.of(ring);
            out = ring.image();
        }
        LOG.debug("structural edit {} -> {} (scale {}), harmonised by {}", placement.source(), placement.target(), s, used);
        return new StructuralEditResult(out, placement, binary, matte, lifted, liftedMatte, vacated, fill, placedMatte,
                pastedImage, used, seam, repaint);
    }

    private static RgbImage resize(RgbImage image, int width, int height) {
        boolean down = (long) width * height < image.pixelCount();
        Tensor t = ImageTensors.toTensor(image).resize(height, width, down ? Interpolation.AREA : Interpolation.BICUBIC);
        return ImageTensors.toImage(t.clampInPlace(-1f, 1f));
    }

    /**
     * Builds {@link StructuralEditor}s; setters validate their arguments, {@link #build()} requires
     * an inpainter and refuses a diffusion ring without a diffusion backend.
     *
     * <p>Thread-safety: not thread-safe.
     */
    public static final class Builder {
        private Inpainter inpainter;
        private Harmonisation harmonisation = Harmonisation.AUTO;
        private int matteFeather = 5;
        private int fillDilation = 6;
        private int ringWidth = 4;
        private PoissonBlender poisson = PoissonBlender.defaults();

        private Builder() {}

        /** The inpainter that fills the vacated area (and repaints the ring when it is a diffusion backend). */
        public Builder inpainter(Inpainter inpainter) {
            this.inpainter = Checks.notNull("inpainter", inpainter);
            return this;
        }

        /** How the seam is harmonised (default {@link Harmonisation#AUTO}). */
        public Builder harmonisation(Harmonisation harmonisation) {
            this.harmonisation = Checks.notNull("harmonisation", harmonisation);
            return this;
        }

        /** Gaussian kernel size that feathers the object mask into the matte, odd, 1 to 31 (default 5; 1 = hard). */
        public Builder matteFeather(int kernelSize) {
            Checks.inRange("matteFeather", kernelSize, 1, 31);
            if (kernelSize % 2 == 0) {
                throw new InvalidInputException("matteFeather must be odd, was " + kernelSize);
            }
            this.matteFeather = kernelSize;
            return this;
        }

        /** Pixels the vacated area extends beyond the object's mask, 0 to 64 (default 6: edges and shadow fringe). */
        public Builder fillDilation(int pixels) {
            this.fillDilation = Checks.inRange("fillDilation", pixels, 0, 64);
            return this;
        }

        /** Half-width of the ring the diffusion backend repaints, 1 to 32 pixels (default 4). */
        public Builder ringWidth(int pixels) {
            this.ringWidth = Checks.inRange("ringWidth", pixels, 1, 32);
            return this;
        }

        /** The gradient-domain blender (default {@link PoissonBlender#defaults()}). */
        public Builder poisson(PoissonBlender poisson) {
            this.poisson = Checks.notNull("poisson", poisson);
            return this;
        }

        /** The editor. */
        public StructuralEditor build() {
            if (inpainter == null) {
                throw new InvalidInputException("a StructuralEditor needs an inpainter; call inpainter(...)");
            }
            if (harmonisation == Harmonisation.DIFFUSION_RING && inpainter.backendName().equals("patchmatch")) {
                throw new InvalidInputException("the DIFFUSION_RING harmonisation needs a diffusion inpainter (a checkpoint), "
                        + "but the inpainter is PatchMatch; use POISSON or AUTO");
            }
            return new StructuralEditor(this);
        }
    }
}
