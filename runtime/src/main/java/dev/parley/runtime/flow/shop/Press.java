package dev.parley.runtime.flow.shop;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A customer's button, read: {@code s:<action>[:<number>...]}. Every button the shop sends has this form; what a
 * press names (a product, a page, a quantity) is checked against the database when it is taken, never trusted.
 *
 * @param action {@code h} home, {@code cats} categories, {@code c} a category's page, {@code p} a product,
 *               {@code q} the quantity screen, {@code a} add, {@code cart}, {@code l} a cart line, {@code inc},
 *               {@code dec}, {@code rm}, {@code co} checkout, {@code saved}, {@code new}, {@code cod}, {@code acct},
 *               {@code ok} confirm, {@code x} cancel checkout, {@code orders}, {@code lang}, {@code en}, {@code hi}
 * @param numbers the numbers that follow, each at most 18 digits
 */
record Press(String action, List<Long> numbers) {

    static final String PREFIX = "s:";
    private static final Pattern FORM = Pattern.compile("s:[a-z]{1,6}(:\\d{1,18}){0,3}");

    /** The press read, or empty when the id is not a shop button (or a malformed one). */
    static Optional<Press> read(String buttonId) {
        if (buttonId == null || !FORM.matcher(buttonId).matches()) {
            return Optional.empty();
        }
        String[] parts = buttonId.split(":");
        return Optional.of(new Press(parts[1], java.util.Arrays.stream(parts, 2, parts.length).map(Long::parseLong).toList()));
    }

    /** The {@code i}th number, or {@code otherwise} when the press has fewer. */
    long number(int i, long otherwise) {
        return i < numbers.size() ? numbers.get(i) : otherwise;
    }

    boolean has(int count) {
        return numbers.size() >= count;
    }

    static String id(String action, long... numbers) {
        StringBuilder id = new StringBuilder(PREFIX).append(action);
        for (long n : numbers) {
            id.append(':').append(n);
        }
        return id.toString();
    }
}
