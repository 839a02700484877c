package dev.parley.operator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import dev.parley.api.v1alpha1.common.SecretKeyRef;
import dev.parley.api.v1alpha1.storage.PostgresSpec;
import dev.parley.api.v1alpha1.storage.RedisSpec;
import dev.parley.api.v1alpha1.storage.StorageBackend;
import dev.parley.api.v1alpha1.storage.StorageBackendStatus;
import dev.parley.operator.dependent.BotInputs;
import dev.parley.operator.status.Conditions;
import dev.parley.operator.storage.ConnectionCheck;
import dev.parley.operator.storage.PostgresCheck;
import dev.parley.operator.storage.RedisCheck;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;

/**
 * Checks that a StorageBackend's servers accept the configured credentials, with a real connection, and keeps
 * checking: a change of the resource or its Secrets triggers a check at once, and otherwise one runs every minute.
 * The status is written only when the result changes, so Bots that watch it are not woken for nothing.
 */
@ControllerConfiguration(name = "storagebackend")
public class StorageBackendReconciler implements Reconciler<StorageBackend> {

    static final Duration RECHECK = Duration.ofMinutes(1);
    static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final String BY_SECRET = "storage-by-secret";

    @Inject
    ReconcileMetrics metrics;

    @Override
    public UpdateControl<StorageBackend> reconcile(StorageBackend storage, Context<StorageBackend> context) {
        return metrics.time("StorageBackend", () -> doReconcile(storage, context));
    }

    @Override
    public ErrorStatusUpdateControl<StorageBackend> updateErrorStatus(StorageBackend storage, Context<StorageBackend> context, Exception e) {
        metrics.error("StorageBackend", e);
        return ErrorStatusUpdateControl.defaultErrorProcessing();
    }

