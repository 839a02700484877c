package dev.parley.runtime.commerce.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.parley.runtime.commerce.Money;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The customers' credit ledger ({@code ledger_entry}): append-only (the table refuses updates and deletes), so a
 * balance is always the sum of what was recorded. Invoices are debited by approval, payments credited by the owner.
 */
@ApplicationScoped
public class Ledger {

    private static final String COLUMNS = "id, customer_id, kind, amount_minor, invoice_id, note, recorded_by, recorded_at";

    /** There is no customer with this id. */
    public static final class UnknownCustomer extends RuntimeException {
        public UnknownCustomer(long customerId) {
            super("there is no customer " + customerId, null, false, false);
        }
    }

    /** A customer who owes something, and where to remind them. */
    public record Due(long customerId, String channel, String chatId, String language, long balanceMinor) {
    }

    /** A customer and their balance due (0 with no entries): what the owner's list of customers shows. */
    public record Account(long customerId, String name, String channel, String chatId, long balanceMinor) {
    }

    private static final String ACCOUNTS = "SELECT c.id, c.display_name, c.channel, c.chat_id, coalesce(sum(e.amount_minor), 0)::bigint AS balance"
            + " FROM customer c LEFT JOIN ledger_entry e ON e.customer_id = c.id";

    /** Customers, those who owe most first, at most {@code limit}. */
    public Uni<List<Account>> accounts(SqlClient client, int limit) {
        return client.preparedQuery(ACCOUNTS + " GROUP BY c.id, c.display_name, c.channel, c.chat_id ORDER BY balance DESC, c.id LIMIT $1").execute(Tuple.of(limit))
                .map(rows -> {
                    List<Account> accounts = new ArrayList<>();
                    rows.forEach(row -> accounts.add(account(row)));
                    return accounts;
                });
    }

    /** One customer's account; an {@link UnknownCustomer} when there is no such customer. */
    public Uni<Account> account(SqlClient client, long customerId) {
        return client.preparedQuery(ACCOUNTS + " WHERE c.id = $1 GROUP BY c.id, c.display_name, c.channel, c.chat_id").execute(Tuple.of(customerId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw new UnknownCustomer(customerId);
                    }
                    return account(rows.iterator().next());
                });
    }

    private static Account account(Row row) {
        return new Account(row.getLong("id"), row.getString("display_name"), row.getString("channel"), row.getString("chat_id"),
                row.getLong("balance"));
    }

    /** Debits an invoice's total, in the approval's transaction. */
    public Uni<LedgerEntry> recordInvoice(SqlConnection tx, long customerId, long invoiceId, long totalMinor, String note, String recordedBy) {
        return tx.preparedQuery("INSERT INTO ledger_entry (customer_id, kind, amount_minor, invoice_id, note, recorded_by)"
                        + " VALUES ($1, 'INVOICE', $2, $3, $4, $5) RETURNING " + COLUMNS)
                .execute(Tuple.from(Arrays.asList(customerId, totalMinor, invoiceId, note, recordedBy)))
                .map(rows -> entry(rows.iterator().next()));
    }

    /**
     * Credits a payment of {@code amountMinor} (more than 0) to the customer; an unknown customer fails with
     * {@link UnknownCustomer}, a non-positive amount with an {@link IllegalArgumentException}.
     */
    public Uni<LedgerEntry> recordPayment(SqlConnection tx, long customerId, long amountMinor, String note, String recordedBy) {
        if (amountMinor <= 0) {
            return Uni.createFrom().failure(new IllegalArgumentException(
                    "a payment is more than 0 minor units; " + amountMinor + " cannot be recorded as one"));
        }
        if (amountMinor > Money.MAX_PAYMENT_MINOR) {
            return Uni.createFrom().failure(new IllegalArgumentException(
                    "a payment is at most " + Money.MAX_PAYMENT_MINOR + " minor units; " + amountMinor + " cannot be recorded as one"));
        }
        return tx.preparedQuery("INSERT INTO ledger_entry (customer_id, kind, amount_minor, note, recorded_by)"
                        + " SELECT id, 'PAYMENT', $2, $3, $4 FROM customer WHERE id = $1 RETURNING " + COLUMNS)
                .execute(Tuple.from(Arrays.asList(customerId, -amountMinor, note, recordedBy)))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw new UnknownCustomer(customerId);
                    }
                    return entry(rows.iterator().next());
                });
    }

    /** What the customer owes: invoices minus payments (negative when they paid ahead); {@link UnknownCustomer} if none. */
    public Uni<Long> balance(SqlClient client, long customerId) {
        return client.preparedQuery("SELECT coalesce(sum(e.amount_minor), 0)::bigint AS balance FROM customer c"
                        + " LEFT JOIN ledger_entry e ON e.customer_id = c.id WHERE c.id = $1 GROUP BY c.id")
                .execute(Tuple.of(customerId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw new UnknownCustomer(customerId);
                    }
                    return rows.iterator().next().getLong("balance");
                });
    }

    /** The customer's entries, oldest first; {@link UnknownCustomer} if there is no such customer. */
    public Uni<List<LedgerEntry>> entries(SqlClient client, long customerId) {
        return client.preparedQuery("SELECT c.id AS customer, e.id, e.customer_id, e.kind, e.amount_minor, e.invoice_id, e.note, e.recorded_by, e.recorded_at"
                        + " FROM customer c LEFT JOIN ledger_entry e ON e.customer_id = c.id"
                        + " WHERE c.id = $1 ORDER BY e.id")
                .execute(Tuple.of(customerId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw new UnknownCustomer(customerId);
                    }
                    List<LedgerEntry> entries = new ArrayList<>();
                    rows.forEach(row -> {
                        if (row.getLong("id") != null) {
                            entries.add(entry(row));
                        }
                    });
                    return entries;
                });
    }

    /** Every customer whose balance is more than 0, by customer id. */
    public Uni<List<Due>> balancesDue(SqlClient client) {
        return client.query("SELECT c.id, c.channel, c.chat_id, c.language, sum(e.amount_minor)::bigint AS balance"
                        + " FROM customer c JOIN ledger_entry e ON e.customer_id = c.id"
                        + " GROUP BY c.id, c.channel, c.chat_id, c.language HAVING sum(e.amount_minor) > 0 ORDER BY c.id")
                .execute()
                .map(rows -> {
                    List<Due> due = new ArrayList<>();
                    rows.forEach(row -> due.add(new Due(row.getLong("id"), row.getString("channel"), row.getString("chat_id"),
                            row.getString("language"), row.getLong("balance"))));
                    return due;
                });
    }

    private static LedgerEntry entry(Row row) {
        return new LedgerEntry(row.getLong("id"), row.getLong("customer_id"), LedgerEntry.Kind.valueOf(row.getString("kind")),
                row.getLong("amount_minor"), row.getLong("invoice_id"), row.getString("note"), row.getString("recorded_by"),
                row.getOffsetDateTime("recorded_at").toInstant());
    }
}
