package dev.parley.operator.dependent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.parley.api.v1alpha1.bot.Bot;
import dev.parley.api.v1alpha1.bot.ChannelsSpec;
import dev.parley.api.v1alpha1.common.SecretKeyRef;
import dev.parley.api.v1alpha1.scaling.ScalingPolicy;
import dev.parley.api.v1alpha1.storage.RedisSpec;
import dev.parley.api.v1alpha1.storage.StorageBackend;
import dev.parley.operator.config.OperatorConfig;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;

/**
 * Everything the desired objects of a Bot are built from: the Bot, what it references, and the operator's
 * defaults. The dependents' {@code desired(BotInputs)} are pure functions of this, so they are tested without a
 * cluster; {@link dev.parley.operator.BotReconciler} fills it from the informer caches.
 */
public record BotInputs(
        Bot bot,
        Optional<StorageBackend> storage,
        Optional<ScalingPolicy> scalingPolicy,
        Map<String, Secret> secrets,
        OperatorConfig config) {

    /**
     * The inputs as the informer caches see them now; no API calls. Read once per reconcile and shared through the
     * context by the reconciler and every dependent that needs them.
     */
    public static BotInputs read(Bot bot, Context<Bot> context, OperatorConfig config) {
        var shared = context.managedWorkflowAndDependentResourceContext();
        return shared.get(BotInputs.class, BotInputs.class).orElseGet(() -> {
            BotInputs inputs = readFromCaches(bot, context, config);
            shared.put(BotInputs.class, inputs);
            return inputs;
        });
    }

    private static BotInputs readFromCaches(Bot bot, Context<Bot> context, OperatorConfig config) {
        String namespace = bot.getMetadata().getNamespace();
        Optional<StorageBackend> storage = cachedStorage(bot, context);
        Optional<ScalingPolicy> policy = cachedScalingPolicy(bot, context);
        Map<String, Secret> secrets = new TreeMap<>();
        for (String name : secretNames(bot, storage)) {
            cached(context, Secret.class, name, namespace).ifPresent(secret -> secrets.put(name, secret));
        }
        return new BotInputs(bot, storage, policy, secrets, config);
    }

    static Optional<StorageBackend> cachedStorage(Bot bot, Context<Bot> context) {
        return cached(context, StorageBackend.class, bot.getSpec().getStorageRef().getName(), bot.getMetadata().getNamespace());
    }

    static Optional<ScalingPolicy> cachedScalingPolicy(Bot bot, Context<Bot> context) {
        return bot.getSpec().getScalingPolicyRef() == null ? Optional.empty()
                : cached(context, ScalingPolicy.class, bot.getSpec().getScalingPolicyRef().getName(), bot.getMetadata().getNamespace());
    }

    @SuppressWarnings("unchecked")
    private static <R extends HasMetadata> Optional<R> cached(Context<Bot> context, Class<R> type, String name, String namespace) {
        var source = (InformerEventSource<R, Bot>) context.eventSourceRetriever().getEventSourceFor(type);
        return source.get(new ResourceID(name, namespace));
    }

    /** Names of the Secrets the bot needs: its own channel and AI secrets and its storage's credentials. */
    public static TreeSet<String> secretNames(Bot bot, Optional<StorageBackend> storage) {
        TreeSet<String> names = new TreeSet<>();
        secretKeyRefs(bot).forEach(ref -> names.add(ref.getName()));
        storage.ifPresent(sb -> names.addAll(secretNames(sb)));
        return names;
    }

    /** Names of the Secrets a StorageBackend references. */
    public static List<String> secretNames(StorageBackend storage) {
        List<String> names = new ArrayList<>();
        names.add(storage.getSpec().getPostgres().getCredentialsSecretRef().getName());
        if (storage.getSpec().getPostgres().getCaSecretRef() != null) {
            names.add(storage.getSpec().getPostgres().getCaSecretRef().getName());
        }
        RedisSpec redis = storage.getSpec().getRedis();
        if (redis != null && redis.getPasswordSecretRef() != null) {
            names.add(redis.getPasswordSecretRef().getName());
        }
        if (redis != null && redis.getCaSecretRef() != null) {
            names.add(redis.getCaSecretRef().getName());
        }
        return names;
    }

    /** The secret keys the bot's own spec references. */
    public static List<SecretKeyRef> secretKeyRefs(Bot bot) {
        List<SecretKeyRef> refs = new ArrayList<>();
        ChannelsSpec channels = bot.getSpec().getChannels();
        if (channels.getTelegram() != null) {
            refs.add(channels.getTelegram().getTokenSecretRef());
            refs.add(channels.getTelegram().getWebhookSecretTokenSecretRef());
        }
        if (channels.getWhatsapp() != null) {
            refs.add(channels.getWhatsapp().getAccessTokenSecretRef());
            refs.add(channels.getWhatsapp().getAppSecretSecretRef());
            refs.add(channels.getWhatsapp().getVerifyTokenSecretRef());
        }
        if (bot.getSpec().getAi() != null && bot.getSpec().getAi().getApiKeySecretRef() != null) {
            refs.add(bot.getSpec().getAi().getApiKeySecretRef());
        }
        if (bot.getSpec().getOwnerApiTokenSecretRef() != null) {
            refs.add(bot.getSpec().getOwnerApiTokenSecretRef());
        }
        var integrations = bot.getSpec().getIntegrations();
        if (integrations != null && integrations.getOrdersApiTokenSecretRef() != null) {
            refs.add(integrations.getOrdersApiTokenSecretRef());
        }
        if (integrations != null && integrations.getWebhooks() != null) {
            integrations.getWebhooks().forEach(webhook -> refs.add(webhook.getSecretRef()));
        }
        return refs;
    }

    /** What the bot references that does not exist, as "Kind/name", for its conditions. */
    public List<String> missingReferences() {
        List<String> missing = new ArrayList<>();
        if (storage.isEmpty()) {
            missing.add("StorageBackend/" + bot.getSpec().getStorageRef().getName());
        }
        if (bot.getSpec().getScalingPolicyRef() != null && scalingPolicy.isEmpty()) {
            missing.add("ScalingPolicy/" + bot.getSpec().getScalingPolicyRef().getName());
        }
        for (String name : secretNames(bot, storage)) {
            if (!secrets.containsKey(name)) {
                missing.add("Secret/" + name);
            }
        }
        return missing;
    }

    /**
     * A digest of every input a running pod reads at startup: the non-secret configuration and the content of the
     * referenced Secrets. It goes into the pod template, so a rotated Secret rolls the pods; the Secrets' values
     * themselves never leave the Secrets.
     */
    public String configChecksum(String configData) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(configData.getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, Secret> secret : new TreeMap<>(secrets).entrySet()) {
                digest.update(("\0secret:" + secret.getKey()).getBytes(StandardCharsets.UTF_8));
                Map<String, String> data = secret.getValue().getData() == null ? Map.of() : secret.getValue().getData();
                for (Map.Entry<String, String> entry : new TreeMap<>(data).entrySet()) {
                    digest.update(("\0" + entry.getKey() + "=" + entry.getValue()).getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
