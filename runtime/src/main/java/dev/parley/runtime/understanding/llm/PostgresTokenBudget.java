package dev.parley.runtime.understanding.llm;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A daily token budget kept in PostgreSQL ({@code ai_token_usage}, in the bot's schema), so that all of a bot's
 * replicas spend from one budget and a restart forgets nothing. Days are UTC dates.
 *
 * <p>The check and the spending are separate statements: calls in flight on several replicas when the budget runs
 * out can each finish, so a day may end a few calls over the budget. Holding a lock across a model call to prevent
 * that would cost more than those tokens.
 *
 * <p>Blocks: it is called from the extractor, which runs on a worker thread.
 */
final class PostgresTokenBudget implements TokenBudget {

    /** The database is near; a budget that cannot be read in this time is treated as unknown. */
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(5);

    private final Pool pool;
    private final long dailyTokens;
    private final Clock clock;

    PostgresTokenBudget(Pool pool, long dailyTokens, Clock clock) {
        this.pool = pool;
        this.dailyTokens = dailyTokens;
        this.clock = clock;
    }

    @Override
    public boolean allows() {
        RowIterator<Row> rows = pool.preparedQuery("SELECT tokens FROM ai_token_usage WHERE day = $1")
                .execute(Tuple.of(today())).await().atMost(QUERY_TIMEOUT).iterator();
        long spent = rows.hasNext() ? rows.next().getLong("tokens") : 0;
        return spent < dailyTokens;
    }

    @Override
    public void spend(long tokens) {
        if (tokens <= 0) {
            return;
        }
        pool.preparedQuery("INSERT INTO ai_token_usage (day, tokens) VALUES ($1, $2) "
                        + "ON CONFLICT (day) DO UPDATE SET tokens = ai_token_usage.tokens + EXCLUDED.tokens")
                .execute(Tuple.of(today(), tokens)).await().atMost(QUERY_TIMEOUT);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }
}
