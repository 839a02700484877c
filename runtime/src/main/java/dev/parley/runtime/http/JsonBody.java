package dev.parley.runtime.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;

/** Reads a request body that should be a JSON object, or says what is wrong with it. */
public final class JsonBody {

    private JsonBody() {
    }

    /** The body as a JSON object; a {@link BadInput} that says why not otherwise. */
    public static JsonObject object(byte[] body) throws BadInput {
        if (body == null || body.length == 0) {
            throw new BadInput("the body is empty; a JSON object is expected");
        }
        try {
            Object parsed = Json.decodeValue(Buffer.buffer(body));
            if (parsed instanceof JsonObject object) {
                return object;
            }
        } catch (DecodeException e) {
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
