package dev.brushedit.inpaint;

/**
 * What an {@link Inpainter}'s backend can honour, so that a caller (such as the instruction editor)
 * can refuse a request before any work instead of returning an image that ignores it.
 *
 * <p>The weight-free PatchMatch backend ({@link #textureFill()}) only continues the texture around
 * the hole: it ignores the prompt, needs known pixels outside the mask, cannot paint an object that
 * is not already in the image and cannot repaint the whole image. The diffusion backends
 * ({@link #diffusion()}) follow the prompt, paint new content and accept an all-ones mask.
 *
 * <p>Thread-safety: immutable.
 *
 * @param followsPrompt true when the fill follows the request's prompt (false: the prompt is ignored)
 * @param needsSourcePixels true when the fill is copied from pixels outside the mask, so the mask
 *     must leave part of the image
 * @param paintsNewObjects true when the backend can paint an object the image does not already show
 * @param repaintsWholeImage true when an all-ones mask (a whole-image restyle) is meaningful
 */
public record Capabilities(boolean followsPrompt, boolean needsSourcePixels, boolean paintsNewObjects,
        boolean repaintsWholeImage) {

    private static final Capabilities TEXTURE_FILL = new Capabilities(false, true, false, false);
    private static final Capabilities DIFFUSION = new Capabilities(true, false, true, true);

    /** A texture-continuing fill such as PatchMatch: no prompt, needs source pixels, no new objects. */
    public static Capabilities textureFill() {
        return TEXTURE_FILL;
    }

    /** A prompt-following diffusion inpainter: follows the prompt, paints new objects, repaints everything. */
    public static Capabilities diffusion() {
        return DIFFUSION;
    }

    /** A short English description, e.g. "ignores the prompt, needs source pixels outside the mask". */
    public String describe() {
        StringBuilder b = new StringBuilder(followsPrompt ? "follows the prompt" : "ignores the prompt");
        if (needsSourcePixels) {
            b.append(", needs source pixels outside the mask");
        }
        b.append(paintsNewObjects ? ", paints new objects" : ", cannot paint new objects");
        b.append(repaintsWholeImage ? ", can repaint the whole image" : ", cannot repaint the whole image");
        return b.toString();
    }
}
