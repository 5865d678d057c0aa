/**
 * Prompt text to token ids for Stable Diffusion 1.x's CLIP text encoder: {@link
 * dev.brushedit.models.text.ClipTokenizer} (OpenAI CLIP's BPE tokenizer in pure Java),
 * {@link dev.brushedit.models.text.PromptParser} (the A1111 {@code (word:1.3)} / {@code (word)} /
 * {@code [word]} weighting syntax) and {@link dev.brushedit.models.text.TokenizedPrompt} (77-id windows
 * with per-token weights for prompts of any length). No ONNX Runtime code lives here.
 */
package dev.brushedit.models.text;
