package dev.brushedit.models.text;

/**
 * How prompt text becomes token ids.
 *
 * <p>Thread-safety: immutable.
 */
public enum PromptSyntax {
    /**
     * The AUTOMATIC1111 conventions (the default): the weighting syntax ({@code (word:1.3)},
     * {@code (word)}, {@code [word]}, escapes) is parsed, and prompts longer than 75 tokens are split
     * into 75-token windows that are encoded separately and concatenated.
     */
    A1111,
    /**
     * diffusers' conventions: the text is taken literally (brackets and colons are ordinary
     * characters) and cut to 77 ids (start, the first 75 tokens, end), then padded, exactly as
     * diffusers' Stable Diffusion pipelines tokenize.
     */
    PLAIN
}
