package dev.parley.runtime.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.parley.runtime.understanding.OwnerCommand.Kind;

/** Owners' commands in English and Hindi, in either script. */
class OwnerCommandTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "approve 12 | APPROVE | 12 | -", "Approve #12 | APPROVE | 12 | -", "12 approve karo | APPROVE | 12 | -",
            "order 12 manzoor | APPROVE | 12 | -", "order no 12 ko approve kar do | APPROVE | 12 | -",
            "१२ मंज़ूर करो | APPROVE | 12 | -", "ऑर्डर 12 स्वीकार | APPROVE | 12 | -",
            "reject 12 out of season | REJECT | 12 | out of season", "12 radd karo stock khatam | REJECT | 12 | stock khatam",
            "ऑर्डर 12 रद्द करो, माल नहीं है | REJECT | 12 | माल नहीं है", "12 reject | REJECT | 12 | -",
            "radd 7: rate galat | REJECT | 7 | rate galat"})
    void decisions(String text, Kind kind, long order, String reason) {
        assertThat(OwnerCommand.read(text)).as(text).contains(new OwnerCommand(kind, order, null, reason));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "paid 5 1500 | 5 | 1500 | -", "paid 5 1500.50 cash | 5 | 1500.50 | cash", "jama 5 1500 upi se | 5 | 1500 | upi se",
            "5 ne 1500 diye | 5 | 1500 | -", "customer 5 ne rs 1500 jama kiye | 5 | 1500 | -",
            "ग्राहक ५ ने १५०० दिए नकद | 5 | 1500 | नकद", "भुगतान 5 ₹1500 | 5 | 1500 | -"})
    void payments(String text, long customer, String amount, String note) {
        assertThat(OwnerCommand.read(text)).as(text).contains(new OwnerCommand(Kind.PAID, customer, amount, note));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "preparing 12 | PREPARING | 12", "12 ready | READY | 12", "ready #12 | READY | 12", "order 12 taiyar hai | READY | 12",
            "१२ तैयार है | READY | 12", "shipped 9 | SHIPPED | 9", "9 bhej diya | SHIPPED | 9", "delivered 3 | DELIVERED | 3",
            "3 pahunch gaya | DELIVERED | 3", "ऑर्डर 3 पहुँच गया | DELIVERED | 3"})
    void fulfilment(String text, Kind kind, long order) {
        assertThat(OwnerCommand.read(text)).as(text).contains(new OwnerCommand(kind, order, null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"help", "Help?", "madad", "मदद", "owner"})
    void help(String text) {
        assertThat(OwnerCommand.read(text)).as(text).contains(new OwnerCommand(Kind.HELP, 0, null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10m blue cotton", "approve", "approved hai kya 12 wala?", "kal 12 baje aana", "12 meter cancel",
            "paid", "cancel karo", "5 ne kya bola", "approve 1234567890123456789012", "paid 5 123456789012345678901234",
            "ready 12 meter blue cotton", "is 12 ready?", "delivered"})
    void anythingElseIsNoCommand(String text) {
        assertThat(OwnerCommand.read(text)).as(text).isEmpty();
    }
}
