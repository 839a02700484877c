package dev.parley.runtime.flow.shop;

import java.util.Optional;
import java.util.regex.Pattern;

/** What a customer types at checkout, checked: a name, a phone number, an address. Each is the cleaned value or empty. */
final class Delivery {

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9(][0-9 ()-]*[0-9]");

    private Delivery() {
    }

    /** 2 to 60 characters with at least one letter; inner runs of blanks become one space. */
    static Optional<String> name(String text) {
        String name = squeeze(text);
        return name.length() >= 2 && name.length() <= 60 && name.codePoints().anyMatch(Character::isLetter)
                && name.codePoints().noneMatch(Character::isISOControl) ? Optional.of(name) : Optional.empty();
    }

    /** 7 to 15 digits, optionally after a +, with spaces, dashes or brackets between them; kept as {@code +919876543210}. */
    static Optional<String> phone(String text) {
        String phone = text.strip();
        if (!PHONE.matcher(phone).matches()) {
            return Optional.empty();
        }
        String digits = phone.replaceAll("[^0-9]", "");
        return digits.length() >= 7 && digits.length() <= 15 ? Optional.of((phone.startsWith("+") ? "+" : "") + digits) : Optional.empty();
    }

    /** 10 to 300 characters, line breaks kept as ", ". */
    static Optional<String> address(String text) {
        String address = squeeze(text.replaceAll("\\s*[\\r\\n]+\\s*", ", "));
        return address.length() >= 10 && address.length() <= 300 && address.codePoints().anyMatch(Character::isLetterOrDigit)
                ? Optional.of(address) : Optional.empty();
    }

    private static String squeeze(String text) {
        return text.strip().replaceAll("[\\s\\u0000-\\u001f]+", " ");
    }
}
