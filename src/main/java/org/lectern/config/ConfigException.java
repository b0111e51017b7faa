package org.lectern.config;

/** A setting that cannot be used as given; its message names the variable. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
