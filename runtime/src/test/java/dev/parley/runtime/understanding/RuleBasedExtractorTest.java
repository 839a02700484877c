package dev.parley.runtime.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rule-based extractor against a small textile catalog, one aspect of chat language at a time. */
class RuleBasedExtractorTest {

    private static final Vocabulary CATALOG = new Vocabulary(
            Map.of("cotton", Set.of("mulmul"), "silk", Set.of(), "polyester", Set.of(), "linen", Set.of(),
                    "denim", Set.of("jeans"), "georgette", Set.of()),
            Map.of("red", Set.of(), "blue", Set.of(), "green", Set.of(), "white", Set.of(), "black", Set.of(),
                    "navy", Set.of("navy blue"), "sky blue", Set.of(), "cream", Set.of("off white"), "maroon", Set.of("wine")));

    private final RuleBasedExtractor extractor = new RuleBasedExtractor();

    private List<OrderLine> extract(String text) {
        return extractor.extract(text, CATALOG);
    }

    private static OrderLine meters(String material, String color, String meters) {
        return OrderLine.meters(material, color, new BigDecimal(meters));
    }

    /** The one line read from {@code text}, in meters as written by the API. */
    private String onlyMeters(String text) {
        List<OrderLine> lines = extract(text);
        assertThat(lines).as(text).hasSize(1);
        assertThat(lines.get(0).meters()).as(text).isNotNull();
        return lines.get(0).meters().toPlainString();
    }

    @Nested
    class Numbers {

        @ParameterizedTest(name = "{0} meter blue cotton is {1} m")
        @CsvSource({
                "ek, 1", "teen, 3", "chaar, 4", "char, 4", "paanch, 5", "chhe, 6", "saat, 7", "aath, 8", "nau, 9",
                "das, 10", "gyarah, 11", "barah, 12", "terah, 13", "chaudah, 14", "pandrah, 15", "solah, 16",
                "satrah, 17", "atharah, 18", "unnis, 19", "bees, 20", "ikkees, 21", "pachees, 25", "tees, 30",
                "chalis, 40", "chaalis, 40", "pachas, 50", "pachaas, 50", "saath, 60", "sattar, 70", "assi, 80",
                "nabbe, 90", "ninyaanave, 99", "sau, 100", "do sau, 200", "dedh sau, 150", "dhai sau, 250",
                "one, 1", "two, 2", "ten, 10", "twelve, 12", "twenty, 20", "twenty five, 25", "twenty-five, 25",
                "fifty, 50", "hundred, 100", "a hundred, 100", "one hundred fifty, 150"})
        void hindiAndEnglishNumberWords(String words, String meters) {
            assertThat(onlyMeters(words + " meter blue cotton")).isEqualTo(meters);
        }

        @ParameterizedTest(name = "{0} meter red silk is {1} m")
        @CsvSource({
                "dedh, 1.5", "dhai, 2.5", "dhaai, 2.5", "aadha, 0.5", "half, 0.5", "half a, 0.5", "saadhe teen, 3.5",
                "saade chaar, 4.5", "saadhe das, 10.5", "sawa do, 2.25", "paune paanch, 4.75", "sawa, 1.25",
                "paune, 0.75", "one and a half, 1.5", "four and a half, 4.5", "2 and a half, 2.5", "2 1/2, 2.5",
                "1/2, 0.5", "2.5, 2.5", "2.25, 2.25", "'2,5', 2.5", "'1,000', 1000"})
        void fractionsAndDecimals(String words, String meters) {
            assertThat(onlyMeters(words + " meter red silk")).isEqualTo(meters);
        }

        @Test
        void doIsTwoOnlyBeforeAUnit() {
            assertThat(extract("do than laal silk")).containsExactly(OrderLine.rolls("silk", "red", 2));
            assertThat(extract("blue cotton do meter")).containsExactly(meters("cotton", "blue", "2"));
            assertThat(extract("10m blue cotton de do")).containsExactly(meters("cotton", "blue", "10"));
            assertThat(extract("do meter laal silk de do")).containsExactly(meters("silk", "red", "2"));
        }

