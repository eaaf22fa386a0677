package uz.ekommunal.api.export;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import uz.ekommunal.gateway.store.StoredReading;

/**
 * An electricity meter's interval data as Green Button (NAESB REQ.21 ESPI) Atom XML: one UsagePoint
 * (service kind 0, electricity), its MeterReading, the ReadingType ("Wh integrated over an
 * interval": accumulation 4 deltaData, commodity 1, flow 1 forward, kind 12 energy, uom 72 Wh,
 * multiplier 10^0) and one IntervalBlock spanning the asked range. Each IntervalReading is the
 * energy between two consecutive stored readings of the active-import register (1-0:1.8.0): start
 * and duration in seconds (Unix time), value the difference of the register in Wh. A register that
 * goes back (a meter replaced, rolled over) gives no interval there.
 */
final class GreenButtonXml implements Chunks.Source {

    static final String REGISTER = "1-0:1.8.0";
    private static final BigDecimal WH_PER_KWH = BigDecimal.valueOf(1000);

    private final String serial;
    private final Instant from;
    private final Instant to;
    private final Instant now;
    private final ReadingPages pages;
    private StoredReading previous;
    private boolean started;

    GreenButtonXml(String serial, Instant from, Instant to, Instant now, ReadingPages pages) {
        this.serial = serial;
        this.from = from;
        this.to = to;
        this.now = now;
        this.pages = pages;
    }

    @Override
    public Chunks.Chunk next() throws Exception {
        StringBuilder out = new StringBuilder();
        if (!started) {
            head(out);
            started = true;
        }
        for (StoredReading r : pages.next()) {
            if (!REGISTER.equals(r.register())) {
                continue;
            }
            if (previous != null && r.value().compareTo(previous.value()) >= 0) {
                long start = previous.time().getEpochSecond();
                long wh = r.value().subtract(previous.value()).multiply(WH_PER_KWH)
                        .setScale(0, RoundingMode.HALF_UP).longValueExact();
                out.append("<espi:IntervalReading><espi:timePeriod><espi:duration>")
                        .append(r.time().getEpochSecond() - start).append("</espi:duration><espi:start>").append(start)
                        .append("</espi:start></espi:timePeriod><espi:value>").append(wh)
                        .append("</espi:value></espi:IntervalReading>\n");
            }
            previous = r;
        }
        boolean last = pages.done();
        if (last) {
            out.append("</espi:IntervalBlock></content>").append(dates()).append("</entry>\n</feed>\n");
        }
        return new Chunks.Chunk(out.toString(), last);
    }

    private void head(StringBuilder out) {
        String base = "/espi/1_1/resource/RetailCustomer/1/UsagePoint/1";
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:espi=\"http://naesb.org/espi\">\n")
                .append("<id>").append(urn("feed")).append("</id>\n")
                .append("<title>e-kommunal Green Button data, meter ").append(escape(serial)).append("</title>\n")
                .append("<updated>").append(now).append("</updated>\n");
        entry(out, "usage-point", base, base + "/MeterReading", "Electricity, meter " + escape(serial),
                "<espi:UsagePoint><espi:ServiceCategory><espi:kind>0</espi:kind></espi:ServiceCategory>"
                        + "</espi:UsagePoint>");
        out.append("</entry>\n");
        entry(out, "meter-reading", base + "/MeterReading/1", base + "/MeterReading/1/IntervalBlock",
                "Active energy import", "<espi:MeterReading/>");
        out.append("<link rel=\"related\" href=\"/espi/1_1/resource/ReadingType/1\"/>");
        out.append("</entry>\n");
        entry(out, "reading-type", "/espi/1_1/resource/ReadingType/1", null, "Energy delivered (Wh)",
                "<espi:ReadingType><espi:accumulationBehaviour>4</espi:accumulationBehaviour>"
                        + "<espi:commodity>1</espi:commodity><espi:currency>860</espi:currency>"
                        + "<espi:dataQualifier>12</espi:dataQualifier><espi:flowDirection>1</espi:flowDirection>"
                        + "<espi:kind>12</espi:kind><espi:phase>769</espi:phase>"
                        + "<espi:powerOfTenMultiplier>0</espi:powerOfTenMultiplier>"
                        + "<espi:timeAttribute>0</espi:timeAttribute><espi:uom>72</espi:uom></espi:ReadingType>");
        out.append("</entry>\n");
        out.append("<entry><id>").append(urn("interval-block")).append("</id>")
                .append("<link rel=\"self\" href=\"").append(base).append("/MeterReading/1/IntervalBlock/1\"/>")
                .append("<link rel=\"up\" href=\"").append(base).append("/MeterReading/1/IntervalBlock\"/>")
                .append("<title>Intervals</title><content><espi:IntervalBlock><espi:interval><espi:duration>")
                .append(Duration.between(from, to).toSeconds()).append("</espi:duration><espi:start>")
                .append(from.getEpochSecond()).append("</espi:start></espi:interval>\n");
    }

    private void entry(StringBuilder out, String name, String self, String related, String title, String content) {
        out.append("<entry><id>").append(urn(name)).append("</id><link rel=\"self\" href=\"").append(self)
                .append("\"/>");
        if (related != null) {
            out.append("<link rel=\"related\" href=\"").append(related).append("\"/>");
        }
        out.append("<title>").append(title).append("</title><content>").append(content).append("</content>")
                .append(dates());
    }

    private String dates() {
        return "<published>" + now + "</published><updated>" + now + "</updated>";
    }

    private String urn(String part) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes((serial + "/" + from + "/" + to + "/" + part)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
