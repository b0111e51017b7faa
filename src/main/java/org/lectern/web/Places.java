package org.lectern.web;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text rendered once with places in it for what differs between readers (a name, a form token, a learner's own part
 * of a page), filled in for each reader. A place is a mark that rendered text cannot hold by chance, a word drawn at
 * random when the server starts followed by the place's name, and it needs no escaping in text, attributes or URLs.
 * Templates see a place as an ordinary string, so a page kept with places comes from the same template as a page
 * rendered whole.
 */
public final class Places {
    private static final String MARK = "place" + HexFormat.of().formatHex(new SecureRandom().generateSeed(12)) + "-";
    private static final Pattern PLACE = Pattern.compile(Pattern.quote(MARK) + "([A-Za-z0-9-]+)\\.");

    /** The text around the places, one more piece than places: as text, or (for a whole page) as UTF-8. */
    private final String[] text;

    private final byte[][] utf8;
    private final String[] names;
    private final int length;

    private Places(String[] text, byte[][] utf8, String[] names, int length) {
        this.text = text;
        this.utf8 = utf8;
        this.names = names;
        this.length = length;
    }

    /** The mark of a place: letters, digits and dashes make its name. */
    public static String place(String name) {
        if (!name.matches("[A-Za-z0-9-]+")) {
            throw new IllegalArgumentException("a place's name is letters, digits and dashes: " + name);
        }
        return MARK + name + ".";
    }

    /** Text as rendered with the marks of {@link #place} in it, to be filled in as text ({@link #fill}). */
    public static Places of(String rendered) {
        List<String> pieces = new ArrayList<>();
        List<String> names = new ArrayList<>();
        split(rendered, pieces, names);
        return new Places(pieces.toArray(String[]::new), null, names.toArray(String[]::new), rendered.length());
    }

    /**
     * A whole page as rendered with the marks of {@link #place} in it, to be filled in as UTF-8, the form it is sent
     * in ({@link #fillUtf8}): the text around the places is encoded once, here.
     */
    public static Places utf8(String rendered) {
        List<String> pieces = new ArrayList<>();
        List<String> names = new ArrayList<>();
        split(rendered, pieces, names);
        byte[][] utf8 = pieces.stream()
                .map(piece -> piece.getBytes(StandardCharsets.UTF_8))
                .toArray(byte[][]::new);
        int length = Arrays.stream(utf8).mapToInt(piece -> piece.length).sum();
        return new Places(null, utf8, names.toArray(String[]::new), length);
    }

    private static void split(String rendered, List<String> pieces, List<String> names) {
        Matcher place = PLACE.matcher(rendered);
        int from = 0;
        while (place.find()) {
            pieces.add(rendered.substring(from, place.start()));
            names.add(place.group(1));
            from = place.end();
        }
        pieces.add(rendered.substring(from));
    }

    /**
     * The text with every place filled in.
     *
     * @param values what goes in the place of each name, as it is to appear (escaped already where it must be)
     * @throws IllegalArgumentException for a place that {@code values} has nothing for
     */
    public String fill(Function<String, String> values) {
        if (text == null) {
            throw new IllegalStateException("kept as UTF-8: fillUtf8");
        }
        StringBuilder filled = new StringBuilder(length + 64 * names.length);
        for (int i = 0; i < names.length; i++) {
            filled.append(text[i]).append(value(values, i));
        }
        return filled.append(text[names.length]).toString();
    }

    /** The page with every place filled in, as UTF-8; as {@link #fill} otherwise. */
    public byte[] fillUtf8(Function<String, String> values) {
        if (utf8 == null) {
            throw new IllegalStateException("kept as text: fill");
        }
        byte[][] filled = new byte[names.length][];
        int total = length;
        for (int i = 0; i < names.length; i++) {
            filled[i] = value(values, i).getBytes(StandardCharsets.UTF_8);
            total += filled[i].length;
        }
        byte[] page = new byte[total];
        int at = 0;
        for (int i = 0; i < names.length; i++) {
            System.arraycopy(utf8[i], 0, page, at, utf8[i].length);
            at += utf8[i].length;
            System.arraycopy(filled[i], 0, page, at, filled[i].length);
            at += filled[i].length;
        }
        System.arraycopy(utf8[names.length], 0, page, at, utf8[names.length].length);
        return page;
    }

    private String value(Function<String, String> values, int place) {
        String value = values.apply(names[place]);
        if (value == null) {
            throw new IllegalArgumentException("nothing to fill the place " + names[place] + " with");
        }
        return value;
    }
}
