package dev.brushedit.batch;

import dev.brushedit.core.Checks;
import dev.brushedit.core.InputLimits;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.ImageFiles;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.edit.EditOverrides;
import dev.brushedit.edit.EditPlan;
import dev.brushedit.edit.EditResult;
import dev.brushedit.edit.ExecutorPreference;
import dev.brushedit.edit.InstructionEditor;
import dev.brushedit.edit.MaskSource;
import dev.brushedit.edit.OfflineInstructor;
import dev.brushedit.edit.UnsupportedEditException;
import dev.brushedit.inpaint.InpaintRequest;
import dev.brushedit.inpaint.InpaintResult;
import dev.brushedit.inpaint.Inpainter;
import dev.brushedit.inpaint.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Carries out batch items with one inpainter (one model load for the whole batch): an item with a
 * mask and no instruction is inpainted with the request; an item with an instruction is edited by an
 * {@link InstructionEditor} (offline instructor) over the same inpainter, with the item's mask as the
 * object's mask when it has one. An edit the inpainter cannot honour (an addition without a diffusion
 * model) is refused before any work, like {@code brushedit edit}. Outputs are written atomically (a
 * temporary file moved into place), so an output file that exists is complete.
 *
 * <p>Thread-safety: safe for concurrent use when its inpainter is (the shipped backends are); each
 * call works on its own images. The worker owns the inpainter: {@link #close()} closes it.
 */
public final class EditWorker implements AutoCloseable {
    /** The gray level from which a mask pixel counts as white. */
    public static final int MASK_THRESHOLD = 128;

    private final Inpainter inpainter;
    private final InpaintRequest request;
    private final InstructionEditor editor;
    private final InputLimits limits;

    /**
     * A worker over {@code inpainter}, which it takes ownership of.
     *
     * @param inpainter the inpainter every item uses
     * @param request the inpainting request (prompt, steps, seed...) of mask items; edits take its
     *     settings with their plan's caption as the prompt
     * @param preference who carries out edits (see {@link ExecutorPreference})
     * @param limits the largest image accepted
     */
    public EditWorker(Inpainter inpainter, InpaintRequest request, ExecutorPreference preference, InputLimits limits) {
        this.inpainter = Checks.notNull("inpainter", inpainter);
        this.request = Checks.notNull("request", request);
        this.limits = Checks.notNull("limits", limits);
        this.editor = InstructionEditor.builder().instructor(OfflineInstructor.create()).inpainter(inpainter)
                .executorPreference(Checks.notNull("preference", preference))
                .request(request.toBuilder().negativePrompt(request.negativePrompt().isEmpty()
                        ? InstructionEditor.DEFAULT_NEGATIVE_PROMPT : request.negativePrompt()).build())
                .build();
    }

    /** The inpainting backend's name, e.g. {@code patchmatch} or {@code brushnet}. */
    public String backendName() {
        return inpainter.backendName();
    }

    /**
     * Runs {@code item} and writes its output to {@code output} (PNG or JPEG by its extension).
     *
     * @throws dev.brushedit.core.BrushEditException when the item cannot be done (missing files, a
     *     refused edit, a failed model run); nothing is written then
     */
    public ItemOutcome run(BatchItem item, Path output, ProgressListener listener) {
        Checks.notNull("item", item);
        Checks.notNull("output", output);
        Checks.notNull("listener", listener);
        RgbImage image = ImageFiles.read(readable(item.image(), "image"), limits);
        Mask mask = null;
        if (item.mask() != null) {
            mask = Mask.fromImage(ImageFiles.read(readable(item.mask(), "mask"), limits), MASK_THRESHOLD);
            limits.checkSameSize(image, mask);
        }
        if (item.editInstruction().isEmpty()) {
            InpaintResult result = inpainter.inpaint(image, mask, request, listener, null);
            ImageFiles.write(result.image(), output);
            return ItemOutcome.of("inpainter/" + result.provenance().backend(), "", result.provenance());
        }
        return edit(image, mask, item.instruction(), output, listener);
    }

    private ItemOutcome edit(RgbImage image, Mask mask, String instruction, Path output, ProgressListener listener) {
        InstructionEditor run = editor.toBuilder().maskSource(mask != null ? MaskSource.of(mask) : (img, plan) -> {
            throw new InvalidInputException("the " + plan.category() + " edit needs the mask of \"" + plan.targetObject()
                    + "\": give the item a mask (white = the object)");
        }).build();
        try {
            return edit(run, image, instruction, output, listener);
        } catch (UnsupportedEditException e) {
            throw new InvalidInputException(refusal(e), e);
        }
    }

    private static ItemOutcome edit(InstructionEditor run, RgbImage image, String instruction, Path output,
            ProgressListener listener) {
        EditPlan plan = run.plan(image, instruction);
        boolean png = output.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png");
        if (!png && run.executorFor(plan, run.executorPreference()).makesTransparent(plan)) {
            throw new InvalidInputException("\"" + instruction + "\" makes the background transparent, which only PNG keeps; "
                    + "write this item as .png");
        }
        EditResult result = run.edit(image, instruction, EditOverrides.builder().plan(plan).build(), listener, null);
        if (result.alpha().isPresent()) {
            ImageFiles.writePng(result.image(), result.alpha().get(), output);
        } else {
            ImageFiles.write(result.image(), output);
        }
        EditPlan used = result.plan();
        return ItemOutcome.of(result.executor(), used.category() + " \"" + used.targetObject() + "\" -> \""
                + used.targetCaption() + "\"", result.provenance());
    }

    /** The refusal in the terms of the batch tools' flags (both the CLI and the Spark job take --model). */
    static String refusal(UnsupportedEditException e) {
        String what = e.category().map(c -> "cannot carry out the " + c + " edit " + e.reason()).orElse(e.reason());
        return switch (e.remedy()) {
            case DIFFUSION_MODEL -> what + "; give --model DIR, a BrushNet or SD inpainting folder made by tools/exporter";
            case DIFFUSION_EXECUTOR -> what + "; the --model given can do it: use --executor auto or diffusion";
            default -> what + "; rephrase the instruction";
        };
    }

    private static Path readable(Path file, String what) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new InvalidInputException("the " + what + " " + file + " does not exist or is not a readable file");
        }
        return file;
    }

    /** Closes the inpainter (its model sessions). */
    @Override
    public void close() {
        inpainter.close();
    }
}
