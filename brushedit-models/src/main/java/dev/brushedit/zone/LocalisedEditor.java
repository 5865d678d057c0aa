package dev.brushedit.zone;

import dev.brushedit.core.image.RgbImage;
import dev.brushedit.inpaint.CancellationToken;
import dev.brushedit.inpaint.ProgressListener;
import dev.brushedit.pix2pix.FusedInstructPix2Pix;
import dev.brushedit.pix2pix.Pix2PixRequest;
import dev.brushedit.pix2pix.ZoneAction;

/**
 * The first stage of a {@link ZoneEditor}: edits the whole image and says where it changed (a coarse
 * mask the image's size). The shipped one is {@link FusedInstructPix2Pix#editAndLocalise}.
 *
 * <p>Thread-safety: implementations must be safe for concurrent use when the editor is shared.
 */
@FunctionalInterface
public interface LocalisedEditor {
    /**
     * Edits {@code image} as {@code request} says for {@code action}, reporting steps to
     * {@code listener}, stopping once {@code cancel} (nullable) is cancelled.
     */
    FusedInstructPix2Pix.Localised edit(RgbImage image, Pix2PixRequest request, ZoneAction action, ProgressListener listener,
            CancellationToken cancel);
}
