package org.lectern.runner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Who asks for a run: a signed-in learner, by user id, or a guest, by a key derived from their IP address. Quotas and
 * the analytics record are kept per caller.
 */
public record RunCaller(Long userId, String guestKey) {

    public RunCaller {
        if ((userId == null) == (guestKey == null)) {
            throw new IllegalArgumentException("a caller is either a learner or a guest");
        }
    }

    public static RunCaller learner(long userId) {
        return new RunCaller(userId, null);
    }

    /**
     * A guest, known by a salted hash of their IP: enough to apply quotas and count runs, without keeping the address.
     */
    public static RunCaller guestAt(String ip, byte[] salt) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            byte[] hash = sha.digest(ip.getBytes(StandardCharsets.UTF_8));
            return new RunCaller(null, "ip-" + HexFormat.of().formatHex(hash, 0, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    boolean isGuest() {
        return guestKey != null;
    }

    String quotaKey() {
        return isGuest() ? "guest:" + guestKey : "user:" + userId;
    }
}
