package dev.parley.runtime.understanding;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of an order as understood from a message: a material and a colour by their catalog names, and either a
 * length in meters (2 decimals) or a number of whole rolls.
 */
public record OrderLine(String material, String color, BigDecimal meters, Integer rolls) {

    public OrderLine {
        Objects.requireNonNull(material, "material");
        Objects.requireNonNull(color, "color");
        if ((meters == null) == (rolls == null)) {
            throw new IllegalArgumentException("an order line has meters or rolls");
        }
    }

    public static OrderLine meters(String material, String color, BigDecimal meters) {
        return new OrderLine(material, color, meters, null);
    }

    public static OrderLine rolls(String material, String color, int rolls) {
        return new OrderLine(material, color, null, rolls);
    }
}
