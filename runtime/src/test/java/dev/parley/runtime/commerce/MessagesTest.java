package dev.parley.runtime.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import dev.parley.runtime.message.Messages;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private final Messages messages = new Messages("orderagent");

    @Test
    void aCustomerIsAnsweredInHindiOnlyWhenTheirLanguageIsHindi() {
        assertThat(messages.get("hi-IN", "order.cancelled", "12")).isEqualTo("Order #12 cancel ho gaya.");
        assertThat(messages.get("en", "order.cancelled", "12")).isEqualTo("Order #12 is cancelled.");
        assertThat(messages.get(null, "order.cancelled", "12")).isEqualTo("Order #12 is cancelled.");
        assertThat(messages.get("fr", "order.cancelled", "12")).isEqualTo("Order #12 is cancelled.");
    }

    @Test
    void aQuoteWrittenTwiceShowsOnce() {
        assertThat(new Messages("quoting").get("en", "quoted", "Asha")).isEqualTo("Don't wait, Asha.");
        assertThat(messages.get("en", "owner.help")).contains("\"approve 12\"");
    }

    /** Every customer-facing message has its Hindi; only the owners' messages may be English alone. */
    @Test
    void theHindiBundleHasEveryCustomerMessage() throws IOException {
        Set<String> missing = new TreeSet<>(keys("messages/orderagent.properties"));
        missing.removeAll(keys("messages/orderagent_hi.properties"));
        missing.removeIf(key -> key.startsWith("owner.") || key.equals("not.owner") || key.startsWith("button.approve")
                || key.startsWith("button.reject"));
        assertThat(missing).isEmpty();
    }

    private static Set<String> keys(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties.stringPropertyNames();
    }
}
