package dev.parley.runtime.owner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.parley.runtime.commerce.order.Order;
import dev.parley.runtime.http.BadInput;

class OrderQueryTest {

    @Test
    void nothingAskedIsEveryStateAndFifty() throws BadInput {
        assertThat(OrderQuery.parse(null, null)).isEqualTo(new OrderQuery(Optional.empty(), 50));
        assertThat(OrderQuery.parse(" ", "")).isEqualTo(new OrderQuery(Optional.empty(), 50));
    }

    @Test
    void aStateIsReadWhateverItsCaseAndALimitFromOneTo500() throws BadInput {
        assertThat(OrderQuery.parse("order_completed", " 7 ")).isEqualTo(new OrderQuery(Optional.of(Order.State.ORDER_COMPLETED), 7));
        assertThat(OrderQuery.parse("WAITING_OWNER_CONFIRMATION", "1").limit()).isEqualTo(1);
        assertThat(OrderQuery.parse(null, "500").limit()).isEqualTo(500);
    }

    @Test
    void anUnknownStateOrALimitOutOfRangeIsBadInputThatSaysWhy() {
        assertThatThrownBy(() -> OrderQuery.parse("LOST", null)).isInstanceOf(BadInput.class).hasMessageContaining("no order state 'LOST'")
                .hasMessageContaining("ORDER_REJECTED");
        for (String limit : new String[] {"0", "501", "-1", "ten", "1000", "99999999999", "1.5"}) {
            assertThatThrownBy(() -> OrderQuery.parse(null, limit)).as(limit).isInstanceOf(BadInput.class)
                    .hasMessageContaining("from 1 to 500");
        }
    }
}