    private UpdateControl<StorageBackend> doReconcile(StorageBackend storage, Context<StorageBackend> context) {
        String namespace = storage.getMetadata().getNamespace();
        PostgresSpec postgres = storage.getSpec().getPostgres();
        List<String> problems = new ArrayList<>();

        Optional<Secret> credentials = secret(context, namespace, postgres.getCredentialsSecretRef().getName());
        String postgresVersion = null;
        String secretName = postgres.getCredentialsSecretRef().getName();
        if (credentials.isEmpty()) {
            problems.add("Secret " + secretName + " not found");
        } else if (value(credentials.get(), "username") == null || value(credentials.get(), "password") == null) {
            problems.add("Secret " + secretName + " needs the keys 'username' and 'password'");
        } else if (postgres.getCaSecretRef() != null && caPem(context, namespace, postgres.getCaSecretRef()) == null) {
            problems.add("Secret " + postgres.getCaSecretRef().getName() + " with key '" + postgres.getCaSecretRef().getKey()
                    + "' (the CA certificate) not found");
        } else {
            String ca = postgres.getCaSecretRef() == null ? null : caPem(context, namespace, postgres.getCaSecretRef());
            ConnectionCheck pg = PostgresCheck.check(postgres.getHost(), postgres.getPort(), postgres.getDatabase(),
                    postgres.getSslMode().name().toLowerCase().replace('_', '-'), ca,
                    value(credentials.get(), "username"), value(credentials.get(), "password"), TIMEOUT);
            postgresVersion = pg.version();
            if (!pg.reachable()) {
                problems.add(pg.problem());
            }
        }

        String redisVersion = null;
        RedisSpec redis = storage.getSpec().getRedis();
        if (redis != null) {
            String password = null;
            boolean passwordMissing = false;
            if (redis.getPasswordSecretRef() != null) {
                Optional<Secret> secret = secret(context, namespace, redis.getPasswordSecretRef().getName());
                passwordMissing = secret.isEmpty();
                password = secret.map(s -> value(s, redis.getPasswordSecretRef().getKey())).orElse(null);
            }
            String ca = redis.getCaSecretRef() == null ? null : caPem(context, namespace, redis.getCaSecretRef());
            if (passwordMissing) {
                problems.add("Secret " + redis.getPasswordSecretRef().getName() + " not found");
            } else if (redis.getCaSecretRef() != null && ca == null) {
                problems.add("Secret " + redis.getCaSecretRef().getName() + " with key '" + redis.getCaSecretRef().getKey()
                        + "' (the CA certificate) not found");
            } else {
                ConnectionCheck check = RedisCheck.check(redis.getUrl(), Boolean.TRUE.equals(redis.getTls()), ca, password, TIMEOUT);
                redisVersion = check.version();
                if (!check.reachable()) {
                    problems.add(check.problem());
                }
            }
        }

        Long generation = storage.getMetadata().getGeneration();
        Condition reachable = problems.isEmpty()
                ? Conditions.of(StorageBackend.REACHABLE, true, "Connected", redis == null ? "PostgreSQL accepted the credentials"
                        : "PostgreSQL and Redis accepted the credentials", generation)
                : Conditions.of(StorageBackend.REACHABLE, false, "ConnectionFailed", String.join("; ", problems), generation);

        StorageBackendStatus current = storage.getStatus();
        boolean unchanged = current != null
                && Objects.equals(current.getObservedGeneration(), generation)
                && Objects.equals(current.getPostgresVersion(), postgresVersion)
                && Objects.equals(current.getRedisVersion(), redisVersion)
                && Conditions.sameFacts(current.getConditions(), List.of(reachable));
        if (unchanged) {
            return UpdateControl.<StorageBackend>noUpdate().rescheduleAfter(RECHECK);
        }
        StorageBackendStatus next = new StorageBackendStatus();
        next.setObservedGeneration(generation);
        next.setPostgresVersion(postgresVersion);
        next.setRedisVersion(redisVersion);
        next.setLastCheckTime(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        next.setConditions(Conditions.merge(current == null ? null : current.getConditions(), List.of(reachable)));
        StorageBackend patch = new StorageBackend();
        patch.setMetadata(new ObjectMetaBuilder().withName(storage.getMetadata().getName()).withNamespace(namespace).build());
        patch.setStatus(next);
        return UpdateControl.patchStatus(patch).rescheduleAfter(RECHECK);
    }

    @Override
    public List<EventSource<?, StorageBackend>> prepareEventSources(EventSourceContext<StorageBackend> context) {
        context.getPrimaryCache().addIndexer(BY_SECRET, sb -> BotInputs.secretNames(sb).stream()
                .map(name -> sb.getMetadata().getNamespace() + "/" + name).toList());
        var secrets = new InformerEventSource<>(InformerEventSourceConfiguration.from(Secret.class, StorageBackend.class)
                .withSecondaryToPrimaryMapper(secret -> context.getPrimaryCache()
                        .byIndex(BY_SECRET, secret.getMetadata().getNamespace() + "/" + secret.getMetadata().getName())
                        .stream().map(ResourceID::fromResource).collect(Collectors.toSet()))
                .build(), context);
        return List.of(secrets);
    }

    @SuppressWarnings("unchecked")
    private static Optional<Secret> secret(Context<StorageBackend> context, String namespace, String name) {
        var source = (InformerEventSource<Secret, StorageBackend>) context.eventSourceRetriever().getEventSourceFor(Secret.class);
        return source.get(new ResourceID(name, namespace));
    }

    /** The PEM text a CA Secret key ref names, or null when the Secret or the key is missing. */
    private static String caPem(Context<StorageBackend> context, String namespace, SecretKeyRef ref) {
        return secret(context, namespace, ref.getName()).map(s -> value(s, ref.getKey())).orElse(null);
    }

    private static String value(Secret secret, String key) {
        if (secret.getData() != null && secret.getData().containsKey(key)) {
            return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
        }
        return secret.getStringData() == null ? null : secret.getStringData().get(key);
    }
}
