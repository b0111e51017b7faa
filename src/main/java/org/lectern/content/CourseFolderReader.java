package org.lectern.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.lectern.content.CourseSource.AssetSource;
import org.lectern.content.CourseSource.ChapterSource;
import org.lectern.content.CourseSource.SectionSource;

/** Reads one course folder of the content format (see content/README.md) into a {@link CourseSource}. */
public final class CourseFolderReader {
    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern ORDERED = Pattern.compile("(\\d{1,4})-([a-z0-9]+(?:-[a-z0-9]+)*)");
    private static final long MAX_TEXT_BYTES = 1024 * 1024;
    private static final long MAX_ASSET_BYTES = 2 * 1024 * 1024;
    private static final Map<String, String> ASSET_TYPES = Map.of(
            "svg", "image/svg+xml",
            "png", "image/png",
            "jpg", "image/jpeg",
            "jpeg", "image/jpeg",
            "gif", "image/gif",
            "webp", "image/webp");

    private final Path root;
    private final QuizReader quizzes;
    private final ChallengeReader challenges;

    /** @param root the content folder; error messages name files relative to it */
    public CourseFolderReader(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.quizzes = new QuizReader();
        this.challenges = new ChallengeReader(this);
    }

    /** The course folders in the content folder, in name order. */
    public List<Path> courseFolders() {
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(Files::isDirectory)
                    .filter(p -> !ignored(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new ContentException(root, 0, "cannot list the content folder: " + e.getMessage());
        }
    }

    public CourseSource read(Path courseDir) {
        String slug = courseDir.getFileName().toString();
        if (!SLUG.matcher(slug).matches()) {
            throw new ContentException(display(courseDir), 0, "a course folder name must be a slug (a-z, 0-9, dashes)");
        }
        Path courseFile = courseDir.resolve("course.md");
        if (!Files.isRegularFile(courseFile)) {
            throw new ContentException(display(courseFile), 0, "every course folder needs a course.md");
        }
        FrontMatter course = frontMatter(courseFile);
        YamlFields f = course.fields().allowOnly(Set.of("title", "summary", "locale", "free_sections", "position"));
        List<SectionSource> sections = new ArrayList<>();
        List<AssetSource> assets = new ArrayList<>();
        for (Path child : children(courseDir)) {
            Matcher ordered = ORDERED.matcher(child.getFileName().toString());
            if (Files.isDirectory(child) && ordered.matches()) {
                sections.add(readSection(child, Integer.parseInt(ordered.group(1)), ordered.group(2)));
            } else if (Files.isDirectory(child)) {
                assets.addAll(readAssets(courseDir, child));
            } else if (!child.getFileName().toString().equals("course.md")) {
                throw new ContentException(
                        display(child),
                        0,
                        "unexpected file: a course folder holds course.md, "
                                + "NN-slug section folders and asset folders such as images/");
            }
        }
        requireUniqueSlugs(courseDir, sections.stream().map(SectionSource::slug).toList(), "section");
        CourseSource source = new CourseSource(
                slug,
                f.requiredString("title"),
                f.string("summary", ""),
                course.body(),
                f.string("locale", "en"),
                f.integer("position", 0),
                f.integer("free_sections", 1),
                List.copyOf(sections),
                List.copyOf(assets),
                hash(courseDir));
        ContentValidator.checkLinks(source);
        return source;
    }

    private SectionSource readSection(Path dir, int position, String slug) {
        Path sectionFile = dir.resolve("section.md");
        if (!Files.isRegularFile(sectionFile)) {
            throw new ContentException(display(sectionFile), 0, "every section folder needs a section.md");
        }
        FrontMatter section = frontMatter(sectionFile);
        YamlFields f = section.fields().allowOnly(Set.of("title"));
        List<ChapterSource> chapters = new ArrayList<>();
        for (Path child : children(dir)) {
            String name = child.getFileName().toString();
            if (name.equals("section.md") || name.endsWith(".quiz.yaml") || name.endsWith(".challenges")) {
                continue;
            }
            Matcher ordered = ORDERED.matcher(name.endsWith(".md") ? name.substring(0, name.length() - 3) : "");
            if (!Files.isRegularFile(child) || !ordered.matches()) {
                throw new ContentException(
                        display(child),
                        0,
                        "unexpected entry: a section folder holds section.md, "
                                + "NN-slug.md chapters, NN-slug.quiz.yaml quizzes and NN-slug.challenges folders");
            }
            chapters.add(readChapter(child, Integer.parseInt(ordered.group(1)), ordered.group(2)));
        }
        requireUniqueSlugs(dir, chapters.stream().map(ChapterSource::slug).toList(), "chapter");
        requireNoOrphans(dir);
        return new SectionSource(slug, position, f.requiredString("title"), section.body(), List.copyOf(chapters));
    }

    private ChapterSource readChapter(Path file, int position, String slug) {
        FrontMatter chapter = frontMatter(file);
        YamlFields f = chapter.fields().allowOnly(Set.of("title", "summary", "free"));
        String base = file.getFileName().toString().replaceFirst("\\.md$", "");
        Path quiz = file.resolveSibling(base + ".quiz.yaml");
        Path challengeDir = file.resolveSibling(base + ".challenges");
        return new ChapterSource(
                slug,
                position,
                f.requiredString("title"),
                f.string("summary", ""),
                chapter.body(),
                f.bool("free", null),
                Files.isRegularFile(quiz) ? quizzes.read(display(quiz), text(quiz)) : List.of(),
                Files.isDirectory(challengeDir) ? challenges.read(challengeDir) : List.of(),
                display(file),
                chapter.bodyLine());
    }

    /** A quiz or challenge folder whose chapter file is missing is almost always a rename gone wrong. */
    private void requireNoOrphans(Path sectionDir) {
        for (Path child : children(sectionDir)) {
            String name = child.getFileName().toString();
            String base = name.replaceFirst("(\\.quiz\\.yaml|\\.challenges)$", "");
            if (!base.equals(name) && !Files.isRegularFile(sectionDir.resolve(base + ".md"))) {
                throw new ContentException(display(child), 0, "there is no chapter " + base + ".md for it");
            }
        }
    }

    private List<AssetSource> readAssets(Path courseDir, Path dir) {
        List<AssetSource> assets = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(p -> !ignored(p))
                    .sorted()
                    .toList()) {
                String name = file.getFileName().toString();
                String type = ASSET_TYPES.get(
                        name.substring(name.lastIndexOf('.') + 1).toLowerCase());
                if (type == null) {
                    throw new ContentException(
                            display(file), 0, "unsupported file type (use " + ASSET_TYPES.keySet() + ")");
                }
                if (Files.size(file) > MAX_ASSET_BYTES) {
                    throw new ContentException(display(file), 0, "larger than " + MAX_ASSET_BYTES / 1024 + " KiB");
                }
                byte[] content = Files.readAllBytes(file);
                String path = courseDir.relativize(file).toString().replace('\\', '/');
                assets.add(new AssetSource(path, type, content, sha256(content)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return assets;
    }

    FrontMatter frontMatter(Path file) {
        return FrontMatter.parse(display(file), text(file));
    }

    String text(Path file) {
        try {
            if (Files.size(file) > MAX_TEXT_BYTES) {
                throw new ContentException(display(file), 0, "larger than " + MAX_TEXT_BYTES / 1024 + " KiB");
            }
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ContentException(display(file), 0, "is not valid UTF-8");
        } catch (IOException e) {
            throw new ContentException(display(file), 0, "cannot be read: " + e.getMessage());
        }
    }

    Path display(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(root) ? root.relativize(absolute) : absolute;
    }

    List<Path> children(Path dir) {
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(p -> !ignored(p))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            throw new ContentException(display(dir), 0, "cannot be listed: " + e.getMessage());
        }
    }

    private static boolean ignored(Path p) {
        String name = p.getFileName().toString();
        return name.startsWith(".") || name.startsWith("_");
    }

    private void requireUniqueSlugs(Path dir, List<String> slugs, String what) {
        Set<String> seen = new java.util.HashSet<>();
        for (String slug : slugs) {
            if (!seen.add(slug)) {
                throw new ContentException(display(dir), 0, "two " + what + "s share the slug '" + slug + "'");
            }
        }
    }

    /** Changes whenever any file of the course changes, so start-up can skip unchanged courses. */
    private String hash(Path courseDir) {
        try (Stream<Path> files = Files.walk(courseDir)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                digest.update(courseDir.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
