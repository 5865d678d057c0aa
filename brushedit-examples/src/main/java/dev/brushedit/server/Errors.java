package dev.brushedit.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brushedit.core.CancelledException;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.edit.ObjectNotFoundException;
import dev.brushedit.edit.UnsupportedEditException;

/**
 * The server's error answers: every failure becomes an {@link ApiException} with an HTTP status,
 * and is answered as {@code {"error": {"status": 422, "field": "instruction", "message": "..."}}}.
 * Messages name request fields and server flags ({@code --model}), never Java classes.
 *
 * <p>Thread-safety: stateless.
 */
final class Errors {
    /** The status of a cancelled job (the request conflicts with its cancellation). */
    static final int CANCELLED = 409;

    private Errors() {}

    static ApiException cancelled() {
        return new ApiException(CANCELLED, null, "the job was cancelled");
    }

    /** The API error for an exception from the SDK or the server. */
    static ApiException toApi(Throwable e) {
        if (e instanceof ApiException api) {
            return api;
        }
        if (e instanceof UnsupportedEditException u) {
            return refusal(u);
        }
        if (e instanceof ObjectNotFoundException n) {
            return ApiException.cannotHonour("objectMask", "nothing was found for \"" + n.targetObject()
                    + "\"; send objectMask (white = the object), mask or box, or name the object differently");
        }
        if (e instanceof CancelledException) {
            return new ApiException(CANCELLED, null, "the job was cancelled", e);
        }
        if (e instanceof InvalidInputException) {
            return new ApiException(400, null, e.getMessage(), e);
        }
        if (e instanceof OutOfMemoryError) {
            return new ApiException(503, null, "the server ran out of memory for this request; send a smaller image", e);
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new ApiException(500, null, "the run failed: " + message.replace('\n', ' '), e);
    }

    /** An unsupported edit in the server's terms: the start flag or request field that would make it possible. */
    static ApiException refusal(UnsupportedEditException e) {
        return refusal(e, "instruction");
    }

    /** As {@link #refusal(UnsupportedEditException)}, blaming {@code field} (the instruction or the plan sent). */
    static ApiException refusal(UnsupportedEditException e, String field) {
        String what = e.category().map(c -> "cannot carry out the " + c + " edit " + e.reason()).orElse(e.reason());
        return switch (e.remedy()) {
            case DIFFUSION_MODEL -> ApiException.cannotHonour(field, what + "; this server has no diffusion model: "
                    + "start it with --model DIR (a BrushNet or SD inpainting folder converted with tools/exporter)");
            case DIFFUSION_EXECUTOR -> ApiException.cannotHonour("executor", what
                    + "; this server's diffusion model can do it: send executor \"auto\" or \"diffusion\"");
            default -> ApiException.cannotHonour(field, what + "; rephrase it, or send a corrected plan");
        };
    }

    /** The JSON body of an error answer. */
    static ObjectNode body(ApiException e) {
        ObjectNode out = Fields.response();
        ObjectNode error = out.putObject("error");
        error.put("status", e.status());
        if (e.field() == null) {
            error.putNull("field");
        } else {
            error.put("field", e.field());
        }
        error.put("message", e.getMessage());
        return out;
    }
}
