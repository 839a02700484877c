package dev.parley.runtime.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void theHmacIsRfc4231s() {
        // RFC 4231, test case 2.
        assertThat(WebhookSignature.hmac("Jefe", "what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void theHeaderSignsTheTimestampWithTheBody() {
        String header = WebhookSignature.header("secret", 1700000000L, "{\"id\":1}");
        assertThat(header).isEqualTo("t=1700000000,v1=" + WebhookSignature.hmac("secret", "1700000000.{\"id\":1}"));
        assertThat(header).isNotEqualTo(WebhookSignature.header("secret", 1700000001L, "{\"id\":1}"));
    }
}
