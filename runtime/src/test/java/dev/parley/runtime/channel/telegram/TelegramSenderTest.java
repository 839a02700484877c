package dev.parley.runtime.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import dev.parley.runtime.message.OutboundMessage;
import dev.parley.runtime.outbox.ChannelSender;
import dev.parley.runtime.testing.FakeTelegram;
import io.vertx.core.json.JsonObject;

/**
 * The sender against a local HTTP server that answers as the Bot API documents
 * (https://core.telegram.org/bots/api#making-requests): {"ok":true,"result":...} or
 * {"ok":false,"error_code":...,"description":...,"parameters":{"retry_after":...}}.
 */
class TelegramSenderTest {

    private static final String TOKEN = "123456:AAE-secret-token";

    private HttpServer server;
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final List<JsonObject> bodies = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String answer = "{\"ok\":true,\"result\":{\"message_id\":7}}";

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            paths.add(exchange.getRequestURI().getPath());
            bodies.add(new JsonObject(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private TelegramSender sender() {
        return new TelegramSender(new TelegramClient("http://127.0.0.1:" + server.getAddress().getPort() + "/", TOKEN, Duration.ofSeconds(5)), TelegramSender.LIMITS);
    }

    @Test
    void aReplyWithButtonsIsASendMessageWithAnInlineKeyboard() {
        OutboundMessage reply = new OutboundMessage("Confirm 10m blue cotton?",
                List.of(new OutboundMessage.Button("confirm", "Yes"), new OutboundMessage.Button("cancel", "No")));

        ChannelSender.Result result = sender().send("4242", reply).await().indefinitely();

        assertThat(result).isInstanceOf(ChannelSender.Sent.class);
        assertThat(paths).containsExactly("/bot" + TOKEN + "/sendMessage");
        assertThat(bodies.get(0)).isEqualTo(new JsonObject("""
                {"chat_id": "4242", "text": "Confirm 10m blue cotton?",
                 "reply_markup": {"inline_keyboard": [[{"text": "Yes", "callback_data": "confirm"}],
                                                      [{"text": "No", "callback_data": "cancel"}]]}}"""));
    }

    @Test
    void aMenuIsAPersistentReplyKeyboardAndAListHasNoLinkPreviews() {
        OutboundMessage.Display menu = new OutboundMessage.Display(List.of(List.of("New", "Random"), List.of("Watches")), false);
        sender().send("4242", OutboundMessage.text("Welcome").with(menu)).await().indefinitely();
        sender().send("4242", new OutboundMessage("1. Chablis https://shop/p/1", List.of(new OutboundMessage.Button("cw:p:1", "1")))
                .with(new OutboundMessage.Display(List.of(), true))).await().indefinitely();

        assertThat(bodies.get(0)).isEqualTo(new JsonObject("""
                {"chat_id": "4242", "text": "Welcome",
                 "reply_markup": {"keyboard": [[{"text": "New"}, {"text": "Random"}], [{"text": "Watches"}]],
                                  "is_persistent": true, "resize_keyboard": true}}"""));
        assertThat(bodies.get(1).getJsonObject("link_preview_options")).isEqualTo(new JsonObject().put("is_disabled", true));
        assertThat(bodies.get(1).getJsonObject("reply_markup").containsKey("inline_keyboard")).isTrue();
    }

    @Test
    void anOutboxRowWrittenBeforeDisplayExistedStillReads() {
        OutboundMessage old = OutboundMessage.fromJson(new JsonObject("{\"text\": \"hi\", \"buttons\": []}"));
        assertThat(old.display()).isEqualTo(OutboundMessage.Display.PLAIN);
        OutboundMessage shown = OutboundMessage.text("x").with(new OutboundMessage.Display(List.of(List.of("A")), true));
        assertThat(OutboundMessage.fromJson(shown.toJson())).isEqualTo(shown);
        assertThat(OutboundMessage.text("x").toJson().containsKey("display")).as("a plain message's JSON is as before").isFalse();
    }

    @Test
    void plainTextHasNoKeyboard() {
        sender().send("4242", OutboundMessage.text("Thank you")).await().indefinitely();

        assertThat(bodies.get(0).containsKey("reply_markup")).isFalse();
    }

    @Test
    void tooManyRequestsIsRetriedAfterWhatTelegramSays() {
        status = 429;
        answer = "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 7\",\"parameters\":{\"retry_after\":7}}";

        ChannelSender.Result result = sender().send("4242", OutboundMessage.text("hi")).await().indefinitely();

        assertThat(result).isEqualTo(new ChannelSender.Retry("Too Many Requests: retry after 7", Duration.ofSeconds(7)));
    }

    @Test
    void aBlockedBotIsAPermanentFailure() {
        status = 403;
        answer = "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}";

        assertThat(sender().send("4242", OutboundMessage.text("hi")).await().indefinitely())
                .isEqualTo(new ChannelSender.Failed("403 Forbidden: bot was blocked by the user"));
    }

    @Test
    void aServerErrorIsRetriedWithTheOutboxBackoff() {
        status = 502;
        answer = "<html>Bad Gateway</html>";

        assertThat(sender().send("4242", OutboundMessage.text("hi")).await().indefinitely())
                .isEqualTo(new ChannelSender.Retry("502 HTTP 502", null));
    }

    @Test
    void anUnreachableTelegramIsRetriedAndTheReasonNeverShowsTheToken() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        TelegramSender unreachable = new TelegramSender(new TelegramClient("http://127.0.0.1:" + closedPort, TOKEN, Duration.ofSeconds(2)), TelegramSender.LIMITS);

        ChannelSender.Result result = unreachable.send("4242", OutboundMessage.text("hi")).await().indefinitely();

        assertThat(result).isInstanceOf(ChannelSender.Retry.class);
        assertThat(((ChannelSender.Retry) result).reason()).doesNotContain(TOKEN).startsWith("Telegram not reachable");
    }

    @Test
    void aDocumentIsUploadedWithSendDocumentAsMultipartWithItsCaptionAndButtons() {
        try (FakeTelegram telegram = new FakeTelegram()) {
            byte[] pdf = "%PDF-1.7 invoice\n\u0000\u00ff binary".getBytes(StandardCharsets.ISO_8859_1);
            TelegramSender sender = new TelegramSender(new TelegramClient(telegram.url(), TOKEN, Duration.ofSeconds(5)), TelegramSender.LIMITS);
            OutboundMessage invoice = new OutboundMessage("Invoice INV-7", List.of(new OutboundMessage.Button("paid", "Paid")),
                    new OutboundMessage.Document("INV-7.pdf", "application/pdf", pdf));

            ChannelSender.Result result = sender.send("4242", invoice).await().indefinitely();

            assertThat(result).isEqualTo(new ChannelSender.Sent("101"));
            FakeTelegram.Call call = telegram.calls("sendDocument").get(0);
            assertThat(call.body().getString("chat_id")).isEqualTo("4242");
            assertThat(call.body().getString("caption")).isEqualTo("Invoice INV-7");
            assertThat(new JsonObject(call.body().getString("reply_markup")).getJsonArray("inline_keyboard")).hasSize(1);
            assertThat(call.files().get("document")).isEqualTo(pdf);
        }
    }

    @Test
    void editMessageTextReplacesTheTextAndRemovesTheKeyboard() {
        try (FakeTelegram telegram = new FakeTelegram()) {
            TelegramClient client = new TelegramClient(telegram.url(), TOKEN, Duration.ofSeconds(5));

            long sent = client.sendMessage("4242", "Confirm?", List.of(new OutboundMessage.Button("o:1:confirm", "Confirm"))).await().indefinitely()
                    .body().getJsonObject("result").getLong("message_id");

            TelegramClient.Answer answer = client.editMessageText("4242", sent, "Order confirmed", List.of()).await().indefinitely();

            assertThat(answer.ok()).isTrue();
            assertThat(telegram.calls("editMessageText").get(0).body()).isEqualTo(new JsonObject(
                    "{\"chat_id\": \"4242\", \"message_id\": " + sent + ", \"text\": \"Order confirmed\", \"reply_markup\": {\"inline_keyboard\": []}}"));
        }
    }

    @Test
    void aSlotMessageEditsTheMessageThatHoldsItAndAnUneditableOneIsSentAnew() {
        try (FakeTelegram telegram = new FakeTelegram()) {
            TelegramSender sender = new TelegramSender(new TelegramClient(telegram.url(), TOKEN, Duration.ofSeconds(5)), TelegramSender.LIMITS);
            OutboundMessage home = new OutboundMessage("Home", List.of(new OutboundMessage.Button("s:cart", "Cart (0)"))).inSlot("home", false);
            ChannelSender.Sent first = (ChannelSender.Sent) sender.send("4242", home).await().indefinitely();

            OutboundMessage cart = new OutboundMessage("Your cart is empty.", List.of(new OutboundMessage.Button("s:h", "Close shop"))).inSlot("home", false);
            ChannelSender.Result edited = sender.replace("4242", first.messageId(), cart).await().indefinitely();
            ChannelSender.Result unchanged = sender.replace("4242", first.messageId(), cart).await().indefinitely();
            ChannelSender.Result gone = sender.replace("4242", "999999", home).await().indefinitely();

            assertThat(edited).isEqualTo(new ChannelSender.Sent(first.messageId()));
            assertThat(unchanged).as("Telegram's 'message is not modified' is no failure").isEqualTo(new ChannelSender.Sent(first.messageId()));
            assertThat(gone).isInstanceOf(ChannelSender.Sent.class).isNotEqualTo(new ChannelSender.Sent(first.messageId()));
            assertThat(telegram.calls("editMessageText")).hasSize(3);
            assertThat(telegram.calls("sendMessage")).extracting(c -> c.body().getString("text")).containsExactly("Home", "Home");
        }
    }

    @Test
    void aPhotoGoesBySendPhotoWithItsCaptionAndButtonsAndIsNeverAnEdit() {
        try (FakeTelegram telegram = new FakeTelegram()) {
            TelegramSender sender = new TelegramSender(new TelegramClient(telegram.url(), TOKEN, Duration.ofSeconds(5)), TelegramSender.LIMITS);
            ChannelSender.Sent text = (ChannelSender.Sent) sender.send("4242", OutboundMessage.text("Home")).await().indefinitely();
            OutboundMessage card = new OutboundMessage("Filter coffee", List.of(new OutboundMessage.Button("s:q:3:0", "Add to cart")))
                    .withPhoto("https://example.com/coffee.jpg").inSlot("home", false);

            ChannelSender.Result result = sender.replace("4242", text.messageId(), card).await().indefinitely();

            assertThat(result).isInstanceOf(ChannelSender.Sent.class);
            assertThat(telegram.calls("editMessageText")).isEmpty();
            JsonObject photo = telegram.calls("sendPhoto").get(0).body();
            assertThat(photo.getString("photo")).isEqualTo("https://example.com/coffee.jpg");
            assertThat(photo.getString("caption")).isEqualTo("Filter coffee");
            assertThat(photo.getJsonObject("reply_markup").getJsonArray("inline_keyboard")).hasSize(1);
        }
    }
}
