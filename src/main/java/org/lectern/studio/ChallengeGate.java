package org.lectern.studio;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lectern.challenge.Verification;
import org.lectern.content.CourseFiles;
import org.lectern.content.CourseSource.ChallengeSource;

/**
 * Verifies the challenges a publish changes: each one's reference solution must pass its tests and its starter must
 * fail them, in the sandbox, or the publish is refused naming the challenge.
 */
final class ChallengeGate {
    private static final Pattern CHALLENGE_FILE =
            Pattern.compile("(.+\\.challenges/([a-z0-9]+(?:-[a-z0-9]+)*))/([^/]+)");
    private final Verifier verifier;

    /** Runs a challenge's Verify: the production check of {@code org.lectern.challenge}. */
    interface Verifier {
        /** @param authorId who verifies; null for the command line, whose verifier runs under its own quota */
        Verification verify(Long authorId, ChallengeSource challenge);
    }

    ChallengeGate(Verifier verifier) {
        this.verifier = verifier;
    }

    Verification verify(long authorId, ChallengeSource challenge) {
        return verifier.verify(authorId, challenge);
    }

    /** A changed challenge's verification, and what identifies the files verified (its key and their hashes). */
    record Verified(String dir, String identity, Verification verification) {
        boolean passed() {
            return verification.passed();
        }
    }

    /**
     * @throws UnverifiedChallenge for the first changed challenge that fails verification
     */
    void check(CourseFiles files, CourseFiles published, Long authorId) {
        check(files, published, authorId, Set.of());
    }

    /**
     * @param passedBefore identities of challenges that passed verification already (an import's preview), which
     *     are not run again
     * @throws UnverifiedChallenge for the first changed challenge that fails verification
     */
    void check(CourseFiles files, CourseFiles published, Long authorId, Set<String> passedBefore) {
        for (Verified verified : verify(files, published, authorId, passedBefore, true)) {
            if (!verified.passed()) {
                throw new UnverifiedChallenge(verified.dir(), verified.verification());
            }
        }
    }

    /** Verifies every changed challenge, failing or not, for a preview that shows each one's result. */
    List<Verified> verifyAll(CourseFiles files, CourseFiles published, Long authorId) {
        return verify(files, published, authorId, Set.of(), false);
    }

    private List<Verified> verify(
            CourseFiles files, CourseFiles published, Long authorId, Set<String> passedBefore, boolean firstFailure) {
        List<Verified> results = new ArrayList<>();
        for (var challenge : changed(files, published).entrySet()) {
            String dir = challenge.getKey();
            String identity = identity(files, dir, challenge.getValue());
            if (passedBefore.contains(identity)) {
                continue;
            }
            Verification verification = verifier.verify(authorId, read(files, dir, challenge.getValue()));
            results.add(new Verified(dir, identity, verification));
            if (firstFailure && !verification.passed()) {
                break;
            }
        }
        return results;
    }

    /**
     * The folders of the challenges in {@code files} whose files differ from the published ones, with their keys. A
     * folder that only moved (a chapter renumbered, its four files the same) is not a change.
     */
    static Map<String, String> changed(CourseFiles files, CourseFiles published) {
        Set<String> publishedChallenges = new java.util.HashSet<>();
        folders(published).forEach((dir, key) -> publishedChallenges.add(identity(published, dir, key)));
        Map<String, String> changed = new TreeMap<>();
        folders(files).forEach((dir, key) -> {
            if (!publishedChallenges.contains(identity(files, dir, key))) {
                changed.put(dir, key);
            }
        });
        return changed;
    }

    private static Map<String, String> folders(CourseFiles files) {
        Map<String, String> folders = new TreeMap<>();
        for (String path : files.paths()) {
            Matcher m = CHALLENGE_FILE.matcher(path);
            if (m.matches() && ChallengeSource.FILES.contains(m.group(3))) {
                folders.put(m.group(1), m.group(2));
            }
        }
        return folders;
    }

    /** A challenge's key and the hashes of its folder's four files ("-" for a missing one), wherever it lies. */
    static String identity(CourseFiles files, String dir, String key) {
        StringBuilder print = new StringBuilder(key).append(' ');
        for (String name : ChallengeSource.FILES) {
            print.append(files.bytes(dir + "/" + name).map(Drafts::sha).orElse("-"))
                    .append(' ');
        }
        return print.toString();
    }

    /** The challenges in a chapter's folder, by key, in the reader's order. */
    static List<String> keys(CourseFiles files, String chapterBase) {
        List<String> keys = new ArrayList<>();
        String prefix = chapterBase + ".challenges/";
        for (String path : files.paths()) {
            Matcher m = CHALLENGE_FILE.matcher(path);
            if (path.startsWith(prefix) && m.matches() && m.group(1).equals(prefix + m.group(2))) {
                if (!keys.contains(m.group(2))) {
                    keys.add(m.group(2));
                }
            }
        }
        keys.sort(String::compareTo);
        return keys;
    }

    /**
     * Reads one challenge folder from the files as the importer does.
     *
     * @throws org.lectern.content.ContentException when a file is missing or {@code challenge.md} does not validate
     */
    static ChallengeSource read(CourseFiles files, String dir, String key) {
        List<String> texts = new ArrayList<>();
        for (String name : ChallengeSource.FILES) {
            texts.add(files.text(dir + "/" + name)
                    .orElseThrow(() -> new org.lectern.content.ContentException(
                            dir + "/" + name,
                            0,
                            "missing: a challenge needs " + String.join(", ", ChallengeSource.FILES))));
        }
        return ChallengeSource.of(dir, key, texts.get(0), texts.get(1), texts.get(2), texts.get(3));
    }
}
