/**
 * Finding and segmenting objects: an open-vocabulary detector (OWLv2,
 * {@link dev.brushedit.segment.OpenVocabularyDetector}) and SAM ({@link dev.brushedit.segment.SamModel}),
 * with prompts, predictions and automatic masks. Independent of instruction editing.
 */
package dev.brushedit.segment;
