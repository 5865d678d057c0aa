/**
 * Implementation of {@code dev.brushedit.segment}: letterboxing, box geometry, mask-logit statistics and
 * Pillow-compatible resizing. Not API: may change in any release and is not exported.
 */
package dev.brushedit.segment.internal;
