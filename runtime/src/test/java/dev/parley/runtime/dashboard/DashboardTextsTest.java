package dev.parley.runtime.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.parley.runtime.commerce.order.Checkout;
import dev.parley.runtime.commerce.order.Decision;
import dev.parley.runtime.commerce.order.Fulfilment;
import dev.parley.runtime.commerce.order.InvoiceResend;
import dev.parley.runtime.commerce.order.Order;

/** The dashboard's words: every one a template or the menu asks for is in English and in Hindi. */
class DashboardTextsTest {

    private static final Pattern USED = Pattern.compile("t\\.get\\('([^']+)'");

    @Test
    void everyTextUsedIsInBothLanguages() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> templates = Files.list(Path.of("src/main/resources/templates/dashboard"))) {
            for (Path template : templates.toList()) {
                Matcher m = USED.matcher(Files.readString(template));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        Nav.ENTRIES.forEach(entry -> used.add(entry.textKey()));
        for (Order.State state : Order.State.values()) {
            used.add("state." + state.name());
        }
        for (Order.State state : Order.State.values()) {
            used.add("events.state." + state.name());
        }
        for (Fulfilment step : Fulfilment.values()) {
            used.add("events.step." + step.name());
        }
        for (int status : new int[] {400, 401, 403, 404, 409, 413, 500, 503}) {
            used.add("error.title." + ErrorPages.kind(status));
            used.add("error.text." + ErrorPages.kind(status));
        }
        for (String key : List.of("done.term", "done.synonym", "error.word", "error.kind", "error.taken", "error.unknown")) {
            used.add("catalog." + key);
        }
        for (InvoiceResend.Why why : InvoiceResend.Why.values()) {
            used.add("refused." + why.name());
        }
        for (Decision.Reason reason : Decision.Reason.values()) {
            used.add("refused." + reason.name());
        }
        for (Fulfilment step : Fulfilment.values()) {
            used.addAll(Set.of("fulfilment." + step.name(), "fulfilment.step." + step.name(), "fulfilment.moved." + step.name()));
        }
        for (Checkout.Payment payment : Checkout.Payment.values()) {
            used.add("payment." + payment.name());
        }
        for (String status : Set.of("RUNNING", "SUCCEEDED", "FAILED", "ABANDONED")) {
            used.add("syncRun.status." + status);
        }
        Set.of("added", "changed", "deactivated").forEach(done -> used.add("products.done." + done));
        Set.of("price", "stock", "skuTaken", "noProduct").forEach(error -> used.add("products.error." + error));
        Set.of("running", "upload").forEach(error -> used.add("syncRuns.error." + error));
        assertThat(used).hasSizeGreaterThan(50);
        Set<String> english = keys("messages/dashboard.properties");
        Set<String> hindi = keys("messages/dashboard_hi.properties");
        assertThat(english).containsAll(used);
        assertThat(hindi).isEqualTo(english);
        assertThat(new Texts("hi").get("nav.customers")).isEqualTo("ग्राहक");
        assertThat(new Texts("fr").get("nav.customers")).isEqualTo("Customers");
    }

    private static Set<String> keys(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = DashboardTextsTest.class.getClassLoader().getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties.stringPropertyNames();
    }
}
