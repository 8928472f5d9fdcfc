package io.github.coupapoexport.erp.staging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The idempotency key as the header's key column holds it: the key itself when it fits, else {@code sha256-} and
 * its digest cut to fit; a later attempt after a rejection adds {@code #2}, {@code #3} ... Room for that suffix is
 * always left, so every attempt of one key starts with the same stored key.
 */
final class StagingKeys {

    /** {@code #} and up to five digits. */
    private static final int SUFFIX_ROOM = 6;

    private final int length;

    StagingKeys(int length) {
        this.length = length;
    }

    /** The stored key of a first attempt. */
    String base(String idempotencyKey) {
        int room = length - SUFFIX_ROOM;
        if (idempotencyKey.length() <= room) {
            return idempotencyKey;
        }
        String digest = "sha256-" + sha256(idempotencyKey);
        return digest.length() <= room ? digest : digest.substring(0, room);
    }

    /** The stored key of an attempt: the first is the base, the next {@code base#2}. */
    static String attempt(String base, int attempt) {
        return attempt <= 1 ? base : base + "#" + attempt;
    }

    /**
     * Which attempt of the base a stored key is, or 0 when it belongs to another key (the look-up's LIKE is a
     * prefix match, and a case-insensitive collation may match more).
     */
    static int attemptOf(String stored, String base) {
        if (stored.equals(base)) {
            return 1;
        }
        if (!stored.startsWith(base + "#")) {
            return 0;
        }
        String number = stored.substring(base.length() + 1);
        return number.matches("[0-9]{1,5}") ? Integer.parseInt(number) : 0;
    }

    /** {@code base#%}, with LIKE's wildcards in the base escaped by {@code !}. */
    static String laterAttempts(String base) {
        return base.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "#%";
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(
                    StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every Java has SHA-256", ex);
        }
    }
}
