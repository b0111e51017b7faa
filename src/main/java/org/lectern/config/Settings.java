package org.lectern.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads typed values from environment variables, naming the variable when a value cannot be used. */
public final class Settings {
    private final Map<String, String> env;

    public Settings(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    public String get(String name, String fallback) {
        return Optional.ofNullable(env.get(name))
                .map(String::trim)
                .filter(v -> !v.isEmpty())
                .orElse(fallback);
    }

    /** An absolute, normalized path: relative ones resolve against the working directory. */
    public Path path(String name, String fallback) {
        String value = get(name, fallback);
        try {
            return Path.of(value).toAbsolutePath().normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new ConfigException(name + " is not a usable path: '" + value + "'");
        }
    }

    public int integer(String name, int fallback) {
        String value = get(name, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a whole number, not '" + value + "'");
        }
    }

    public boolean bool(String name, boolean fallback) {
        String value = get(name, null);
        if (value == null) {
            return fallback;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            case "0", "false", "no", "off" -> false;
            default -> throw new ConfigException(name + " must be true or false, not '" + value + "'");
        };
    }

    /** A size such as 1048576, 512K, 256M or 1G. */
    public long bytes(String name, long fallback) {
        String value = get(name, null);
        if (value == null) {
            return fallback;
        }
        String v = value.toUpperCase(Locale.ROOT);
        long unit = 1;
        char last = v.charAt(v.length() - 1);
        if (last == 'K' || last == 'M' || last == 'G') {
            unit = last == 'K' ? 1L << 10 : last == 'M' ? 1L << 20 : 1L << 30;
            v = v.substring(0, v.length() - 1);
        }
        try {
            return Math.multiplyExact(Long.parseLong(v), unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new ConfigException(name + " must be a size such as 64M, not '" + value + "'");
        }
    }
}
