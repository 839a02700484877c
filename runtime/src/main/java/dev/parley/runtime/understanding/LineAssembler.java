package dev.parley.runtime.understanding;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.parley.runtime.understanding.CatalogMatcher.Mention;
import dev.parley.runtime.understanding.CatalogMatcher.Slot;
import dev.parley.runtime.understanding.Quantities.Quantity;
import dev.parley.runtime.understanding.Quantities.Unit;

/**
 * Groups the materials, colours and quantities of a message, in the order they were written, into order lines.
 *
 * <p>A line ends at a joiner (aur, and, a comma, a new line ...) or when a second material, colour or quantity arrives
 * for a line that has one already: "10m blue cotton 5m red silk" is two lines without any joiner. A line is an order
 * line only when it has all three. Nothing is guessed, but what a customer says once for several lines is shared, as
 * a shopkeeper would read it:
 * <ul>
 * <li>a line cut short and finished by the next: "Blue cotton\n10 meter", "red silk bhi 5 meter";</li>
 * <li>in a list joined by aur/and/commas, a material or colour said once at the end: "5 mtr red & 5 mtr blue
 * denim";</li>
 * <li>"each", or a number said twice: "blue aur red cotton 10m each", "10-10 meter laal, neela cotton";</li>
 * <li>a quantity joined to an item: "brown wool 1 roll and 2.5 m", "ek than aur dedh meter white silk";</li>
 * <li>a material heading: "cotton: blue 10m, red 5m", or a material alone on its line;</li>
 * <li>a material alone after the lines it is for: "red 5m blue 5m green 5m, all in cotton", "blue 10m\nred 5m\ndono
 * silk".</li>
 * </ul>
 * A colour with no material and no heading, as in "blue cotton 10m, red 5m", is not given the one before it: which
 * material "red" is for, the customer has not said.
 *
 * <p>A correction ("sorry 9m", "5 nahi 8", "laal nahi neela", "wait, make it 12m") replaces what it corrects, in the
 * line being said or else the last line of the message, so that only what the customer settled on is ordered.
 */
final class LineAssembler {

    private static final BigDecimal METERS_PER_YARD = new BigDecimal("0.9144");
    private static final BigDecimal MOST_ROLLS = BigDecimal.valueOf(Integer.MAX_VALUE);

    /** A line being read. */
    private static final class Draft {
        String material;
        String color;
        Quantity quantity;
        boolean each;
        /** Ended by a joiner ("aur", ",") or a repeated slot rather than by a new sentence: part of a list. */
        boolean joinedToNext;
        /** Said not to be wanted: "10m red silk nahi chahiye". */
        boolean negated;
        /** The material heading in force when this line began. */
        String heading;
        final Set<Integer> sentences = new HashSet<>();

        boolean isEmpty() {
            return material == null && color == null && quantity == null;
        }

        boolean hasItem() {
            return material != null && color != null;
        }

        /** Has one of material and colour but not the other. */
        boolean lacksMaterialOrColor() {
            return (material == null) != (color == null);
        }

        boolean isComplete() {
            return material != null && color != null && quantity != null;
        }

        boolean sharesSlotWith(Draft other) {
            return material != null && other.material != null || color != null && other.color != null
                    || quantity != null && other.quantity != null;
        }

        void absorb(Draft other) {
            material = material != null ? material : other.material;
            color = color != null ? color : other.color;
            quantity = quantity != null ? quantity : other.quantity;
            each |= other.each;
            negated |= other.negated;
            joinedToNext = other.joinedToNext;
            sentences.addAll(other.sentences);
        }
    }

    private final List<Draft> drafts = new ArrayList<>();
    private final Set<Integer> priceQuestions = new HashSet<>();
    private Draft current = new Draft();
    private int sentence;
    private int sentenceFirstDraft;
    private String heading;
    private boolean correcting;
    private boolean discarding;
    /** The line a correction is for, once a colour or material said again has named it. */
    private Draft correctionTarget;

    void quantity(Quantity quantity) {
        if (discarding) {
            // "30m instead of 20m": the quantity after "instead of" is the one given up.
            discarding = false;
            return;
        }
        Draft corrected = corrected();
        if (correcting && corrected != null && corrected.quantity != null) {
            // "brown linen 8m, sorry 9m", "5 nahi 8", "wait, make it 12m": the new quantity replaces the old one, in
            // the old one's unit when the new one has none ("2 than, sorry 3").
            corrected.quantity = quantity.unit() == Unit.NONE
                    ? new Quantity(quantity.amount(), corrected.quantity.unit(), quantity.start(), quantity.end(), quantity.each())
                    : quantity;
            correcting = false;
            correctionTarget = null;
            return;
        }
        correcting = false;
        correctionTarget = null;
        if (current.quantity != null) {
            closeLine(true);
        }
        current.quantity = quantity;
        current.each |= quantity.each();
        current.sentences.add(sentence);
    }

