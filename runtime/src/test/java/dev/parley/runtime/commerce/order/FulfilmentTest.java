package dev.parley.runtime.commerce.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FulfilmentTest {

    @Test
    void stepsGoForwardOnlyAndMaySkip() {
        assertThat(Fulfilment.canMove(null, Fulfilment.PREPARING)).isTrue();
        assertThat(Fulfilment.canMove(null, Fulfilment.SHIPPED)).isTrue();
        assertThat(Fulfilment.canMove(Fulfilment.PREPARING, Fulfilment.READY)).isTrue();
        assertThat(Fulfilment.canMove(Fulfilment.READY, Fulfilment.DELIVERED)).isTrue();
        assertThat(Fulfilment.canMove(Fulfilment.SHIPPED, Fulfilment.DELIVERED)).isTrue();
        assertThat(Fulfilment.canMove(Fulfilment.SHIPPED, Fulfilment.READY)).isFalse();
        assertThat(Fulfilment.canMove(Fulfilment.READY, Fulfilment.READY)).isFalse();
        assertThat(Fulfilment.canMove(Fulfilment.PREPARING, null)).isFalse();
    }

    @Test
    void cancellationIsOpenUntilDeliveryAndBothAreFinal() {
        assertThat(Fulfilment.canMove(null, Fulfilment.CANCELLED)).isTrue();
        assertThat(Fulfilment.canMove(Fulfilment.SHIPPED, Fulfilment.CANCELLED)).isTrue();
        assertThat(Fulfilment.canMove(Fulfilment.DELIVERED, Fulfilment.CANCELLED)).isFalse();
        for (Fulfilment to : Fulfilment.values()) {
            assertThat(Fulfilment.canMove(Fulfilment.CANCELLED, to)).as("cancelled to %s", to).isFalse();
            assertThat(Fulfilment.canMove(Fulfilment.DELIVERED, to)).as("delivered to %s", to).isFalse();
        }
    }

    @Test
    void aNameIsReadWhateverItsCaseAndAnUnknownOneListsTheValues() {
        assertThat(Fulfilment.named(" shipped ")).isEqualTo(Fulfilment.SHIPPED);
        assertThat(Fulfilment.named("Delivered")).isEqualTo(Fulfilment.DELIVERED);
        assertThatThrownBy(() -> Fulfilment.named("lost")).hasMessageContaining("PREPARING, READY, SHIPPED, DELIVERED, CANCELLED");
    }
}
