/**
 * Runs many inpaintings or instruction edits in one go, for {@code brushedit batch} and the Spark job:
 * the items ({@link dev.brushedit.batch.BatchInputs}: a folder of images with a mask folder, or a CSV of
 * image,instruction rows), one worker holding one model load ({@link dev.brushedit.batch.EditWorker}),
 * a runner that skips finished outputs, logs a failing item and goes on
 * ({@link dev.brushedit.batch.BatchRunner}), and the results table ({@link dev.brushedit.batch.ResultsCsv}).
 */
package dev.brushedit.batch;
