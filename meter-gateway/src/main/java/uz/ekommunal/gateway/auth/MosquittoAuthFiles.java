package uz.ekommunal.gateway.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * Mosquitto's password file and ACL for the meter registry, for a deployment with a real broker.
 * The password file holds the meters' stored {@code $7$} hashes as they are (no secret is needed to
 * write it), plus the gateway's user and the head-end user when given. The ACL lets each meter write
 * only its own readings topic ({@code pattern write meters/%u/readings}), the gateway read every
 * meter's, and the head-end write every meter's; nobody else reads or writes anything. Both files are
 * written next to their target and moved into place, so Mosquitto never reads half a file.
 */
public final class MosquittoAuthFiles {

    /** A user of the broker other than the meters: its name and its password's hash. */
    public record BrokerUser(String name, String passwordHash) {
        public static BrokerUser withPassword(String name, String password) {
            return new BrokerUser(name, MosquittoPasswordHash.hash(password));
        }
    }

    private MosquittoAuthFiles() {
    }

    /** @param headEnd the head-end user, or null for none */
    public static void write(Path passwordFile, Path aclFile, Map<String, String> meterHashes, BrokerUser gateway,
            BrokerUser headEnd) throws IOException {
        StringBuilder passwords = new StringBuilder();
        passwords.append(line(gateway.name(), gateway.passwordHash()));
        if (headEnd != null) {
            passwords.append(line(headEnd.name(), headEnd.passwordHash()));
        }
        meterHashes.forEach((serial, hash) -> {
            if (!serial.equals(gateway.name()) && (headEnd == null || !serial.equals(headEnd.name()))) {
                passwords.append(line(serial, hash));
            }
        });
        writeAtomically(passwordFile, passwords.toString());
        writeAtomically(aclFile, acl(gateway.name(), headEnd == null ? null : headEnd.name()));
    }

    /** The ACL text: meters write their own topic; the gateway reads all meters'; the head-end writes all. */
    public static String acl(String gatewayUser, String headEndUser) {
        StringBuilder acl = new StringBuilder("""
                # Written by `ekommunal mosquitto-auth` from the meter registry. A meter (user name = serial)
                # writes only its own readings topic; the gateway reads every meter's; nothing else is allowed.
                """);
        acl.append("\nuser ").append(gatewayUser).append("\ntopic read meters/+/readings\n");
        if (headEndUser != null) {
            acl.append("\nuser ").append(headEndUser).append("\ntopic write meters/+/readings\n");
        }
        acl.append("\npattern write meters/%u/readings\n");
        return acl.toString();
    }

    private static String line(String user, String hash) {
        if (user.contains(":") || user.contains("\n")) {
            throw new IllegalArgumentException("a broker user name has no ':' or line break: " + user);
        }
        return user + ":" + hash + "\n";
    }

    private static void writeAtomically(Path target, String content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temporary = Files.createTempFile(dir, ".ekommunal-", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: its own rules apply
            }
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
