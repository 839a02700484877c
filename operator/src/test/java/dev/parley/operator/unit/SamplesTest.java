package dev.parley.operator.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * What {@code manifests/samples/} teaches by example. A channel's Secret (a Telegram token, a WhatsApp access token
 * or app secret) is sent only to that channel's API: a sample that hands it to anything else (the model provider's
 * key, the owner API's token, another channel) would teach users to leak it. Every Secret a sample uses is in
 * {@code 00-secrets.yaml}.
 */
class SamplesTest {

    private static final Path SAMPLES = Path.of(System.getProperty("parley.repoRoot", "..")).resolve("manifests/samples");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** A reference to a Secret, by who uses it ({@code channels.telegram}, {@code ai}, ...). */
    record Use(String file, String consumer, String path, String secret) {
    }

    @Test
    void noSampleSendsAChannelsSecretToAnotherConsumer() throws IOException {
        List<Use> uses = secretUses();
        assertThat(uses).as("the samples reference Secrets").isNotEmpty();
        Map<String, Set<String>> consumersBySecret = new TreeMap<>();
        for (Use use : uses) {
            consumersBySecret.computeIfAbsent(use.file() + " Secret/" + use.secret(), k -> new HashSet<>()).add(use.consumer());
        }
        for (var entry : consumersBySecret.entrySet()) {
            if (entry.getValue().stream().anyMatch(c -> c.startsWith("channels."))) {
                assertThat(entry.getValue()).as(entry.getKey() + " holds a channel's credentials and is used by").hasSize(1);
            }
        }
    }

    @Test
    void everySecretASampleUsesIsInTheSecretsSample() throws IOException {
        Set<String> defined = new HashSet<>();
        for (JsonNode doc : documents(SAMPLES.resolve("00-secrets.yaml"))) {
            defined.add(doc.path("metadata").path("name").asText());
        }
        assertThat(secretUses()).allSatisfy(use -> assertThat(defined).as(use.toString()).contains(use.secret()));
    }

    private static List<Use> secretUses() throws IOException {
        List<Use> uses = new ArrayList<>();
        try (Stream<Path> files = Files.list(SAMPLES)) {
            for (Path file : files.sorted().toList()) {
                for (JsonNode doc : documents(file)) {
                    if (doc.path("kind").asText().equals("Bot")) {
                        collect(file.getFileName().toString(), null, "spec", doc.path("spec"), uses);
                    }
                }
            }
        }
        return uses;
    }

    /** Every {@code {name, key}} under a field ending in {@code SecretRef} or {@code secretKeyRef}. */
    private static void collect(String file, String consumer, String path, JsonNode node, List<Use> uses) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                String childPath = path + "." + field.getKey();
                String childConsumer = consumer != null ? consumer
                        : path.equals("spec.channels") ? "channels." + field.getKey()
                        : path.equals("spec") && !field.getKey().equals("channels") ? field.getKey() : null;
                if ((field.getKey().endsWith("SecretRef") || field.getKey().equals("secretKeyRef")) && field.getValue().has("name")) {
                    uses.add(new Use(file, childConsumer == null ? childPath : childConsumer, childPath, field.getValue().path("name").asText()));
                } else {
                    collect(file, childConsumer, childPath, field.getValue(), uses);
                }
            });
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                collect(file, consumer, path + "[]", item, uses);
            }
        }
    }

    private static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(file.toFile())) {
            var it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    docs.add(doc);
                }
            }
        }
        return docs;
    }
}
