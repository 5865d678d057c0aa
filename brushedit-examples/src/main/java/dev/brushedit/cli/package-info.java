/**
 * The {@code brushedit} command-line tool ({@link dev.brushedit.cli.BrushEditCli}): {@code inpaint},
 * {@code edit}, {@code segment} and {@code info}, with documented exit codes.
 */
package dev.brushedit.cli;
