package dev.parley.runtime.commerce.product;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the owner's product CSV (RFC 4180: comma-separated, fields in double quotes may hold commas, line breaks and
 * doubled quotes). The first line names the columns, in any order: {@code sku}, {@code name}, {@code category},
 * {@code priceMinor} and {@code stock} are required, {@code description}, {@code imageUrl} and {@code active}
 * ({@code true}/{@code false}, true when empty) optional. Every row is read on its own: a broken one is reported
 * with its line number and what is wrong, and the others go in.
 */
public final class CsvImport {

    public static final int MAX_ROWS = 5_000;
    static final List<String> REQUIRED = List.of("sku", "name", "category", "priceMinor", "stock");
    static final List<String> OPTIONAL = List.of("description", "imageUrl", "active");

    private CsvImport() {
    }

    /** A row that could be read, with its line number. */
    public record Row(int line, ProductInput product) {
    }

    /** A row refused, and why. */
    public record Refused(int line, String sku, List<String> problems) {
    }

    /** The rows read and the rows refused. */
    public record Parsed(List<Row> rows, List<Refused> refused) {
    }

    /** The whole file refused: no header, unknown or missing columns, too many rows, an unclosed quote. */
    public static final class BadFile extends IllegalArgumentException {
        public BadFile(String message) {
            super(message);
        }
    }

    /** The file as uploaded: UTF-8 text (a BOM allowed), or a {@link BadFile} that says it is not. */
    public static Parsed parse(byte[] file) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file == null ? new byte[0] : file)).toString();
        } catch (CharacterCodingException e) {
            throw new BadFile("the file is not UTF-8 text");
        }
        return parse(text);
    }

    public static Parsed parse(String csv) {
        List<Integer> lines = new ArrayList<>();
        List<List<String>> records = records(csv.startsWith("\uFEFF") ? csv.substring(1) : csv, lines);
        if (records.isEmpty()) {
            throw new BadFile("the file is empty: the first line names the columns (" + String.join(",", REQUIRED) + ", and optionally "
                    + String.join(",", OPTIONAL) + ")");
        }
        Map<String, Integer> columns = header(records.get(0));
        if (records.size() - 1 > MAX_ROWS) {
            throw new BadFile("at most " + MAX_ROWS + " products a file, not " + (records.size() - 1));
        }
        List<Row> rows = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        Set<String> skus = new HashSet<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> record = records.get(i);
            int line = lines.get(i);
            if (record.size() == 1 && record.get(0).isBlank()) {
                continue;
            }
            List<String> problems = new ArrayList<>();
            if (record.size() != columns.size()) {
                refused.add(new Refused(line, null, List.of("has " + record.size() + " fields; the header names " + columns.size())));
                continue;
            }
            String sku = field(record, columns, "sku");
            long price = number(record, columns, "priceMinor", problems);
            long stock = number(record, columns, "stock", problems);
            Boolean active = flag(field(record, columns, "active"), problems);
            ProductInput product = new ProductInput(sku, field(record, columns, "name"), field(record, columns, "description"),
                    field(record, columns, "category"), price, (int) Math.max(Math.min(stock, Integer.MAX_VALUE), Integer.MIN_VALUE),
                    blankAsNull(field(record, columns, "imageUrl")), active == null || active).normalised();
            problems.addAll(product.problems());
            if (problems.isEmpty() && !skus.add(product.sku())) {
                problems.add("sku " + product.sku() + " is on an earlier line of the file already");
            }
            if (problems.isEmpty()) {
                rows.add(new Row(line, product));
            } else {
                refused.add(new Refused(line, blankAsNull(sku), problems));
            }
        }
        return new Parsed(rows, refused);
    }

    private static Map<String, Integer> header(List<String> names) {
        Map<String, Integer> columns = new TreeMap<>();
        Map<String, String> known = new TreeMap<>();
        REQUIRED.forEach(n -> known.put(n.toLowerCase(Locale.ROOT), n));
        OPTIONAL.forEach(n -> known.put(n.toLowerCase(Locale.ROOT), n));
        for (int i = 0; i < names.size(); i++) {
            String name = known.get(names.get(i).strip().toLowerCase(Locale.ROOT));
            if (name == null) {
                throw new BadFile("unknown column '" + names.get(i).strip() + "'; the columns are " + String.join(",", REQUIRED) + ","
                        + String.join(",", OPTIONAL));
            }
            if (columns.put(name, i) != null) {
                throw new BadFile("the column " + name + " is named twice");
            }
        }
        List<String> missing = REQUIRED.stream().filter(n -> !columns.containsKey(n)).toList();
        if (!missing.isEmpty()) {
            throw new BadFile("the header lacks the column" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing));
        }
        return columns;
    }

    private static String field(List<String> record, Map<String, Integer> columns, String name) {
        Integer at = columns.get(name);
        return at == null ? null : record.get(at);
    }

    private static long number(List<String> record, Map<String, Integer> columns, String name, List<String> problems) {
        String text = field(record, columns, name).strip();
        if (!text.matches("-?\\d{1,13}")) {
            problems.add(name + " is a whole number, not '" + text + "'");
            return 0;
        }
        return Long.parseLong(text);
    }

    private static Boolean flag(String text, List<String> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> {
                problems.add("active is true or false, not '" + text.strip() + "'");
                yield null;
            }
        };
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /**
     * The file's records, each a list of fields, line breaks inside quotes kept; {@code lines} gets the line each
     * record starts on (a quoted field may span lines).
     */
    static List<List<String>> records(String csv, List<Integer> lines) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int line = 1;
        int start = 1;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            any = true;
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                lines.add(start);
                record = new ArrayList<>();
                any = false;
                start = ++line;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new BadFile("a quoted field is not closed before the end of the file");
        }
        if (any) {
            record.add(field.toString());
            records.add(record);
            lines.add(start);
        }
        return records;
    }
}
