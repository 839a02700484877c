package dev.parley.runtime.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** A customer's language from what they write: the script, then the words. */
class LanguageGuessTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "10 मीटर नीला सूती | hi", "हाँ | hi", "need 10 मीटर blue cotton | hi",
            "bhaiya 10 meter neela sooti bhej do | hi", "das meter laal resham chahiye | hi", "kya blue cotton hai? | hi",
            "haan theek hai | hi", "10m blue cotton bhej do bhaiya | hi", "10m blue cotton bhej do please | hi", "kal tak 50 meter white cotton chahiye | hi",
            "I need 25 meters of red silk | en", "Please send 15 mtr black polyester | en", "do you have navy linen? | en",
            "yes please confirm | en", "I want eighteen metres yellow georgette | en", "need one hundred meters | en", "what colours do you have in silk? | en", "hi sir, need 20 meter white linen | en"})
    void fromScriptAndWords(String text, String language) {
        assertThat(LanguageGuess.of(text)).as(text).contains(language);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"10m", "ok", "👍", "blue cotton 10m", "order 1234", "  ", "haan", "yes", "20m blue cotton aur 6m red polyester"})
    void tooLittleToTell(String text) {
        assertThat(LanguageGuess.of(text)).as(String.valueOf(text)).isEmpty();
    }
}
