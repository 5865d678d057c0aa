/**
 * Implementation of {@code dev.brushedit.models}: the ONNX Runtime session wrapper with pinned native
 * buffers, graph contract checks, file hashes, tile blending and the value ranges the request
 * builders share. Not API: may change in any release and
 * is not exported.
 */
package dev.brushedit.models.internal;
