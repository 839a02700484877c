package dev.parley.runtime.channel.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.parley.runtime.message.OutboundMessage;
import dev.parley.runtime.message.OutboundMessage.Button;
import dev.parley.runtime.outbox.ChannelSender;
import dev.parley.runtime.outbox.ChannelSender.Failed;
import dev.parley.runtime.outbox.ChannelSender.Retry;
import dev.parley.runtime.outbox.ChannelSender.Sent;
import dev.parley.runtime.testing.FakeWhatsApp;
import dev.parley.runtime.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The sender against {@link FakeWhatsApp}, a local server that speaks the Cloud API's wire format. A Quarkus test
 * only for the real PostgreSQL, where the customers' last inbound times (the 24-hour window) are; this app has no
 * WhatsApp channel of its own, so nothing else sends to the fake.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class WhatsAppSenderTest {

    private static final Instant NOW = Instant.parse("2030-03-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String TEMPLATE = "hello_again";
    private static final String MESSAGES = "/" + FakeWhatsApp.VERSION + "/" + FakeWhatsApp.PHONE_NUMBER_ID + "/messages";
    private static final String MEDIA = "/" + FakeWhatsApp.VERSION + "/" + FakeWhatsApp.PHONE_NUMBER_ID + "/media";

    @Inject
    Pool pool;

    private FakeWhatsApp whatsapp;

    @BeforeEach
    void start() {
        whatsapp = new FakeWhatsApp();
    }

    @AfterEach
    void stop() {
        whatsapp.close();
    }

    private WhatsAppSender sender(String template) {
        return sender(whatsapp.apiUrl(), template);
    }

    private WhatsAppSender sender(String apiUrl, String template) {
        WhatsAppClient client = new WhatsAppClient(apiUrl, FakeWhatsApp.PHONE_NUMBER_ID, FakeWhatsApp.TOKEN, Duration.ofSeconds(5));
        return new WhatsAppSender(client, pool, template, WhatsAppSender.LIMITS, CLOCK);
    }

    /** A customer who last wrote {@code ago} before {@link #NOW}. */
    private String customer(String phone, Duration ago, String language) {
        pool.preparedQuery("INSERT INTO customer (channel, chat_id, sender_id, language, last_inbound_at) VALUES ('whatsapp', $1, $1, $2, $3)")
                .execute(Tuple.of(phone, language, NOW.minus(ago).atOffset(ZoneOffset.UTC))).await().indefinitely();
        return phone;
    }

    private String recentCustomer(String phone) {
        return customer(phone, Duration.ofHours(1), null);
    }

    private ChannelSender.Result send(String phone, OutboundMessage message) {
        return sender(TEMPLATE).send(phone, message).await().indefinitely();
    }

    @Test
    void textIsATextMessageAndSentCarriesTheWamid() {
        String phone = recentCustomer("15550000001");
        String wamid = "wamid.HBgLMTU1NTAwMDAwMDEVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA";
        whatsapp.answerNext("messages", 200, """
                {"messaging_product": "whatsapp", "contacts": [{"input": "15550000001", "wa_id": "15550000001"}],
                 "messages": [{"id": "%s"}]}""".formatted(wamid));

        ChannelSender.Result result = send(phone, OutboundMessage.text("Your order is confirmed"));

        assertThat(result).isEqualTo(new Sent(wamid));
        FakeWhatsApp.Request request = whatsapp.requests().get(0);
        assertThat(request.path()).isEqualTo(MESSAGES);
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + FakeWhatsApp.TOKEN);
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.json()).isEqualTo(new JsonObject("""
                {"messaging_product": "whatsapp", "recipient_type": "individual", "to": "15550000001",
                 "type": "text", "text": {"body": "Your order is confirmed"}}"""));
    }

    @Test
    void upToThreeButtonsAreReplyButtonsWithTitlesCutToTwentyCharacters() {
        String phone = recentCustomer("15550000002");

        send(phone, OutboundMessage.withButtons("Confirm 10m blue cotton?",
                new Button("confirm", "Yes"), new Button("edit", "Change the quantity please"), new Button("cancel", "No")));

        assertThat(whatsapp.messagesTo(phone)).containsExactly(new JsonObject("""
                {"messaging_product": "whatsapp", "recipient_type": "individual", "to": "15550000002", "type": "interactive",
                 "interactive": {"type": "button", "body": {"text": "Confirm 10m blue cotton?"},
                   "action": {"buttons": [
                     {"type": "reply", "reply": {"id": "confirm", "title": "Yes"}},
                     {"type": "reply", "reply": {"id": "edit", "title": "Change the quantity…"}},
                     {"type": "reply", "reply": {"id": "cancel", "title": "No"}}]}}}"""));
        assertThat("Change the quantity…").hasSize(20);
    }

    @Test
    void fourToTenButtonsAreAListWhoseLongTitlesKeepTheWholeLabelAsDescription() {
        String phone = recentCustomer("15550000003");

        send(phone, OutboundMessage.withButtons("Which colour?", new Button("red", "Red"), new Button("blue", "Blue"),
                new Button("green", "Green"), new Button("other", "Something else entirely, tell me")));

        assertThat(whatsapp.messagesTo(phone)).containsExactly(new JsonObject("""
                {"messaging_product": "whatsapp", "recipient_type": "individual", "to": "15550000003", "type": "interactive",
                 "interactive": {"type": "list", "body": {"text": "Which colour?"},
                   "action": {"button": "Choose", "sections": [{"title": "Options", "rows": [
                     {"id": "red", "title": "Red"}, {"id": "blue", "title": "Blue"}, {"id": "green", "title": "Green"},
                     {"id": "other", "title": "Something else entirely…", "description": "Something else entirely, tell me"}]}]}}}"""));
    }

    @Test
    void moreThanTenButtonsCannotBeSentAndNothingGoesOut() {
        String phone = recentCustomer("15550000004");
        List<Button> eleven = java.util.stream.IntStream.rangeClosed(1, 11).mapToObj(i -> new Button("b" + i, "B" + i)).toList();

        ChannelSender.Result result = send(phone, new OutboundMessage("Pick", eleven));

        assertThat(result).isEqualTo(new Failed("WhatsApp shows at most 10 choices in a message; this one has 11"));
        assertThat(whatsapp.requests()).isEmpty();
    }

    @Test
    void aDocumentIsUploadedThenSentByItsMediaIdWithTheTextAsCaption() {
        String phone = recentCustomer("15550000005");
        byte[] pdf = "%PDF-1.7 invoice\n\u00e9\u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1);

        ChannelSender.Result result = send(phone, OutboundMessage.document("Invoice INV-7",
                new OutboundMessage.Document("INV-7.pdf", "application/pdf", pdf)));

        assertThat(result).isInstanceOf(Sent.class);
        List<FakeWhatsApp.Request> requests = whatsapp.requests();
        assertThat(requests).extracting(FakeWhatsApp.Request::path).containsExactly(MEDIA, MESSAGES);
        FakeWhatsApp.Request upload = requests.get(0);
        assertThat(upload.header("Authorization")).isEqualTo("Bearer " + FakeWhatsApp.TOKEN);
        assertThat(upload.header("Content-Type")).startsWith("multipart/form-data; boundary=");
        assertThat(upload.part("messaging_product").text()).isEqualTo("whatsapp");
        assertThat(upload.part("type").text()).isEqualTo("application/pdf");
        FakeWhatsApp.Part file = upload.part("file");
        assertThat(file.fileName()).isEqualTo("INV-7.pdf");
        assertThat(file.contentType()).isEqualTo("application/pdf");
        assertThat(file.content()).isEqualTo(pdf);
        assertThat(requests.get(1).json()).isEqualTo(new JsonObject("""
                {"messaging_product": "whatsapp", "recipient_type": "individual", "to": "15550000005", "type": "document",
                 "document": {"id": "media-1", "filename": "INV-7.pdf", "caption": "Invoice INV-7"}}"""));
    }

    @Test
    void aFailedUploadSendsNothingMore() {
        String phone = recentCustomer("15550000006");
        whatsapp.answerNext("media", 400, FakeWhatsApp.error(131053, "Media upload error"));

        ChannelSender.Result result = send(phone, OutboundMessage.document("Invoice",
                new OutboundMessage.Document("INV-8.pdf", "application/pdf", new byte[] {1, 2, 3})));

        assertThat(result).isEqualTo(new Failed("uploading the document: 131053 Media upload error"));
        assertThat(whatsapp.requests()).extracting(FakeWhatsApp.Request::path).containsExactly(MEDIA);
    }

    @Test
    void throughputReachedPausesTheChannelForAFewSeconds() {
        String phone = recentCustomer("15550000007");
        whatsapp.answerNext("messages", 400, FakeWhatsApp.error(130429, "Rate limit hit"));

        assertThat(send(phone, OutboundMessage.text("hi"))).isEqualTo(new Retry("130429 Rate limit hit", Duration.ofSeconds(5)));
    }

    @Test
    void theBusinessAccountsRateLimitAndAPlain429PauseTheChannelForAMinute() {
        String phone = recentCustomer("15550000008");
        whatsapp.answerNext("messages", 400, FakeWhatsApp.error(80007, "Rate limit issues"))
                .answerNext("messages", 429, "Too Many Requests");

        assertThat(send(phone, OutboundMessage.text("hi"))).isEqualTo(new Retry("80007 Rate limit issues", Duration.ofSeconds(60)));
        assertThat(send(phone, OutboundMessage.text("hi"))).isEqualTo(new Retry("HTTP 429", Duration.ofSeconds(60)));
    }

    @Test
    void thePairRateLimitBacksOffThatChatOnlyWithoutPausingTheChannel() {
        String phone = recentCustomer("15550000009");
        whatsapp.answerNext("messages", 400, FakeWhatsApp.error(131056, "(Business Account, Consumer Account) pair rate limit hit"));

        assertThat(send(phone, OutboundMessage.text("hi")))
                .isEqualTo(new Retry("131056 (Business Account, Consumer Account) pair rate limit hit", null));
    }

    @Test
    void aServerErrorIsRetriedWithTheOutboxBackoff() {
        String phone = recentCustomer("15550000010");
        whatsapp.answerNext("messages", 502, "<html>Bad Gateway</html>");

        assertThat(send(phone, OutboundMessage.text("hi"))).isEqualTo(new Retry("HTTP 502", null));
    }

    @Test
    void anInvalidRequestIsAPermanentFailureWithMetasCodeAndMessage() {
        String phone = recentCustomer("15550000011");
        whatsapp.answerNext("messages", 400, FakeWhatsApp.error(100, "(#100) Invalid parameter"));

        assertThat(send(phone, OutboundMessage.text("hi"))).isEqualTo(new Failed("100 (#100) Invalid parameter"));
    }

    @Test
    void theAccessTokenNeverShowsInAReason() throws IOException {
        String phone = recentCustomer("15550000012");
        whatsapp.answerNext("messages", 401, FakeWhatsApp.error(190, "Error validating access token " + FakeWhatsApp.TOKEN));
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        ChannelSender.Result refused = send(phone, OutboundMessage.text("hi"));
        ChannelSender.Result unreachable = sender("http://127.0.0.1:" + closedPort + "/v21.0", TEMPLATE)
                .send(phone, OutboundMessage.text("hi")).await().indefinitely();

        assertThat(refused).isEqualTo(new Failed("190 Error validating access token ***"));
        assertThat(unreachable).isInstanceOf(Retry.class);
        assertThat(((Retry) unreachable).reason()).startsWith("WhatsApp not reachable").doesNotContain(FakeWhatsApp.TOKEN);
    }

    @Test
    void justInsideTheWindowTheMessageGoesAsItIs() {
        String phone = customer("15550000013", Duration.ofHours(24).minusMinutes(1), "hi");

        assertThat(send(phone, OutboundMessage.text("Aapka order"))).isInstanceOf(Sent.class);
        assertThat(whatsapp.messagesTo(phone)).extracting(m -> m.getString("type")).containsExactly("text");
    }

    @Test
    void outsideTheWindowTheTemplateGoesInTheCustomersLanguageAndTheMessageIsRecordedAsNotDelivered() {
        String phone = customer("15550000014", Duration.ofHours(25), "hi");

        ChannelSender.Result result = send(phone, OutboundMessage.text("Your balance is due"));

        assertThat(result).isEqualTo(new Failed("outside the 24-hour customer-service window; re-engagement template hello_again sent instead"));
        assertThat(whatsapp.messagesTo(phone)).containsExactly(new JsonObject("""
                {"messaging_product": "whatsapp", "recipient_type": "individual", "to": "15550000014", "type": "template",
                 "template": {"name": "hello_again", "language": {"code": "hi"}}}"""));
    }

    @Test
    void aCustomerWhoNeverWroteGetsTheTemplateInEnglish() {
        String phone = "15550000015";

        assertThat(send(phone, OutboundMessage.text("Hello"))).isInstanceOf(Failed.class);
        assertThat(whatsapp.messagesTo(phone)).extracting(m -> m.getJsonObject("template").getJsonObject("language").getString("code"))
                .containsExactly("en");
    }

    @Test
    void outsideTheWindowWithoutATemplateNothingIsSent() {
        String phone = customer("15550000016", Duration.ofDays(3), null);

        ChannelSender.Result result = sender(null).send(phone, OutboundMessage.text("Hello")).await().indefinitely();

        assertThat(result).isEqualTo(new Failed("outside the 24-hour customer-service window and no re-engagement template is configured"));
        assertThat(whatsapp.requests()).isEmpty();
    }

    @Test
    void whenWhatsAppSaysTheWindowHasClosedTheTemplateGoesInstead() {
        String phone = recentCustomer("15550000017"); // the bot thinks the window is open; WhatsApp knows better
        whatsapp.answerNext("messages", 400, FakeWhatsApp.error(131047, "Re-engagement message"));

        ChannelSender.Result result = send(phone, OutboundMessage.text("Hello"));

        assertThat(result).isEqualTo(new Failed("outside the 24-hour customer-service window; re-engagement template hello_again sent instead"));
        assertThat(whatsapp.messagesTo(phone)).extracting(m -> m.getString("type")).containsExactly("text", "template");
    }

    @Test
    void aTemplateThatCannotBeSentNowIsRetried() {
        String phone = customer("15550000018", Duration.ofHours(30), null);
        whatsapp.answerNext("messages", 503, "{}");

        assertThat(send(phone, OutboundMessage.text("Hello"))).isEqualTo(
                new Retry("outside the 24-hour customer-service window; re-engagement template hello_again: HTTP 503", null));
    }
}
