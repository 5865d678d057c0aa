/**
 * Evaluation harnesses behind the figures in BENCHMARKS.md (PatchMatch on synthetic holes).
 */
package dev.brushedit.examples.eval;
