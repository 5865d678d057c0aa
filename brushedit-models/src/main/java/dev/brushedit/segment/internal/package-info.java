/**
 * Implementation of {@code dev.brushedit.segment}: letterboxing, box geometry, mask-logit statistics, GrabCut
 * (k-means, colour mixtures, Boykov-Kolmogorov max-flow) and
 * Pillow-compatible resizing. Not API: may change in any release and is not exported.
 */
package dev.brushedit.segment.internal;
