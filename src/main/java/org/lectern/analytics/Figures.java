package org.lectern.analytics;

import java.text.NumberFormat;
import java.util.Locale;

/** Numbers as the report prints them, in the reader's language; a statistic that could not be computed is "–". */
public final class Figures {
    private static final String NONE = "–";
    private final Locale locale;

    Figures(Locale locale) {
        this.locale = locale;
    }

    /** One decimal. */
    public String one(Double value) {
        return decimals(value, 1);
    }

    /** Two decimals. */
    public String two(Double value) {
        return decimals(value, 2);
    }

    /** A percentage with one decimal. */
    public String percent(Double value) {
        return value == null ? NONE : decimals(value, 1) + "%";
    }

    /** A whole number with grouping. */
    public String count(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    private String decimals(Double value, int digits) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            return NONE;
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(value);
    }
}
