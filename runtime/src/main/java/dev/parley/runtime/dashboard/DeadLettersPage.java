package dev.parley.runtime.dashboard;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import org.jboss.resteasy.reactive.RestCookie;

import dev.parley.runtime.conversation.DeadLetters;
import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** The messages the bot could not handle, newest first: what the customer wrote and why it failed. */
@Path(Dashboard.ROOT + "/dead-letters")
@Produces(Dashboard.HTML)
public class DeadLettersPage {

    static final String PATH = Dashboard.ROOT + "/dead-letters";
    private static final int MOST = 200;

    /** One message: the customer's text (or button) exactly as sent, shown as text. */
    @TemplateData
    public record LetterRow(long id, String channel, String chatId, String text, String reason, String at) {
        static LetterRow of(DeadLetters.DeadLetter letter) {
            String text = letter.content().getString("text");
            return new LetterRow(letter.id(), letter.channel(), letter.chatId(), text != null ? text : "[" + letter.content().getString("button") + "]",
                    letter.reason(), Views.time(letter.at().toInstant()));
        }
    }

    private final Dashboard dashboard;
    private final Pool pool;

    public DeadLettersPage(Dashboard dashboard, Pool pool) {
        this.dashboard = dashboard;
        this.pool = pool;
    }

    @GET
    public Uni<String> list(@RestCookie(SessionCookie.NAME) String cookie) {
        SessionCookie.Session session = dashboard.session(cookie);
        return DeadLetters.newest(pool, MOST).map(letters -> dashboard.page("dead-letters", session, PATH,
                Map.of("letters", letters.stream().map(LetterRow::of).toList())));
    }
}
