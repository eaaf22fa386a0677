package uz.ekommunal.api.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import uz.ekommunal.api.testing.ApiFixture;
import uz.ekommunal.api.testing.Households;
import uz.ekommunal.gateway.MeterReadings;
import uz.ekommunal.gateway.store.ReadingStore;
import uz.ekommunal.gateway.store.StoredReading;

/**
 * A household's data export over HTTP: the readings CSV and the Green Button XML parsed back and
 * checked against the stored readings, the bills CSV against the bills, another household's meter
 * and account refused, too long a range refused, and the pages read in turn.
 */
class ExportIT {

    static final String ESPI = "http://naesb.org/espi";
    static ApiFixture api;
    static Households data;
    static String mine;
    static String neighbour;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiFixture();
        data = new Households(api);
        mine = api.token("+998901000001");
        neighbour = api.token("+998901000002");
        assertThat(api.link(mine, "electricity", "1000001").statusCode()).isEqualTo(201);
        assertThat(api.link(neighbour, "electricity", "1000002").statusCode()).isEqualTo(201);
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    /** The stored readings as the readings API answers them. */
    private static JsonArray stored(String from, String to) {
        HttpResponse<String> r = api.get("/api/v1/meters/E1000001/readings?from=" + from + "&to=" + to
                + "&limit=10000", mine);
        assertThat(r.statusCode()).isEqualTo(200);
        return new JsonObject(r.body()).getJsonArray("readings");
    }

    @Test
    void theReadingsCsvHoldsEveryStoredReadingStreamed() {
        HttpResponse<String> r = api.get("/api/v1/meters/E1000001/readings.csv?from=2026-01-01&to=2026-01-03", mine);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(r.headers().firstValue("Transfer-Encoding")).as("streamed").contains("chunked");
        String[] rows = r.body().split("\r\n");
        assertThat(rows[0]).isEqualTo("serial,register,time,value,unit,quality,source");
        JsonArray expected = stored("2026-01-01", "2026-01-03");
        assertThat(expected).hasSize(48);
        assertThat(rows).hasSize(expected.size() + 1);
        for (int i = 0; i < expected.size(); i++) {
            String[] f = rows[i + 1].split(",");
            JsonObject e = expected.getJsonObject(i);
            assertThat(f[0]).isEqualTo("E1000001");
            assertThat(f[1]).isEqualTo(e.getString("register"));
            assertThat(Instant.parse(f[2])).isEqualTo(Instant.parse(e.getString("time")));
            assertThat(new BigDecimal(f[3])).isEqualByComparingTo(e.getValue("value").toString());
        }
    }

    @Test
    void greenButtonIntervalsAreTheDifferencesOfTheStoredReadings() throws Exception {
        HttpResponse<byte[]> r = api.getBytes("/api/v1/meters/E1000001/greenbutton.xml?from=2026-01-01&to=2026-01-03",
                mine);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/atom+xml"));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document xml = factory.newDocumentBuilder().parse(new ByteArrayInputStream(r.body())); // well-formed or throws
        assertThat(xml.getDocumentElement().getLocalName()).isEqualTo("feed");
        assertThat(xml.getElementsByTagNameNS(ESPI, "UsagePoint").getLength()).isEqualTo(1);
        assertThat(xml.getElementsByTagNameNS(ESPI, "MeterReading").getLength()).isEqualTo(1);
        Element type = (Element) xml.getElementsByTagNameNS(ESPI, "ReadingType").item(0);
        assertThat(text(type, "uom")).isEqualTo("72");
        assertThat(text(type, "accumulationBehaviour")).isEqualTo("4");
        assertThat(text(type, "powerOfTenMultiplier")).isEqualTo("0");
        Element block = (Element) xml.getElementsByTagNameNS(ESPI, "IntervalBlock").item(0);
        NodeList readings = block.getElementsByTagNameNS(ESPI, "IntervalReading");

        JsonArray expected = stored("2026-01-01", "2026-01-03");
        assertThat(readings.getLength()).isEqualTo(expected.size() - 1);
        for (int i = 0; i < readings.getLength(); i++) {
            Element reading = (Element) readings.item(i);
            JsonObject before = expected.getJsonObject(i);
            JsonObject after = expected.getJsonObject(i + 1);
            long start = Instant.parse(before.getString("time")).getEpochSecond();
            long end = Instant.parse(after.getString("time")).getEpochSecond();
            Element period = (Element) reading.getElementsByTagNameNS(ESPI, "timePeriod").item(0);
            assertThat(Long.parseLong(text(period, "start"))).isEqualTo(start);
            assertThat(Long.parseLong(text(period, "duration"))).isEqualTo(end - start);
            BigDecimal wh = new BigDecimal(after.getValue("value").toString())
                    .subtract(new BigDecimal(before.getValue("value").toString())).multiply(BigDecimal.valueOf(1000));
            assertThat(new BigDecimal(text(reading, "value"))).isEqualByComparingTo(wh);
        }
        assertThat(text((Element) readings.item(0), "value")).isEqualTo("500");
    }

