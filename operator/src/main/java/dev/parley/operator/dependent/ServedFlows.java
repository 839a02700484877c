package dev.parley.operator.dependent;

import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.parley.api.v1alpha1.bot.Bot;
import dev.parley.api.v1alpha1.bot.Flow;

/**
 * The flows the runtime image serves. The CRD admits every flow of the API ({@code orderAgent}, {@code shop},
 * {@code catalogWatch}), but a runtime started with one it does not serve stops at startup; deploying it would only
 * make a crash-looping Deployment. The operator deploys no runtime for such a Bot and says why in its status.
 */
public final class ServedFlows {

    /** What the runtime serves (README, "The runtime"). */
    public static final Set<Flow> SERVED = Set.of(Flow.ORDER_AGENT, Flow.SHOP, Flow.CATALOG_WATCH);

    private ServedFlows() {
    }

    public static boolean served(Bot bot) {
        return SERVED.contains(bot.getSpec().getFlow());
    }

    /** A flow as the API spells it ({@code orderAgent}). */
    public static String name(Flow flow) {
        try {
            return Flow.class.getField(flow.name()).getAnnotation(JsonProperty.class).value();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
