package dev.brushedit.core.scheduler;

/**
 * The supported schedulers, each named after the diffusers class it reproduces.
 *
 * <p>Thread-safety: immutable.
 */
public enum SchedulerType {
    /** {@code DDIMScheduler}. */
    DDIM("DDIMScheduler"),
    /** {@code PNDMScheduler} (PLMS; PRK steps skipped as SD1.5 configures). */
    PNDM("PNDMScheduler"),
    /** {@code LMSDiscreteScheduler}. */
    LMS("LMSDiscreteScheduler"),
    /** {@code EulerDiscreteScheduler}. */
    EULER("EulerDiscreteScheduler"),
    /** {@code EulerAncestralDiscreteScheduler}. */
    EULER_ANCESTRAL("EulerAncestralDiscreteScheduler"),
    /** {@code HeunDiscreteScheduler}. */
    HEUN("HeunDiscreteScheduler"),
    /** {@code DPMSolverMultistepScheduler}. */
    DPM_SOLVER_MULTISTEP("DPMSolverMultistepScheduler"),
    /** {@code UniPCMultistepScheduler}. */
    UNIPC("UniPCMultistepScheduler"),
    /** {@code LCMScheduler}. */
    LCM("LCMScheduler"),
    /** {@code DDPMScheduler}. */
    DDPM("DDPMScheduler");

    private final String diffusersName;

    SchedulerType(String diffusersName) {
        this.diffusersName = diffusersName;
    }

    /** The diffusers class name, as found in {@code scheduler_config.json}'s {@code _class_name}. */
    public String diffusersName() {
        return diffusersName;
    }
}
