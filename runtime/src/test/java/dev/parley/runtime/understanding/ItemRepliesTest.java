package dev.parley.runtime.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.parley.runtime.understanding.ItemReplies.Action;
import dev.parley.runtime.understanding.ItemReplies.Alternative;
import dev.parley.runtime.understanding.ItemReplies.Decision;
import dev.parley.runtime.understanding.ItemReplies.Shown;

/** One reply that settles several items under negotiation. */
class ItemRepliesTest {

    /** Three items as shown: red silk (black silk offered instead), blue cotton, green linen (white linen offered). */
    private static final List<Shown> SHOWN = List.of(
            new Shown("silk", "red", List.of(new Alternative("silk", "black"))),
            new Shown("cotton", "blue", List.of()),
            new Shown("linen", "green", List.of(new Alternative("linen", "white"), new Alternative("cotton", "green"))));

    private static final Decision TAKE = new Decision(Action.TAKE, 0);
    private static final Decision DROP = new Decision(Action.DROP, 0);

    private static List<Decision> read(String reply) {
        return ItemReplies.read(reply, SHOWN).orElseThrow(() -> new AssertionError("nothing read from: " + reply));
    }

    private static List<Decision> decisions(Decision... decisions) {
        return Arrays.asList(decisions);
    }

    @Test
    void byPlace() {
        assertThat(read("pehla wala le lo, doosra cancel")).isEqualTo(decisions(TAKE, DROP, null));
        assertThat(read("first one ok, second and third remove")).isEqualTo(decisions(TAKE, DROP, DROP));
        assertThat(read("item 2 hata do aur last wala bhej do")).isEqualTo(decisions(null, DROP, TAKE));
    }

    @Test
    void byNameAndTheRest() {
        assertThat(read("take the red silk and drop the rest")).isEqualTo(decisions(TAKE, DROP, DROP));
        assertThat(read("silk rehne do baaki bhej do")).isEqualTo(decisions(DROP, TAKE, TAKE));
        assertThat(read("laal wala le lunga, neela cotton nahi chahiye")).isEqualTo(decisions(TAKE, DROP, null));
    }

    @Test
    void anAlternativeNamedIsTaken() {
        assertThat(read("black silk le lo, linen cancel")).isEqualTo(decisions(new Decision(Action.TAKE, 1), null, DROP));
        assertThat(read("white linen chalega, baaki sab hata do")).isEqualTo(decisions(DROP, DROP, new Decision(Action.TAKE, 1)));
    }

    @Test
    void devanagari() {
        assertThat(read("पहला वाला ले लो, दूसरा कैंसल")).isEqualTo(decisions(TAKE, DROP, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"haan", "jitna hai utna bhej do", "cancel", "koi aur colour?", "sab cancel kar do", "pehla wala",
            "12 meter kar do", "ok, red silk 5m", "pehla wala 10 meter kar do"})
    void aReplyThatNamesNoItemIsLeftToTheIntent(String reply) {
        assertThat(ItemReplies.read(reply, SHOWN)).as(reply).isEmpty();
    }
}