    void mention(Mention mention, boolean isHeading) {
        if (discarding) {
            discarding = false;
            return;
        }
        if (correcting && correctMention(mention)) {
            return;
        }
        correcting = false;
        correctionTarget = null;
        if (mention.slot() == Slot.MATERIAL ? current.material != null : current.color != null) {
            closeLine(true);
        }
        if (mention.slot() == Slot.MATERIAL) {
            current.material = mention.name();
            if (isHeading) {
                heading = mention.name();
            }
        } else {
            current.color = mention.name();
        }
        current.sentences.add(sentence);
    }

    /**
     * "sorry", "I mean", "wait", "make it", and "nahi" between two quantities or two colours ("5 nahi 8", "laal nahi
     * neela"): what comes next replaces what was said, in the line being said or else the last one of the message.
     */
    void correction() {
        correcting = true;
    }

    /** "instead of": the quantity or item that comes next is the one given up. */
    void discardNext() {
        discarding = true;
    }

    /** The line a correction is for: the one being said, else the last one of the message. */
    private Draft corrected() {
        if (correctionTarget != null) {
            return correctionTarget;
        }
        return !current.isEmpty() ? current : drafts.isEmpty() ? null : drafts.get(drafts.size() - 1);
    }

    /**
     * A colour or material after a correction word. Said again as it was ("sorry red silk 7m"), it names the line
     * the correction is for, and the correction goes on to what follows; a line of the message that has it is that
     * line. Different, it replaces the line's ("sorry cotton", "pink nahi purple").
     */
    private boolean correctMention(Mention mention) {
        Draft target = corrected();
        if (target == null) {
            return false;
        }
        String said = mention.slot() == Slot.MATERIAL ? target.material : target.color;
        if (mention.name().equals(said)) {
            // "pink nahi peach... I mean pink": said again after a correction, it is wanted after all.
            target.negated = false;
            correctionTarget = target;
            return true;
        }
        for (int k = drafts.size() - 1; k >= 0; k--) {
            Draft earlier = drafts.get(k);
            if (mention.name().equals(mention.slot() == Slot.MATERIAL ? earlier.material : earlier.color)) {
                correctionTarget = earlier;
                return true;
            }
        }
        if (said == null) {
            return false;
        }
        if (mention.slot() == Slot.MATERIAL) {
            target.material = mention.name();
        } else {
            target.color = mention.name();
        }
        correctionTarget = target;
        return true;
    }

    /** "nahi chahiye", "not": the line just said is not wanted. Hindi puts it after the item. */
    void negation() {
        if (!current.isEmpty()) {
            current.negated = true;
        }
    }

    /** "each", "dono": the line's quantity goes for every item of its list. */
    void each() {
        current.each = true;
    }

    /** A joiner word ("aur", "also"): a new item begins, so a correction pending is over. */
    void joinWord() {
        correcting = false;
        correctionTarget = null;
        join();
    }

    /** A joiner inside a sentence: "aur", "and", ",", "&". */
    void join() {
        if (!current.isEmpty()) {
            current.joinedToNext = true;
        } else if (lastOfSentence() != null) {
            lastOfSentence().joinedToNext = true;
        }
        closeLine();
    }

    void endSentence() {
        // "10m blue cotton, sorry for the late reply.\n5m red silk": a correction does not cross a sentence.
        correcting = false;
        discarding = false;
        correctionTarget = null;
        if (!current.isEmpty()) {
            current.joinedToNext = false;
        }
        closeLine();
        List<Draft> ofSentence = drafts.subList(sentenceFirstDraft, drafts.size());
        if (!ofSentence.isEmpty()) {
            ofSentence.get(ofSentence.size() - 1).joinedToNext = false;
        }
        // "Cotton\nBlue 20m\nRed 15m": a material alone on its line heads the lines below it.
        if (ofSentence.size() == 1 && ofSentence.get(0).material != null && ofSentence.get(0).color == null
                && ofSentence.get(0).quantity == null) {
            heading = ofSentence.get(0).material;
            current.heading = heading;
        }
        sentence++;
        sentenceFirstDraft = drafts.size();
    }

    /** The current sentence asks what something costs: its lines are a question, not an order. */
    void priceQuestion() {
        priceQuestions.add(sentence);
    }

    List<OrderLine> orderLines() {
        closeLine();
        shareTrailingMaterial(drafts);
        List<Draft> lines = mergeHalves(drafts);
        for (List<Draft> list : lists(lines)) {
            shareInList(list);
        }
        List<OrderLine> result = new ArrayList<>();
        for (Draft line : lines) {
            if (line.material == null && line.color != null && line.quantity != null) {
                line.material = line.heading;
            }
            // A line all of whose sentences ask a price is a question; "blue cotton ka rate? 10m chahiye" orders.
            if (line.isComplete() && !line.negated && !priceQuestions.containsAll(line.sentences)) {
                OrderLine orderLine = orderLine(line);
                if (orderLine != null) {
                    result.add(orderLine);
                }
            }
        }
        return result;
    }

    private Draft lastOfSentence() {
        return drafts.size() > sentenceFirstDraft ? drafts.get(drafts.size() - 1) : null;
    }

