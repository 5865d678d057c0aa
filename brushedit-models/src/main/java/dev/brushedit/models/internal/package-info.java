/**
 * Implementation of {@code dev.brushedit.models}: the ONNX Runtime session wrapper with pinned native
 * buffers, graph contract checks, file hashes and tile blending. Not API: may change in any release and
 * is not exported.
 */
package dev.brushedit.models.internal;
