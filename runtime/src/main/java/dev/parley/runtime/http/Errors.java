package dev.parley.runtime.http;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Error answers as {@link Response}s, for the places that answer rather than throw: a request filter, and the
 * channels' webhooks, which answer every outcome themselves to keep the path of an update short. Elsewhere, throw
 * {@link BadInput}, {@link NotFound} or {@link Conflict} and let {@link ExceptionMappers} answer.
 */
public final class Errors {

    private Errors() {
    }

    public static Response status(Response.Status status, String message) {
        return status(status, ErrorBody.of(message));
    }

    /** Always JSON, whatever else the operation produces (an invoice's PDF, say). */
    public static Response status(Response.Status status, ErrorBody body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    public static Response badRequest(String message) {
        return status(Response.Status.BAD_REQUEST, message);
    }

    public static Response notFound(String message) {
        return status(Response.Status.NOT_FOUND, message);
    }

    /**
     * The request was not taken (the database is unreachable, say) and changed nothing; the sender should deliver it
     * again, as Telegram and WhatsApp do with their updates.
     */
    public static Response deliverAgain() {
        return Response.fromResponse(status(Response.Status.SERVICE_UNAVAILABLE, "temporarily unable to take the update; deliver it again"))
                .header("Retry-After", "1").build();
    }
}
