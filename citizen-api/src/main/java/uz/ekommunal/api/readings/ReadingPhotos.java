package uz.ekommunal.api.readings;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import uz.ekommunal.api.appeals.FileType;
import uz.ekommunal.gateway.MeterDirectory;
import uz.ekommunal.gateway.ReadingLookup;
import uz.ekommunal.gateway.meter.MeterPages;
import uz.ekommunal.gateway.store.ReadingQueries;

/**
 * Photos of hand-submitted readings ({@code api.reading_photos}): one per reading, attached by the
 * household that submitted the reading, kept in the database with the type sniffed from its bytes.
 */
public final class ReadingPhotos {

    /** The largest photo kept: a phone's picture of a meter's display, scaled down by the page. */
    public static final int MAX_BYTES = 512 * 1024;

    /** A photo's description, without its bytes. */
    public record Info(String register, Instant time, String mediaType, int bytes, Instant uploadedAt) {
    }

    /** A photo with its bytes. */
    public record Photo(Info info, byte[] content) {
    }

    private final DataSource dataSource;
    private final ReadingLookup readings;
    private final MeterDirectory meters;

    public ReadingPhotos(DataSource dataSource) {
        this.dataSource = dataSource;
        this.readings = new ReadingQueries(dataSource);
        this.meters = new MeterPages(dataSource);
    }

    /** Whether this household user submitted the reading stored at that time (and no inspector overrode it). */
    boolean submittedBy(long meterId, String register, Instant time, long userId) throws SQLException {
        return readings.storedFrom(meterId, register, time, "household:user:" + userId);
    }

    /** Keeps the photo, replacing the one this user attached before to the same reading. */
    Info keep(long meterId, String register, Instant time, long userId, FileType type, byte[] content, Instant now)
            throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement upsert = c.prepareStatement("""
                     insert into api.reading_photos (meter_id, register, ts, user_id, media_type, bytes, sha256, content,
                                                     uploaded_at)
                     values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                     on conflict (meter_id, register, ts) do update set media_type = excluded.media_type,
                         bytes = excluded.bytes, sha256 = excluded.sha256, content = excluded.content,
                         uploaded_at = excluded.uploaded_at
                     where api.reading_photos.user_id = excluded.user_id""")) {
            upsert.setLong(1, meterId);
            upsert.setString(2, register);
            upsert.setTimestamp(3, Timestamp.from(time));
            upsert.setLong(4, userId);
            upsert.setString(5, type.mediaType());
            upsert.setInt(6, content.length);
            upsert.setString(7, sha256(content));
            upsert.setBytes(8, content);
            upsert.setTimestamp(9, Timestamp.from(now));
            upsert.executeUpdate();
        }
        return new Info(register, time, type.mediaType(), content.length, now);
    }

    Optional<Photo> find(long meterId, String register, Instant time) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("""
                     select register, ts, media_type, bytes, uploaded_at, content from api.reading_photos
                     where meter_id = ? and register = ? and ts = ?""")) {
            select.setLong(1, meterId);
            select.setString(2, register);
            select.setTimestamp(3, Timestamp.from(time));
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(new Photo(info(rs), rs.getBytes(6))) : Optional.empty();
            }
        }
    }

    /** A meter's photos, newest reading first. */
    public List<Info> list(long meterId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("""
                     select register, ts, media_type, bytes, uploaded_at from api.reading_photos
                     where meter_id = ? order by ts desc limit 500""")) {
            select.setLong(1, meterId);
            List<Info> out = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    out.add(info(rs));
                }
            }
            return out;
        }
    }

    /** Which of these meters' readings have a photo: keys {@link #key}. */
    public java.util.Set<String> withPhotos(java.util.Collection<String> serials) throws SQLException {
        java.util.Set<String> keys = new java.util.HashSet<>();
        if (serials.isEmpty()) {
            return keys;
        }
        java.util.Map<Long, String> serialOf = new java.util.HashMap<>();
        meters.bySerials(serials).forEach((serial, meter) -> serialOf.put(meter.id(), serial));
        if (serialOf.isEmpty()) {
            return keys;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "select meter_id, register, ts from api.reading_photos where meter_id = any(?)")) {
            select.setArray(1, c.createArrayOf("bigint", serialOf.keySet().toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    keys.add(key(serialOf.get(rs.getLong(1)), rs.getString(2), rs.getTimestamp(3).toInstant()));
                }
            }
        }
        return keys;
    }

    public static String key(String serial, String register, Instant time) {
        return serial + "|" + register + "|" + time;
    }

    /** Where the photo of a reading is fetched. */
    public static String url(String serial, String register, Instant time) {
        return "/api/v1/meters/" + serial + "/readings/photo?time="
                + java.net.URLEncoder.encode(time.toString(), java.nio.charset.StandardCharsets.UTF_8) + "&register="
                + java.net.URLEncoder.encode(register, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Info info(ResultSet rs) throws SQLException {
        return new Info(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getInt(4),
                rs.getTimestamp(5).toInstant());
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
