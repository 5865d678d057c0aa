package dev.brushedit.server;

import io.javalin.http.Handler;

/**
 * One API route: its method, its path (OpenAPI's {@code {name}} template form, which Javalin
 * shares) and its handler. The server registers exactly the routes of {@link Routes#all}, and the
 * OpenAPI description is tested against the same list.
 *
 * <p>Thread-safety: immutable.
 */
record Route(String method, String path, Handler handler) {}
