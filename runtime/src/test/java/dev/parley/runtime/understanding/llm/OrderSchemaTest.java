package dev.parley.runtime.understanding.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.parley.runtime.understanding.OrderLine;
import dev.parley.runtime.understanding.Vocabulary;

/** What a model's answer must be to become order lines. */
class OrderSchemaTest {

    private static final Vocabulary VOCABULARY = new Vocabulary(
            Map.of("cotton", Set.of("sooti"), "silk", Set.of()),
            Map.of("blue", Set.of(), "sky blue", Set.of()));

    private static List<OrderLine> lines(String content) throws OrderSchema.InvalidOutput {
        return OrderSchema.lines(content, VOCABULARY);
    }

    private static String line(String quantity) {
        return "{\"items\": [{\"material\": \"cotton\", \"color\": \"blue\", " + quantity + "}]}";
    }

    @Test
    void linesInMetersAndRollsWithTheCatalogsNames() throws Exception {
        assertThat(lines("""
                {"items": [{"material": "cotton", "color": "sky blue", "meters": 10},
                           {"color": "blue", "material": "silk", "rolls": 2}]}""")).containsExactly(
                OrderLine.meters("cotton", "sky blue", new BigDecimal("10")), OrderLine.rolls("silk", "blue", 2));
    }

    @Test
    void noItemsIsAnAnswer() throws Exception {
        assertThat(lines("{\"items\": []}")).isEmpty();
    }

    @Test
    void aNameInAnotherCaseIsTheCatalogsName() throws Exception {
        assertThat(lines("{\"items\": [{\"material\": \"Cotton\", \"color\": \"SKY BLUE\", \"rolls\": 1}]}"))
                .containsExactly(OrderLine.rolls("cotton", "sky blue", 1));
    }

    @ParameterizedTest
    @CsvSource({"2.345, 2.35", "2.344, 2.34", "10.50, 10.5", "0.005, 0.01", "1e1, 10", "7.0, 7"})
    void metersAreRoundedHalfUpToTwoDecimals(String written, String meters) throws Exception {
        assertThat(lines(line("\"meters\": " + written))).containsExactly(OrderLine.meters("cotton", "blue", new BigDecimal(meters)));
    }

    @Test
    void wholeRollsWrittenWithADecimalPointAreWhole() throws Exception {
        assertThat(lines(line("\"rolls\": 3.0"))).containsExactly(OrderLine.rolls("cotton", "blue", 3));
    }

    @Test
    void aNullQuantityBesideTheOtherIsAbsent() throws Exception {
        assertThat(lines(line("\"meters\": 4, \"rolls\": null"))).containsExactly(OrderLine.meters("cotton", "blue", new BigDecimal("4")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "not json",
            "{\"items\": [",
            "[]",
            "{}",
            "{\"items\": {}}",
            "{\"items\": [], \"note\": \"nothing ordered\"}",
            "{\"items\": [\"10m blue cotton\"]}",
            "{\"items\": [{\"material\": \"chiffon\", \"color\": \"blue\", \"meters\": 1}]}",
            "{\"items\": [{\"material\": \"sooti\", \"color\": \"blue\", \"meters\": 1}]}",
            "{\"items\": [{\"material\": \"cotton\", \"color\": \"teal\", \"meters\": 1}]}",
            "{\"items\": [{\"material\": \"cotton\", \"meters\": 1}]}",
            "{\"items\": [{\"material\": null, \"color\": \"blue\", \"meters\": 1}]}"})
    void anAnswerOutsideTheSchemaIsInvalid(String content) {
        assertThatThrownBy(() -> lines(content)).isInstanceOf(OrderSchema.InvalidOutput.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\"meters\": 0", "\"meters\": -2", "\"meters\": 0.004", "\"meters\": \"10\"", "\"meters\": true",
            "\"rolls\": 0", "\"rolls\": -1", "\"rolls\": 1.5", "\"rolls\": \"2\"", "\"rolls\": 3000000000",
            "\"meters\": 5, \"rolls\": 1", "\"meters\": null", "\"meters\": 5, \"unit\": \"yards\""})
    void aQuantityOutsideTheSchemaIsInvalid(String quantity) {
        assertThatThrownBy(() -> lines(line(quantity))).isInstanceOf(OrderSchema.InvalidOutput.class);
    }

    @Test
    void theReasonSaysWhatIsWrong() {
        assertThatThrownBy(() -> lines("{\"items\": [{\"material\": \"chiffon\", \"color\": \"blue\", \"meters\": 1}]}"))
                .hasMessage("items[0].material 'chiffon' is not in the catalog");
        assertThatThrownBy(() -> lines(line("\"meters\": 5, \"rolls\": 1")))
                .hasMessage("items[0] must have exactly one of \"meters\" and \"rolls\"");
    }
}
