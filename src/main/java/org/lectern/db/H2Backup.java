package org.lectern.db;

import java.nio.file.Path;
import org.jooq.DSLContext;

/**
 * An online copy of the embedded H2 database: H2's {@code BACKUP TO} writes a consistent zip of the database file
 * while the server keeps serving. Restore by stopping the server and unzipping it into the data folder.
 */
public final class H2Backup {
    private final DSLContext dsl;

    public H2Backup(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void writeTo(Path zip) {
        dsl.execute("BACKUP TO {0}", org.jooq.impl.DSL.inline(zip.toString()));
    }
}
