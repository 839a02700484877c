package dev.parley.runtime.http;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.TreeSet;

import io.vertx.core.json.JsonObject;

/**
 * Reads the fields of a JSON request body, each with a message that names the field and says what it should
 * be. Decimals may come as JSON numbers or strings; a number is read through its shortest decimal form, which is
 * exact for the 15 significant digits a double keeps (far more than any meter column holds).
 */
public final class JsonInput {

    private final JsonObject body;

    private JsonInput(JsonObject body) {
        this.body = body;
    }

    /** The body as a JSON object with none but the given fields, so that a misspelt field ("colour") is not ignored. */
    public static JsonInput of(byte[] body, Set<String> fields) throws BadInput {
        JsonObject object = JsonBody.object(body);
        Set<String> unknown = new TreeSet<>(object.fieldNames());
        unknown.removeAll(fields);
        if (!unknown.isEmpty()) {
            throw new BadInput("unknown field" + (unknown.size() == 1 ? " " : "s ") + quoted(unknown) + "; the fields are " + quoted(new TreeSet<>(fields)));
        }
        return new JsonInput(object);
    }

    /** A string that is present and not blank. */
    public String text(String field) throws BadInput {
        String value = optionalText(field);
        if (value == null) {
            throw new BadInput("\"" + field + "\" is required");
        }
        return value;
    }

    /** A string, or null when the field is absent, null or blank. */
    public String optionalText(String field) throws BadInput {
        Object value = body.getValue(field);
        if (value != null && !(value instanceof String)) {
            throw new BadInput("\"" + field + "\" is a string");
        }
        if (value != null && ((String) value).indexOf('\u0000') >= 0) {
            throw new BadInput("\"" + field + "\" contains the NUL character (U+0000), which cannot be stored");
        }
        return value == null || ((String) value).isBlank() ? null : ((String) value).strip();
    }

    /** A whole number, 0 or more. */
    public long count(String field, String what) throws BadInput {
        BigDecimal value = decimal(field, what);
        try {
            long count = value.longValueExact();
            if (count < 0) {
                throw new BadInput("\"" + field + "\" cannot be negative: " + what);
            }
            return count;
        } catch (ArithmeticException e) {
            throw new BadInput("\"" + field + "\" is a whole number: " + what);
        }
    }

    /** A decimal number, as a JSON number or a string. */
    public BigDecimal decimal(String field, String what) throws BadInput {
        Object value = body.getValue(field);
        if (value == null) {
            throw new BadInput("\"" + field + "\" is required: " + what);
        }
        try {
            if (value instanceof Number || value instanceof String) {
                return new BigDecimal(value.toString().strip());
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new BadInput("\"" + field + "\" is a number: " + what);
    }

    /** A JSON boolean, or null when the field is absent or null. */
    public Boolean optionalFlag(String field) throws BadInput {
        Object value = body.getValue(field);
        if (value != null && !(value instanceof Boolean)) {
            throw new BadInput("\"" + field + "\" is true or false");
        }
        return (Boolean) value;
    }

    /** Whether the body has the field (null or not). */
    public boolean has(String field) {
        return body.containsKey(field);
    }

    /** An ISO-8601 instant with an offset ({@code 2026-03-01T09:30:00+05:30}), or null when absent. */
    public Instant optionalInstant(String field) throws BadInput {
        String value = optionalText(field);
        try {
            return value == null ? null : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadInput("\"" + field + "\" is a date and time with an offset, like 2026-03-01T09:30:00+05:30");
        }
    }

    private static String quoted(Set<String> names) {
        return "\"" + String.join("\", \"", names) + "\"";
    }
}
