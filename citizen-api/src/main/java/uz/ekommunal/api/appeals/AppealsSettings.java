package uz.ekommunal.api.appeals;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

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

    public static final long MB = 1024L * 1024;
    public static final int DEFAULT_FORWARD_LIMIT = 3;

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

    public static AppealsSettings defaults(Path filesDirectory, Set<String> open311Keys) {
        return new AppealsSettings(filesDirectory, 10 * MB, 50 * MB, open311Keys, DEFAULT_FORWARD_LIMIT, false);
    }

    public AppealsSettings withForwardLimit(int limit) {
        return new AppealsSettings(filesDirectory, maxImageBytes, maxVideoBytes, open311Keys, limit, open311Anonymous);
    }

    public AppealsSettings withOpen311Anonymous(boolean allowed) {
        return new AppealsSettings(filesDirectory, maxImageBytes, maxVideoBytes, open311Keys, forwardLimit, allowed);
    }
}
