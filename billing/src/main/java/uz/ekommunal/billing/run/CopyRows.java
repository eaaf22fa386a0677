package uz.ekommunal.billing.run;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * Rows in PostgreSQL's COPY text format, sent in one COPY: the fast way to write a shard. The
 * text is kept in UTF-8 chunks of about 32 KB rather than one growing string: a shard's lines
 * are several MB of text, which a single builder copied at each doubling and once more into a
 * String, all of it garbage for a collector that already copies each shard's live data.
 */
final class CopyRows {

    private static final int CHUNK = 1 << 15;

    private final List<byte[]> chunks = new ArrayList<>();
    private final StringBuilder text = new StringBuilder(CHUNK + 1024);
    private int rows;
    private boolean rowStarted;

    CopyRows add(Object value) {
        separate();
        if (value == null) {
            text.append("\\N");
        } else {
            escape(value.toString());
        }
        return this;
    }

    /** A number, appended without a String in between (a shard writes a few hundred thousand). */
    CopyRows add(long value) {
        separate();
        text.append(value);
        return this;
    }

    private void separate() {
        if (rowStarted) {
            text.append('\t');
        }
        rowStarted = true;
    }

    CopyRows end() {
        text.append('\n');
        rowStarted = false;
        rows++;
        if (text.length() >= CHUNK) {
            flush();
        }
        return this;
    }

    private void flush() {
        chunks.add(text.toString().getBytes(StandardCharsets.UTF_8));
        text.setLength(0);
    }

    int rows() {
        return rows;
    }

    private void escape(String s) {
        if (plain(s)) {
            text.append(s);
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(ch);
            }
        }
    }

    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' || ch == '\t' || ch == '\n' || ch == '\r') {
                return false;
            }
        }
        return true;
    }

    /** COPY into {@code table (columns)} within the caller's transaction. */
    long copyInto(Connection c, String tableAndColumns) throws SQLException {
        if (rows == 0) {
            return 0;
        }
        if (!text.isEmpty()) {
            flush();
        }
        List<InputStream> parts = new ArrayList<>(chunks.size());
        for (byte[] chunk : chunks) {
            parts.add(new ByteArrayInputStream(chunk));
        }
        try {
            return c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + tableAndColumns + " from stdin",
                    new SequenceInputStream(Collections.enumeration(parts)));
        } catch (IOException e) {
            throw new SQLException("COPY into " + tableAndColumns + " failed", e);
        }
    }
}
