/**
 * Batch edits on Apache Spark: {@link dev.brushedit.spark.SparkEditJob}, a spark-submit main class that
 * runs the inpaintings and edits of a CSV or Parquet table of image paths with instructions or masks
 * and writes the outputs and a results table. Each executor JVM loads its model once
 * ({@link dev.brushedit.spark.ExecutorEditors}) and closes it at executor shutdown
 * ({@link dev.brushedit.spark.EditorPlugin}) or, failing that, at JVM exit. Spark itself is provided by
 * the cluster.
 */
package dev.brushedit.spark;
