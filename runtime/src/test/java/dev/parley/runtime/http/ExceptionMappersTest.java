package dev.parley.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

/** What each failure answers, and the messages of a body that is not a JSON object. */
class ExceptionMappersTest {

    private final ExceptionMappers mappers = new ExceptionMappers();

    @Test
    void theClientsMistakesAnswerWithTheirMessageAndReason() {
        assertAnswer(mappers.badInput(new BadInput("\"name\" is required")), 400, new ErrorBody("\"name\" is required", null));
        assertAnswer(mappers.notFound(new NotFound("there is no order 7", "NOT_FOUND")), 404, new ErrorBody("there is no order 7", "NOT_FOUND"));
        assertAnswer(mappers.conflict(new Conflict("approved already")), 409, ErrorBody.of("approved already"));
    }

    @Test
    void anUnexpectedFailureSaysTryAgainAndKeepsItsCauseToTheLog() {
        assertAnswer(ExceptionMappers.tryAgain(new IllegalStateException("connection refused: db:5432"), "GET /api/v1/orders"), 503,
                ErrorBody.of(ExceptionMappers.TRY_AGAIN));
    }

    @Test
    void jaxRsExceptionsKeepTheirOwnAnswer() {
        Response answer = mappers.unexpected(new NotFoundException(), null);
        assertThat(answer.getStatus()).isEqualTo(404);
    }

    @Test
    void aWebhookAsksToBeDeliveredAgain() {
        Response answer = Errors.deliverAgain();
        assertAnswer(answer, 503, ErrorBody.of("temporarily unable to take the update; deliver it again"));
        assertThat(answer.getHeaderString("Retry-After")).isEqualTo("1");
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsSaidSo() {
        assertThatThrownBy(() -> JsonBody.object(new byte[0])).isInstanceOf(BadInput.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> JsonBody.object(bytes("[1]"))).isInstanceOf(BadInput.class).hasMessage("the body must be a JSON object");
        assertThatThrownBy(() -> JsonBody.object(bytes("{\"a\": "))).isInstanceOf(BadInput.class).hasMessageStartingWith("the body is not valid JSON: ");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void assertAnswer(Response answer, int status, ErrorBody body) {
        assertThat(answer.getStatus()).isEqualTo(status);
        assertThat(answer.getMediaType()).isEqualTo(MediaType.APPLICATION_JSON_TYPE);
        assertThat(answer.getEntity()).isEqualTo(body);
    }
}
