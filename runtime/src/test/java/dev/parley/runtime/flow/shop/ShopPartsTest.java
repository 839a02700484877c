package dev.parley.runtime.flow.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** The shop's pure parts: its buttons read back, checkout's checks of what customers type, and its words in Hindi. */
class ShopPartsTest {

    @Test
    void aButtonIsReadOnlyInItsOwnForm() {
        assertThat(Press.read("s:p:12:3")).contains(new Press("p", List.of(12L, 3L)));
        assertThat(Press.read("s:cart")).contains(new Press("cart", List.of()));
        assertThat(Press.read(Press.id("a", 4, 2))).contains(new Press("a", List.of(4L, 2L)));
        assertThat(Press.read("s:p:12:3:4:5")).as("at most three numbers").isEmpty();
        assertThat(Press.read("s:p:-1")).isEmpty();
        assertThat(Press.read("s:p:1234567890123456789")).as("19 digits do not fit a long").isEmpty();
        assertThat(Press.read("o:1:confirm")).isEmpty();
        assertThat(Press.read("s:P:1")).isEmpty();
        assertThat(Press.read(null)).isEmpty();
        assertThat(new Press("c", List.of(7L)).number(1, 0)).isZero();
    }

    @Test
    void checkoutTakesNamesPhonesAndAddressesAsPeopleTypeThem() {
        assertThat(Delivery.name("  Meera   Iyer ")).contains("Meera Iyer");
        assertThat(Delivery.name("मीरा")).contains("मीरा");
        assertThat(Delivery.name("A")).isEmpty();
        assertThat(Delivery.name("12345")).as("a name has a letter").isEmpty();
        assertThat(Delivery.name("x".repeat(61))).isEmpty();

        assertThat(Delivery.phone("+91 98765 43210")).contains("+919876543210");
        assertThat(Delivery.phone("(080) 2345-6789")).contains("08023456789");
        assertThat(Delivery.phone("98765")).as("too few digits").isEmpty();
        assertThat(Delivery.phone("+1234567890123456")).as("too many digits").isEmpty();
        assertThat(Delivery.phone("call me")).isEmpty();
        assertThat(Delivery.phone("98765 43210 ext")).isEmpty();

        assertThat(Delivery.address("12 MG Road\nBengaluru 560001")).contains("12 MG Road, Bengaluru 560001");
        assertThat(Delivery.address("short")).isEmpty();
        assertThat(Delivery.address("y".repeat(301))).isEmpty();
        assertThat(Optional.of(Delivery.address(" ,,,,,,,,,,,,").isPresent())).contains(false);
    }

    /** Every customer-facing message has its Hindi; only the owners' messages may be English alone. */
    @Test
    void theHindiBundlesHaveEveryCustomerMessage() throws IOException {
        for (String bundle : List.of("shop", "fulfilment")) {
            Set<String> missing = new TreeSet<>(keys("messages/" + bundle + ".properties"));
            missing.removeAll(keys("messages/" + bundle + "_hi.properties"));
            missing.removeIf(key -> key.startsWith("owner.") || key.equals("button.accept") || key.equals("button.reject")
                    || key.equals("button.ship") || key.equals("button.deliver"));
            assertThat(missing).as(bundle).isEmpty();
        }
        assertThat(Screens.BUNDLE.get("hi", "added", 2, "Chai")).isEqualTo("2 x Chai cart me daal diya.");
    }

    private static Set<String> keys(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ShopPartsTest.class.getClassLoader().getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties.stringPropertyNames();
    }
}
