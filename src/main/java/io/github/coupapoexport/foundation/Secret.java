package io.github.coupapoexport.foundation;

import org.jspecify.annotations.Nullable;

/**
 * A credential read from configuration. Its {@code toString()} never shows the value, so a secret that ends up
 * in a log line, an exception message or a record's {@code toString()} stays hidden.
 */
public final class Secret {

    private final @Nullable String value;

    public Secret(@Nullable String value) {
        this.value = value;
    }

    /** The value itself, for the one place that sends it. */
    public @Nullable String reveal() {
        return value;
    }

    public boolean isBlank() {
        return value == null || value.isBlank();
    }

    @Override
    public String toString() {
        return "******";
    }
}
