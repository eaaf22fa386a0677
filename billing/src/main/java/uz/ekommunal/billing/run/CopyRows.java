package uz.ekommunal.billing.run;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;

/** Rows in PostgreSQL's COPY text format, sent in one COPY: the fast way to write a shard. */
final class CopyRows {

    private final StringBuilder text = new StringBuilder(1 << 16);
    private int rows;

    CopyRows add(Object value) {
        if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
            text.append('\t');
        }
        if (value == null) {
            text.append("\\N");
        } else {
            escape(value.toString());
        }
        return this;
    }

    CopyRows end() {
        text.append('\n');
        rows++;
        return this;
    }

    int rows() {
        return rows;
    }

    private void escape(String s) {
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

    /** COPY into {@code table (columns)} within the caller's transaction. */
    long copyInto(Connection c, String tableAndColumns) throws SQLException {
        if (rows == 0) {
            return 0;
        }
        try {
            return c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + tableAndColumns + " from stdin", new StringReader(text.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY into " + tableAndColumns + " failed", e);
        }
    }
}
