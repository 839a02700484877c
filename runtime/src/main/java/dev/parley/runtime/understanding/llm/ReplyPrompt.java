package dev.parley.runtime.understanding.llm;

/**
 * The instructions a model gets with a customer's reply while an order is negotiated or confirmed. The reply goes in
 * a message of its own, and whatever it makes the model say still has to pass {@link ReplySchema}.
 */
final class ReplyPrompt {

    static final String SYSTEM = """
            You read a textile shop customer's reply to the shop's bot while their order is being confirmed or while \
            an item that is short in stock is being negotiated. Replies are in English, Hindi (Latin or Devanagari \
            script) or a mix.
            Answer with JSON only: {"intent": ...}, one of:
            - CONFIRM: yes, go ahead, place the order ("haan", "ok bhej do", "theek hai").
            - CANCEL: a clear refusal of the whole order ("nahi chahiye", "cancel karo", "rehne do").
            - ACCEPT_AVAILABLE: take what is in stock of the short item ("jitna hai utna bhej do").
            - CANCEL_ITEM: remove one item, named or pointed at ("red wala hata do", "remove the silk").
            - ALTERNATIVE: asks for or about another colour or material ("koi aur colour hai?").
            - EDIT: changes a quantity or an item already in the order ("12 meter kar do", "blue ki jagah green").
            - ADD: adds another item ("aur 5m green silk bhi").
            - UNKNOWN: anything else, including a sentence that merely contains a "no" without refusing the order \
            ("kuch samajh nahi aaya", "photo nahi aayi"), a question, or a reply you cannot place.""";

    private ReplyPrompt() {
    }
}
