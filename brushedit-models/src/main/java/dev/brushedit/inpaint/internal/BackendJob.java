package dev.brushedit.inpaint.internal;

import dev.brushedit.core.scheduler.SchedulerOverrides;
import dev.brushedit.core.scheduler.SchedulerType;
import dev.brushedit.models.text.PromptSyntax;

/**
 * What a backend needs from an inpainting request, resolved by the public {@code Inpainter}: this
 * layer never sees the public request type, so it does not depend on the API package above it.
 *
 * <p>Thread-safety: immutable.
 *
 * @param prompt the prompt
 * @param negativePrompt the negative prompt
 * @param steps the number of denoising steps
 * @param guidanceScale the classifier-free guidance scale (at most 1: unguided)
 * @param preservationScale the BrushNet feature scale
 * @param brushnetStart the fraction of the steps at which the BrushNet features start
 * @param brushnetEnd the fraction of the steps at which they end
 * @param strength the img2img strength (1: start from pure noise)
 * @param scheduler the scheduler family
 * @param numOutputs how many images to generate
 * @param promptSyntax how the prompts are tokenized
 * @param schedulerOptions changes to the folder's scheduler configuration
 */
public record BackendJob(String prompt, String negativePrompt, int steps, double guidanceScale, double preservationScale,
        double brushnetStart, double brushnetEnd, double strength, SchedulerType scheduler, int numOutputs,
        PromptSyntax promptSyntax, SchedulerOverrides schedulerOptions) {}
