package dev.parley.runtime.catalogwatch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.PriorityQueue;

import org.jboss.logging.Logger;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Products by meaning: the owner of {@code catalog_embedding}. Each listed product's text (name, brand, category,
 * origin, description) is embedded by all-MiniLM-L6-v2 (quantized; langchain4j runs it in process through ONNX
 * Runtime, no network) into a unit vector of 384 numbers, kept in PostgreSQL as {@code real[]} and refreshed after
 * each sync for the products whose text changed. PostgreSQL here has no pgvector, so similarity is the dot product
 * of unit vectors computed in the runtime over an in-memory copy of the table, reloaded when the table changes
 * (docs/architecture.md; about 1.5 KB a product: 75 MB for 50,000).
 */
public final class Recommendations {

    private static final Logger LOG = Logger.getLogger(Recommendations.class);
    public static final String MODEL = "all-minilm-l6-v2-q";
    private static final int BATCH = 64;
    private static final Duration DB = Duration.ofMinutes(2);

    private volatile EmbeddingModel model;
    private volatile Index index = new Index("", new long[0], new float[0][]);

    private record Index(String version, long[] ids, float[][] vectors) {
    }

    private EmbeddingModel model() {
        EmbeddingModel loaded = model;
        if (loaded == null) {
            synchronized (this) {
                if (model == null) {
                    long started = System.nanoTime();
                    model = new AllMiniLmL6V2QuantizedEmbeddingModel();
                    LOG.infof("loaded the embedding model %s in %d ms", MODEL, (System.nanoTime() - started) / 1_000_000);
                }
                loaded = model;
            }
        }
        return loaded;
    }

    /** The text a product is embedded from. */
    static String text(String name, String brand, String category, String origin, String description) {
        StringBuilder text = new StringBuilder(name);
        for (String part : new String[] {category, origin, brand}) {
            if (part != null) {
                text.append(". ").append(part);
            }
        }
        if (description != null) {
            text.append(". ").append(description, 0, Math.min(description.length(), 500));
        }
        return text.toString();
    }

    /** Unit vectors of {@code texts}, in order. Blocking: runs the model. */
    public List<float[]> embed(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return model().embedAll(segments).content().stream().map(e -> unit(e.vector())).toList();
    }

    private static float[] unit(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = vector[i] * scale;
        }
        return unit;
    }

    /** Embeds the listed products whose text changed since their embedding (or that have none). Blocking; the number embedded. */
    public int refresh(Pool pool) {
        int embedded = 0;
        while (true) {
            List<Row> stale = new ArrayList<>();
            pool.preparedQuery("""
                    SELECT p.id, p.name, p.brand, p.category, p.origin, p.description, e.text_hash
                    FROM catalog_product p LEFT JOIN catalog_embedding e ON e.product_id = p.id
                    WHERE NOT p.delisted AND (e.product_id IS NULL OR e.updated_at < p.changed_at OR e.model <> $2)
                    ORDER BY p.id LIMIT $1""")
                    .execute(Tuple.of(BATCH, MODEL)).await().atMost(DB).forEach(stale::add);
            if (stale.isEmpty()) {
                return embedded;
            }
            List<String> texts = stale.stream().map(r -> text(r.getString("name"), r.getString("brand"), r.getString("category"),
                    r.getString("origin"), r.getString("description"))).toList();
            List<Tuple> rows = new ArrayList<>();
            List<Tuple> touched = new ArrayList<>();
            List<Integer> toEmbed = new ArrayList<>();
            for (int i = 0; i < stale.size(); i++) {
                String hash = hash(texts.get(i));
                if (hash.equals(stale.get(i).getString("text_hash"))) {
                    touched.add(Tuple.of(stale.get(i).getLong("id")));
                } else {
                    toEmbed.add(i);
                }
            }
            List<float[]> vectors = toEmbed.isEmpty() ? List.of() : embed(toEmbed.stream().map(texts::get).toList());
            for (int k = 0; k < toEmbed.size(); k++) {
                int i = toEmbed.get(k);
                float[] v = vectors.get(k);
                Float[] boxed = new Float[v.length];
                for (int d = 0; d < v.length; d++) {
                    boxed[d] = v[d];
                }
                rows.add(Tuple.of(stale.get(i).getLong("id"), MODEL, hash(texts.get(i)), boxed));
            }
            pool.withTransaction(tx -> (rows.isEmpty() ? Uni.createFrom().voidItem() : tx.preparedQuery("""
                    INSERT INTO catalog_embedding (product_id, model, text_hash, vector) VALUES ($1, $2, $3, $4)
                    ON CONFLICT (product_id) DO UPDATE SET model = EXCLUDED.model, text_hash = EXCLUDED.text_hash,
                        vector = EXCLUDED.vector, updated_at = now()""").executeBatch(rows).replaceWithVoid())
                    .flatMap(ignored -> touched.isEmpty() ? Uni.createFrom().voidItem()
                            : tx.preparedQuery("UPDATE catalog_embedding SET updated_at = now() WHERE product_id = $1").executeBatch(touched)
                                    .replaceWithVoid()))
                    .await().atMost(DB);
            embedded += rows.size();
        }
    }

    /** The ids of the listed products nearest in meaning to {@code text}, nearest first; off the event loop. */
    public Uni<List<Long>> similar(Pool pool, String text, int limit) {
        return Uni.createFrom().item(() -> {
            float[] query = embed(List.of(text)).get(0);
            Index current = current(pool);
            PriorityQueue<double[]> best = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
            for (int i = 0; i < current.ids().length; i++) {
                float[] v = current.vectors()[i];
                double score = 0;
                for (int d = 0; d < v.length && d < query.length; d++) {
                    score += v[d] * query[d];
                }
                best.add(new double[] {score, i});
                if (best.size() > limit) {
                    best.poll();
                }
            }
            List<double[]> ranked = new ArrayList<>(best);
            ranked.sort((a, b) -> Double.compare(b[0], a[0]));
            return ranked.stream().map(r -> current.ids()[(int) r[1]]).toList();
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private Index current(Pool pool) {
        String version = pool.query("""
                SELECT count(*) || '/' || coalesce(max(e.updated_at)::text, '') || '/' || coalesce(max(p.changed_at)::text, '')
                FROM catalog_embedding e JOIN catalog_product p ON p.id = e.product_id""")
                .execute().await().atMost(DB).iterator().next().getString(0);
        Index loaded = index;
        if (version.equals(loaded.version())) {
            return loaded;
        }
        List<Row> rows = new ArrayList<>();
        pool.query("SELECT e.product_id, e.vector FROM catalog_embedding e JOIN catalog_product p ON p.id = e.product_id"
                + " WHERE NOT p.delisted AND e.model = '" + MODEL + "' ORDER BY e.product_id")
                .execute().await().atMost(DB).forEach(rows::add);
        long[] ids = new long[rows.size()];
        float[][] vectors = new float[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            ids[i] = rows.get(i).getLong(0);
            Float[] boxed = rows.get(i).getArrayOfFloats(1);
            float[] v = new float[boxed.length];
            for (int d = 0; d < v.length; d++) {
                v[d] = boxed[d];
            }
            vectors[i] = v;
        }
        Index fresh = new Index(version, ids, vectors);
        index = fresh;
        return fresh;
    }

    static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
