package uz.ekommunal.api.appeals;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The attachment types accepted, recognised by their first bytes (magic numbers), never by the
 * file name or the Content-Type the client claims. Only JPEG, PNG and WebP are ever served with
 * their own type; everything else goes back as {@code application/octet-stream}.
 */
public enum FileType {
    JPEG("image/jpeg", true, false),
    PNG("image/png", true, false),
    WEBP("image/webp", true, false),
    PDF("application/pdf", false, false),
    TIFF("image/tiff", false, false),
    MP4("video/mp4", false, true),
    WEBM("video/webm", false, true);

    private final String mediaType;
    private final boolean servedAsItself;
    private final boolean video;

    FileType(String mediaType, boolean servedAsItself, boolean video) {
        this.mediaType = mediaType;
        this.servedAsItself = servedAsItself;
        this.video = video;
    }

    public String mediaType() {
        return mediaType;
    }

    public boolean video() {
        return video;
    }

    /** The Content-Type to serve it with: a safe image type, else an opaque download. */
    public String servedType() {
        return servedAsItself ? mediaType : "application/octet-stream";
    }

    public static Optional<FileType> sniff(byte[] head) {
        if (starts(head, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (starts(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (ascii(head, 0, "RIFF") && ascii(head, 8, "WEBP")) {
            return Optional.of(WEBP);
        }
        if (ascii(head, 0, "%PDF-")) {
            return Optional.of(PDF);
        }
        if (starts(head, 0, 'I', 'I', 0x2A, 0x00) || starts(head, 0, 'M', 'M', 0x00, 0x2A)) {
            return Optional.of(TIFF);
        }
        if (ascii(head, 4, "ftyp")) {
            return Optional.of(MP4);
        }
        if (starts(head, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
            return Optional.of(WEBM);
        }
        return Optional.empty();
    }

    public static FileType byMediaType(String mediaType) {
        for (FileType t : values()) {
            if (t.mediaType.equals(mediaType)) {
                return t;
            }
        }
        throw new IllegalArgumentException(mediaType);
    }

    private static boolean starts(byte[] head, int at, int... bytes) {
        if (head.length < at + bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((head[at + i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] head, int at, String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        int[] ints = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            ints[i] = b[i];
        }
        return starts(head, at, ints);
    }
}
