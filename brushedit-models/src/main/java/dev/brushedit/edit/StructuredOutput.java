package dev.brushedit.edit;

/**
 * How {@link OpenAiInstructor} asks the server for JSON ({@code response_format} in the
 * chat-completions request). Whatever the mode, the reply is parsed tolerantly: the first JSON
 * object in the text is used, with code fences, comments, single quotes and trailing commas allowed.
 *
 * <p>Thread-safety: immutable.
 */
public enum StructuredOutput {
    /**
     * Starts with {@link #JSON_SCHEMA}; when the server answers HTTP 400 (it does not know the
     * option) falls back to {@link #JSON_OBJECT}, then to {@link #NONE}, and keeps the mode once a
     * request with it has succeeded. A 400 for another reason is reported after the last fallback
     * (three requests) and changes nothing.
     */
    AUTO,
    /** {@code response_format: {type: json_schema}} with a strict schema (OpenAI, vLLM, LM Studio). */
    JSON_SCHEMA,
    /** {@code response_format: {type: json_object}} (JSON mode without a schema; Ollama, older servers). */
    JSON_OBJECT,
    /** No {@code response_format}; the prompt alone asks for JSON (servers that reject the option). */
    NONE
}
