package dev.parley.operator.dependent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.parley.api.v1alpha1.bot.Bot;
import dev.parley.api.v1alpha1.bot.RuntimeSpec;
import dev.parley.api.v1alpha1.common.SecretKeyRef;
import dev.parley.api.v1alpha1.storage.PostgresSpec;
import dev.parley.api.v1alpha1.storage.RedisSpec;
import dev.parley.api.v1alpha1.storage.StorageBackend;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.HTTPGetActionBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * The runtime pods. Configuration reaches them as environment variables; secrets only as {@code secretKeyRef}, so
 * no secret value is ever part of the Deployment. A checksum of the configuration and the referenced Secrets in the
 * pod template rolls the pods when either changes.
 */
@KubernetesDependent(informer = @Informer(labelSelector = BotNames.SELECTOR))
public class BotDeployment extends BotDependent<Deployment> {

    public static final String CHECKSUM_ANNOTATION = "parley.dev/config-checksum";
    static final String CONFIG_DIR = "/etc/parley";

    public BotDeployment() {
        super(Deployment.class);
    }

    @Override
    protected Deployment desired(Bot bot, Context<Bot> context) {
        return desired(inputs(bot, context));
    }

    public static Deployment desired(BotInputs in) {
        Bot bot = in.bot();
        StorageBackend storage = in.storage()
                .orElseThrow(() -> new IllegalStateException("Bot " + BotNames.name(bot) + " has no StorageBackend"));
        RuntimeSpec runtime = bot.getSpec().getRuntime() != null ? bot.getSpec().getRuntime() : new RuntimeSpec();
        String image = runtime.getImage() != null ? runtime.getImage() : in.config().runtimeImage();

        var container = new ContainerBuilder()
                .withName("runtime")
                .withImage(image)
                .withImagePullPolicy(in.config().runtimeImagePullPolicy().orElse(null))
                .addNewPort().withName("http").withContainerPort(BotNames.HTTP_PORT).withProtocol("TCP").endPort()
                .withEnv(env(in, storage, runtime))
                .withResources(resources(in, runtime))
                .withStartupProbe(probe("/q/health/started", 5, 60))
                .withLivenessProbe(probe("/q/health/live", 10, 3))
                .withReadinessProbe(probe("/q/health/ready", 5, 3))
                .withNewSecurityContext()
                .withAllowPrivilegeEscalation(false)
                .withReadOnlyRootFilesystem(true)
                .withRunAsNonRoot(true)
                .withNewCapabilities().withDrop("ALL").endCapabilities()
                .endSecurityContext()
                .addNewVolumeMount().withName("config").withMountPath(CONFIG_DIR).withReadOnly(true).endVolumeMount()
                .addNewVolumeMount().withName("tmp").withMountPath("/tmp").endVolumeMount()
                .build();

        return new DeploymentBuilder()
                .withNewMetadata()
                .withName(BotNames.name(bot))
                .withNamespace(bot.getMetadata().getNamespace())
                .withLabels(BotNames.labels(bot))
                .endMetadata()
                .withNewSpec()
                .withReplicas(replicas(in))
                .withNewSelector().withMatchLabels(BotNames.selector(bot)).endSelector()
                .withNewStrategy()
                .withType("RollingUpdate")
                .withNewRollingUpdate().withMaxUnavailable(new IntOrString(0)).withMaxSurge(new IntOrString(1)).endRollingUpdate()
                .endStrategy()
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(BotNames.labels(bot))
                .withAnnotations(Map.of(
                        CHECKSUM_ANNOTATION, in.configChecksum(BotConfigMap.configJson(bot)),
                        "prometheus.io/scrape", "true",
                        "prometheus.io/path", "/q/metrics",
                        "prometheus.io/port", String.valueOf(BotNames.HTTP_PORT)))
                .endMetadata()
                .withNewSpec()
                .withServiceAccountName(BotNames.name(bot))
                .withNewSecurityContext()
                .withRunAsNonRoot(true)
                .withRunAsUser(185L)
                .withFsGroup(185L)
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .endSecurityContext()
                .withTerminationGracePeriodSeconds(30L)
                .withContainers(container)
                .addNewVolume().withName("config").withNewConfigMap().withName(BotNames.name(bot)).endConfigMap().endVolume()
                .addNewVolume().withName("tmp").withNewEmptyDir().endEmptyDir().endVolume()
                .withNodeSelector(runtime.getNodeSelector())
                .withTolerations(runtime.getTolerations())
                .withAffinity(runtime.getAffinity())
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    /**
     * Replicas when no autoscaler manages them: spec.replicas (default 1), or 0 while paused. With a ScalingPolicy
     * the field is left out so that the HPA owns it.
     */
    static Integer replicas(BotInputs in) {
        Bot bot = in.bot();
        if (Boolean.TRUE.equals(bot.getSpec().getPaused())) {
            return 0;
        }
        if (bot.getSpec().getScalingPolicyRef() != null) {
            return null;
        }
        return bot.getSpec().getReplicas() != null ? bot.getSpec().getReplicas() : 1;
    }

    private static List<EnvVar> env(BotInputs in, StorageBackend storage, RuntimeSpec runtime) {
        Bot bot = in.bot();
        PostgresSpec postgres = storage.getSpec().getPostgres();
        List<EnvVar> env = new ArrayList<>();
        env.add(plain("PARLEY_BOT_NAME", BotNames.name(bot)));
        env.add(fieldRef("PARLEY_BOT_NAMESPACE", "metadata.namespace"));
        env.add(fieldRef("PARLEY_POD_NAME", "metadata.name"));
        env.add(plain("PARLEY_LEASE_NAME", BotNames.leaseName(bot)));
        env.add(plain("PARLEY_BOT_CONFIG", CONFIG_DIR + "/" + BotConfigMap.KEY));
        env.add(plain("PARLEY_PUBLIC_URL", bot.getSpec().getPublicUrl()));
        env.add(plain("PARLEY_DB_HOST", postgres.getHost()));
        env.add(plain("PARLEY_DB_PORT", String.valueOf(postgres.getPort())));
        env.add(plain("PARLEY_DB_NAME", postgres.getDatabase()));
        env.add(plain("PARLEY_DB_SSLMODE", postgres.getSslMode().name().toLowerCase().replace('_', '-')));
        env.add(plain("PARLEY_DB_POOL_SIZE", String.valueOf(postgres.getPoolSize())));
        env.add(plain("PARLEY_DB_SCHEMA", BotNames.schema(bot)));
        env.add(secret("PARLEY_DB_USER", new SecretKeyRef(postgres.getCredentialsSecretRef().getName(), "username")));
        env.add(secret("PARLEY_DB_PASSWORD", new SecretKeyRef(postgres.getCredentialsSecretRef().getName(), "password")));
        if (postgres.getCaSecretRef() != null) {
            env.add(secret("PARLEY_DB_CA_PEM", postgres.getCaSecretRef()));
        }
        env.add(plain("PARLEY_SESSIONS", storage.getSpec().getSessions().name().toLowerCase()));
        RedisSpec redis = storage.getSpec().getRedis();
        if (redis != null) {
            env.add(plain("PARLEY_REDIS_URL", redis.getUrl()));
            if (redis.getPasswordSecretRef() != null) {
                env.add(secret("PARLEY_REDIS_PASSWORD", redis.getPasswordSecretRef()));
            }
            if (Boolean.TRUE.equals(redis.getTls())) {
                env.add(plain("PARLEY_REDIS_TLS", "true"));
            }
            if (redis.getCaSecretRef() != null) {
                env.add(secret("PARLEY_REDIS_CA_PEM", redis.getCaSecretRef()));
            }
        }
        var telegram = bot.getSpec().getChannels().getTelegram();
        if (telegram != null) {
            env.add(secret("PARLEY_TELEGRAM_TOKEN", telegram.getTokenSecretRef()));
            env.add(secret("PARLEY_TELEGRAM_WEBHOOK_SECRET", telegram.getWebhookSecretTokenSecretRef()));
            env.add(plain("PARLEY_TELEGRAM_MAX_CONNECTIONS", String.valueOf(telegram.getMaxConnections())));
        }
        var whatsapp = bot.getSpec().getChannels().getWhatsapp();
        if (whatsapp != null) {
            env.add(secret("PARLEY_WHATSAPP_ACCESS_TOKEN", whatsapp.getAccessTokenSecretRef()));
            env.add(secret("PARLEY_WHATSAPP_APP_SECRET", whatsapp.getAppSecretSecretRef()));
            env.add(secret("PARLEY_WHATSAPP_VERIFY_TOKEN", whatsapp.getVerifyTokenSecretRef()));
        }
        if (bot.getSpec().getAi() != null && bot.getSpec().getAi().getApiKeySecretRef() != null) {
            env.add(secret("PARLEY_AI_API_KEY", bot.getSpec().getAi().getApiKeySecretRef()));
        }
        if (bot.getSpec().getOwnerApiTokenSecretRef() != null) {
            env.add(secret("PARLEY_OWNER_TOKEN", bot.getSpec().getOwnerApiTokenSecretRef()));
        }
        var integrations = bot.getSpec().getIntegrations();
        if (integrations != null && integrations.getOrdersApiTokenSecretRef() != null) {
            env.add(secret("PARLEY_ORDERS_TOKEN", integrations.getOrdersApiTokenSecretRef()));
        }
        if (integrations != null && integrations.getWebhooks() != null) {
            integrations.getWebhooks().forEach(webhook -> env.add(secret(webhookSecretVariable(webhook.getName()), webhook.getSecretRef())));
        }
        if (runtime.getEnv() != null) {
            env.addAll(runtime.getEnv());
        }
        return env;
    }

    /**
     * The variable a webhook's signing secret is passed in: {@code PARLEY_WEBHOOK_SECRET_} and its name upper-cased, '-' as
     * '_' (the runtime's {@code IntegrationSettings} reads the same).
     */
    public static String webhookSecretVariable(String name) {
        return "PARLEY_WEBHOOK_SECRET_" + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    private static ResourceRequirements resources(BotInputs in, RuntimeSpec runtime) {
        if (runtime.getResources() != null) {
            return runtime.getResources();
        }
        Quantity memory = new Quantity(in.config().runtimeMemory());
        return new ResourceRequirementsBuilder()
                .addToRequests("cpu", new Quantity(in.config().runtimeCpuRequest()))
                .addToRequests("memory", memory)
                .addToLimits("memory", memory)
                .build();
    }

    private static Probe probe(String path, int periodSeconds, int failureThreshold) {
        return new ProbeBuilder()
                .withHttpGet(new HTTPGetActionBuilder().withPath(path).withPort(new IntOrString("http")).build())
                .withPeriodSeconds(periodSeconds)
                .withFailureThreshold(failureThreshold)
                .withTimeoutSeconds(3)
                .build();
    }

    private static EnvVar plain(String name, String value) {
        return new EnvVarBuilder().withName(name).withValue(value).build();
    }

    private static EnvVar fieldRef(String name, String path) {
        // apiVersion spelled out: the server defaults it, and a desired object without it never matches the actual one.
        return new EnvVarBuilder().withName(name).withNewValueFrom().withNewFieldRef().withApiVersion("v1").withFieldPath(path)
                .endFieldRef().endValueFrom().build();
    }

    private static EnvVar secret(String name, SecretKeyRef ref) {
        return new EnvVarBuilder().withName(name).withNewValueFrom().withNewSecretKeyRef()
                .withName(ref.getName()).withKey(ref.getKey()).endSecretKeyRef().endValueFrom().build();
    }
}
