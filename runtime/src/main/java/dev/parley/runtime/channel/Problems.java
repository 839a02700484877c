package dev.parley.runtime.channel;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.vertx.core.json.JsonObject;

/** The runtime's HTTP error answers: a status and a message a person can act on, as {@code {"error": "..."}}. */
public final class Problems {

    private Problems() {
    }

    public static Response status(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new JsonObject().put("error", message).encode()).build();
    }

    public static Response badRequest(String message) {
        return status(Response.Status.BAD_REQUEST, message);
    }

    public static Response notFound(String message) {
        return status(Response.Status.NOT_FOUND, message);
    }

    /** The update was not taken (the database is unreachable, say); the sender should deliver it again. */
    public static Response unavailable() {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON).header("Retry-After", "1")
                .entity(new JsonObject().put("error", "temporarily unable to take the update; deliver it again").encode()).build();
    }

    /** Parses a JSON object body, or says what is wrong with it. */
    public static JsonObject parseObject(byte[] body) throws BadInput {
        if (body == null || body.length == 0) {
            throw new BadInput("the body is empty; a JSON object is expected");
        }
        try {
            Object parsed = io.vertx.core.json.Json.decodeValue(io.vertx.core.buffer.Buffer.buffer(body));
            if (parsed instanceof JsonObject object) {
                return object;
            }
        } catch (io.vertx.core.json.DecodeException e) {
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

    /** Input a client sent that cannot be taken as it is. */
    public static final class BadInput extends Exception {
        public BadInput(String message) {
            super(message, null, false, false);
        }
    }
}
