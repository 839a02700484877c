package dev.parley.runtime.flow.catalogwatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;

import dev.parley.runtime.catalogwatch.Buttons;
import dev.parley.runtime.catalogwatch.CatalogChanges;
import dev.parley.runtime.catalogwatch.CatalogSearch;
import dev.parley.runtime.catalogwatch.ScrapedProduct;
import dev.parley.runtime.catalogwatch.Watches;
import dev.parley.runtime.commerce.Money;
import dev.parley.runtime.conversation.Conversation;
import dev.parley.runtime.conversation.Flow;
import dev.parley.runtime.message.InboundMessage;
import dev.parley.runtime.message.Messages;
import dev.parley.runtime.message.OutboundMessage;
import dev.parley.runtime.message.OutboundMessage.Button;
import dev.parley.runtime.message.OutboundMessage.Display;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * The catalog-watch flow: customers search a synced web catalog (text, filters, facets, pages), see what is new or a
 * random pick, watch products and hear when they come back ({@code catalogwatch.CatalogChanges} sends the alerts),
 * and ask for products by description ({@code /recommend}). One state, {@code BROWSING}: what the customer is
 * looking at lives in the conversation's data ({@link Listing}), so that every button works on any replica.
 *
 * <p>The main menu (New, Random, Search, Watches, Language) is a persistent reply keyboard on Telegram, whose
 * buttons send their label as text, and inline buttons elsewhere. Any other text is a search.
 */
public final class CatalogWatchFlow implements Flow {

    public static final String NAME = "catalogWatch";
    static final String BROWSING = "BROWSING";
    static final Messages TEXTS = new Messages("catalogwatch");
    static final int PAGE = 5;
    /** Facet values offered as buttons, per facet: with in stock, clear and back, ten at most (WhatsApp's limit). */
    private static final int FACET_BUTTONS = 3;
    private static final int MINOR_FACET_BUTTONS = 2;

    /** The menu's actions; the buttons of the non-Telegram menu are {@code cw:m:<action>}. */
    enum Action {
        NEW, RANDOM, SEARCH, WATCHES, LANGUAGE
    }

    private static final String MENU = "cw:m:";
    private static final String NEXT = "cw:next";
    private static final String PREVIOUS = "cw:prev";
    private static final String FILTERS = "cw:f";
    private static final String BACK = "cw:back";
    private static final String ANOTHER = "cw:rnd";
    private static final String CLEAR = "cw:fx";
    private static final String AVAILABLE = "cw:fa";
    private static final String FACET = "cw:f:";
    private static final String LANGUAGE = "cw:lang:";

    private final List<String> languages;
    private final String defaultLanguage;
    private final String currency;
    private final Recommender recommender;

    /** What finds products by description, before the transaction; absent on a bot without the model. */
    public interface Recommender {
        Uni<List<Long>> similar(String text, int limit);
    }

    /**
     * @param languages the languages offered (the Bot's {@code commerce.languages}), the first the default
     * @param currency  the currency of prices written in a search ("under 30") until the results show the catalog's own
     */
    public CatalogWatchFlow(List<String> languages, String currency, Recommender recommender) {
        this.languages = List.copyOf(languages);
        this.defaultLanguage = Messages.language(languages.get(0));
        this.currency = currency;
        this.recommender = recommender;
    }

    @Override
    public String initialState() {
        return BROWSING;
    }

    @Override
    public List<String> languages() {
        return languages;
    }

    /** What {@code /recommend} found before the transaction: product ids, nearest first. */
    record Recommended(String text, List<Long> ids) {
    }

    @Override
    public Uni<Object> understand(InboundMessage message) {
        Optional<String> wish = message.text() == null ? Optional.empty() : argument(message.text(), "/recommend");
        if (wish.isEmpty() || wish.get().isBlank() || recommender == null) {
            return Uni.createFrom().nullItem();
        }
        return recommender.similar(wish.get(), PAGE).map(ids -> (Object) new Recommended(wish.get(), ids))
                // The model could not run (its native library, say): the customer is told suggestions are unavailable.
                .onFailure().recoverWithItem(e -> new Recommended(wish.get(), null));
    }

