package dev.parley.runtime.catalogwatch;

import java.util.ArrayList;
import java.util.List;

import dev.parley.runtime.message.OutboundMessage;
import dev.parley.runtime.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * After a sync, a digest to the Bot's group chat ({@code catalog.digestChatId}, Telegram): the products it added and
 * those it found back in stock, a few of each. Queued in the transaction that ends the run, so once per run.
 */
final class Digest {

    private static final int SHOWN = 8;

    private final String chatId;
    private final String language;

    Digest(String chatId, String language) {
        this.chatId = chatId;
        this.language = language;
    }

    Uni<Void> queue(SqlConnection tx, long runId) {
        if (chatId == null) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("""
                SELECT 'new' AS what, p.name, p.price_minor, p.currency, p.url, count(*) OVER (PARTITION BY 'new') AS n
                FROM catalog_product p JOIN catalog_sync_run r ON r.id = $1
                WHERE p.last_seen_run = $1 AND p.first_seen_at >= r.started_at AND NOT p.delisted
                UNION ALL
                SELECT 'back', p.name, p.price_minor, p.currency, p.url, count(*) OVER (PARTITION BY 'back')
                FROM catalog_change_event e JOIN catalog_product p ON p.id = e.product_id
                WHERE e.run_id = $1 AND e.kind = 'BACK_IN_STOCK'""")
                .execute(Tuple.of(runId))
                .flatMap(rows -> {
                    List<String> fresh = new ArrayList<>();
                    List<String> back = new ArrayList<>();
                    long newCount = 0;
                    long backCount = 0;
                    for (Row r : rows) {
                        String line = "• " + r.getString("name") + " — " + CatalogChanges.price(r.getLong("price_minor"), r.getString("currency"), language);
                        if (r.getString("what").equals("new")) {
                            newCount = r.getLong("n");
                            if (fresh.size() < SHOWN) {
                                fresh.add(line);
                            }
                        } else {
                            backCount = r.getLong("n");
                            if (back.size() < SHOWN) {
                                back.add(line);
                            }
                        }
                    }
                    if (newCount == 0 && backCount == 0) {
                        return Uni.createFrom().voidItem();
                    }
                    StringBuilder text = new StringBuilder(CatalogChanges.TEXTS.get(language, "digest.title"));
                    if (newCount > 0) {
                        text.append("\n\n").append(CatalogChanges.TEXTS.get(language, "digest.new", newCount)).append('\n').append(String.join("\n", fresh));
                    }
                    if (backCount > 0) {
                        text.append("\n\n").append(CatalogChanges.TEXTS.get(language, "digest.back", backCount)).append('\n').append(String.join("\n", back));
                    }
                    OutboundMessage digest = OutboundMessage.text(text.toString()).with(new OutboundMessage.Display(List.of(), true));
                    return Outbox.enqueue(tx, "telegram", chatId, List.of(digest));
                });
    }
}
