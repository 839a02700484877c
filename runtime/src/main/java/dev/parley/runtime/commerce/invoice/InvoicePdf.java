package dev.parley.runtime.commerce.invoice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import dev.parley.runtime.commerce.Money;

/**
 * Renders an invoice as a one-or-more-page A4 PDF with PDFBox. It uses the standard 14 fonts (Helvetica), which
 * every reader has, so no font file ships with the runtime; they encode WinAnsi only, so any character outside it
 * (a customer's name in Devanagari, say) is printed as {@code ?} rather than failing the approval.
 */
public final class InvoicePdf {

    /**
     * What the invoice says. Amounts in minor units of {@code currency}.
     *
     * @param title the document's heading ({@code INVOICE}, {@code RECEIPT})
     * @param numberLabel what the number is ({@code Invoice no.})
     * @param headings the column headings of the lines' three texts ({@code Material}, {@code Colour}, {@code Meters})
     * @param notes lines printed under the totals (payment, delivery), none for an invoice of the order agent
     */
    public record Content(String seller, String number, LocalDate date, String customer, String currency, List<Line> lines,
            InvoiceTotals totals, String title, String numberLabel, List<String> headings, List<String> notes) {

        public static final List<String> FABRIC = List.of("Material", "Colour", "Meters");
        public static final List<String> PRODUCTS = List.of("Item", "SKU", "Qty");

        public Content {
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(totals, "totals");
            lines = List.copyOf(lines);
            headings = List.copyOf(headings);
            notes = List.copyOf(notes);
            if (headings.size() != 3) {
                throw new IllegalArgumentException("an invoice's lines have three headed columns, not " + headings);
            }
        }

        /** An invoice of fabric lines, as the order agent issues it. */
        public Content(String seller, String number, LocalDate date, String customer, String currency, List<Line> lines, InvoiceTotals totals) {
            this(seller, number, date, customer, currency, lines, totals, "INVOICE", "Invoice no.", FABRIC, List.of());
        }
    }

    /** One invoiced order line: two texts (material and colour; item and SKU), a quantity (meters; units) and the amount. */
    public record Line(int lineNo, String material, String color, BigDecimal meters, long amountMinor) {
    }

    private static final float MARGIN = 50;
    private static final float RIGHT = PDRectangle.A4.getWidth() - MARGIN;
    private static final float BODY = 10;
    private static final float LEADING = 16;
    /** Left edges of the line columns; meters and amount are right-aligned at these. */
    private static final float NO = MARGIN;
    private static final float MATERIAL = MARGIN + 25;
    private static final float COLOR = MARGIN + 200;
    private static final float METERS_RIGHT = MARGIN + 390;

    private InvoicePdf() {
    }

    public static byte[] render(Content invoice) {
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(invoice.numberLabel().replace(" no.", "") + " " + invoice.number());
            info.setAuthor(invoice.seller());
            new Writer(document).write(invoice);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            // Everything is in memory: PDFBox declares IOException for its streams, but there is no I/O here to fail.
            throw new UncheckedIOException("could not render invoice " + invoice.number(), e);
        }
    }

    /** Writes pages top to bottom, starting a new page when the next row would not fit. */
    private static final class Writer {

        private final PDDocument document;
        private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        private PDPageContentStream page;
        private float y;

        Writer(PDDocument document) {
            this.document = document;
        }

        void write(Content invoice) throws IOException {
            newPage();
            try {
                text(bold, 18, MARGIN, invoice.title());
                right(bold, 12, RIGHT, invoice.seller());
                y -= 2 * LEADING;
                text(regular, BODY, MARGIN, invoice.numberLabel() + ": " + invoice.number());
                nextRow();
                text(regular, BODY, MARGIN, "Date: " + invoice.date());
                nextRow();
                text(regular, BODY, MARGIN, "Bill to: " + invoice.customer());
                y -= 2 * LEADING;
                header(invoice.headings());
                for (Line line : invoice.lines()) {
                    if (y < MARGIN + 4 * LEADING) {
                        newPage();
                        header(invoice.headings());
                    }
                    text(regular, BODY, NO, String.valueOf(line.lineNo()));
                    text(regular, BODY, MATERIAL, line.material());
                    text(regular, BODY, COLOR, line.color());
                    right(regular, BODY, METERS_RIGHT, line.meters().toPlainString());
                    right(regular, BODY, RIGHT, Money.format(line.amountMinor(), invoice.currency()));
                    nextRow();
                }
                y -= LEADING / 2;
                InvoiceTotals totals = invoice.totals();
                total(regular, "Subtotal", totals.subtotalMinor(), invoice.currency());
                total(regular, "Tax (" + totals.taxRatePercent().stripTrailingZeros().toPlainString() + "%)", totals.taxMinor(), invoice.currency());
                total(bold, "Total", totals.totalMinor(), invoice.currency());
                if (!invoice.notes().isEmpty()) {
                    y -= LEADING;
                    for (String note : invoice.notes()) {
                        if (y < MARGIN + LEADING) {
                            newPage();
                        }
                        text(regular, BODY, MARGIN, note);
                        nextRow();
                    }
                }
            } finally {
                page.close();
            }
        }

        private void header(List<String> headings) throws IOException {
            text(bold, BODY, NO, "#");
            text(bold, BODY, MATERIAL, headings.get(0));
            text(bold, BODY, COLOR, headings.get(1));
            right(bold, BODY, METERS_RIGHT, headings.get(2));
            right(bold, BODY, RIGHT, "Amount");
            nextRow();
        }

        private void total(PDType1Font font, String label, long minor, String currency) throws IOException {
            right(font, BODY, METERS_RIGHT, label);
            right(font, BODY, RIGHT, Money.format(minor, currency));
            nextRow();
        }

        private void newPage() throws IOException {
            if (page != null) {
                page.close();
            }
            PDPage next = new PDPage(PDRectangle.A4);
            document.addPage(next);
            page = new PDPageContentStream(document, next);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        private void nextRow() {
            y -= LEADING;
        }

        private void text(PDType1Font font, float size, float x, String text) throws IOException {
            page.beginText();
            page.setFont(font, size);
            page.newLineAtOffset(x, y);
            page.showText(printable(font, text));
            page.endText();
        }

        private void right(PDType1Font font, float size, float rightEdge, String text) throws IOException {
            String printable = printable(font, text);
            text(font, size, rightEdge - font.getStringWidth(printable) / 1000 * size, printable);
        }

        /** The text with line breaks as spaces and what the font cannot encode as {@code ?}. */
        private static String printable(PDType1Font font, String text) throws IOException {
            StringBuilder out = new StringBuilder();
            for (int cp : (text == null ? "" : text).codePoints().toArray()) {
                String character = Character.isISOControl(cp) ? " " : Character.toString(cp);
                try {
                    font.encode(character);
                    out.append(character);
                } catch (IllegalArgumentException e) {
                    out.append('?');
                }
            }
            return out.toString();
        }
    }
}
