package dev.parley.operator.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;

/** Standard conditions, with lastTransitionTime kept while a condition's status does not change. */
public final class Conditions {

    private Conditions() {
    }

    public static Condition of(String type, boolean status, String reason, String message, Long generation) {
        return new ConditionBuilder()
                .withType(type)
                .withStatus(status ? "True" : "False")
                .withReason(reason)
                .withMessage(message)
                .withObservedGeneration(generation)
                .build();
    }

    /**
     * The new conditions, each with the transition time of its previous version when the status is the same and
     * now otherwise.
     */
    public static List<Condition> merge(List<Condition> previous, List<Condition> next) {
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        List<Condition> merged = new ArrayList<>();
        for (Condition condition : next) {
            Condition old = previous == null ? null : previous.stream()
                    .filter(c -> Objects.equals(c.getType(), condition.getType())).findFirst().orElse(null);
            String since = old != null && Objects.equals(old.getStatus(), condition.getStatus()) && old.getLastTransitionTime() != null
                    ? old.getLastTransitionTime() : now;
            merged.add(new ConditionBuilder(condition).withLastTransitionTime(since).build());
        }
        return merged;
    }

    /** Whether two condition lists say the same, ignoring transition times. */
    public static boolean sameFacts(List<Condition> a, List<Condition> b) {
        if (a == null || b == null || a.size() != b.size()) {
            return a == b || (a == null && b != null && b.isEmpty()) || (b == null && a != null && a.isEmpty());
        }
        for (int i = 0; i < a.size(); i++) {
            Condition x = a.get(i);
            Condition y = b.get(i);
            if (!Objects.equals(x.getType(), y.getType()) || !Objects.equals(x.getStatus(), y.getStatus())
                    || !Objects.equals(x.getReason(), y.getReason()) || !Objects.equals(x.getMessage(), y.getMessage())
                    || !Objects.equals(x.getObservedGeneration(), y.getObservedGeneration())) {
                return false;
            }
        }
        return true;
    }
}
