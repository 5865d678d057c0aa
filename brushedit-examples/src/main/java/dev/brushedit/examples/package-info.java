/**
 * Runnable examples of the public API, one per entry point; each has a {@code main} and is run by the
 * examples tests.
 */
package dev.brushedit.examples;