    @Test
    void anotherHouseholdsMeterAndAccountAreRefused() {
        for (String path : List.of("/api/v1/meters/E1000001/readings.csv", "/api/v1/meters/E1000001/greenbutton.xml")) {
            HttpResponse<String> r = api.get(path + "?from=2026-01-01&to=2026-01-03", neighbour);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.body()).doesNotContain("1000.5");
            assertThat(api.get(path, null).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> bills = api.get("/api/v1/accounts/" + data.electricityA.id() + "/invoices.csv", neighbour);
        assertThat(bills.statusCode()).isEqualTo(404);
    }

    @Test
    void tooLongARangeIsRefusedClearly() {
        HttpResponse<String> r = api.get("/api/v1/meters/E1000001/readings.csv?from=2024-01-01&to=2026-01-03", mine);
        assertThat(r.statusCode()).isEqualTo(422);
        JsonObject problem = new JsonObject(r.body());
        assertThat(problem.getInteger("code")).isEqualTo(8721);
        assertThat(problem.getString("detail")).contains("733 days").contains("at most 366 days");
    }

    @Test
    void theBillsCsvHasEveryLineOfEveryBillInTheRange() {
        HttpResponse<String> json = api.get("/api/v1/accounts/" + data.electricityA.id() + "/invoices", mine);
        JsonObject december = new JsonObject(json.body()).getJsonArray("items").getJsonObject(0);
        HttpResponse<String> r = api.get("/api/v1/accounts/" + data.electricityA.id()
                + "/invoices.csv?from=2025-12-01&to=2026-01-01", mine);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String[] rows = r.body().split("\r\n");
        assertThat(rows[0]).startsWith("invoice,period_start,period_end,issued_at,utility");
        assertThat(rows).hasSize(december.getJsonArray("lines").size() + 1);
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 1; i < rows.length; i++) {
            String[] f = rows[i].split(",", -1);
            assertThat(f[0]).isEqualTo(december.getString("number"));
            assertThat(f[1]).isEqualTo("2025-12-01");
            assertThat(f[13]).isEqualTo(december.getString("total"));
            sum = sum.add(new BigDecimal(f[11]));
        }
        assertThat(sum).isEqualByComparingTo(december.getString("total"));
        HttpResponse<String> none = api.get("/api/v1/accounts/" + data.electricityA.id()
                + "/invoices.csv?from=2025-01-01&to=2025-12-01", mine);
        assertThat(none.body().split("\r\n")).hasSize(1);
    }

    @Test
    void pagesEndBeforeTheirLastTimeSoEveryReadingComesOnce() throws Exception {
        MeterReadings readings = new MeterReadings(api.meters, new ReadingStore(api.db.dataSource()));
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        Instant to = Instant.parse("2026-01-03T00:00:00Z");
        ReadingPages pages = new ReadingPages(readings, 7, "E1000001", from, to);
        List<StoredReading> paged = new ArrayList<>();
        int calls = 0;
        while (!pages.done()) {
            paged.addAll(pages.next());
            calls++;
        }
        List<StoredReading> all = readings.history("E1000001", from, to, 10_000).orElseThrow().readings();
        assertThat(paged).containsExactlyElementsOf(all);
        assertThat(calls).as("read a few rows at a time").isGreaterThan(all.size() / 7);
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagNameNS(ESPI, name).item(0).getTextContent();
    }
}
