package dev.parley.runtime.flow.orderagent;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.parley.runtime.config.CommerceSettings;
import dev.parley.runtime.conversation.Conversation;
import dev.parley.runtime.conversation.Flow;
import dev.parley.runtime.message.InboundMessage;
import dev.parley.runtime.message.Messages;
import dev.parley.runtime.message.OutboundMessage;
import dev.parley.runtime.understanding.Intent;
import dev.parley.runtime.understanding.IntentClassifier;
import dev.parley.runtime.understanding.OrderExtractor;
import dev.parley.runtime.understanding.OrderLine;
import dev.parley.runtime.understanding.ReplyClassifier;
import dev.parley.runtime.understanding.RuleBasedExtractor;
import dev.parley.runtime.understanding.VocabularySource;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The textile business's order agent (docs/architecture.md): a message from one of the owners' chats goes to the
 * {@link OwnerDesk}, a language choice is taken at once, and everything else is the customer's turn in the
 * order's state machine ({@link CustomerTurns}). A model, when the Bot has one, reads order lines before the
 * transaction ({@link #understand}).
 */
public final class OrderAgentFlow implements Flow {

    public static final String NAME = "orderAgent";

    private final OrderExtractor extractor;
    /** The rules, when the extractor is a model: for texts that are no order lines, and a model's fallback. */
    private final RuleBasedExtractor rules;
    private final VocabularySource vocabulary;
    /** The rules' reading of replies: always at hand, and what decides whether a model is asked anything. */
    private final IntentClassifier intents;
    /** What reads replies the rules cannot place: the rules themselves, or a model ({@code spec.ai}). */
    private final ReplyClassifier replies;
    private final CustomerTurns customers;
    private final OwnerDesk owners;
    private final CommerceSettings commerce;

    OrderAgentFlow(OrderExtractor extractor, VocabularySource vocabulary, IntentClassifier intents, CustomerTurns customers,
            OwnerDesk owners, CommerceSettings commerce) {
        this(extractor, intents, vocabulary, intents, customers, owners, commerce);
    }

    OrderAgentFlow(OrderExtractor extractor, ReplyClassifier replies, VocabularySource vocabulary, IntentClassifier intents,
            CustomerTurns customers, OwnerDesk owners, CommerceSettings commerce) {
        this.extractor = extractor;
        this.replies = replies;
        this.rules = extractor instanceof RuleBasedExtractor r ? r : new RuleBasedExtractor();
        this.vocabulary = vocabulary;
        this.intents = intents;
        this.customers = customers;
        this.owners = owners;
        this.commerce = commerce;
    }

    @Override
    public String initialState() {
        return CustomerTurns.COLLECTING;
    }

    /** A customer who has not chosen a language is answered in the one they write, if the bot speaks it. */
    @Override
    public List<String> languages() {
        return commerce.languages();
    }

    /**
     * Reads the order lines of a text before the transaction, so that nothing inside it waits for a second pool
     * connection (the catalog's words are read here, through the pool, with no connection held). A model reads them
     * when the Bot has one and the text may hold lines (not for a plain yes or no); otherwise the rules do. When
     * replies are read by a model too, it is asked what a reply means if the rules can neither place it (UNKNOWN)
     * nor find order lines in it: a plain yes or no, or an order, costs no tokens.
     */
    @Override
    public Uni<Object> understand(InboundMessage message) {
        if (message.text() == null) {
            return Uni.createFrom().nullItem();
        }
        String text = message.text();
        Intent byRules = intents.classify(text);
        boolean modelReadsLines = !(extractor instanceof RuleBasedExtractor);
        boolean askReplies = !(replies instanceof IntentClassifier) && byRules == Intent.UNKNOWN;
        if (!askReplies && !(modelReadsLines && mayHoldLines(byRules))) {
            return vocabulary.current().map(words -> new Understood(rules.extract(text, words)));
        }
        return vocabulary.current().emitOn(Infrastructure.getDefaultWorkerPool()).map(words -> {
            List<OrderLine> read = rules.extract(text, words);
            Intent intent = askReplies && read.isEmpty() ? replies.classify(text) : null;
            boolean model = modelReadsLines && mayHoldLines(intent != null ? intent : byRules);
            return new Understood(model ? extractor.extract(text, words) : read, intent);
        });
    }

    /** What was read before the transaction: the order lines, and what a model made of a reply (null if not asked). */
    record Understood(List<OrderLine> lines, Intent intent) {

        Understood(List<OrderLine> lines) {
            this(lines, null);
        }
    }

    private static boolean mayHoldLines(Intent intent) {
        return intent == Intent.UNKNOWN || intent == Intent.EDIT || intent == Intent.ADD || intent == Intent.ALTERNATIVE;
    }

    @Override
    public List<OutboundMessage> expired(String state, String language) {
        return CustomerTurns.COLLECTING.equals(state) ? List.of()
                : List.of(OutboundMessage.text(Say.BUNDLE.get(Messages.language(language), "expired")));
    }

    @Override
    public Uni<Turn> handle(Conversation conversation, InboundMessage message, Context context) {
        Turn stay = new Turn(conversation.state(), conversation.data(), List.of());
        Say say = new Say(Messages.language(conversation.language() != null ? conversation.language() : commerce.defaultLanguage()),
                commerce.currency());
        Optional<CommerceSettings.Owner> owner = commerce.owner(message.channel(), message.chatId());
        if (message.buttonId() != null && message.buttonId().startsWith(OwnerDesk.BUTTON_PREFIX)) {
            return owner.isEmpty() ? Uni.createFrom().item(reply(stay, say.message("not.owner")))
                    : owners.button(context.tx(), owner.get(), message.buttonId()).map(replies -> reply(stay, replies));
        }
        if (owner.isPresent() && message.text() != null) {
            Optional<Uni<List<OutboundMessage>>> command = owners.command(context.tx(), owner.get(), message.text());
            if (command.isPresent()) {
                return command.get().map(replies -> reply(stay, replies));
            }
        }
        if (message.text() != null) {
            Optional<String> language = languageChoice(message.text());
            if (language.isPresent()) {
                Say chosen = new Say(language.get(), commerce.currency());
                return Uni.createFrom().item(new Turn(conversation.state(), conversation.data(),
                        List.of(chosen.message("language.changed")), language.get()));
            }
        }
        return customers.turn(new CustomerTurns.Step(conversation, message, context, say, Draft.of(conversation.data())));
    }

    private static Optional<String> languageChoice(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "hindi", "हिंदी", "hindi me", "hindi mein" -> Optional.of(Messages.HINDI);
            case "english", "angrezi", "english me", "english mein" -> Optional.of(Messages.ENGLISH);
            default -> Optional.empty();
        };
    }

    private static Turn reply(Turn stay, OutboundMessage message) {
        return reply(stay, List.of(message));
    }

    private static Turn reply(Turn stay, List<OutboundMessage> messages) {
        return new Turn(stay.state(), stay.data(), messages);
    }
}
