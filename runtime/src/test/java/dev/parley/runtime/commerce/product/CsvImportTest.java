package dev.parley.runtime.commerce.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The CSV reader alone: RFC 4180 quoting, line numbers as the owner's editor shows them, each broken row on its own. */
class CsvImportTest {

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaksAndLinesAreCountedAsInTheFile() {
        CsvImport.Parsed parsed = CsvImport.parse("\uFEFFSKU,Name,Category,PriceMinor,Stock\r\n"
                + "A-1,\"Tea, black\",Tea,100,1\r\n"
                + "A-2,\"Two\nlines\",Tea,200,2\r\n"
                + "\r\n"
                + "A-3,\"say \"\"hi\"\"\",Tea,300,3");

        assertThat(parsed.refused()).isEmpty();
        assertThat(parsed.rows()).extracting(CsvImport.Row::line).containsExactly(2, 3, 6);
        assertThat(parsed.rows()).extracting(r -> r.product().name()).containsExactly("Tea, black", "Two\nlines", "say \"hi\"");
        assertThat(parsed.rows().get(2).product().active()).isTrue();
        assertThat(parsed.rows().get(0).product().description()).isEmpty();
    }

    @Test
    void everyBrokenRowIsNamedWithAllItsProblems() {
        CsvImport.Parsed parsed = CsvImport.parse("sku,name,category,priceMinor,stock,active\n"
                + "ok,Fine,Tea,1,1,\n"
                + "bad sku,,Tea,-5,2000000,perhaps\n"
                + "nul,Bad\u0000name,Tea,1,1,no\n");

        assertThat(parsed.rows()).hasSize(1);
        assertThat(parsed.refused()).hasSize(2);
        assertThat(parsed.refused().get(0).line()).isEqualTo(3);
        assertThat(parsed.refused().get(0).problems()).hasSize(5)
                .anyMatch(p -> p.startsWith("active is true or false")).anyMatch(p -> p.startsWith("sku is"))
                .anyMatch(p -> p.startsWith("name is")).anyMatch(p -> p.startsWith("priceMinor")).anyMatch(p -> p.startsWith("stock is"));
        assertThat(parsed.refused().get(1).problems()).containsExactly("a text contains the NUL character (U+0000), which cannot be stored");
    }

    @Test
    void aFileThatCannotBeReadAsAWholeIsRefusedWhole() {
        assertThatThrownBy(() -> CsvImport.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> CsvImport.parse("sku,name,sku,category,priceMinor,stock\n")).hasMessageContaining("named twice");
        assertThatThrownBy(() -> CsvImport.parse("sku,name,category,priceMinor,stock\n" + "a,b,c,1,1\n".repeat(CsvImport.MAX_ROWS + 1)))
                .hasMessageContaining("at most 5000");
    }
}