        @Test
        void aSaidTwiceNumberIsEach() {
            assertThat(extract("paanch paanch meter laal aur hara cotton"))
                    .containsExactly(meters("cotton", "red", "5"), meters("cotton", "green", "5"));
            assertThat(extract("10-10 meter red, blue silk"))
                    .containsExactly(meters("silk", "red", "10"), meters("silk", "blue", "10"));
        }

        @Test
        void timesPricesAndReferencesAreNotLengths() {
            assertThat(extract("10m blue cotton, kal 5 baje tak chahiye")).containsExactly(meters("cotton", "blue", "10"));
            assertThat(extract("blue cotton 2 din mein bhejo")).isEmpty();
            assertThat(extract("red silk rate 120 per meter")).isEmpty();
            assertThat(extract("red silk 120/m")).isEmpty();
            assertThat(extract("order no 12 blue cotton")).isEmpty();
        }
    }

    @Nested
    class Units {

        @ParameterizedTest
        @ValueSource(strings = {"10m", "10 m", "10 M", "10mtr", "10 mtrs", "10 mt", "10 mts", "10 meter", "10 meters",
                "10 metre", "10 metres", "10 metr", "10 mter", "10", "10 Mtr."})
        void metersAndABareNumber(String quantity) {
            assertThat(onlyMeters(quantity + " blue cotton")).isEqualTo("10");
        }

        @ParameterizedTest(name = "{0} is {1} m")
        @CsvSource({"10 gaj, 9.14", "10 gaz, 9.14", "10 yard, 9.14", "10 yards, 9.14", "10 yd, 9.14", "1 yard, 0.91",
                "2.5 gaj, 2.29", "dhai gaj, 2.29", "15 yards, 13.72", "100 yards, 91.44", "fifty yards, 45.72"})
        void yardsAndGajAreConvertedAndRounded(String quantity, String meters) {
            assertThat(onlyMeters(quantity + " blue cotton")).isEqualTo(meters);
        }

        @ParameterizedTest
        @ValueSource(strings = {"2 than", "2 thaan", "2 roll", "2 rolls", "do than", "two rolls", "2 taka"})
        void thanAndRollsAreWholeRolls(String quantity) {
            assertThat(extract(quantity + " black denim")).containsExactly(OrderLine.rolls("denim", "black", 2));
        }

        @Test
        void aRollIsOne() {
            assertThat(extract("a roll of red silk please")).containsExactly(OrderLine.rolls("silk", "red", 1));
            assertThat(extract("ek than safed cotton")).containsExactly(OrderLine.rolls("cotton", "white", 1));
        }

        @Test
        void partRollsAreNotGuessed() {
            assertThat(extract("dedh than laal silk")).isEmpty();
        }

        @Test
        void metersKeepTwoDecimalsRoundedHalfUp() {
            assertThat(onlyMeters("2.345 m blue cotton")).isEqualTo("2.35");
            assertThat(onlyMeters("2.344 m blue cotton")).isEqualTo("2.34");
            assertThat(onlyMeters("10.50 m blue cotton")).isEqualTo("10.5");
            assertThat(onlyMeters("1000 m blue cotton")).isEqualTo("1000");
        }

        @Test
        void nothingOfNothing() {
            assertThat(extract("0 m blue cotton")).isEmpty();
            assertThat(extract("0.001 m blue cotton")).isEmpty();
        }
    }

    @Nested
    class WordOrder {

        @ParameterizedTest
        @ValueSource(strings = {"10m blue cotton", "blue cotton 10m", "cotton blue 10m", "cotton 10m blue", "blue 10m cotton",
                "10m cotton blue", "Blue Cotton - 10 mtr", "blue cotton: 10m", "10 meter ka blue cotton chahiye",
                "blue cotton ke 10 meter", "das meter neela sooti", "neela sooti das meter", "blue colour ka cotton 10 meter"})
        void quantityAndColourBeforeOrAfter(String text) {
            assertThat(extract(text)).containsExactly(meters("cotton", "blue", "10"));
        }
    }

    @Nested
    class SeveralLines {

