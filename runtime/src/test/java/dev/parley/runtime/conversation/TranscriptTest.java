package dev.parley.runtime.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.parley.runtime.message.OutboundMessage;
import dev.parley.runtime.outbox.Outbox;

class TranscriptTest {

    private static final Instant T = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void bothSidesInTimeOrderAndTheCustomerFirstAtTheSameInstant() {
        List<Transcript.Said> customer = List.of(new Transcript.Said("10m blue cotton", null, T), new Transcript.Said("ok", null, T.plusSeconds(5)));
        List<Outbox.Written> bot = List.of(new Outbox.Written(OutboundMessage.text("10 m blue cotton: INR 1,200.00"), null, T, "SENT"),
                new Outbox.Written(OutboundMessage.text("Thank you"), "INV-000001.pdf", T.plusSeconds(6), "FAILED"));

        List<Transcript.Line> lines = Transcript.merge(customer, bot);

        assertThat(lines).extracting(Transcript.Line::text).containsExactly("10m blue cotton", "10 m blue cotton: INR 1,200.00", "ok", "Thank you");
        assertThat(lines).extracting(Transcript.Line::customer).containsExactly(true, false, true, false);
        assertThat(lines.get(3).status()).isEqualTo("FAILED");
        assertThat(lines.get(3).document()).isEqualTo("INV-000001.pdf");
    }

    @Test
    void aButtonPressShowsTheLabelOfTheButtonTheBotOffered() {
        OutboundMessage offer = OutboundMessage.withButtons("Confirm?", new OutboundMessage.Button("confirm:7", "Yes, place it"),
                new OutboundMessage.Button("cancel:7", "No"));
        List<Transcript.Line> lines = Transcript.merge(
                List.of(new Transcript.Said(null, "confirm:7", T.plusSeconds(2)), new Transcript.Said(null, "stale:1", T.plusSeconds(3))),
                List.of(new Outbox.Written(offer, null, T, "SENT")));

        assertThat(lines).extracting(Transcript.Line::text).containsExactly("Confirm?", "[Yes, place it]", "[stale:1]");
    }
}
