package uz.ekommunal.api.appeals;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import uz.ekommunal.platform.config.Config;
import uz.ekommunal.platform.config.DataFolder;
import uz.ekommunal.platform.config.Parsers;
import uz.ekommunal.platform.config.Setting;

/**
 * @param filesDirectory where attachments are kept: a directory of their own, never served
 *     statically (EKOMMUNAL_APPEAL_FILES_DIR)
 * @param maxImageBytes largest photo or scan (EKOMMUNAL_APPEAL_MAX_IMAGE_MB)
 * @param maxVideoBytes largest video (EKOMMUNAL_APPEAL_MAX_VIDEO_MB)
 * @param open311Keys Open311 API keys accepted besides those in {@code appeals.open311_keys}
 *     (EKOMMUNAL_OPEN311_API_KEYS, comma-separated)
 * @param forwardLimit forwards an officer may make; past it only an administrator forwards
 *     (EKOMMUNAL_APPEAL_FORWARD_LIMIT)
 * @param open311Anonymous whether Open311 requests may come without a phone or e-mail
 *     (EKOMMUNAL_OPEN311_ALLOW_ANONYMOUS)
 */
public record AppealsSettings(Path filesDirectory, long maxImageBytes, long maxVideoBytes, Set<String> open311Keys,
        int forwardLimit, boolean open311Anonymous) {

    public static final Setting<String> APPEAL_FILES_DIR = new Setting<>("EKOMMUNAL_APPEAL_FILES_DIR", "",
            "Folder for appeal attachments (never served as static files). Empty: <data dir>/appeal-files.",
            Parsers.optional());
    public static final Setting<Integer> APPEAL_MAX_IMAGE_MB = new Setting<>("EKOMMUNAL_APPEAL_MAX_IMAGE_MB", "10",
            "Largest photo or scan attached to an appeal, in MB.", Parsers.integer(1, 100));
    public static final Setting<Integer> APPEAL_MAX_VIDEO_MB = new Setting<>("EKOMMUNAL_APPEAL_MAX_VIDEO_MB", "50",
            "Largest video attached to an appeal, in MB.", Parsers.integer(1, 500));
    public static final Setting<String> OPEN311_API_KEYS = new Setting<>("EKOMMUNAL_OPEN311_API_KEYS", "",
            "Comma-separated api_key values Open311 clients may post requests with (more in appeals.open311_keys).",
            Parsers.optional());
    public static final Setting<Integer> APPEAL_FORWARD_LIMIT = new Setting<>("EKOMMUNAL_APPEAL_FORWARD_LIMIT", "3",
            "Times an officer may forward one appeal; past it only an administrator forwards it.",
            Parsers.integer(1, 20));
    public static final Setting<Boolean> OPEN311_ALLOW_ANONYMOUS = new Setting<>("EKOMMUNAL_OPEN311_ALLOW_ANONYMOUS",
            "false", "true: Open311 requests may come without a phone or email.", Parsers.flag());

    public static final long MB = 1024L * 1024;

    public AppealsSettings {
        Objects.requireNonNull(filesDirectory, "filesDirectory");
        if (maxImageBytes <= 0 || maxVideoBytes <= 0) {
            throw new IllegalArgumentException("attachment limits must be positive");
        }
        if (forwardLimit < 1) {
            throw new IllegalArgumentException("the forward limit must be at least 1");
        }
        open311Keys = Set.copyOf(open311Keys);
    }

    /** The keys' defaults, with these files and Open311 keys. */
    public static AppealsSettings defaults(Path filesDirectory, Set<String> open311Keys) {
        return new AppealsSettings(filesDirectory, APPEAL_MAX_IMAGE_MB.parsedDefault() * MB,
                APPEAL_MAX_VIDEO_MB.parsedDefault() * MB, open311Keys, APPEAL_FORWARD_LIMIT.parsedDefault(),
                OPEN311_ALLOW_ANONYMOUS.parsedDefault());
    }

    /** The appeals' settings from the configuration; attachments in the data folder's {@code appeal-files}. */
    public static AppealsSettings from(Config config) {
        String dir = config.get(APPEAL_FILES_DIR);
        Set<String> keys = new HashSet<>();
        String configured = config.get(OPEN311_API_KEYS);
        if (configured != null) {
            for (String k : configured.split(",")) {
                if (!k.isBlank()) {
                    keys.add(k.strip());
                }
            }
        }
        return new AppealsSettings(dir != null ? Path.of(dir) : DataFolder.resolve(config, "appeal-files"),
                config.get(APPEAL_MAX_IMAGE_MB) * MB, config.get(APPEAL_MAX_VIDEO_MB) * MB, keys,
                config.get(APPEAL_FORWARD_LIMIT), config.get(OPEN311_ALLOW_ANONYMOUS));
    }

    public AppealsSettings withForwardLimit(int limit) {
        return new AppealsSettings(filesDirectory, maxImageBytes, maxVideoBytes, open311Keys, limit, open311Anonymous);
    }

    public AppealsSettings withOpen311Anonymous(boolean allowed) {
        return new AppealsSettings(filesDirectory, maxImageBytes, maxVideoBytes, open311Keys, forwardLimit, allowed);
    }
}
