package dev.parley.runtime.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Replies during negotiation and confirmation, in English, romanised Hindi and a mix. */
class IntentClassifierTest {

    private final IntentClassifier classifier = new IntentClassifier();

    @ParameterizedTest
    @ValueSource(strings = {"haan", "ha theek hai", "Haan ji", "yes confirm", "ok done", "OK", "theek hai bhej do", "pakka",
            "bilkul sahi hai", "confirm", "go ahead", "yes please", "👍", "haan kar do", "chalega", "aur kuch nahi, bas itna hi",
            "no changes, confirm", "koi problem nahi", "thik h", "sure", "bhej do"})
    void confirm(String reply) {
        assertThat(classifier.classify(reply)).as(reply).isEqualTo(Intent.CONFIRM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nahi", "no", "cancel karo", "rehne do", "order cancel kar do", "nahi chahiye", "cancel",
            "mat bhejo", "no thanks", "forget it", "sab cancel kar do", "remove everything", "❌", "nope", "chhodo bhai"})
    void cancel(String reply) {
        assertThat(classifier.classify(reply)).as(reply).isEqualTo(Intent.CANCEL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jitna hai utna bhej do", "available wala le lunga", "jo hai wahi bhej do",
            "whatever is available send that", "ok send what you have", "jitna available hai utna chalega",
            "baaki cancel kar do", "partial bhi chalega", "accept available", "take what's available"})
    void acceptAvailable(String reply) {
        assertThat(classifier.classify(reply)).as(reply).isEqualTo(Intent.ACCEPT_AVAILABLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"red wala hata do", "remove the red one", "haan, red wala hata do", "silk cancel kar do",
            "neela wala nahi chahiye", "nikal do blue cotton", "delete the second item", "cancel the silk",
            "red silk rehne do baaki theek hai", "pehla wala hatao"})
    void cancelItem(String reply) {
        assertThat(classifier.classify(reply)).as(reply).isEqualTo(Intent.CANCEL_ITEM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"koi aur colour?", "alternative", "koi aur colour hai kya", "other colours?",
            "dusra colour dikhao", "any other option", "kuch aur dikhao", "what else do you have", "similar kuch hai?"})
    void alternative(String reply) {
        assertThat(classifier.classify(reply)).as(reply).isEqualTo(Intent.ALTERNATIVE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"change to 12m", "badal do", "12 meter kar do", "blue ki jagah green", "make it 15 meters",
            "red ko 8m kar do", "quantity badha do", "no, make it 12m", "blue ke badle black bhejo", "sirf 5m chahiye",
            "instead of silk send cotton"})
    void edit(String reply) {
        assertThat(classifier.classify(reply)).as(reply).isEqualTo(Intent.EDIT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"aur 5m green silk bhi", "add 5m red silk", "5m green silk bhi bhej do", "ek aur than laal silk",
            "also 3m black wool", "haan aur 10 meter blue cotton", "plus 2 rolls denim", "5m more", "aur bhi chahiye: 5m cream linen",
            "saath mein 4 meter white linen"})
    void add(String reply) {
        assertThat(classifier.classify(reply)).as(reply).isEqualTo(Intent.ADD);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "kab tak aayega?", "hello", "bill kitna hua", "red silk available hai?", "???"})
    void unknown(String reply) {
        assertThat(classifier.classify(reply)).as(reply).isEqualTo(Intent.UNKNOWN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kuch samajh nahi aaya", "samjha nahi, phir se batao", "total sahi nahi lag raha", "photo nahi aayi",
            "not sure", "I don't understand", "rate kam nahi hoga?", "मुझे समझ नहीं आया", "delivery charges nahi lagenge na?"})
    void aSentenceThatOnlyContainsANoIsNotARefusal(String reply) {
        assertThat(classifier.classify(reply)).as(reply).isEqualTo(Intent.UNKNOWN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nahi bhai, abhi nahi", "no no", "nahi yaar", "order nahi karna", "no, don't place it", "नहीं",
            "नहीं चाहिए", "रद्द करो", "ऑर्डर कैंसल करो", "नहीं, रहने दो"})
    void clearRefusalsInEitherScriptCancel(String reply) {
        assertThat(classifier.classify(reply)).as(reply).isEqualTo(Intent.CANCEL);
    }

    @ParameterizedTest
    @CsvSource({"हाँ, CONFIRM", "ठीक है, CONFIRM", "ओके, CONFIRM", "लाल वाला हटा दो, CANCEL_ITEM", "कोई और रंग है?, ALTERNATIVE",
            "दूसरा रंग दिखाओ, ALTERNATIVE", "जितना है उतना भेज दो, ACCEPT_AVAILABLE", "और 5 मीटर नीला सूती भी, ADD",
            "12 मीटर कर दो, EDIT"})
    void devanagariReplies(String reply, Intent intent) {
        assertThat(classifier.classify(reply)).as(reply).isEqualTo(intent);
    }
}
