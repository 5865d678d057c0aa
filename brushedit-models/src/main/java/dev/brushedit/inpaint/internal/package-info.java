/**
 * Implementation of {@code dev.brushedit.inpaint}: the backends (diffusion, PatchMatch), condition
 * building, work-region planning and stage timing. It never depends on the API package above it. Not
 * API: may change in any release and is not exported.
 */
package dev.brushedit.inpaint.internal;
