package org.lectern.analytics;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * One report table as CSV (RFC 4180, through Commons CSV): numbers in plain notation with a dot, empty cells for
 * statistics that could not be computed, and text that a spreadsheet would take for a formula made inert.
 */
final class CsvTable {
    private final List<String> header;
    private final List<List<Object>> rows = new ArrayList<>();

    CsvTable(String... header) {
        this.header = List.of(header);
    }

    CsvTable row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells for " + header.size() + " columns");
        }
        rows.add(java.util.Arrays.asList(cells));
        return this;
    }

    String write() {
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader(header.toArray(String[]::new))
                .get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (List<Object> row : rows) {
                printer.printRecord(row.stream().map(CsvTable::cell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? "" : String.format(Locale.ROOT, "%.4f", d);
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        String text = value.toString();
        // A cell starting like a formula would run in a spreadsheet (CSV injection): a leading quote keeps it text.
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
