package dev.parley.runtime.commerce.catalog;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import dev.parley.runtime.understanding.Vocabulary;
import dev.parley.runtime.understanding.VocabularySource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The catalog's vocabulary in PostgreSQL: canonical material and colour names, and the business's synonyms for
 * them. Every word is stored {@linkplain #normalise normalised}, so "Sooti " and "sooti" are one word.
 *
 * <p>Writes take a transaction-scoped advisory lock per bot schema: whether a word is free depends on two tables
 * (a name must not also be a synonym of its kind), which no constraint can check, and catalog writes are rare.
 */
@ApplicationScoped
public class CatalogRepository implements VocabularySource {

    /** Longest material, colour or synonym accepted. */
    public static final int MAX_WORD_LENGTH = 100;
    /** How many known names an "unknown word" answer lists before it says how many more there are. */
    private static final int KNOWN_LISTED = 30;

    private final Pool pool;

    public CatalogRepository(Pool pool) {
        this.pool = pool;
    }

    /** A canonical name and the synonyms that mean it. */
    public record Term(Kind kind, String name, List<String> synonyms) {
    }

    /** A word the business uses for a canonical name. */
    public record Synonym(Kind kind, String word, String canonical) {
    }

    /** The result of an idempotent add: the stored value, and whether this call created it. */
    public record Added<T>(T value, boolean created) {
    }

    /** A material or colour that is neither a canonical name nor a synonym. */
    public static final class UnknownWord extends RuntimeException {
        private final Kind kind;
        private final String word;

        UnknownWord(Kind kind, String word, List<String> known) {
            super("unknown " + kind.singular() + " \"" + word + "\"; known " + kind.plural() + ": " + listed(known)
                    + " (add one with POST /api/v1/catalog/" + kind.plural() + ", or a synonym with POST /api/v1/catalog/synonyms)",
                    null, false, false);
            this.kind = kind;
            this.word = word;
        }

        public Kind kind() {
            return kind;
        }

        public String word() {
            return word;
        }

        private static String listed(List<String> known) {
            if (known.isEmpty()) {
                return "none yet";
            }
            String shown = String.join(", ", known.subList(0, Math.min(KNOWN_LISTED, known.size())));
            return known.size() > KNOWN_LISTED ? shown + " and " + (known.size() - KNOWN_LISTED) + " more" : shown;
        }
    }

    /** A word that already means something else in the catalog. */
    public static final class Conflict extends RuntimeException {
        Conflict(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The form every catalog word is stored and compared in: Unicode NFC (so a Devanagari word typed two ways is one
     * word), trimmed, runs of white space as one space, lower case.
     */
    public static String normalise(String word) {
        String normal = Normalizer.normalize(word, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        if (normal.isEmpty()) {
            throw new IllegalArgumentException("a catalog word cannot be empty");
        }
        if (normal.length() > MAX_WORD_LENGTH) {
            throw new IllegalArgumentException("a catalog word has at most " + MAX_WORD_LENGTH + " characters");
        }
        return normal;
    }

    /** The canonical names of a kind, each with its synonyms, by name. */
    public Uni<List<Term>> terms(Kind kind) {
        return pool.preparedQuery("SELECT t.name, s.word FROM " + kind.singular() + " t LEFT JOIN synonym s ON s.kind = $1 AND s.canonical = t.name"
                + " ORDER BY t.name, s.word")
                .execute(Tuple.of(kind.singular()))
                .map(rows -> {
                    Map<String, List<String>> synonyms = new TreeMap<>();
                    for (Row row : rows) {
                        List<String> words = synonyms.computeIfAbsent(row.getString("name"), name -> new ArrayList<>());
                        if (row.getString("word") != null) {
                            words.add(row.getString("word"));
                        }
                    }
                    return synonyms.entrySet().stream().map(e -> new Term(kind, e.getKey(), List.copyOf(e.getValue()))).toList();
                });
    }

    /** Adds a canonical name; adding one that exists changes nothing. */
    public Uni<Added<Term>> addTerm(Kind kind, String name) {
        String word = normalise(name);
        return pool.withTransaction(tx -> lockForWrites(tx)
                .flatMap(locked -> synonymOf(tx, kind, word))
                .flatMap(meaning -> {
                    if (meaning.isPresent()) {
                        return Uni.createFrom().failure(new Conflict("\"" + word + "\" is already a synonym of the " + kind.singular() + " "
                                + meaning.get() + "; a word means one " + kind.singular()));
                    }
                    return tx.preparedQuery("INSERT INTO " + kind.singular() + " (name) VALUES ($1) ON CONFLICT DO NOTHING RETURNING name")
                            .execute(Tuple.of(word))
                            .map(rows -> new Added<>(new Term(kind, word, List.of()), rows.rowCount() == 1));
                }))
                .flatMap(added -> added.created() ? Uni.createFrom().item(added)
                        : terms(kind).map(all -> new Added<>(all.stream().filter(t -> t.name().equals(word)).findFirst().orElseThrow(), false)));
    }

    /** Every synonym, by kind and word. */
    public Uni<List<Synonym>> synonyms() {
        return pool.query("SELECT kind, word, canonical FROM synonym ORDER BY kind, word").execute()
                .map(rows -> {
                    List<Synonym> synonyms = new ArrayList<>();
                    rows.forEach(row -> synonyms.add(new Synonym(Kind.parse(row.getString("kind")), row.getString("word"), row.getString("canonical"))));
                    return synonyms;
                });
    }

    /**
     * Makes {@code word} mean {@code canonical}. The canonical name may itself be given by a synonym ("dhaga" for
     * "sooti" stores "dhaga" for cotton). Adding the same synonym again changes nothing; a word that is a canonical
     * name, or already means another one, is a {@link Conflict}; an unknown canonical name is an {@link UnknownWord}.
     */
    public Uni<Added<Synonym>> addSynonym(Kind kind, String word, String canonical) {
        String synonym = normalise(word);
        String meant = normalise(canonical);
        return pool.withTransaction(tx -> lockForWrites(tx)
                .flatMap(locked -> canonical(tx, kind, meant))
                .flatMap(name -> isCanonical(tx, kind, synonym).flatMap(itself -> synonymOf(tx, kind, synonym).flatMap(existing -> {
                    Synonym wanted = new Synonym(kind, synonym, name);
                    if (itself) {
                        return Uni.createFrom().failure(new Conflict("\"" + synonym + "\" is a " + kind.singular() + " of the catalog itself, not a synonym"));
                    }
                    if (existing.isPresent() && !existing.get().equals(name)) {
                        return Uni.createFrom().failure(new Conflict("\"" + synonym + "\" already means the " + kind.singular() + " " + existing.get()));
                    }
                    if (existing.isPresent()) {
                        return Uni.createFrom().item(new Added<>(wanted, false));
                    }
                    return tx.preparedQuery("INSERT INTO synonym (kind, word, canonical) VALUES ($1, $2, $3)")
                            .execute(Tuple.of(kind.singular(), synonym, name))
                            .map(inserted -> new Added<>(wanted, true));
                }))));
    }

    /** The canonical name a word stands for (itself, or what it is a synonym of), if the catalog knows it. */
    public Uni<Optional<String>> resolve(SqlClient client, Kind kind, String word) {
        String normal;
        try {
            normal = normalise(word);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(Optional.empty());
        }
        return client.preparedQuery("SELECT name FROM " + kind.singular() + " WHERE name = $1"
                + " UNION ALL SELECT canonical FROM synonym WHERE kind = $2 AND word = $1 LIMIT 1")
                .execute(Tuple.of(normal, kind.singular()))
                .map(rows -> rows.size() == 0 ? Optional.<String>empty() : Optional.of(rows.iterator().next().getString(0)));
    }

    /** The canonical name a word stands for, or an {@link UnknownWord} failure that lists the known names. */
    public Uni<String> canonical(SqlClient client, Kind kind, String word) {
        return resolve(client, kind, word).flatMap(name -> name.isPresent() ? Uni.createFrom().item(name.get())
                : client.query("SELECT name FROM " + kind.singular() + " ORDER BY name").execute().flatMap(rows -> {
                    List<String> known = new ArrayList<>();
                    rows.forEach(row -> known.add(row.getString(0)));
                    return Uni.createFrom().failure(new UnknownWord(kind, word.strip(), known));
                }));
    }

    /** The words order extraction reads with: this bot's catalog as it is now. */
    @Override
    public Uni<Vocabulary> current() {
        return vocabulary();
    }

    public Uni<Vocabulary> vocabulary() {
        return pool.query("SELECT 'material' AS kind, name, NULL AS word FROM material"
                + " UNION ALL SELECT 'color', name, NULL FROM color"
                + " UNION ALL SELECT kind, canonical, word FROM synonym").execute()
                .map(rows -> {
                    Map<Kind, Map<String, Set<String>>> words = Map.of(Kind.MATERIAL, new HashMap<>(), Kind.COLOR, new HashMap<>());
                    for (Row row : rows) {
                        Set<String> synonyms = words.get(Kind.parse(row.getString("kind")))
                                .computeIfAbsent(row.getString("name"), name -> new TreeSet<>());
                        if (row.getString("word") != null) {
                            synonyms.add(row.getString("word"));
                        }
                    }
                    return new Vocabulary(frozen(words.get(Kind.MATERIAL)), frozen(words.get(Kind.COLOR)));
                });
    }

    private static Map<String, Set<String>> frozen(Map<String, Set<String>> words) {
        Map<String, Set<String>> frozen = new HashMap<>();
        words.forEach((name, synonyms) -> frozen.put(name, Set.copyOf(synonyms)));
        return frozen;
    }

    /** Serialises writes to this bot's catalog until the transaction ends (see the class comment). */
    public static Uni<Void> lockForWrites(SqlConnection tx) {
        return tx.query("SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.catalog'))").execute().replaceWithVoid();
    }

    private static Uni<Optional<String>> synonymOf(SqlClient client, Kind kind, String word) {
        return client.preparedQuery("SELECT canonical FROM synonym WHERE kind = $1 AND word = $2")
                .execute(Tuple.of(kind.singular(), word))
                .map(rows -> rows.size() == 0 ? Optional.<String>empty() : Optional.of(rows.iterator().next().getString(0)));
    }

    private static Uni<Boolean> isCanonical(SqlClient client, Kind kind, String word) {
        return client.preparedQuery("SELECT 1 FROM " + kind.singular() + " WHERE name = $1").execute(Tuple.of(word)).map(rows -> rows.size() > 0);
    }
}
