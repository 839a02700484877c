package dev.parley.runtime.owner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.inject.Singleton;

import dev.parley.runtime.scheduling.ScheduledJob;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The owner of {@code idempotency_key}: an operation's first answer to a client's {@code Idempotency-Key}, kept
 * (at least {@link #KEPT}) so that a retry gets that answer again rather than a second effect. The key is claimed in
 * the transaction of the effect: a request whose key is new inserts it (and a concurrent request with the same key
 * waits on the primary key until this one commits or rolls back); one whose key is there gets the stored answer, or
 * a mismatch when its body differs. Only answers that changed something are stored: a refusal rolls back with its
 * transaction, and a retry is judged afresh. Also the leader's job that forgets old keys.
 */
@Singleton
public class IdempotencyKeys implements ScheduledJob {

    /** How long a key is kept at least; the job removes keys twice as old. */
    public static final Duration KEPT = Duration.ofHours(24);
    static final int MAX_KEY = 255;

    /** A stored answer, for a key seen before: whether the body was the same, and what was answered. */
    public record Seen(boolean sameBody, int status, String response) {
    }

    /**
     * Claims {@code key} for {@code operation} in {@code tx}: empty when it is new (the caller goes on and
     * {@link #answer}s before committing), the stored answer when it was used before (the caller changes nothing).
     */
    public Uni<Optional<Seen>> claim(SqlConnection tx, String operation, String key, byte[] body) {
        String hash = hash(body);
        return tx.preparedQuery("INSERT INTO idempotency_key (operation, key, request_hash, status, response) VALUES ($1, $2, $3, 0, '')"
                        + " ON CONFLICT (operation, key) DO NOTHING RETURNING key")
                .execute(Tuple.of(operation, key, hash))
                .flatMap(inserted -> inserted.size() > 0 ? Uni.createFrom().item(Optional.<Seen>empty())
                        : tx.preparedQuery("SELECT request_hash, status, response FROM idempotency_key WHERE operation = $1 AND key = $2")
                                .execute(Tuple.of(operation, key))
                                .map(rows -> rows.iterator().next())
                                .map(row -> Optional.of(new Seen(row.getString("request_hash").equals(hash), row.getInteger("status"),
                                        row.getString("response")))));
    }

    /** Stores the answer to a claimed key, in the transaction that claimed it. */
    public Uni<Void> answer(SqlConnection tx, String operation, String key, int status, String response) {
        return tx.preparedQuery("UPDATE idempotency_key SET status = $3, response = $4 WHERE operation = $1 AND key = $2")
                .execute(Tuple.of(operation, key, status, response)).replaceWithVoid();
    }

    static String hash(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body == null ? new byte[0] : body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a client's key can be stored as it is: 1 to 255 visible ASCII characters. */
    static boolean valid(String key) {
        return key != null && !key.isEmpty() && key.length() <= MAX_KEY && StandardCharsets.US_ASCII.newEncoder().canEncode(key)
                && key.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    @Override
    public String name() {
        return "idempotency-key-expiry";
    }

    @Override
    public String period(Instant now) {
        return String.valueOf(now.getEpochSecond() / 3600);
    }

    @Override
    public Uni<Void> run(SqlConnection connection) {
        return connection.preparedQuery("DELETE FROM idempotency_key WHERE created_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) KEPT.multipliedBy(2).toSeconds())).replaceWithVoid();
    }
}
