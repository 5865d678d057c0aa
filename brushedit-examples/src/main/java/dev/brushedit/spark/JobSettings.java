package dev.brushedit.spark;

import dev.brushedit.batch.BatchInputs;
import dev.brushedit.batch.EditWorker;
import dev.brushedit.core.Checks;
import dev.brushedit.core.InputLimits;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.edit.ExecutorPreference;
import dev.brushedit.inpaint.InpaintRequest;
import dev.brushedit.inpaint.Inpainter;
import java.io.Serializable;

/**
 * What every executor needs to build the same worker: the model folder (or none: PatchMatch and the
 * weight-free executors), the request settings and the outputs' folder and format. Sent from the
 * driver to the executors with each task; equal settings share one loaded model per JVM.
 *
 * <p>Thread-safety: immutable.
 *
 * @param model the model folder as the job was given it (a path on every executor, or the name of a
 *     folder shipped with {@code --archives}), or null for the weight-free backend
 * @param outputFolder the folder, on a file system every executor mounts, that outputs are written to
 * @param format the outputs' extension when a row names no output: png, jpg or jpeg
 * @param prompt the prompt of mask-only rows (diffusion backends)
 * @param steps denoising steps
 * @param guidance classifier-free guidance scale
 * @param seed the seed of every item
 * @param executor who carries out edits: auto, diffusion or classical
 */
public record JobSettings(String model, String outputFolder, String format, String prompt, int steps, double guidance,
        long seed, String executor) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Checks every setting (the request's ranges too) on the driver, before any task is sent. */
    public JobSettings {
        Checks.notBlank("outputFolder", outputFolder);
        format = BatchInputs.outputExtension(format);
        Checks.notNull("prompt", prompt);
        preference(executor);
        if (model == null && preference(executor) == ExecutorPreference.DIFFUSION) {
            throw new InvalidInputException("--executor diffusion needs a diffusion model: give --model DIR");
        }
        if (model == null && !prompt.isBlank()) {
            throw new InvalidInputException("--prompt \"" + prompt + "\" needs a diffusion model: without --model, mask-only rows "
                    + "are filled by PatchMatch, which cannot follow a prompt; give --model DIR or leave --prompt out");
        }
        request(prompt, steps, guidance, seed);
    }

    /** Builds the worker these settings describe, loading the model from {@code modelFolder} (null: none). */
    EditWorker openWorker(java.nio.file.Path modelFolder) {
        Inpainter.Builder b = Inpainter.builder();
        if (modelFolder != null) {
            b.checkpoint(modelFolder);
        }
        return new EditWorker(b.build(), request(prompt, steps, guidance, seed), preference(executor), InputLimits.defaults());
    }

    private static InpaintRequest request(String prompt, int steps, double guidance, long seed) {
        return InpaintRequest.builder().prompt(prompt).steps(steps).guidanceScale(guidance).seed(seed).build();
    }

    static ExecutorPreference preference(String executor) {
        return ExecutorPreference.named(executor)
                .orElseThrow(() -> new InvalidInputException("--executor must be auto, diffusion or classical, was " + executor));
    }
}