    private void closeLine() {
        closeLine(false);
    }

    /**
     * Ends the line being said; {@code byRepeat} when a second colour, material or quantity began the next one, as in
     * "red 5m blue 5m green 5m, all cotton": the lines are one list, in which a word said once is shared.
     */
    private void closeLine(boolean byRepeat) {
        if (!current.isEmpty()) {
            current.joinedToNext |= byRepeat;
            drafts.add(current);
        }
        current = new Draft();
        current.heading = heading;
    }

    /**
     * "blue 10m\nred 5m\ndono silk", "laal 10m. neela 5m. sab cotton": a material alone, after the lines it is for
     * ("dono", "sab", "all", or at the end of the message), goes to each of them, across sentences.
     */
    private static void shareTrailingMaterial(List<Draft> drafts) {
        for (int i = drafts.size() - 1; i >= 2; i--) {
            Draft alone = drafts.get(i);
            if (alone.material == null || alone.color != null || alone.quantity != null
                    || !alone.each && i != drafts.size() - 1) {
                continue;
            }
            int first = i;
            while (first > 0 && drafts.get(first - 1).material == null && drafts.get(first - 1).color != null
                    && drafts.get(first - 1).quantity != null) {
                first--;
            }
            if (i - first >= 2) {
                drafts.subList(first, i).forEach(line -> line.material = alone.material);
                drafts.remove(i);
            }
        }
    }

    /** Neighbouring incomplete lines that fill each other's gaps are one line cut in two. */
    private static List<Draft> mergeHalves(List<Draft> drafts) {
        List<Draft> merged = new ArrayList<>();
        for (Draft draft : drafts) {
            Draft previous = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (previous != null && !previous.isComplete() && !draft.isComplete() && !previous.sharesSlotWith(draft)) {
                previous.absorb(draft);
            } else {
                merged.add(draft);
            }
        }
        return merged;
    }

    /** Runs of lines joined by joiners: the lists within which something said once is shared. */
    private static List<List<Draft>> lists(List<Draft> lines) {
        List<List<Draft>> lists = new ArrayList<>();
        List<Draft> list = new ArrayList<>();
        for (Draft line : lines) {
            list.add(line);
            if (!line.joinedToNext) {
                lists.add(list);
                list = new ArrayList<>();
            }
        }
        if (!list.isEmpty()) {
            lists.add(list);
        }
        return lists;
    }

    private static void shareInList(List<Draft> list) {
        if (list.size() < 2) {
            return;
        }
        // "each" or "10-10": the quantity goes for every item of the list that has none.
        list.stream().filter(line -> line.each && line.quantity != null).findFirst().ifPresent(each -> list.stream()
                .filter(line -> line.quantity == null && (line.material != null || line.color != null))
                .forEach(line -> line.quantity = each.quantity));
        // A material or colour said once, at the end, for the items before it: "5 mtr red & 5 mtr blue denim".
        for (int i = list.size() - 2; i >= 0; i--) {
            Draft line = list.get(i);
            if (line.quantity == null || !line.lacksMaterialOrColor()) {
                continue;
            }
            for (Draft later : list.subList(i + 1, list.size())) {
                if (line.material == null && later.material != null) {
                    line.material = later.material;
                    break;
                }
                if (line.color == null && later.color != null) {
                    line.color = later.color;
                    break;
                }
            }
        }
        // A second quantity of the same item: "ek than aur dedh meter white silk", "brown wool 1 roll and 2.5 m".
        for (int i = 0; i < list.size(); i++) {
            Draft line = list.get(i);
            if (line.quantity == null || line.material != null || line.color != null) {
                continue;
            }
            Draft next = i + 1 < list.size() ? list.get(i + 1) : null;
            Draft previous = i > 0 ? list.get(i - 1) : null;
            Draft item = next != null && next.hasItem() ? next : previous != null && previous.hasItem() ? previous : null;
            if (item != null) {
                line.material = item.material;
                line.color = item.color;
            }
        }
    }

    private static OrderLine orderLine(Draft line) {
        BigDecimal amount = line.quantity.amount();
        if (amount.signum() <= 0) {
            return null;
        }
        if (line.quantity.unit() == Unit.ROLL) {
            // Rolls are whole: "dedh than" has no meaning the stock can serve, so it is not guessed at.
            return amount.stripTrailingZeros().scale() <= 0 && amount.compareTo(MOST_ROLLS) <= 0
                    ? OrderLine.rolls(line.material, line.color, amount.intValueExact())
                    : null;
        }
        BigDecimal meters = line.quantity.unit() == Unit.YARD ? amount.multiply(METERS_PER_YARD) : amount;
        meters = meters.setScale(2, RoundingMode.HALF_UP);
        if (meters.signum() <= 0) {
            return null;
        }
        meters = meters.stripTrailingZeros();
        return OrderLine.meters(line.material, line.color, meters.scale() < 0 ? meters.setScale(0) : meters);
    }
}
