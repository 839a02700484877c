package dev.parley.runtime.understanding;

import java.util.List;

/** Finds the order lines in a customer's free text; none for a question or a greeting. */
public interface OrderExtractor {

    List<OrderLine> extract(String text, Vocabulary vocabulary);
}
