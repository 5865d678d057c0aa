package dev.brushedit.batch;

import dev.brushedit.core.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 comma-separated values: fields with commas, quotes or line breaks are quoted, quotes
 * inside doubled. Enough for the batch's input and results tables.
 *
 * <p>Thread-safety: stateless.
 */
public final class Csv {
    private Csv() {}

    /**
     * Splits {@code text} into records of fields. Blank lines are skipped; a quoted field may span
     * lines. {@code source} names the text in error messages.
     */
    public static List<List<String>> parse(String text, String source) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int line = 1;
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    line += c == '\n' ? 1 : 0;
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                endRecord(records, record, field, wasQuoted);
                record = new ArrayList<>();
                wasQuoted = false;
                line++;
            } else if (wasQuoted) {
                throw new InvalidInputException(source + " line " + line + ": text after a closing quote; "
                        + "a quote inside a quoted field must be doubled (\"\")");
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new InvalidInputException(source + ": a quoted field is not closed (line " + line + ")");
        }
        endRecord(records, record, field, wasQuoted);
        return records;
    }

    private static void endRecord(List<List<String>> records, List<String> record, StringBuilder field, boolean wasQuoted) {
        if (record.isEmpty() && field.length() == 0 && !wasQuoted) {
            return;  // a blank line
        }
        record.add(field.toString());
        field.setLength(0);
        records.add(List.copyOf(record));
    }

    /** One record as a line (with a trailing newline), quoting the fields that need it. */
    public static String line(List<String> fields) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            String f = fields.get(i) == null ? "" : fields.get(i);
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                b.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                b.append(f);
            }
        }
        return b.append('\n').toString();
    }
}
