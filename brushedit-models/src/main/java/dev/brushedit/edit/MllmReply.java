package dev.brushedit.edit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Box;
import dev.brushedit.edit.structure.ObjectMotion;
import java.util.Optional;

/**
 * Reads a chat-completions reply into an {@link EditPlan}: takes the first choice's message text
 * (a string or a list of text parts), refuses refusals and length-truncated answers, finds the
 * first JSON object in the text and checks each field. Text fields are treated as data: cleaned
 * and capped ({@link MllmText}); the box is read and clamped by {@link MllmBoxes}.
 *
 * <p>Thread-safety: stateless.
 */
final class MllmReply {
    /**
     * The foreground kept by a BACKGROUND edit whose reply names no subject (the editor inverts
     * this object's mask; same default as the offline instructor's).
     */
    private static final String ENVELOPE = "a chat completion with choices[0].message.content";
    private static final String PLAN = "a JSON object with category, target_object, box, offset, scale and target_caption";

    static final String BACKGROUND_FOREGROUND = "main subject";

    private MllmReply() {}

    /**
     * The assistant's text in a chat-completions body.
     *
     * @throws MllmException when the body is empty, not JSON, has no message text, or the model
     *     refused or was cut off
     */
    static String content(String body, String url) {
        if (body == null || body.isBlank()) {
            throw new MllmException("the model at " + url + " sent an empty reply (HTTP 200); expected a chat completion",
                    200, "", null);
        }
        JsonNode root;
        try {
            root = MllmJson.STRICT.readTree(body);
        } catch (JsonProcessingException e) {
            throw bad(url, "is not JSON", body, e, ENVELOPE);
        }
        JsonNode choice = root.path("choices").path(0);
        JsonNode message = choice.path("message");
        if (message.path("refusal").isTextual() && !message.path("refusal").asText().isBlank()) {
            throw bad(url, "is a refusal", message.path("refusal").asText(), null);
        }
        String text = text(message.path("content"));
        if ("length".equals(choice.path("finish_reason").asText(""))) {
            throw bad(url, "was cut off at the server's token limit", text == null ? body : text, null);
        }
        if (text == null || text.isBlank()) {
            throw bad(url, "holds no message text in choices[0].message.content", body, null, ENVELOPE);
        }
        return text;
    }

    /**
     * The plan in the assistant's text.
     *
     * @throws MllmException when the text holds no JSON object or a field is missing or unusable
     */
    static EditPlan plan(String text, String instruction, int sentWidth, int sentHeight, int width, int height,
            BoxUnits units, String url) {
        JsonNode plan = MllmJson.firstObject(text);
        if (plan == null) {
            throw bad(url, "holds no complete JSON object", text, null);
        }
        JsonNode categoryNode = plan.get("category");
        if (categoryNode == null || !categoryNode.isValueNode() || categoryNode.isNull()) {
            throw bad(url, "has no \"category\" string", text, null);
        }
        EditCategory category = MllmText.category(categoryNode.asText(), url);
        String object = category == EditCategory.GLOBAL ? "" : MllmText.targetObject(string(plan, "target_object"));
        if (object.isEmpty() && category == EditCategory.BACKGROUND) {
            object = BACKGROUND_FOREGROUND;
        }
        if (object.isEmpty() && category != EditCategory.GLOBAL) {
            throw bad(url, "names no target object for a " + category + " edit", text, null);
        }
        String caption = MllmText.caption(string(plan, "target_caption"));
        if (caption.isEmpty()) {
            throw bad(url, "has no target caption", text, null);
        }
        Optional<Box> box = Optional.empty();
        if (category == EditCategory.ADDITION) {
            box = Optional.of(MllmBoxes.read(plan.get("box"), units, sentWidth, sentHeight, width, height, url));
        }
        Optional<ObjectMotion> motion = Optional.empty();
        if (category == EditCategory.MOVE || category == EditCategory.RESIZE) {
            motion = Optional.of(motion(plan, category, text, (double) width / sentWidth, (double) height / sentHeight, url));
        }
        return new EditPlan(category, object, caption, box, instruction, motion);
    }

    /** The move's offset (scaled from the sent image to the original) or the resize's factor. */
    private static ObjectMotion motion(JsonNode plan, EditCategory category, String text, double sx, double sy, String url) {
        try {
            if (category == EditCategory.RESIZE) {
                JsonNode scale = plan.get("scale");
                if (scale == null || !scale.isNumber()) {
                    throw bad(url, "has no numeric \"scale\" for a resize", text, null);
                }
                return ObjectMotion.scale(scale.asDouble());
            }
            JsonNode offset = plan.get("offset");
            if (offset == null || !offset.isArray() || offset.size() != 2 || !offset.get(0).isNumber()
                    || !offset.get(1).isNumber()) {
                throw bad(url, "has no \"offset\" [dx, dy] for a move", text, null);
            }
            return ObjectMotion.move(offset.get(0).asDouble() * sx, offset.get(1).asDouble() * sy);
        } catch (InvalidInputException e) {
            throw bad(url, "holds an unusable " + (category == EditCategory.RESIZE ? "scale" : "offset") + " ("
                    + e.getMessage() + ")", text, e);
        }
    }

    private static String string(JsonNode plan, String field) {
        JsonNode n = plan.get(field);
        return n != null && n.isValueNode() && !n.isNull() ? n.asText() : "";
    }

    private static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        if (content.isArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode part : content) {
                if (part.path("text").isTextual()) {
                    sb.append(part.path("text").asText());
                }
            }
            return sb.toString();
        }
        return null;
    }

    private static MllmException bad(String url, String what, String raw, Throwable cause) {
        return bad(url, what, raw, cause, PLAN);
    }

    private static MllmException bad(String url, String what, String raw, Throwable cause, String expected) {
        String snippet = MllmText.snippet(raw);
        return new MllmException("the reply from the model at " + url + " " + what + ": \"" + snippet
                + "\"; expected " + expected, 200, snippet, cause);
    }
}
