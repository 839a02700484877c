package dev.parley.runtime.understanding;

/**
 * Reads what a customer's reply means while an order is negotiated or confirmed: the rules
 * ({@link IntentClassifier}), or a model with the rules to fall back on (the Bot's {@code spec.ai}).
 */
public interface ReplyClassifier {

    Intent classify(String text);
}