        @ParameterizedTest
        @ValueSource(strings = {"10m blue cotton aur 5m red silk", "10m blue cotton and 5m red silk",
                "10m blue cotton & 5m red silk", "10m blue cotton + 5m red silk", "10m blue cotton, 5m red silk",
                "10m blue cotton\n5m red silk", "10m blue cotton also 5m red silk", "10m blue cotton 5m red silk bhi",
                "10m blue cotton 5m red silk", "1. 10m blue cotton\n2. 5m red silk", "- 10m blue cotton\n- 5m red silk",
                "blue cotton 10m; red silk 5m", "10m blue cotton. 5m red silk"})
        void joinedAnyWay(String text) {
            assertThat(extract(text)).containsExactly(meters("cotton", "blue", "10"), meters("silk", "red", "5"));
        }

        @Test
        void theSameItemTwiceIsTwoLines() {
            assertThat(extract("5m red silk aur 5m red silk")).containsExactly(meters("silk", "red", "5"), meters("silk", "red", "5"));
        }

        @Test
        void aLineFinishedByTheNext() {
            assertThat(extract("Blue cotton\n10 meter")).containsExactly(meters("cotton", "blue", "10"));
            assertThat(extract("10m blue cotton aur red silk bhi 5 meter"))
                    .containsExactly(meters("cotton", "blue", "10"), meters("silk", "red", "5"));
        }

        @Test
        void whatIsSaidOnceForAList() {
            assertThat(extract("blue aur red cotton 10m each"))
                    .containsExactly(meters("cotton", "blue", "10"), meters("cotton", "red", "10"));
            assertThat(extract("5 mtr red & 5 mtr blue denim"))
                    .containsExactly(meters("denim", "red", "5"), meters("denim", "blue", "5"));
            assertThat(extract("cotton mein: blue 10m, red 5m"))
                    .containsExactly(meters("cotton", "blue", "10"), meters("cotton", "red", "5"));
            assertThat(extract("Cotton\nBlue 20m\nRed 15m"))
                    .containsExactly(meters("cotton", "blue", "20"), meters("cotton", "red", "15"));
            assertThat(extract("black denim 1 roll and 2.5 m"))
                    .containsExactly(OrderLine.rolls("denim", "black", 1), meters("denim", "black", "2.5"));
            assertThat(extract("ek than aur dedh meter white silk"))
                    .containsExactly(OrderLine.rolls("silk", "white", 1), meters("silk", "white", "1.5"));
        }

        @Test
        void aColourIsNotGivenTheMaterialBeforeIt() {
            assertThat(extract("blue cotton 10m, red 5m")).containsExactly(meters("cotton", "blue", "10"));
        }

        @Test
        void correctionsAndRefusals() {
            assertThat(extract("red silk 8m, sorry 9m")).containsExactly(meters("silk", "red", "9"));
            assertThat(extract("10m red silk nahi chahiye, 10m blue silk bhejo")).containsExactly(meters("silk", "blue", "10"));
        }
    }

    @Nested
    class NoOrder {

        @ParameterizedTest
        @ValueSource(strings = {"hi", "namaste bhaiya", "Good morning sir", "kya blue cotton hai?", "what colours do you have",
                "price kya hai", "cotton ka rate kya hai", "do you have navy linen?", "20 meter red silk kitne ka padega?",
                "how much for 10m blue cotton", "thank you", "ok", "", "   ", "payment kar diya, bill bhej do",
                "10 meter cotton chahiye", "laal wala 10 meter", "blue cotton", "10m golden silk", "5m blue velvet",
                "🙏🙏", "?", "10m"})
        void questionsGreetingsAndHalfLines(String text) {
            assertThat(extract(text)).isEmpty();
        }

        @Test
        void nullIsNothing() {
            assertThat(extractor.extract(null, CATALOG)).isEmpty();
        }

        @Test
        void aRequestAskedAsAQuestionIsAnOrder() {
            assertThat(extract("10m blue cotton milega?")).containsExactly(meters("cotton", "blue", "10"));
            assertThat(extract("kya blue cotton hai? 10 meter chahiye")).containsExactly(meters("cotton", "blue", "10"));
        }
    }

