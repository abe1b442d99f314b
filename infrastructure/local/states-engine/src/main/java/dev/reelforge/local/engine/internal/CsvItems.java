package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;

/**
 * CSV rows as Distributed Map items: one object per row, every value a string, a missing trailing value {@code ""}.
 * The header is the first row or the given CSVHeaders; duplicate names fail the reader. Keys come in the order AWS
 * returns them (names that are not purely letters first, then the rest, each sorted), so that a CSV item's JSON text
 * matches AWS's byte for byte.
 */
final class CsvItems {
    private static final CsvMapper MAPPER = new CsvMapper();
    private static final Comparator<String> AWS_KEY_ORDER = Comparator.comparing(
                    (String name) -> name.chars().allMatch(Character::isLetter) && !name.isEmpty())
            .thenComparing(Comparator.naturalOrder());

    private CsvItems() {}

    /** @param given the CSVHeaders, or {@code null} to read the header from the first row */
    static ItemSource open(InputStream in, List<String> given, char delimiter, String where) {
        return open(in, given, delimiter, where, true);
    }

    /** As {@link #open(InputStream, List, char, String)}, keeping the header order when {@code awsOrder} is false. */
    static ItemSource open(InputStream in, List<String> given, char delimiter, String where, boolean awsOrder) {
        MappingIterator<String[]> rows;
        try {
            rows = MAPPER.readerFor(String[].class)
                    .with(CsvParser.Feature.WRAP_AS_ARRAY)
                    .with(CsvParser.Feature.SKIP_EMPTY_LINES)
                    .with(CsvSchema.emptySchema().withColumnSeparator(delimiter))
                    .readValues(in);
        } catch (IOException e) {
            throw ItemSource.failed("The CSV object " + where + " could not be read: " + e.getMessage());
        }
        List<String> columns = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        return new S3ItemSources.Streamed(
                in,
                () -> {
                    if (columns.isEmpty()) {
                        columns.addAll(header(given, rows));
                        List<String> keys = new ArrayList<>(columns);
                        if (awsOrder) {
                            keys.sort(AWS_KEY_ORDER);
                        }
                        keys.forEach(key -> order.add(columns.indexOf(key)));
                    }
                    if (!rows.hasNextValue()) {
                        return null;
                    }
                    String[] row = rows.nextValue();
                    ObjectNode item = Json.object();
                    for (int column : order) {
                        item.put(columns.get(column), column < row.length ? row[column] : "");
                    }
                    return item;
                },
                where);
    }

    private static List<String> header(List<String> given, MappingIterator<String[]> rows) throws IOException {
        List<String> names = given != null ? given : rows.hasNextValue() ? List.of(rows.nextValue()) : List.of();
        if (names.isEmpty()) {
            throw new IOException("it has no header row");
        }
        if (new HashSet<>(names).size() < names.size()) {
            throw ItemSource.failed("CSV headers cannot contain duplicates.");
        }
        return names;
    }
}
