package dev.brushedit.core.scheduler;

import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;

/**
 * The supported schedulers, each named after the diffusers class it reproduces.
 *
 * <p>Thread-safety: immutable.
 */
public enum SchedulerType {
    /** {@code DDIMScheduler}; deterministic unless the config's {@code eta} is above 0. */
    DDIM("DDIMScheduler"),
    /** {@code PNDMScheduler}: Runge-Kutta warm-up then PLMS, or PLMS only with skip_prk_steps (as SD1.5 ships). */
    PNDM("PNDMScheduler"),
    /** {@code LMSDiscreteScheduler}. */
    LMS("LMSDiscreteScheduler"),
    /** {@code EulerDiscreteScheduler}. */
    EULER("EulerDiscreteScheduler"),
    /** {@code EulerAncestralDiscreteScheduler} (stochastic). */
    EULER_ANCESTRAL("EulerAncestralDiscreteScheduler"),
    /** {@code HeunDiscreteScheduler} (two model evaluations per step). */
    HEUN("HeunDiscreteScheduler"),
    /** {@code DPMSolverMultistepScheduler} with algorithm_type dpmsolver++, solver_order 1 to 3. */
    DPM_SOLVER_MULTISTEP("DPMSolverMultistepScheduler"),
    /** {@code UniPCMultistepScheduler} with predict_x0, solver_type bh1 or bh2. */
    UNIPC("UniPCMultistepScheduler"),
    /** {@code LCMScheduler} (stochastic). */
    LCM("LCMScheduler"),
    /** {@code DDPMScheduler} (stochastic; fixed_small, fixed_small_log or fixed_large variance). */
    DDPM("DDPMScheduler");

    private final String diffusersName;

    SchedulerType(String diffusersName) {
        this.diffusersName = diffusersName;
    }

    /** The diffusers class name, as found in {@code scheduler_config.json}'s {@code _class_name}. */
    public String diffusersName() {
        return diffusersName;
    }

    /**
     * A new scheduler of this type built from {@code config}, as diffusers'
     * {@code <Class>.from_config(config)}: keys this type does not read are ignored.
     *
     * @throws InvalidInputException when the config sets a key this type reads to a value that
     *     is not supported (the message names the key)
     */
    public Scheduler create(SchedulerConfig config) {
        Checks.notNull("config", config);
        switch (this) {
            case DDIM: return new DdimScheduler(config);
            case PNDM: return new PndmScheduler(config);
            case LMS: return new LmsScheduler(config);
            case EULER: return new EulerScheduler(config);
            case EULER_ANCESTRAL: return new EulerAncestralScheduler(config);
            case HEUN: return new HeunScheduler(config);
            case DPM_SOLVER_MULTISTEP: return new DpmSolverMultistepScheduler(config);
            case UNIPC: return new UniPcScheduler(config);
            case LCM: return new LcmScheduler(config);
            default: return new DdpmScheduler(config);
        }
    }

    /**
     * The type whose diffusers class name is {@code name} (as in {@code _class_name}).
     *
     * @throws InvalidInputException when no supported scheduler has that name
     */
    public static SchedulerType fromDiffusersName(String name) {
        Checks.notBlank("name", name);
        for (SchedulerType t : values()) {
            if (t.diffusersName.equals(name)) {
                return t;
            }
        }
        StringBuilder known = new StringBuilder();
        for (SchedulerType t : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(t.diffusersName);
        }
        throw new InvalidInputException("scheduler \"" + name + "\" is not supported; supported: " + known);
    }
}
