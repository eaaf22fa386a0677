package uz.ekommunal.api.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The key that signs access tokens and keys the code hashes. Configured in production; on the
 * embedded local run it is made once and kept in the data folder, so sessions survive a restart.
 */
public final class TokenKeys {

    static final int MIN_LENGTH = 32;

    private TokenKeys() {
    }

    /**
     * @param configured the configured secret, or null
     * @param keyFile where the local run keeps its key, or null when a configured one is required
     * @throws IllegalArgumentException naming what to set, when the key is missing or short
     */
    public static byte[] resolve(String configured, Path keyFile) throws IOException {
        if (configured != null && !configured.isBlank()) {
            byte[] key = configured.getBytes(StandardCharsets.UTF_8);
            if (key.length < MIN_LENGTH) {
                throw new IllegalArgumentException("EKOMMUNAL_JWT_SECRET must have at least " + MIN_LENGTH + " characters");
            }
            return key;
        }
        if (keyFile == null) {
            throw new IllegalArgumentException("EKOMMUNAL_JWT_SECRET is required with a configured database "
                    + "(EKOMMUNAL_DB_URL): give every API node the same secret of at least " + MIN_LENGTH + " characters");
        }
        if (!Files.exists(keyFile)) {
            Files.createDirectories(keyFile.toAbsolutePath().getParent());
            try {
                // owner-only from the moment it exists, so the key is never readable by others
                Path created;
                try {
                    created = Files.createFile(keyFile,
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException e) {
                    created = Files.createFile(keyFile);
                }
                Files.writeString(created, Hashes.randomToken(48), StandardCharsets.US_ASCII);
            } catch (FileAlreadyExistsException e) {
                // another process made it first: use theirs
            }
        }
        byte[] key = Files.readString(keyFile, StandardCharsets.US_ASCII).strip().getBytes(StandardCharsets.US_ASCII);
        if (key.length < MIN_LENGTH) {
            throw new IllegalArgumentException(keyFile + " holds a key shorter than " + MIN_LENGTH
                    + " characters; delete it to make a new one");
        }
        return key;
    }
}
