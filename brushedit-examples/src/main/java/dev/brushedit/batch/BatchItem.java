package dev.brushedit.batch;

import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One unit of a batch: an image and either a mask (inpaint the white region), an instruction (edit),
 * or both (edit, with the mask as the object's mask), and the file name of its output.
 *
 * <p>Thread-safety: immutable.
 *
 * @param id a short name for logs and the results table (the image's stem, or the CSV row)
 * @param image the input image
 * @param mask the mask (white = fill, or the object an instruction names), or null
 * @param instruction the editing instruction, or null for a plain inpainting
 * @param outputName the output's file name (no folder), ending in .png, .jpg or .jpeg
 */
public record BatchItem(String id, Path image, Path mask, String instruction, String outputName) {

    /** Checks that the item names an image, a mask or an instruction, and a plain output file name. */
    public BatchItem {
        Checks.notBlank("id", id);
        Checks.notNull("image", image);
        Checks.notBlank("outputName", outputName);
        if (mask == null && (instruction == null || instruction.isBlank())) {
            throw new InvalidInputException("item " + id + " needs a mask or an instruction, has neither");
        }
        if (outputName.contains("/") || outputName.contains("\\")) {
            throw new InvalidInputException("item " + id + ": the output name must be a file name without folders, was "
                    + outputName);
        }
    }

    /** The mask, if any. */
    public Optional<Path> maskFile() {
        return Optional.ofNullable(mask);
    }

    /** The instruction, if this item is an edit. */
    public Optional<String> editInstruction() {
        return instruction == null || instruction.isBlank() ? Optional.empty() : Optional.of(instruction);
    }
}
