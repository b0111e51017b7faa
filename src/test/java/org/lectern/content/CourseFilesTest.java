package org.lectern.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lectern.testing.TestFiles;
import org.lectern.testing.TestServer;

/** A course's files through folders and zips, byte for byte. */
class CourseFilesTest {
    @TempDir
    Path dir;

    private static final Path FIXTURE = TestServer.FIXTURE_CONTENT.resolve("sample-course");

    @Test
    void aFolderWrittenFromTheFilesOfAFolderHoldsTheSameBytes() {
        CourseFiles files = CourseFiles.readFolder(FIXTURE);
        assertThat(files.paths()).contains("course.md", "images/diagram.svg", "01-basics/02-second.quiz.yaml");
        files.writeFolder(dir.resolve("copy"));
        assertThat(CourseFiles.readFolder(dir.resolve("copy"))).isEqualTo(files);
    }

    @Test
    void theShippedCourseSurvivesAZipUnchanged() {
        CourseFiles shipped = CourseFiles.readFolder(Path.of("content/python-concurrency"));
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        shipped.writeZip("python-concurrency", zip);
        Map<String, CourseFiles> back = CourseFiles.readZip(new ByteArrayInputStream(zip.toByteArray()), "unused");
        assertThat(back).containsOnlyKeys("python-concurrency");
        assertThat(back.get("python-concurrency")).isEqualTo(shipped);
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        back.get("python-concurrency").writeZip("python-concurrency", again);
        assertThat(again.toByteArray()).as("the same files give the same zip").isEqualTo(zip.toByteArray());
    }

    @Test
    void writingAFolderRemovesFilesThatLeftTheCourseButKeepsIgnoredOnes() {
        Path course = dir.resolve("sample-course");
        TestFiles.copyTree(FIXTURE, course);
        TestFiles.write(course.resolve("02-more/09-gone.md"), "---\ntitle: Gone\n---\n");
        TestFiles.write(course.resolve("9-old/section.md"), "---\ntitle: Old\n---\n");
        TestFiles.write(course.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        CourseFiles.readFolder(FIXTURE).writeFolder(course);
        assertThat(Files.exists(course.resolve("02-more/09-gone.md"))).isFalse();
        assertThat(Files.exists(course.resolve("9-old")))
                .as("an emptied folder goes too")
                .isFalse();
        assertThat(Files.exists(course.resolve(".git/HEAD"))).isTrue();
        assertThat(CourseFiles.readFolder(course)).isEqualTo(CourseFiles.readFolder(FIXTURE));
    }

    @Test
    void aZipOfOneCourseFoldersContentsIsReadAsThatCourse() throws Exception {
        byte[] zip = zip(Map.of("course.md", "---\ntitle: T\n---\n", "01-a/section.md", "---\ntitle: A\n---\n"));
        Map<String, CourseFiles> courses = CourseFiles.readZip(new ByteArrayInputStream(zip), "mine");
        assertThat(courses).containsOnlyKeys("mine");
        assertThat(courses.get("mine").paths()).containsExactly("01-a/section.md", "course.md");
    }

    @Test
    void pathsThatClimbOutOfTheCourseAreRefused() throws Exception {
        byte[] zip = zip(Map.of("c/../../etc/passwd", "x"));
        assertThatThrownBy(() -> CourseFiles.readZip(new ByteArrayInputStream(zip), "c"))
                .isInstanceOf(ContentException.class)
                .hasMessageContaining("is not a path inside a course folder");
        assertThatThrownBy(() -> CourseFiles.empty().with("/abs.md", new byte[0]))
                .isInstanceOf(ContentException.class);
    }

    private static byte[] zip(Map<String, String> entries) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var e : new TreeMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
