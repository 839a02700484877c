package dev.parley.runtime.http;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What every error answer of the runtime's HTTP edge carries: {@code {"error": "..."}}, a message a person can act
 * on, and where the API gives one a {@code reason} a program can branch on ({@code {"error": "...", "reason":
 * "ALREADY_APPROVED"}}).
 */
@Schema(name = "Error", description = "An error answer: what went wrong, said so that a person can act on it")
public record ErrorBody(
        @Schema(required = true, description = "What went wrong, and what to change") String error,
        @Schema(description = "A reason a program can branch on, where the operation documents one; absent otherwise")
        @JsonInclude(JsonInclude.Include.NON_NULL) String reason) {

    public static ErrorBody of(String error) {
        return new ErrorBody(error, null);
    }
}
