package org.lectern.web;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
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

    /** The text around the places, as UTF-8: one more piece than places. */
    private final byte[][] pieces;

    private final String[] names;
    private final int length;

    private Places(byte[][] pieces, String[] names, int length) {
        this.pieces = pieces;
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

    /** Text as rendered with the marks of {@link #place} in it. */
    public static Places of(String rendered) {
        List<byte[]> pieces = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Matcher place = PLACE.matcher(rendered);
        int from = 0;
        while (place.find()) {
            pieces.add(rendered.substring(from, place.start()).getBytes(StandardCharsets.UTF_8));
            names.add(place.group(1));
            from = place.end();
        }
        pieces.add(rendered.substring(from).getBytes(StandardCharsets.UTF_8));
        int length = pieces.stream().mapToInt(piece -> piece.length).sum();
        return new Places(pieces.toArray(byte[][]::new), names.toArray(String[]::new), length);
    }

    /** The text with every place filled in, for a part that goes into another page. */
    public String fillText(Function<String, String> values) {
        return new String(fill(values), StandardCharsets.UTF_8);
    }

    /**
     * The text with every place filled in, as UTF-8, the form a page is sent in: the text around the places was
     * encoded once, when it was kept.
     *
     * @param values what goes in the place of each name, as it is to appear (escaped already where it must be)
     * @throws IllegalArgumentException for a place that {@code values} has nothing for
     */
    public byte[] fill(Function<String, String> values) {
        byte[][] filled = new byte[names.length][];
        int total = length;
        for (int i = 0; i < names.length; i++) {
            String value = values.apply(names[i]);
            if (value == null) {
                throw new IllegalArgumentException("nothing to fill the place " + names[i] + " with");
            }
            filled[i] = value.getBytes(StandardCharsets.UTF_8);
            total += filled[i].length;
        }
        byte[] text = new byte[total];
        int at = 0;
        for (int i = 0; i < names.length; i++) {
            System.arraycopy(pieces[i], 0, text, at, pieces[i].length);
            at += pieces[i].length;
            System.arraycopy(filled[i], 0, text, at, filled[i].length);
            at += filled[i].length;
        }
        System.arraycopy(pieces[names.length], 0, text, at, pieces[names.length].length);
        return text;
    }
}
