package org.lectern.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A course's source files, byte for byte, by their path inside the course folder ({@code course.md},
 * {@code 01-intro/02-threads.md}, {@code images/x.svg}). Import stores them, the studio edits them, export writes
 * them back: they are the truth the database's course tables are read from.
 */
public final class CourseFiles {
    /** Largest zip a person may upload or a course may export: the reader's own limits allow no more. */
    public static final long MAX_ZIP_BYTES = 64L * 1024 * 1024;

    private final TreeMap<String, byte[]> files;

    private CourseFiles(Map<String, byte[]> files) {
        this.files = new TreeMap<>(files);
    }

    public static CourseFiles of(Map<String, byte[]> files) {
        files.keySet().forEach(CourseFiles::requireSafePath);
        return new CourseFiles(files);
    }

    public static CourseFiles empty() {
        return new CourseFiles(Map.of());
    }

    /** Every file of a course folder except those the reader ignores (names starting with {@code .} or {@code _}). */
    public static CourseFiles readFolder(Path courseDir) {
        try (Stream<Path> walk = Files.walk(courseDir)) {
            Map<String, byte[]> files = new TreeMap<>();
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String path = courseDir.relativize(file).toString().replace('\\', '/');
                if (!ignored(path)) {
                    files.put(path, Files.readAllBytes(file));
                }
            }
            return new CourseFiles(files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes {@code courseDir} hold exactly these files: writes every one and removes the others the reader would
     * read (ignored names, such as {@code .git}, stay untouched).
     */
    public void writeFolder(Path courseDir) {
        try {
            Files.createDirectories(courseDir);
            for (String stale : readFolder(courseDir).paths()) {
                if (!files.containsKey(stale)) {
                    Files.delete(courseDir.resolve(stale));
                }
            }
            removeEmptyFolders(courseDir);
            for (var file : files.entrySet()) {
                Path target = courseDir.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the files under {@code <slug>/} in a zip, the layout of a content folder with one course. */
    public void writeZip(String slug, OutputStream out) {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var file : files.entrySet()) {
                ZipEntry entry = new ZipEntry(slug + "/" + file.getKey());
                // A fixed time: exporting the same files twice gives the same zip.
                entry.setTime(0);
                zip.putNextEntry(entry);
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The courses of a zip laid out as a content folder ({@code <slug>/course.md, …}), or as one course folder's
     * contents ({@code course.md, …}) under {@code fallbackSlug}.
     */
    public static Map<String, CourseFiles> readZip(InputStream in, String fallbackSlug) {
        Map<String, Map<String, byte[]>> bySlug = new TreeMap<>();
        Map<String, byte[]> flat = new TreeMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName().replace('\\', '/');
                if (entry.isDirectory()) {
                    continue;
                }
                requireSafePath(name);
                if (ignored(name)) {
                    continue;
                }
                byte[] content = zip.readNBytes((int) Math.min(MAX_ZIP_BYTES - total + 1, Integer.MAX_VALUE - 8));
                total += content.length;
                if (total > MAX_ZIP_BYTES) {
                    throw new ContentException(name, 0, "the zip unpacks to more than 64 MiB");
                }
                flat.put(name, content);
                int slash = name.indexOf('/');
                if (slash > 0) {
                    bySlug.computeIfAbsent(name.substring(0, slash), s -> new TreeMap<>())
                            .put(name.substring(slash + 1), content);
                }
            }
        } catch (IOException e) {
            throw new ContentException("upload", 0, "is not a readable zip: " + e.getMessage());
        }
        if (flat.containsKey("course.md")) {
            return Map.of(fallbackSlug, new CourseFiles(flat));
        }
        Map<String, CourseFiles> courses = new TreeMap<>();
        bySlug.forEach((slug, files) -> courses.put(slug, new CourseFiles(files)));
        return courses;
    }

    public static String sha256(byte[] content) {
        return CourseFolderReader.sha256(content);
    }

    public List<String> paths() {
        return List.copyOf(files.keySet());
    }

    public Map<String, byte[]> asMap() {
        return Collections.unmodifiableMap(files);
    }

    public Optional<byte[]> bytes(String path) {
        return Optional.ofNullable(files.get(path));
    }

    public Optional<String> text(String path) {
        return bytes(path).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    public boolean contains(String path) {
        return files.containsKey(path);
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }

    public CourseFiles with(String path, byte[] content) {
        requireSafePath(path);
        TreeMap<String, byte[]> copy = new TreeMap<>(files);
        copy.put(path, content);
        return new CourseFiles(copy);
    }

    public CourseFiles without(String path) {
        TreeMap<String, byte[]> copy = new TreeMap<>(files);
        copy.remove(path);
        return new CourseFiles(copy);
    }

    /** Materialises the files as a course folder in a fresh temporary folder, for the reader. */
    public Path writeTemporaryFolder(String slug) {
        try {
            Path root = Files.createTempDirectory("lectern-course-");
            writeFolder(root.resolve(slug));
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof CourseFiles that) || !files.keySet().equals(that.files.keySet())) {
            return false;
        }
        return files.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), that.files.get(e.getKey())));
    }

    @Override
    public int hashCode() {
        return files.keySet().hashCode();
    }

    @Override
    public String toString() {
        return "CourseFiles" + files.keySet();
    }

    /** Paths come from zips and forms: none may climb out of the course folder or name an absolute place. */
    static void requireSafePath(String path) {
        if (path.isEmpty()
                || path.startsWith("/")
                || path.contains("\\")
                || path.contains(":")
                || Arrays.stream(path.split("/")).anyMatch(p -> p.isEmpty() || p.equals(".") || p.equals(".."))
                || path.length() > 300) {
            throw new ContentException(path, 0, "is not a path inside a course folder");
        }
    }

    private static boolean ignored(String path) {
        return Arrays.stream(path.split("/")).anyMatch(p -> p.startsWith(".") || p.startsWith("_"));
    }

    private static void removeEmptyFolders(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path folder : walk.filter(Files::isDirectory)
                    .filter(p -> !p.equals(dir))
                    .filter(p -> !ignored(dir.relativize(p).toString()))
                    .sorted(java.util.Comparator.reverseOrder())
                    .toList()) {
                try (Stream<Path> inside = Files.list(folder)) {
                    if (inside.findAny().isEmpty()) {
                        Files.delete(folder);
                    }
                }
            }
        }
    }
}
