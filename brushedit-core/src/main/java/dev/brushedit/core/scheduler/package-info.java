/**
 * Diffusion noise schedulers with diffusers parity (DDIM, DDPM, PNDM, LMS, Euler, Euler ancestral, Heun,
 * DPM-Solver++, UniPC, LCM), created from a {@link dev.brushedit.core.scheduler.SchedulerConfig} (read
 * from a {@code scheduler_config.json}) by {@link dev.brushedit.core.scheduler.SchedulerType}.
 */
package dev.brushedit.core.scheduler;