    @Override
    public Uni<Turn> handle(Conversation conversation, InboundMessage message, Context context) {
        String language = language(conversation.language());
        Step step = new Step(conversation, message, context.tx(), language);
        if (message.buttonId() != null) {
            return button(step, message.buttonId());
        }
        String text = message.text().strip();
        Optional<Action> menu = menuAction(text);
        if (menu.isPresent()) {
            return action(step, menu.get());
        }
        String command = text.startsWith("/") ? text.split("\\s+", 2)[0].toLowerCase(Locale.ROOT).replaceAll("@.*", "") : "";
        String rest = text.startsWith("/") ? argument(text, command).orElse("") : text;
        return switch (command) {
            case "/start", "/menu" -> Uni.createFrom().item(step.reply(menuMessage(language, message.channel(), "welcome")));
            case "/help" -> Uni.createFrom().item(step.reply(OutboundMessage.text(TEXTS.get(language, "help"))));
            case "/search" -> rest.isBlank() ? action(step, Action.SEARCH) : search(step, rest);
            case "/new" -> list(step, new Listing(Listing.NEW, null, Listing.of(step.data()).filters(), 0, new JsonObject()));
            case "/random" -> random(step);
            case "/watch" -> number(rest).map(id -> watch(step, id))
                    .orElseGet(() -> Uni.createFrom().item(step.reply(OutboundMessage.text(TEXTS.get(language, "watch.usage")))));
            case "/unwatch" -> number(rest).map(id -> unwatch(step, id))
                    .orElseGet(() -> Uni.createFrom().item(step.reply(OutboundMessage.text(TEXTS.get(language, "unwatch.usage")))));
            case "/alerts", "/watches" -> alerts(step);
            case "/recommend" -> recommend(step, context.understood());
            case "/language", "/lang", "/langue" -> rest.isBlank() ? action(step, Action.LANGUAGE) : chooseLanguage(step, rest.strip());
            default -> search(step, text.startsWith("/") ? rest : text);
        };
    }

    /** A message's text after its command, if it starts with {@code command}. */
    private static Optional<String> argument(String text, String command) {
        String stripped = text.strip();
        String first = stripped.split("\\s+", 2)[0].toLowerCase(Locale.ROOT).replaceAll("@.*", "");
        if (!first.equals(command)) {
            return Optional.empty();
        }
        return Optional.of(stripped.length() > first.length() ? stripped.substring(stripped.indexOf(' ') < 0 ? stripped.length()
                : stripped.indexOf(' ')).strip() : "");
    }

    private static Optional<Long> number(String text) {
        String digits = text.strip().replaceFirst("^(?i)(no\\.?|n°|#)\\s*", "");
        return digits.matches("\\d{1,15}") ? Optional.of(Long.parseLong(digits)) : Optional.empty();
    }

    private String language(String known) {
        if (known != null) {
            String language = Messages.language(known);
            if (languages.stream().anyMatch(l -> Messages.language(l).equals(language))) {
                return language;
            }
        }
        return defaultLanguage;
    }

    /** A menu label in any of the flow's languages: the reply keyboard sends the label as text. */
    private Optional<Action> menuAction(String text) {
        for (Action action : Action.values()) {
            for (String language : languages) {
                if (text.equals(TEXTS.get(language, "menu." + action.name().toLowerCase(Locale.ROOT)))) {
                    return Optional.of(action);
                }
            }
        }
        return Optional.empty();
    }

    /** The message with the main menu: Telegram's persistent keyboard, or buttons elsewhere. */
    static OutboundMessage menuMessage(String language, String channel, String key) {
        String text = TEXTS.get(language, key);
        if (channel.equals("telegram")) {
            return OutboundMessage.text(text).with(new Display(List.of(
                    List.of(label(language, Action.NEW), label(language, Action.RANDOM), label(language, Action.SEARCH)),
                    List.of(label(language, Action.WATCHES), label(language, Action.LANGUAGE))), false));
        }
        List<Button> buttons = new ArrayList<>();
        for (Action action : Action.values()) {
            buttons.add(new Button(MENU + action.name().toLowerCase(Locale.ROOT), label(language, action)));
        }
        return new OutboundMessage(text, buttons);
    }

    private static String label(String language, Action action) {
        return TEXTS.get(language, "menu." + action.name().toLowerCase(Locale.ROOT));
    }

    /** One turn's circumstances. */
    private record Step(Conversation conversation, InboundMessage message, SqlConnection tx, String language) {

        JsonObject data() {
            return conversation.data();
        }

        Turn reply(OutboundMessage... messages) {
            return new Turn(BROWSING, data(), List.of(messages));
        }

        Turn reply(JsonObject data, OutboundMessage... messages) {
            return new Turn(BROWSING, data, List.of(messages));
        }

