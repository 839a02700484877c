package dev.parley.runtime.http;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.json.JsonObject;

/** Reads a request body that should be a JSON object, or says what is wrong with it. */
public final class JsonBody {

    private static final ObjectMapper EXACT = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    private JsonBody() {
    }

    /** The body as a JSON object; a {@link BadInput} that says why not otherwise. */
    public static JsonObject object(byte[] body) throws BadInput {
        if (body == null || body.length == 0) {
            throw new BadInput("the body is empty; a JSON object is expected");
        }
        try {
            // Numbers as written: a double would read 1.00000000000000000001 as 1 and 2^63 + 1 as 2^63.
            Object parsed = EXACT.readValue(body, Object.class);
            if (parsed instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> fields = (Map<String, Object>) map;
                return new JsonObject(fields);
            }
        } catch (IOException e) {
            throw new BadInput("the body is not valid JSON: " + firstLine(e.getMessage()));
        }
        throw new BadInput("the body must be a JSON object");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
