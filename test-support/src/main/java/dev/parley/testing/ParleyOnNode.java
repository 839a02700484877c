package dev.parley.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Parley installed on a real one-node cluster as a user would install it: the images this build makes in the node's
 * registry, the chart installed with them, and around it what a cluster would have: PostgreSQL (on the host, behind
 * the Service {@code textile-db-rw} the samples name, with their user {@code app}) and a Telegram Bot API (a fake on
 * the host). Used by the end-to-end tests and {@code benchmarks/run bot-startup}.
 */
public final class ParleyOnNode implements AutoCloseable {

    public static final String NAMESPACE = "parley-system";
    /** The samples' database user and password (manifests/samples/00-secrets.yaml). */
    public static final String DB_USER = "app";
    public static final String DB_PASSWORD = "replace-me";

    private final KubeNode node;
    private final KubernetesClient client;
    private final String tag;
    private final HostPostgres postgres;
    private final FakeTelegramApi telegram;

    private ParleyOnNode(KubeNode node, KubernetesClient client, String tag, HostPostgres postgres, FakeTelegramApi telegram) {
        this.node = node;
        this.client = client;
        this.tag = tag;
        this.postgres = postgres;
        this.telegram = telegram;
    }

    /** Brings up the node in {@code dir}, builds and pushes the images, starts PostgreSQL and the fake Telegram. */
    public static ParleyOnNode start(Path dir) {
        Helm.find();
        KubeNode node = KubeNode.start(dir);
        try {
            KubernetesClient client = node.client();
            String tag = node.buildImages();
            HostPostgres postgres = HostPostgres.start(node.hostIp(), node.hostIp() + "/24");
            postgres.createUserAndDatabase(DB_USER, DB_PASSWORD, "app");
            FakeTelegramApi telegram = new FakeTelegramApi(node.hostIp());
            ParleyOnNode parley = new ParleyOnNode(node, client, tag, postgres, telegram);
            parley.exposeHostPostgres("textile-db-rw");
            return parley;
        } catch (IOException | RuntimeException | InterruptedException e) {
            node.close();
            throw new IllegalStateException("cannot set Parley up on the node: " + e.getMessage(), e);
        }
    }

    /** {@code helm install} of the chart with this build's images; returns when the operator is Ready. */
    public void installChart() {
        Helm.find().run("--kubeconfig", node.kubeconfig().toString(), "install", "parley",
                KubeNode.repoRoot().resolve("helm/parley").toString(),
                "--namespace", NAMESPACE, "--create-namespace", "--wait", "--timeout", "5m",
                "--set", "image.repository=" + runtimeRepository().replace("parley-runtime", "parley-operator"),
                "--set", "image.tag=" + tag,
                "--set", "runtimeImage.repository=" + runtimeRepository(), "--set", "runtimeImage.tag=" + tag);
    }

    /** A Service without selector, named {@code name} on port 5432, whose endpoint is PostgreSQL on the host. */
    public void exposeHostPostgres(String name) {
        apply("""
                apiVersion: v1
                kind: Namespace
                metadata: {name: %4$s}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: %1$s, namespace: %4$s}
                spec:
                  ports: [{name: postgres, port: 5432, targetPort: %2$d}]
                ---
                apiVersion: discovery.k8s.io/v1
                kind: EndpointSlice
                metadata:
                  name: %1$s-host
                  namespace: %4$s
                  labels: {kubernetes.io/service-name: %1$s}
                addressType: IPv4
                ports: [{name: postgres, port: %2$d, protocol: TCP}]
                endpoints: [{addresses: ["%3$s"]}]
                """.formatted(name, postgres.port(), node.hostIp(), NAMESPACE));
    }

    /** Server-side applies every object of a YAML stream, in {@link #NAMESPACE} unless it names another. */
    public void apply(String yaml) {
        for (HasMetadata resource : client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items()) {
            client.resource(resource).inNamespace(resource.getMetadata().getNamespace() != null ? resource.getMetadata().getNamespace() : NAMESPACE)
                    .forceConflicts().serverSideApply();
        }
    }

    public String runtimeRepository() {
        return node.registry() + "/parley-dev/parley-runtime";
    }

    public String runtimeImage() {
        return runtimeRepository() + ":" + tag;
    }

    public KubeNode node() {
        return node;
    }

    public KubernetesClient client() {
        return client;
    }

    public String tag() {
        return tag;
    }

    public HostPostgres postgres() {
        return postgres;
    }

    public FakeTelegramApi telegram() {
        return telegram;
    }

    @Override
    public void close() {
        try {
            client.close();
            telegram.close();
            postgres.close();
        } catch (IOException | RuntimeException e) {
            System.err.println("[parley-on-node] " + e);
        } finally {
            node.close();
        }
    }
}
