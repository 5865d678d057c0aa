/**
 * {@code brushedit serve}: an HTTP server over one shared inpainter and instruction editor, with a
 * JSON API (inpaint, edit, segment, plan), jobs with progress as server-sent events and
 * cancellation, a bounded queue, request size limits, an OpenAPI description and a browser editor.
 * {@link dev.brushedit.server.BrushEditServer} is the entry point; the rest is package-private.
 */
package dev.brushedit.server;
