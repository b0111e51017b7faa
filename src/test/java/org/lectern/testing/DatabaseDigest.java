package org.lectern.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.lectern.db.schema.DefaultSchema;

/**
 * A digest per table of everything stored, to tell whether a refused request or a failed import wrote anything.
 * Columns that only note when someone was last seen are left out; so are the tables named.
 */
public final class DatabaseDigest {
    private DatabaseDigest() {}

    public static Map<String, String> of(DSLContext db, Set<String> tablesLeftOut) {
        Map<String, String> tables = new TreeMap<>();
        for (Table<?> table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            String name = table.getName().toLowerCase();
            if (tablesLeftOut.contains(name)) {
                continue;
            }
            StringBuilder rows = new StringBuilder();
            for (Record record : db.selectFrom(table).orderBy(table.fields()[0]).fetch()) {
                for (Field<?> field : record.fields()) {
                    if (!field.getName().endsWith("seen_at") && !field.getName().endsWith("visited_at")) {
                        Object value = record.get(field);
                        rows.append(value instanceof byte[] bytes ? sha256(bytes) : value)
                                .append('|');
                    }
                }
                rows.append('\n');
            }
            tables.put(name, sha256(rows.toString()));
        }
        return tables;
    }

    /** The tables whose digests differ between two snapshots. */
    public static List<String> changed(Map<String, String> before, Map<String, String> after) {
        return before.keySet().stream()
                .filter(table -> !before.get(table).equals(after.get(table)))
                .toList();
    }

    private static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
