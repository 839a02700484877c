package dev.parley.runtime.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Devanagari written the way customers type Hindi in Latin letters. */
class RomanizerTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            // the inherent a not said at the end of a word, nor between a vowel and a syllable with one
            "लाल, lal", "नीला, nila", "मीटर, mitar", "आसमानी, asmani", "मलमल, malmal", "कपड़ा, kapra", "रेशमी, reshmi",
            "समझ, samajh", "पचहत्तर, pachhattar", "नारंगी, narangi",
            // nukta precomposed and combining, and the spelling without it
            "सफ़ेद, safed", "सफ़ेद, safed", "सफेद, safed", "हज़ार, hazar", "गज़, gaz", "डेढ़, derh",
            // ch and chh, sh, nasal signs, visarga
            "पाँच, panch", "पांच, panch", "छह, chhah", "छः, chhah", "पच्चीस, pachchis", "रेशम, resham", "नहीं, nahin",
            "हाँ, han", "चाहिए, chahie",
            // English words written in Devanagari, in their usual spelling
            "कॉटन, cotton", "व्हाइट, white", "ब्लैक, black", "ब्लू, blue", "कैंसल, cancel", "ऑर्डर, order", "ऑफ व्हाइट, off white", "पॉलिएस्टर, polyester"})
    void writesWordsAsTheyAreTyped(String devanagari, String latin) {
        assertThat(Romanizer.toLatin(devanagari)).isEqualTo(latin);
    }

    @Test
    void digitsAndTheDandaAreAscii() {
        assertThat(Romanizer.toLatin("१२.५ मीटर। २ थान॥")).isEqualTo("12.5 mitar.  2 than. ");
    }

    @Test
    void latinPassesThroughUntouchedAndAMixKeepsItsLatin() {
        String latin = "10m blue cotton, café? ₹500 #12";
        assertThat(Romanizer.toLatin(latin)).isSameAs(latin);
        assertThat(Romanizer.toLatin("bhaiya १० मीटर blue cotton")).isEqualTo("bhaiya 10 mitar blue cotton");
    }
}
