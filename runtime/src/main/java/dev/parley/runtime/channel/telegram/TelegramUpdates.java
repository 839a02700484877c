package dev.parley.runtime.channel.telegram;

import java.util.Locale;
import java.util.Optional;

import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;

import dev.parley.runtime.message.InboundMessage;

/**
 * Maps a Telegram {@link Update} to the channel-neutral {@link InboundMessage}: a text message or an edited one
 * (each update has its own {@code update_id}, so an edit is a new message), and a pressed inline button (its
 * {@code callback_data}). Anything else (a photo without text, a member joining, a poll) maps to nothing: the
 * webhook answers it 200 so that Telegram does not deliver it again.
 */
public final class TelegramUpdates {

    public static final String CHANNEL = "telegram";

    private TelegramUpdates() {
    }

    public static Optional<InboundMessage> toInbound(Update update) {
        if (update.getUpdateId() == null) {
            return Optional.empty();
        }
        String updateId = String.valueOf(update.getUpdateId());
        Message message = update.hasMessage() ? update.getMessage() : update.hasEditedMessage() ? update.getEditedMessage() : null;
        if (message != null && message.getText() != null && !message.getText().isBlank() && chatId(message) != null) {
            return Optional.of(InboundMessage.text(CHANNEL, updateId, chatId(message), message.getText())
                    .from(sender(message.getFrom())));
        }
        CallbackQuery query = update.getCallbackQuery();
        if (query != null && query.getData() != null && chatId(query.getMessage()) != null) {
            return Optional.of(InboundMessage.button(CHANNEL, updateId, chatId(query.getMessage()), query.getData())
                    .from(sender(query.getFrom())));
        }
        return Optional.empty();
    }

    /** The message's chat, or null when the update has none (the library's getChatId() would throw). */
    private static String chatId(MaybeInaccessibleMessage message) {
        return message == null || message.getChat() == null || message.getChat().getId() == null ? null : String.valueOf(message.getChat().getId());
    }

    private static InboundMessage.Sender sender(User user) {
        if (user == null) {
            return InboundMessage.Sender.UNKNOWN;
        }
        String name = user.getFirstName() != null ? user.getFirstName() : user.getUserName();
        return new InboundMessage.Sender(String.valueOf(user.getId()), name, language(user.getLanguageCode()));
    }

    /** The primary language subtag ({@code hi} of {@code hi-IN}), lower case, or null. */
    static String language(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return code.split("[-_]")[0].toLowerCase(Locale.ROOT);
    }
}
