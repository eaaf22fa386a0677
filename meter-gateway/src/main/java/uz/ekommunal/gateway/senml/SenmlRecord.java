package uz.ekommunal.gateway.senml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import uz.ekommunal.gateway.reading.PayloadRejected;
import uz.ekommunal.gateway.reading.RejectReason;

/** One SenML record as written, before base fields are applied. Null means absent. */
record SenmlRecord(String baseName, Double baseTime, String baseUnit, BigDecimal baseValue,
                   String name, String unit, BigDecimal value, double time) {

    /** Reads the fields of one record; the parser stands on its START_OBJECT. */
    static SenmlRecord read(JsonParser parser, int index) throws IOException, PayloadRejected {
        String bn = null;
        Double bt = null;
        String bu = null;
        BigDecimal bv = null;
        String n = null;
        String u = null;
        BigDecimal v = null;
        double t = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken token = parser.nextToken();
            switch (field) {
                case "bn" -> bn = text(parser, token, field, index);
                case "bt" -> bt = seconds(parser, token, field, index);
                case "bu" -> bu = text(parser, token, field, index);
                case "bv" -> bv = number(parser, token, field, index);
                case "n" -> n = text(parser, token, field, index);
                case "u" -> u = text(parser, token, field, index);
                case "v" -> v = number(parser, token, field, index);
                case "t" -> t = seconds(parser, token, field, index);
                case "vs", "vb", "vd" -> throw new PayloadRejected(RejectReason.INVALID_VALUE,
                        "record " + index + ": meter registers take a numeric 'v', not '" + field + "'");
                default -> parser.skipChildren(); // other SenML fields (bver, s, ut, ...) are not used
            }
        }
        return new SenmlRecord(bn, bt, bu, bv, n, u, v, t);
    }

    private static String text(JsonParser parser, JsonToken token, String field, int index) throws IOException,
            PayloadRejected {
        if (token != JsonToken.VALUE_STRING) {
            throw new PayloadRejected(RejectReason.INVALID_PACK, "record " + index + ": '" + field + "' must be a string");
        }
        return parser.getText();
    }

    private static BigDecimal number(JsonParser parser, JsonToken token, String field, int index) throws IOException,
            PayloadRejected {
        requireNumber(token, field, index);
        return parser.getDecimalValue();
    }

    /** A time in seconds, as a double (the nearest to the decimal written, as the exact decimal's would be). */
    private static double seconds(JsonParser parser, JsonToken token, String field, int index) throws IOException,
            PayloadRejected {
        requireNumber(token, field, index);
        return parser.getDoubleValue();
    }

    private static void requireNumber(JsonToken token, String field, int index) throws PayloadRejected {
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            RejectReason reason = field.equals("t") || field.equals("bt") ? RejectReason.INVALID_TIME : RejectReason.INVALID_VALUE;
            throw new PayloadRejected(reason, "record " + index + ": '" + field + "' must be a number");
        }
    }
}