    @Nested
    class Words {

        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource({"laal, red", "lal, red", "neela, blue", "nila, blue", "neeli, blue", "hara, green", "hari, green",
                "safed, white", "safaid, white", "kaala, black", "kali, black", "aasmani, sky blue", "mehroon, maroon",
                "navy blue, navy", "off white, cream", "wine, maroon", "RED, red", "Sky Blue, sky blue", "sky-blue, sky blue"})
        void colours(String word, String color) {
            assertThat(extract("10m " + word + " silk")).containsExactly(meters("silk", color, "10"));
        }

        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource({"sooti, cotton", "suti, cotton", "mulmul, cotton", "resham, silk", "reshmi, silk", "poly, polyester",
                "jeans, denim", "jorjet, georgette", "COTTON, cotton", "cottons, cotton"})
        void materials(String word, String material) {
            assertThat(extract("10m red " + word)).containsExactly(meters(material, "red", "10"));
        }

        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource({"cottn, cotton", "coton, cotton", "polyster, polyester", "georgete, georgette", "lenen, linen"})
        void oneTypoInALongWord(String word, String material) {
            assertThat(extract("10m red " + word)).containsExactly(meters(material, "red", "10"));
        }

        @Test
        void typosOfColours() {
            assertThat(extract("10m marron silk")).containsExactly(meters("silk", "maroon", "10"));
            assertThat(extract("10m blck silk")).containsExactly(meters("silk", "black", "10"));
            assertThat(extract("10m blu silk")).containsExactly(meters("silk", "blue", "10"));
        }

        @Test
        void shortWordsAndLookAlikesAreNotTypos() {
            assertThat(extract("10m rad silk")).isEmpty();
            assertThat(extract("send it back 10m silk")).isEmpty();
        }

        @Test
        void onlyTheCatalogsNamesCount() {
            // Built-in Hindi for orange means nothing to a catalog without orange.
            assertThat(extract("10m narangi silk")).isEmpty();
            assertThat(extract("10m red chiffon")).isEmpty();
        }

        @Test
        void namesComeOutAsTheCatalogWritesThem() {
            Vocabulary capitalised = new Vocabulary(Map.of("Cotton", Set.of("Sooti Kapda")), Map.of("Navy Blue", Set.of()));
            assertThat(extractor.extract("10m navy blue sooti kapda", capitalised))
                    .containsExactly(meters("Cotton", "Navy Blue", "10"));
            assertThat(extractor.extract("10m navy blue cotton", capitalised)).containsExactly(meters("Cotton", "Navy Blue", "10"));
        }

        @Test
        void theBusinessesSynonymWinsOverBuiltInWords() {
            Vocabulary shop = new Vocabulary(Map.of("silk", Set.of(), "muslin", Set.of()), Map.of("red", Set.of()));
            assertThat(extractor.extract("10m red malmal", shop)).containsExactly(meters("muslin", "red", "10"));
            Vocabulary renamed = new Vocabulary(Map.of("silk", Set.of("malmal"), "muslin", Set.of()), Map.of("red", Set.of()));
            assertThat(extractor.extract("10m red malmal", renamed)).containsExactly(meters("silk", "red", "10"));
        }

        @Test
        void fillerPassesBy() {
            assertThat(extract("Namaste bhaiya ji, please mujhe 10 meter neela sooti kapda jaldi bhej do, thanks 🙏"))
                    .containsExactly(meters("cotton", "blue", "10"));
            assertThat(extract("sir plz 10 mtr blue cotton de dijiye na")).containsExactly(meters("cotton", "blue", "10"));
        }
    }

    @Nested
    class Devanagari {

        @Test
        void colourAndMaterialWordsInEitherScript() {
            assertThat(extract("10 मीटर नीला सूती कपड़ा")).containsExactly(meters("cotton", "blue", "10"));
            assertThat(extract("सफ़ेद कॉटन 20 मीटर")).containsExactly(meters("cotton", "white", "20"));
            assertThat(extract("सफेद कॉटन 20 मीटर")).containsExactly(meters("cotton", "white", "20"));
            assertThat(extract("ब्लैक डेनिम 3 रोल")).containsExactly(OrderLine.rolls("denim", "black", 3));
            assertThat(extract("नेवी ब्लू लिनन 7 मीटर")).containsExactly(meters("linen", "navy", "7"));
            assertThat(extract("नीले रंग की जीन्स 2 थान")).containsExactly(OrderLine.rolls("denim", "blue", 2));
        }

