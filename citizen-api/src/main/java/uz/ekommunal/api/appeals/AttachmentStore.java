package uz.ekommunal.api.appeals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Attachment files in a directory of their own (never under a served path), named by a random
 * UUID with no extension; the name the resident gave is kept only as data.
 */
public final class AttachmentStore {

    public static final int MAX_PER_APPEAL = 10;

    /** @param fromOfficer added by the organisation with its answer, not by the resident */
    public record Attachment(UUID id, long appealId, String storedName, String originalName, FileType type,
            long size, Instant createdAt, boolean fromOfficer) {
    }

    private final Path directory;
    private final long maxImageBytes;
    private final long maxVideoBytes;

    public AttachmentStore(Path directory, long maxImageBytes, long maxVideoBytes) {
        this.directory = directory;
        this.maxImageBytes = maxImageBytes;
        this.maxVideoBytes = maxVideoBytes;
    }

    public Path directory() {
        return directory;
    }

    /** The largest upload of any kind: bigger ones are refused before reading. */
    public long maxBytes() {
        return Math.max(maxImageBytes, maxVideoBytes);
    }

    /** A fresh temporary file in the store's directory for an upload in progress. */
    public Path newTemporary() throws IOException {
        Files.createDirectories(directory);
        return Files.createTempFile(directory, "upload-", ".part");
    }

    /** Checks the uploaded file's type (by content) and size, then keeps it under a random name. */
    public Attachment keep(Connection c, long appealId, Path upload, String originalName, Instant now,
            boolean fromOfficer) throws IOException, SQLException {
        try {
            byte[] head;
            try (InputStream in = Files.newInputStream(upload)) {
                head = in.readNBytes(16);
            }
            long size = Files.size(upload);
            if (size == 0) {
                throw new AppealException(AppealErrorCode.FILE_EMPTY, "file");
            }
            FileType type = FileType.sniff(head).orElseThrow(() ->
                    new AppealException(AppealErrorCode.FILE_TYPE_NOT_ALLOWED, "file"));
            long max = type.video() ? maxVideoBytes : maxImageBytes;
            if (size > max) {
                throw new AppealException(type.video() ? AppealErrorCode.VIDEO_TOO_LARGE
                        : AppealErrorCode.PHOTO_TOO_LARGE, "file", max / (1024 * 1024));
            }
            if (count(c, appealId) >= MAX_PER_APPEAL) {
                throw new AppealException(AppealErrorCode.TOO_MANY_ATTACHMENTS, "file", MAX_PER_APPEAL);
            }
            UUID id = UUID.randomUUID();
            String stored = UUID.randomUUID().toString();
            Files.move(upload, directory.resolve(stored), StandardCopyOption.ATOMIC_MOVE);
            try (PreparedStatement s = c.prepareStatement("""
                    insert into appeals.attachments (id, appeal_id, stored_name, original_name, media_type, size_bytes,
                        created_at, from_officer) values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                s.setObject(1, id);
                s.setLong(2, appealId);
                s.setString(3, stored);
                s.setString(4, originalName);
                s.setString(5, type.mediaType());
                s.setLong(6, size);
                s.setTimestamp(7, Timestamp.from(now));
                s.setBoolean(8, fromOfficer);
                s.executeUpdate();
            }
            return new Attachment(id, appealId, stored, originalName, type, size, now, fromOfficer);
        } finally {
            Files.deleteIfExists(upload);
        }
    }

    private static int count(Connection c, long appealId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select count(*) from appeals.attachments where appeal_id = ?")) {
            s.setLong(1, appealId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    public List<Attachment> of(Connection c, long appealId) throws SQLException {
        List<Attachment> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "select * from appeals.attachments where appeal_id = ? order by created_at, id")) {
            s.setLong(1, appealId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
        }
        return out;
    }

    public Optional<Attachment> find(Connection c, long appealId, UUID id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "select * from appeals.attachments where appeal_id = ? and id = ?")) {
            s.setLong(1, appealId);
            s.setObject(2, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    public Path file(Attachment a) {
        return directory.resolve(a.storedName());
    }

    private static Attachment read(ResultSet rs) throws SQLException {
        return new Attachment(rs.getObject("id", UUID.class), rs.getLong("appeal_id"), rs.getString("stored_name"),
                rs.getString("original_name"), FileType.byMediaType(rs.getString("media_type")),
                rs.getLong("size_bytes"), rs.getTimestamp("created_at").toInstant(), rs.getBoolean("from_officer"));
    }
}
