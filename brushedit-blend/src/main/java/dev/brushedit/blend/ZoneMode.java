package dev.brushedit.blend;

/**
 * How faithfully {@link FftEdgeSmoother} and {@link MaskRefiner} follow ZONE's published code
 * (lsl001006/ZONE, {@code utils/mask_utils.py} and {@code inference.py}).
 *
 * <p>Thread-safety: immutable.
 */
public enum ZoneMode {
    /**
     * Reproduces ZONE pixel for pixel, accidental behaviour included: the gray image is OpenCV's
     * integer {@code RGB2GRAY} applied to BGR data (red and blue weights swapped); {@code |IFFT|} is
     * truncated and wraps modulo 256 as numpy's {@code astype(uint8)} does; the low-pass disk of
     * radius D0 is drawn at {@code (x = rows / 2, y = cols / 2)} and is not scaled with the image
     * size; the blend ring is {@code smoothed - mask} in wrapping {@code uint8} arithmetic (that is,
     * every pixel where the two differ) and blended values are truncated; the small-region filter
     * compares pixel count times label index with the limit and clears the region's whole bounding
     * box.
     */
    REFERENCE,
    /**
     * What the paper means: true luminance {@code 0.299 R + 0.587 G + 0.114 B} in double precision;
     * {@code |IFFT|} saturates at 255; the low-pass region is centred on the zero frequency and keeps
     * the same cut-off in cycles per pixel at every size (an ellipse with semi-axes
     * {@code D0 * width / 512} and {@code D0 * height / 512} frequency bins); the blend ring is the
     * smoothed mask minus the object mask with saturation (only pixels added by smoothing); blended
     * values are rounded; small regions are judged by their true area and only their own pixels are
     * cleared.
     */
    CORRECTED
}
