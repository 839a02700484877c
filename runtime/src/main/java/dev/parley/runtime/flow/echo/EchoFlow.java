package dev.parley.runtime.flow.echo;

import java.util.List;

import dev.parley.runtime.conversation.Conversation;
import dev.parley.runtime.conversation.Flow;
import dev.parley.runtime.message.InboundMessage;
import dev.parley.runtime.message.OutboundMessage;
import dev.parley.runtime.message.OutboundMessage.Button;
import io.vertx.core.json.JsonObject;

/**
 * The pipeline's own flow, for trying a channel end to end and for the runtime's tests: answers each message with
 * its number in the conversation ({@code "#3 you said: hello"}), so that order, continuity across replicas and
 * exactly-once processing show in the replies. "buttons" gets two buttons; a press is answered with its id.
 * The commerce flows replace it by {@code spec.flow}.
 */
public final class EchoFlow implements Flow.Pure {

    public static final String NAME = "echo";

    @Override
    public String initialState() {
        return "echoing";
    }

    @Override
    public Turn turn(Conversation conversation, InboundMessage message) {
        int count = conversation.data().getInteger("count", 0) + 1;
        JsonObject data = new JsonObject().put("count", count);
        if (message.buttonId() != null) {
            return new Turn("echoing", data, List.of(OutboundMessage.text("#" + count + " you pressed: " + message.buttonId())));
        }
        if (message.text().strip().equalsIgnoreCase("buttons")) {
            return new Turn("echoing", data, List.of(OutboundMessage.withButtons("#" + count + " pick one",
                    new Button("yes", "Yes"), new Button("no", "No"))));
        }
        return new Turn("echoing", data, List.of(OutboundMessage.text("#" + count + " you said: " + message.text())));
    }
}
