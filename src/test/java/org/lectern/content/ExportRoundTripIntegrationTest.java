package org.lectern.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.db.schema.Tables.CHALLENGE;
import static org.lectern.db.schema.Tables.CHAPTER;
import static org.lectern.db.schema.Tables.QUESTION;
import static org.lectern.db.schema.Tables.QUESTION_OPTION;
import static org.lectern.db.schema.Tables.SECTION;

import java.nio.file.Path;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lectern.db.Database;
import org.lectern.testing.OpenDatabases;
import org.lectern.testing.TestDatabase;

/** Import → export gives identical files; export → import changes nothing. On H2 and PostgreSQL. */
class ExportRoundTripIntegrationTest {
    @TempDir
    Path dataDir;

    @TempDir
    Path exported;

    @RegisterExtension
    final OpenDatabases databases = new OpenDatabases();

    private Database database;
    private ContentLoader loader;
    private CourseExporter exporter;

    private DSLContext open(TestDatabase kind) {
        database = databases.open(kind, dataDir);
        loader = new ContentLoader(new ContentImporter(database.dsl()), new Catalog(database.dsl()));
        exporter = new CourseExporter(database.dsl());
        return database.dsl();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theShippedCourseExportsToIdenticalFilesAndReimportingThemChangesNothing(TestDatabase kind) {
        DSLContext db = open(kind);
        loader.importAll(Path.of("content"));
        List<Result<Record>> before = snapshot(db);

        assertThat(exporter.toFolder("python-concurrency", exported)).isPresent();
        assertThat(CourseFiles.readFolder(exported.resolve("python-concurrency")))
                .isEqualTo(CourseFiles.readFolder(Path.of("content/python-concurrency")));

        assertThat(loader.importChanged(exported).lines())
                .as("the exported folder is the imported one")
                .isEmpty();
        loader.importAll(exported);
        assertThat(snapshot(db)).as("ids, texts and update times").isEqualTo(before);
        assertThat(exporter.published("python-concurrency"))
                .contains(CourseFiles.readFolder(Path.of("content/python-concurrency")));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCourseThatWasNeverImportedHasNothingToExport(TestDatabase kind) {
        open(kind);
        assertThat(exporter.toFolder("nothing-here", exported)).isEmpty();
        assertThat(exporter.published("nothing-here")).isEmpty();
    }

    private static List<Result<Record>> snapshot(DSLContext db) {
        return List.of(
                db.select().from(SECTION).orderBy(SECTION.ID).fetch(),
                db.select().from(CHAPTER).orderBy(CHAPTER.ID).fetch(),
                db.select().from(QUESTION).orderBy(QUESTION.ID).fetch(),
                db.select().from(QUESTION_OPTION).orderBy(QUESTION_OPTION.ID).fetch(),
                db.select().from(CHALLENGE).orderBy(CHALLENGE.ID).fetch());
    }
}
