package dev.brushedit.server;

/**
 * The server's network and queue settings.
 *
 * <p>Thread-safety: immutable.
 *
 * @param host the address to bind (127.0.0.1 by default: reachable from this machine only)
 * @param port the port; 0 picks a free one
 * @param workers threads running requests at once
 * @param queueCapacity requests that may wait for a worker; past that a request gets HTTP 429
 * @param maxRequestBytes largest request body; past that HTTP 413
 */
record ServerSettings(String host, int port, int workers, int queueCapacity, long maxRequestBytes) {}