        String text(String key, Object... args) {
            return TEXTS.get(language, key, args);
        }
    }

    private Uni<Turn> action(Step step, Action action) {
        return switch (action) {
            case NEW -> list(step, new Listing(Listing.NEW, null, Listing.of(step.data()).filters(), 0, new JsonObject()));
            case RANDOM -> random(step);
            case SEARCH -> Uni.createFrom().item(step.reply(OutboundMessage.text(step.text("search.prompt"))));
            case WATCHES -> alerts(step);
            case LANGUAGE -> {
                List<Button> buttons = languages.stream().map(l -> new Button(LANGUAGE + l, languageName(l))).toList();
                yield Uni.createFrom().item(step.reply(new OutboundMessage(step.text("language.choose"), buttons)));
            }
        };
    }

    private static String languageName(String language) {
        Locale locale = Locale.forLanguageTag(language);
        String name = locale.getDisplayLanguage(locale);
        return name.isEmpty() ? language : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    private Uni<Turn> chooseLanguage(Step step, String choice) {
        String wanted = choice.toLowerCase(Locale.ROOT);
        for (String language : languages) {
            if (wanted.equals(language) || wanted.equalsIgnoreCase(languageName(language))
                    || wanted.equalsIgnoreCase(Locale.forLanguageTag(language).getDisplayLanguage(Locale.ENGLISH))) {
                String chosen = Messages.language(language);
                return Uni.createFrom().item(new Turn(BROWSING, step.data(), List.of(menuMessage(chosen, step.message().channel(), "language.set")), language));
            }
        }
        return action(step, Action.LANGUAGE);
    }

    private Uni<Turn> button(Step step, String id) {
        Listing listing = Listing.of(step.data());
        if (id.startsWith(MENU)) {
            try {
                return action(step, Action.valueOf(id.substring(MENU.length()).toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return Uni.createFrom().item(step.reply(menuMessage(step.language(), step.message().channel(), "welcome")));
            }
        }
        if (id.startsWith(LANGUAGE)) {
            return chooseLanguage(step, id.substring(LANGUAGE.length()));
        }
        if (id.startsWith(Buttons.PRODUCT)) {
            return productId(id, Buttons.PRODUCT).map(p -> card(step, p)).orElseGet(() -> list(step, listing));
        }
        if (id.startsWith(Buttons.WATCH)) {
            return productId(id, Buttons.WATCH).map(p -> watch(step, p)).orElseGet(() -> list(step, listing));
        }
        if (id.startsWith(Buttons.UNWATCH)) {
            return productId(id, Buttons.UNWATCH).map(p -> unwatch(step, p)).orElseGet(() -> alerts(step));
        }
        return switch (id) {
            case NEXT -> list(step, listing.withPage(listing.page() + 1));
            case PREVIOUS -> list(step, listing.withPage(listing.page() - 1));
            case BACK -> list(step, listing);
            case FILTERS -> filters(step, listing);
            case CLEAR -> list(step, listing.withFilters(CatalogSearch.Filters.NONE));
            case AVAILABLE -> list(step, listing.withFilters(listing.filters().withAvailableOnly(!listing.filters().availableOnly())));
            case ANOTHER -> random(step);
            default -> id.startsWith(FACET) ? facet(step, listing, id.substring(FACET.length())) : list(step, listing);
        };
    }

    private static Optional<Long> productId(String id, String prefix) {
        return number(id.substring(prefix.length()));
    }

    private Uni<Turn> search(Step step, String text) {
        PriceWords words = PriceWords.read(text, currency(step));
        // The facets chosen belonged to the last results; "in stock only" is the customer's habit and stays.
        CatalogSearch.Filters filters = CatalogSearch.Filters.NONE.withAvailableOnly(Listing.of(step.data()).filters().availableOnly())
                .withPrice(words.minMinor(), words.maxMinor());
        return list(step, new Listing(Listing.SEARCH, words.text().isBlank() ? null : words.text(), filters, 0, new JsonObject()));
    }

    /** The catalog's currency: the one its last results were priced in, else the Bot's. */
    private String currency(Step step) {
        return step.data().getString("currency", currency);
    }

    private Uni<Turn> list(Step step, Listing listing) {
        CatalogSearch.Order order = listing.mode().equals(Listing.NEW) ? CatalogSearch.Order.NEWEST : CatalogSearch.Order.RELEVANCE;
        return CatalogSearch.search(step.tx(), listing.text(), listing.filters(), order, listing.page() * PAGE, PAGE).flatMap(page -> {
            int pages = (int) Math.max(1, (page.total() + PAGE - 1) / PAGE);
            if (listing.page() >= pages && listing.page() > 0) {
                return list(step, listing.withPage(pages - 1));
            }
            List<String> lines = new ArrayList<>();
            String heading = listing.mode().equals(Listing.NEW) ? step.text("list.new", page.total())
                    : listing.text() == null ? step.text("list.all", page.total()) : step.text("list.search", listing.text(), page.total());
            lines.add(heading + (pages > 1 ? "  ·  " + step.text("list.page", listing.page() + 1, pages) : ""));
            String priced = page.hits().stream().map(CatalogSearch.Hit::currency).filter(c -> c != null).findFirst().orElse(currency(step));
            describeFilters(step, listing.filters(), priced).ifPresent(lines::add);
            lines.add("");
            List<Button> buttons = new ArrayList<>();
            int n = listing.page() * PAGE;
            String currency = null;
            for (CatalogSearch.Hit hit : page.hits()) {
                n++;
                currency = currency == null ? hit.currency() : currency;
                lines.add(n + ". " + line(step, hit));
                buttons.add(new Button(Buttons.PRODUCT + hit.id(), cut(n + ". " + hit.name(), 40)));
            }
            if (page.hits().isEmpty()) {
                lines.add(step.text("list.empty"));
            } else {
                lines.add("");
                lines.add(step.text("list.open"));
            }
            if (listing.page() > 0) {
                buttons.add(new Button(PREVIOUS, step.text("button.previous")));
            }
            if (listing.page() + 1 < pages) {
                buttons.add(new Button(NEXT, step.text("button.next")));
            }
            if (page.total() > 1 || listing.filters().any()) {
                buttons.add(new Button(FILTERS, step.text("button.filters")));
            }
            JsonObject data = listing.into(step.data());
            if (currency != null) {
                data.put("currency", currency);
            }
            return Uni.createFrom().item(step.reply(data, new OutboundMessage(String.join("\n", lines), buttons).with(new Display(List.of(), true))));
        });
    }

    private static String line(Step step, CatalogSearch.Hit hit) {
        StringBuilder line = new StringBuilder(hit.name());
        if (hit.brand() != null && !hit.name().contains(hit.brand())) {
            line.append(" · ").append(hit.brand());
        }
        if (hit.category() != null) {
            line.append(" · ").append(category(step.language(), hit.category()));
        }
        line.append(" — ").append(CatalogChanges.price(hit.priceMinor(), hit.currency(), step.language()));
        line.append(hit.available() ? " ✅" : " ❌");
        return line.toString();
    }

    private static Optional<String> describeFilters(Step step, CatalogSearch.Filters f, String currency) {
        List<String> parts = new ArrayList<>();
        if (f.category() != null) {
            parts.add(step.text("filter.category", category(step.language(), f.category())));
        }
        if (f.brand() != null) {
            parts.add(step.text("filter.brand", f.brand()));
        }
        if (f.origin() != null) {
            parts.add(step.text("filter.origin", f.origin()));
        }
        if (f.minPriceMinor() != null && f.maxPriceMinor() != null) {
            parts.add(step.text("filter.price.between", money(f.minPriceMinor(), currency), money(f.maxPriceMinor(), currency)));
        } else if (f.maxPriceMinor() != null) {
            parts.add(step.text("filter.price.below", money(f.maxPriceMinor(), currency)));
        } else if (f.minPriceMinor() != null) {
            parts.add(step.text("filter.price.above", money(f.minPriceMinor(), currency)));
        }
        if (f.availableOnly()) {
            parts.add(step.text("filter.available"));
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(step.text("list.filters", String.join(", ", parts)));
    }

    private static String money(long minor, String currency) {
        return Money.format(minor, currency);
    }

    /** A category in the customer's language when the bundle translates it ({@code category.<slug>}), else as the catalog writes it. */
    static String category(String language, String category) {
        String slug = ScrapedProduct.fold(category).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        try {
            return TEXTS.get(language, "category." + slug);
        } catch (MissingResourceException e) {
            return category;
        }
    }

    private static String cut(String text, int most) {
        return text.length() <= most ? text : text.substring(0, most - 1) + "…";
    }

    private Uni<Turn> filters(Step step, Listing listing) {
        return CatalogSearch.facets(step.tx(), listing.text(), listing.filters()).map(facets -> {
            List<String> lines = new ArrayList<>();
            lines.add(step.text("filters.title", facets.total()));
            List<Button> buttons = new ArrayList<>();
            JsonObject offered = new JsonObject();
            facet(step, lines, buttons, offered, "c", "filters.categories", facets.categories(), listing.filters().category(), FACET_BUTTONS);
            facet(step, lines, buttons, offered, "o", "filters.origins", facets.origins(), listing.filters().origin(), MINOR_FACET_BUTTONS);
            facet(step, lines, buttons, offered, "b", "filters.brands", facets.brands(), listing.filters().brand(), MINOR_FACET_BUTTONS);
            lines.add(step.text("filters.available", facets.available()));
            if (!listing.filters().availableOnly() && facets.available() > 0 && facets.available() < facets.total()) {
                buttons.add(new Button(AVAILABLE, step.text("button.available", facets.available())));
            }
            if (listing.filters().any()) {
                buttons.add(new Button(CLEAR, step.text("button.clear")));
            }
            buttons.add(new Button(BACK, step.text("button.back")));
            return step.reply(listing.withOffered(offered).into(step.data()),
                    new OutboundMessage(String.join("\n", lines), buttons).with(new Display(List.of(), true)));
        });
    }

    /** One facet: its values and counts as a line, its first values as buttons (unless it is already chosen). */
    private static void facet(Step step, List<String> lines, List<Button> buttons, JsonObject offered, String key, String title,
            Map<String, Long> values, String chosen, int most) {
        boolean translate = key.equals("c");
        if (values.isEmpty()) {
            return;
        }
        List<String> shown = new ArrayList<>();
        JsonArray offers = new JsonArray();
        values.entrySet().stream().limit(8).forEach(e -> shown.add((translate ? category(step.language(), e.getKey()) : e.getKey()) + " (" + e.getValue() + ")"));
        lines.add(step.text(title, String.join(", ", shown)));
        if (chosen != null || values.size() < 2) {
            return;
        }
        values.entrySet().stream().limit(most).forEach(e -> {
            buttons.add(new Button(FACET + key + ":" + offers.size(),
                    cut((translate ? category(step.language(), e.getKey()) : e.getKey()) + " (" + e.getValue() + ")", 40)));
            offers.add(e.getKey());
        });
        offered.put(key, offers);
    }

    private Uni<Turn> facet(Step step, Listing listing, String choice) {
        String[] parts = choice.split(":", 2);
        String value;
        try {
            value = parts.length == 2 ? listing.offered(parts[0], Integer.parseInt(parts[1])) : null;
        } catch (NumberFormatException e) {
            value = null;
        }
        if (value == null) {
            return list(step, listing);
        }
        CatalogSearch.Filters f = listing.filters();
        return list(step, listing.withFilters(switch (parts[0]) {
            case "c" -> f.withCategory(value);
            case "b" -> f.withBrand(value);
            default -> f.withOrigin(value);
        }));
    }

    private Uni<Turn> random(Step step) {
        return CatalogSearch.random(step.tx(), Listing.of(step.data()).filters()).flatMap(hit -> hit.isEmpty()
                ? Uni.createFrom().item(step.reply(OutboundMessage.text(step.text("random.none"))))
                : card(step, hit.get().id(), new Button(ANOTHER, step.text("button.another"))));
    }

    private Uni<Turn> card(Step step, long productId, Button... extra) {
        return CatalogSearch.product(step.tx(), productId).flatMap(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(step.reply(OutboundMessage.text(step.text("product.gone"))));
            }
            CatalogSearch.Product p = found.get();
            return Watches.of(step.tx(), step.message().channel(), step.message().chatId()).map(watched -> {
                boolean watching = watched.stream().anyMatch(w -> w.productId() == p.id());
                List<String> lines = new ArrayList<>();
                lines.add(p.name());
                List<String> about = new ArrayList<>();
                if (p.brand() != null) {
                    about.add(p.brand());
                }
                if (p.category() != null) {
                    about.add(category(step.language(), p.category()));
                }
                if (p.origin() != null) {
                    about.add(p.origin());
                }
                if (!about.isEmpty()) {
                    lines.add(String.join(" · ", about));
                }
                lines.add(CatalogChanges.price(p.priceMinor(), p.currency(), step.language()) + " — "
                        + step.text(p.delisted() ? "card.delisted" : p.available() ? "card.available" : "card.unavailable"));
                if (p.description() != null) {
                    lines.add("");
                    lines.add(cut(p.description(), 300));
                }
                lines.add("");
                lines.add(step.text("card.number", String.valueOf(p.id())) + (watching ? "  ·  " + step.text("card.watching") : ""));
                if (p.url() != null) {
                    lines.add(p.url());
                }
                List<Button> buttons = new ArrayList<>();
                if (!p.delisted()) {
                    buttons.add(watching ? new Button(Buttons.UNWATCH + p.id(), step.text("button.unwatch"))
                            : new Button(Buttons.WATCH + p.id(), step.text("button.watch")));
                }
                buttons.addAll(List.of(extra));
                if (Listing.of(step.data()).exists(step.data())) {
                    buttons.add(new Button(BACK, step.text("button.back")));
                }
                return step.reply(new OutboundMessage(String.join("\n", lines), buttons));
            });
        });
    }

    private Uni<Turn> watch(Step step, long productId) {
        return CatalogSearch.product(step.tx(), productId).flatMap(found -> {
            if (found.isEmpty() || found.get().delisted()) {
                return Uni.createFrom().item(step.reply(OutboundMessage.text(found.isEmpty()
                        ? step.text("watch.unknown", String.valueOf(productId)) : step.text("product.gone"))));
            }
            String name = found.get().name();
            return Watches.add(step.tx(), step.message().channel(), step.message().chatId(), productId).map(added -> step.reply(
                    OutboundMessage.text(switch (added) {
                        case ADDED -> step.text("watch.added", name);
                        case ALREADY -> step.text("watch.already", name);
                        case TOO_MANY -> step.text("watch.too.many", Watches.MAX_PER_CUSTOMER);
                        case NO_SUCH_PRODUCT -> step.text("watch.unknown", String.valueOf(productId));
                    })));
        });
    }

    private Uni<Turn> unwatch(Step step, long productId) {
        return CatalogSearch.product(step.tx(), productId).flatMap(found -> Watches.remove(step.tx(), step.message().channel(),
                step.message().chatId(), productId).map(removed -> step.reply(OutboundMessage.text(removed && found.isPresent()
                        ? step.text("unwatch.done", found.get().name()) : step.text("unwatch.none")))));
    }

    private Uni<Turn> alerts(Step step) {
        return Watches.of(step.tx(), step.message().channel(), step.message().chatId()).map(watched -> {
            if (watched.isEmpty()) {
                return step.reply(OutboundMessage.text(step.text("alerts.none")));
            }
            List<String> lines = new ArrayList<>();
            lines.add(step.text("alerts.title", watched.size()));
            List<Button> buttons = new ArrayList<>();
            for (Watches.Watched w : watched) {
                String state = step.text(w.delisted() ? "card.delisted" : w.available() ? "card.available" : "card.unavailable");
                lines.add("No. " + w.productId() + " " + w.name() + " — " + CatalogChanges.price(w.priceMinor(), w.currency(), step.language())
                        + " — " + state);
                if (buttons.size() < 10) {
                    buttons.add(new Button(Buttons.PRODUCT + w.productId(), cut(w.name(), 40)));
                }
            }
            return step.reply(new OutboundMessage(String.join("\n", lines), buttons).with(new Display(List.of(), true)));
        });
    }

    private Uni<Turn> recommend(Step step, Object understood) {
        if (recommender == null) {
            return Uni.createFrom().item(step.reply(OutboundMessage.text(step.text("recommend.off"))));
        }
        if (!(understood instanceof Recommended recommended)) {
            return Uni.createFrom().item(step.reply(OutboundMessage.text(step.text("recommend.usage"))));
        }
        if (recommended.ids() == null) {
            return Uni.createFrom().item(step.reply(OutboundMessage.text(step.text("recommend.off"))));
        }
        return CatalogSearch.hits(step.tx(), recommended.ids()).map(hits -> {
            if (hits.isEmpty()) {
                return step.reply(OutboundMessage.text(step.text("recommend.none")));
            }
            List<String> lines = new ArrayList<>();
            lines.add(step.text("recommend.title", recommended.text()));
            lines.add("");
            List<Button> buttons = new ArrayList<>();
            int n = 0;
            for (CatalogSearch.Hit hit : hits) {
                n++;
                lines.add(n + ". " + line(step, hit));
                buttons.add(new Button(Buttons.PRODUCT + hit.id(), cut(n + ". " + hit.name(), 40)));
            }
            return step.reply(new OutboundMessage(String.join("\n", lines), buttons).with(new Display(List.of(), true)));
        });
    }
}
