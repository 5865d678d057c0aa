/**
 * Finding and segmenting objects: an open-vocabulary detector (OWLv2,
 * {@link dev.brushedit.segment.OpenVocabularyDetector}) and SAM ({@link dev.brushedit.segment.SamModel}),
 * with prompts, predictions and automatic masks, and the weight-free {@link dev.brushedit.segment.GrabCut}
 * (the object inside a box, by colour). Independent of instruction editing.
 */
package dev.brushedit.segment;