        @ParameterizedTest(name = "{0} मीटर लाल रेशम is {1} m")
        @CsvSource({"दस, 10", "पाँच, 5", "पांच, 5", "डेढ़, 1.5", "ढाई, 2.5", "साढ़े तीन, 3.5", "सवा दो, 2.25", "पौने पाँच, 4.75",
                "आधा, 0.5", "डेढ़ सौ, 150", "दो सौ पचास, 250", "एक सौ बीस, 120", "एक हज़ार, 1000", "पच्चीस, 25", "छः, 6",
                "१०, 10", "२.५, 2.5", "'१,०००', 1000", "२ १/२, 2.5"})
        void numberWordsAndDigits(String amount, String meters) {
            assertThat(onlyMeters(amount + " मीटर लाल रेशम")).isEqualTo(meters);
        }

        @Test
        void hindiColourNamesBeyondTheCatalogsInEitherScript() {
            Vocabulary shop = new Vocabulary(Map.of("silk", Set.of()), Map.of("orange", Set.of(), "yellow", Set.of(), "white", Set.of()));
            assertThat(extractor.extract("केसरिया सिल्क 5 मीटर", shop)).containsExactly(meters("silk", "orange", "5"));
            assertThat(extractor.extract("5m kesari silk", shop)).containsExactly(meters("silk", "orange", "5"));
            assertThat(extractor.extract("बसंती रेशम 2 मीटर", shop)).containsExactly(meters("silk", "yellow", "2"));
            assertThat(extractor.extract("श्वेत रेशम 3 मीटर", shop)).containsExactly(meters("silk", "white", "3"));
        }

        @Test
        void unitsAndSentences() {
            assertThat(extract("१२ गज सफ़ेद लिनन")).containsExactly(meters("linen", "white", "10.97"));
            assertThat(extract("२५ मी. लाल सिल्क")).containsExactly(meters("silk", "red", "25"));
            assertThat(extract("२० मीटर नीला सूती। १० मीटर लाल रेशम।"))
                    .containsExactly(meters("cotton", "blue", "20"), meters("silk", "red", "10"));
        }

        @Test
        void mixedScripts() {
            assertThat(extract("red silk १० मीटर aur blue cotton ५ मीटर"))
                    .containsExactly(meters("silk", "red", "10"), meters("cotton", "blue", "5"));
            assertThat(extract("Cotton: लाल 10m, नीला 5m")).containsExactly(meters("cotton", "red", "10"), meters("cotton", "blue", "5"));
        }
    }

