package dev.parley.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/** Installs parts of the Helm chart into a test API server the way {@code helm install} would lay them out. */
public final class Chart {

    public static final String OPERATOR_NAMESPACE = "parley-system";
    public static final String OPERATOR_SERVICE_ACCOUNT = "parley";

    private Chart() {
    }

    public static Path dir() {
        return Path.of(System.getProperty("parley.repoRoot", "..")).resolve("helm/parley");
    }

    /** Applies the chart's CRDs and waits until each is Established. */
    public static void installCrds(KubernetesClient client) {
        installCrds(client, dir().resolve("crds"));
    }

    /** Applies every CRD file in a directory and waits until each is Established. */
    public static void installCrds(KubernetesClient client, Path directory) {
        List<Path> files;
        try (Stream<Path> list = Files.list(directory)) {
            files = list.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions().load(in).item();
                client.resource(crd).fieldManager("parley-tests").forceConflicts().serverSideApply();
                client.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName())
                        .waitUntilCondition(c -> c.getStatus() != null && c.getStatus().getConditions() != null && c.getStatus().getConditions().stream()
                                .anyMatch(x -> "Established".equals(x.getType()) && "True".equals(x.getStatus())), 60, TimeUnit.SECONDS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Applies the chart's ServiceAccount and RBAC objects as helm renders them with watchAllNamespaces (tests use
     * fresh namespaces) and returns a token of that ServiceAccount, for running the operator with exactly them.
     */
    public static synchronized String installRbacAndGetToken(KubernetesClient admin) {
        List<HasMetadata> rbac = rbac(render(admin, "parley", OPERATOR_NAMESPACE,
                "watchAllNamespaces=true", "serviceAccount.name=" + OPERATOR_SERVICE_ACCOUNT));
        for (HasMetadata object : rbac) {
            admin.resource(object).fieldManager("parley-tests").forceConflicts().serverSideApply();
        }
        return token(admin, OPERATOR_NAMESPACE, OPERATOR_SERVICE_ACCOUNT);
    }

    /** {@code helm template} of the chart into {@code namespace} (created if missing), with {@code --set} values. */
    public static List<HasMetadata> render(KubernetesClient admin, String release, String namespace, String... values) {
        if (admin.namespaces().withName(namespace).get() == null) {
            admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build()).create();
        }
        List<String> args = new ArrayList<>(List.of("template", release, dir().toString(), "--namespace", namespace));
        for (String value : values) {
            args.add("--set");
            args.add(value);
        }
        String rendered = Helm.find().run(args.toArray(String[]::new));
        return admin.load(new ByteArrayInputStream(rendered.getBytes(StandardCharsets.UTF_8))).items();
    }

    /** The ServiceAccount and RBAC objects of a rendering. */
    public static List<HasMetadata> rbac(List<HasMetadata> rendered) {
        List<String> rbacKinds = List.of("ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding");
        return rendered.stream().filter(o -> rbacKinds.contains(o.getKind())).toList();
    }

    /** A two-hour token of a ServiceAccount. */
    public static String token(KubernetesClient admin, String namespace, String serviceAccount) {
        return admin.serviceAccounts().inNamespace(namespace).withName(serviceAccount)
                .tokenRequest(new TokenRequestBuilder().withNewSpec().withExpirationSeconds(7200L).endSpec().build())
                .getStatus().getToken();
    }
}
