package dev.brushedit.edit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brushedit.core.image.Box;

/**
 * Turns the box in a model reply into a {@link Box} in pixels of the original image: reads the
 * accepted shapes, rejects non-numbers and NaN/infinity, decides the units ({@link BoxUnits}),
 * orders the corners, scales from the sent image to the original, and clamps to the image.
 *
 * <p>Accepted shapes: an array {@code [x0, y0, x1, y1]}; an object with {@code x0, y0, x1, y1},
 * {@code xmin, ymin, xmax, ymax} or {@code left, top, right, bottom} (corners), or with
 * {@code x, y, width, height} (or {@code w, h}; top-left corner and size); either with numbers
 * written as strings; or a string holding such an array.
 *
 * <p>Thread-safety: stateless.
 */
final class MllmBoxes {
    private static final String[][] CORNER_NAMES = {
        {"x0", "y0", "x1", "y1"}, {"xmin", "ymin", "xmax", "ymax"}, {"left", "top", "right", "bottom"}};

    private MllmBoxes() {}

    /**
     * The box for an ADDITION edit.
     *
     * @param node the reply's box value
     * @param sentWidth width of the image as sent
     * @param sentHeight height of the image as sent
     * @param width width of the original image
     * @param height height of the original image
     * @throws MllmException when the value is missing, not four finite numbers, or empty once
     *     clamped to the image; the message quotes the raw value
     */
    static Box read(JsonNode node, BoxUnits units, int sentWidth, int sentHeight, int width, int height, String url) {
        double[] v = corners(node, url);
        if (v[0] > v[2]) {
            swap(v, 0, 2);
        }
        if (v[1] > v[3]) {
            swap(v, 1, 3);
        }
        BoxUnits decided = units == BoxUnits.AUTO ? decide(v, sentWidth, sentHeight) : units;
        double sx = (double) width / sentWidth;
        double sy = (double) height / sentHeight;
        switch (decided) {
            case NORMALIZED:
                sx = width;
                sy = height;
                break;
            case PER_MILLE:
                sx = width / 1000.0;
                sy = height / 1000.0;
                break;
            default:
                break;
        }
        int x0 = clamp(Math.floor(v[0] * sx), width);
        int y0 = clamp(Math.floor(v[1] * sy), height);
        int x1 = clamp(Math.ceil(v[2] * sx), width);
        int y1 = clamp(Math.ceil(v[3] * sy), height);
        if (x1 <= x0 || y1 <= y0) {
            String raw = MllmText.snippet(node.toString());
            throw new MllmException("the model at " + url + " gave the box " + raw + " (read as " + decided
                    + "), which is empty once clamped to the " + width + "x" + height
                    + " image; expected a box inside the image with x0 < x1 and y0 < y1", 200, raw, null);
        }
        return new Box(x0, y0, x1, y1);
    }

    /** The units {@link BoxUnits#AUTO} picks for sorted corners {@code v}. */
    static BoxUnits decide(double[] v, int sentWidth, int sentHeight) {
        double min = Math.min(v[0], v[1]);
        double max = Math.max(v[2], v[3]);
        if (min >= 0 && max <= 1) {
            return BoxUnits.NORMALIZED;
        }
        if (min >= -1 && v[2] <= sentWidth + 1 && v[3] <= sentHeight + 1) {
            return BoxUnits.PIXELS;
        }
        if (min >= 0 && max <= 1000) {
            return BoxUnits.PER_MILLE;
        }
        return BoxUnits.PIXELS;
    }

    private static double[] corners(JsonNode node, String url) {
        if (node != null && node.isTextual()) {
            JsonNode parsed = MllmJson.parseLenient(node.asText());
            if (parsed != null && !parsed.isTextual()) {
                return corners(parsed, url);
            }
        }
        if (node != null && node.isArray() && node.size() == 4) {
            return new double[] {number(node, node.get(0), url), number(node, node.get(1), url),
                number(node, node.get(2), url), number(node, node.get(3), url)};
        }
        if (node != null && node.isObject()) {
            for (String[] names : CORNER_NAMES) {
                if (node.has(names[0]) && node.has(names[1]) && node.has(names[2]) && node.has(names[3])) {
                    return new double[] {number(node, node.get(names[0]), url), number(node, node.get(names[1]), url),
                        number(node, node.get(names[2]), url), number(node, node.get(names[3]), url)};
                }
            }
            JsonNode w = node.has("width") ? node.get("width") : node.get("w");
            JsonNode h = node.has("height") ? node.get("height") : node.get("h");
            if (node.has("x") && node.has("y") && w != null && h != null) {
                double x = number(node, node.get("x"), url);
                double y = number(node, node.get("y"), url);
                return new double[] {x, y, x + number(node, w, url), y + number(node, h, url)};
            }
        }
        String raw = node == null ? "missing" : MllmText.snippet(node.toString());
        throw new MllmException("the model at " + url + " gave no usable box for an ADDITION edit, was " + raw
                + "; expected [x0, y0, x1, y1]", 200, raw, null);
    }

    private static double number(JsonNode box, JsonNode value, String url) {
        double d = Double.NaN;
        if (value != null && value.isNumber()) {
            d = value.doubleValue();
        } else if (value != null && value.isTextual()) {
            try {
                d = Double.parseDouble(value.asText().strip());
            } catch (NumberFormatException e) {
                d = Double.NaN;
            }
        }
        if (!Double.isFinite(d)) {
            String raw = MllmText.snippet(box.toString());
            throw new MllmException("the model at " + url + " gave a box with a value that is not a finite number: "
                    + raw + "; expected four numbers", 200, raw, null);
        }
        return d;
    }

    private static int clamp(double v, int limit) {
        return (int) Math.max(0, Math.min(limit, v));
    }

    private static void swap(double[] v, int i, int j) {
        double t = v[i];
        v[i] = v[j];
        v[j] = t;
    }
}