    @Nested
    class Corrections {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "blue cotton 5 meter, sorry 5 nahi 8 | 8", "10m blue cotton... wait make it 12m | 12",
                "10 meter blue cotton, nahi nahi 15 meter | 15", "20m blue cotton. oops, 25m | 25",
                "blue cotton 10 ki jagah 12 meter | 12", "make it 30m blue cotton instead of 20m | 30",
                "teen meter nahi, chaar meter neela cotton | 4", "10m blue cotton. Sorry, 10 yards | 9.14",
                "Pehle 20m likha tha, 25m kar do blue cotton | 25"})
        void aLaterQuantityReplacesTheEarlierOne(String text, String meters) {
            assertThat(onlyMeters(text)).isEqualTo(meters);
        }

        @Test
        void aBareNumberCorrectsInTheUnitItCorrects() {
            assertThat(extract("2 roll black denim, no wait 3")).containsExactly(OrderLine.rolls("denim", "black", 3));
            assertThat(extract("3 roll black denim, oh no 4 roll")).containsExactly(OrderLine.rolls("denim", "black", 4));
        }

        @Test
        void anItemRefusedAndThenSaidAgainIsWanted() {
            assertThat(extract("red nahi green... I mean red only, 4m georgette")).containsExactly(meters("georgette", "red", "4"));
        }

        @Test
        void xNahiYKeepsY() {
            assertThat(extract("red nahi, blue cotton 10m")).containsExactly(meters("cotton", "blue", "10"));
            assertThat(extract("silk nahi, cotton chahiye: blue 10m")).containsExactly(meters("cotton", "blue", "10"));
            assertThat(extract("12 meter red georgette, sorry red nahi green")).containsExactly(meters("georgette", "green", "12"));
            assertThat(extract("10m white silk, sorry cotton")).containsExactly(meters("cotton", "white", "10"));
        }

        @Test
        void anItemSaidAgainNamesTheLineCorrected() {
            assertThat(extract("blue cotton 10m aur red silk 5m, sorry blue cotton 12m"))
                    .containsExactly(meters("cotton", "blue", "12"), meters("silk", "red", "5"));
        }

        @Test
        void aPoliteSorryAndARefusedLineAreNotCorrections() {
            assertThat(extract("10m blue cotton, sorry for the late reply.\n5m red silk"))
                    .containsExactly(meters("cotton", "blue", "10"), meters("silk", "red", "5"));
            assertThat(extract("10m red silk nahi chahiye, 10m blue silk bhejo")).containsExactly(meters("silk", "blue", "10"));
        }
    }

    @Nested
    class NumbersThatAreNotQuantities {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
                "10m blue cotton, my number is 9876543210", "10m blue cotton, call karna 98765 43210",
                "+91 9988776655 pe bill bhejna, 10m blue cotton", "mob: 98765-43210, 10m blue cotton",
                "Shop no 14, Gandhi Market. 10m blue cotton", "house 221, sector 15 - 10m blue cotton",
                "gali no. 3, 10m blue cotton", "order #4521 mein 10m blue cotton add karo", "12/12 ko 10m blue cotton chahiye",
                "15/11/2026 ko 10 meter blue cotton", "kal 4:30 tak 10m blue cotton", "10m blue cotton 25 dec tak chahiye",
                "10m blue cotton, 500 advance bhej diya", "paid 2000 for last order, now 10m blue cotton",
                "₹1200 bhej diye, 10 meter blue cotton bhi bhejo", "Rs. 5000 transferred, 10m blue cotton bhejo",
                "2500 ka payment kiya hai, 10m blue cotton", "10m blue cotton @ 150 per meter", "10 mtr blue cotton, rate 450/m",
                "10m blue cotton, address: 14/2 Gandhi Nagar", "10m blue cotton, GST no 27AAPFU0939F1ZV",
                "10m blue cotton, ref INV2024A17"})
        void leaveTheOrderLineAlone(String text) {
            assertThat(extract(text)).as(text).containsExactly(meters("cotton", "blue", "10"));
        }

        @Test
        void aPriceAskedIsStillAQuestion() {
            assertThat(extract("what is the price of 10m red silk")).isEmpty();
            assertThat(extract("black silk ki kya price hai 1 meter ki?")).isEmpty();
        }
    }

    @Nested
    class SharedMaterial {

        @Test
        void saidOnceAfterSeveralColourQuantityPairs() {
            List<OrderLine> three = List.of(meters("cotton", "red", "10"), meters("cotton", "blue", "5"), meters("cotton", "green", "3"));
            assertThat(extract("red 10m blue 5m green 3m, all in cotton")).containsExactlyElementsOf(three);
            assertThat(extract("laal 10m, neela 5m, hara 3m - sab cotton")).containsExactlyElementsOf(three);
            assertThat(extract("red 10m\nblue 5m\ngreen 3m\ncotton")).containsExactlyElementsOf(three);
            assertThat(extract("blue 10m\nred 5m\ndono silk")).containsExactly(meters("silk", "blue", "10"), meters("silk", "red", "5"));
        }

        @Test
        void each() {
            assertThat(extract("red blue green cotton 5m each"))
                    .containsExactly(meters("cotton", "red", "5"), meters("cotton", "blue", "5"), meters("cotton", "green", "5"));
            assertThat(extract("laal neela, dono 4 meter cotton")).containsExactly(meters("cotton", "red", "4"), meters("cotton", "blue", "4"));
            assertThat(extract("black white and green polyester, 2 rolls each")).containsExactly(OrderLine.rolls("polyester", "black", 2),
                    OrderLine.rolls("polyester", "white", 2), OrderLine.rolls("polyester", "green", 2));
        }

        @Test
        void aColourWithoutMaterialIsStillNotGivenTheOneBeforeIt() {
            assertThat(extract("blue cotton 10m, red 5m")).containsExactly(meters("cotton", "blue", "10"));
        }
    }
}
