/**
 * JMH microbenchmarks behind BENCHMARKS.md. They measure internals (the model wrapper, SAM
 * post-processing) on purpose; they are not API.
 */
package dev.brushedit.bench;
