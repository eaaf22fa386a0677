package uz.ekommunal.api.readings;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.api.auth.PhoneNumber;
import uz.ekommunal.api.auth.Role;
import uz.ekommunal.api.testing.ApiFixture;
import uz.ekommunal.api.testing.Households;
import uz.ekommunal.gateway.meter.NewMeter;
import uz.ekommunal.gateway.modbus.ModbusEndpoints;
import uz.ekommunal.api.http.ApiServer;
import uz.ekommunal.api.operator.OperatorDesk;
import uz.ekommunal.billing.tariffs.JdbcTariffBook;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;

/**
 * A household attaches a photo of the meter's display to a reading it submitted by hand: an image
 * recognised by its bytes, within the size limit, kept in the database; the household and the
 * meter's provider's operators fetch it, nobody else (answered as a meter that does not exist).
 */
class ReadingPhotosApiIT {

    private static final String AT = "2026-01-14T06:00:00Z";
    private static final String PHOTO = "/api/v1/meters/W6000001/readings/photo?time=" + AT;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ApiFixture api;
    private static Vertx vertx;
    private static ApiServer desk;
    private static String alice;
    private static String bob;
    private static String waterOperator;
    private static String electricityOperator;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiFixture();
        Households data = new Households(api);
        api.meters.register(new NewMeter("W6000001", "cold_water", "mqtt", null, 6, BigDecimal.ONE, null, null));
        api.billing.accounts().linkMeter(data.waterA.id(), "W6000001", "8-0:1.0.0");
        alice = api.token("+998901000031");
        bob = api.token("+998901000032");
        assertThat(api.link(alice, "cold_water", "400001").statusCode()).isEqualTo(201);
        assertThat(api.link(bob, "electricity", "1000002").statusCode()).isEqualTo(201);
        api.api.users().setRole(PhoneNumber.parse("+998901000033").orElseThrow(), Role.OPERATOR, data.water.id());
        api.api.users().setRole(PhoneNumber.parse("+998901000034").orElseThrow(), Role.OPERATOR, data.res.id());
        waterOperator = api.token("+998901000033");
        electricityOperator = api.token("+998901000034");
        assertThat(api.post("/api/v1/meters/W6000001/readings", alice,
                new JsonObject().put("value", "321.5").put("time", AT)).statusCode()).isEqualTo(201);
    }

    @AfterAll
    static void stop() throws Exception {
        if (desk != null) {
            desk.close().await(5, TimeUnit.SECONDS);
            vertx.close().await(10, TimeUnit.SECONDS);
        }
        api.close();
    }

    @Test
    void aHeldReadingListedForReviewLinksItsPhoto() throws Exception {
        // late: December is billed, so the household's reading waits for an operator
        String late = "2025-12-20T06:00:00Z";
        HttpResponse<String> held = api.post("/api/v1/meters/W6000001/readings", alice,
                new JsonObject().put("value", "300.25").put("time", late));
        assertThat(held.statusCode()).as(held.body()).isEqualTo(202);
        byte[] png = png();
        assertThat(put("/api/v1/meters/W6000001/readings/photo?time=" + late, alice, png).statusCode()).isEqualTo(201);

        vertx = Vertx.vertx();
        desk = new ApiServer(vertx, new OperatorDesk(vertx, api.api.authenticate(), api.db.dataSource(), api.billing,
                api.meters, new ModbusEndpoints(api.db.dataSource()), new JdbcTariffBook(api.db.dataSource()),
                api.api.audit(), api.clock).routes());
        int port = desk.listen("127.0.0.1", 0).await(10, TimeUnit.SECONDS);
        HttpResponse<String> list = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/operator/readings/held?serial=W6000001")).header("Authorization", "Bearer " + waterOperator)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonArray items = new JsonObject(list.body()).getJsonArray("items");
        assertThat(items).hasSize(1);
        String photo = items.getJsonObject(0).getString("photo");
        assertThat(photo).isNotNull();
        assertThat(fetch(photo, waterOperator).body()).isEqualTo(png);
    }

    @Test
    void theHouseholdAttachesAPhotoAndItsProvidersOperatorSeesItWithTheReading() throws Exception {
        byte[] png = png();
        HttpResponse<String> put = put(PHOTO, alice, png);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
        JsonObject kept = new JsonObject(put.body());
        assertThat(kept.getString("mediaType")).isEqualTo("image/png");
        assertThat(kept.getInteger("bytes")).isEqualTo(png.length);
        assertThat(kept.getString("time")).isEqualTo(AT);

        HttpResponse<byte[]> mine = fetch(PHOTO, alice);
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).isEqualTo(png);
        assertThat(mine.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(mine.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(mine.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("sandbox"));

        // the operator reviewing the meter's readings finds it listed and opens it
        JsonArray listed = new JsonObject(api.get("/api/v1/meters/W6000001/readings/photos", waterOperator).body())
                .getJsonArray("items");
        JsonObject item = listed.stream().map(o -> (JsonObject) o).filter(o -> o.getString("time").equals(AT))
                .findFirst().orElseThrow();
        String url = item.getString("url");
        assertThat(fetch(url, waterOperator).body()).isEqualTo(png);
    }

    @Test
    void nobodyElseFetchesOrAttachesIt() throws Exception {
        assertThat(put(PHOTO, alice, png()).statusCode()).isEqualTo(201);
        for (String stranger : new String[] {bob, electricityOperator}) {
            HttpResponse<byte[]> r = fetch(PHOTO, stranger);
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(new JsonObject(new String(r.body())).getInteger("code")).isEqualTo(2001);
            assertThat(api.get("/api/v1/meters/W6000001/readings/photos", stranger).statusCode()).isEqualTo(404);
        }
        assertThat(fetch(PHOTO, null).statusCode()).isEqualTo(401);
        // another household cannot attach one, nor an operator (photos come with a household's reading)
        assertThat(put(PHOTO, bob, png()).statusCode()).isEqualTo(404);
        assertThat(put(PHOTO, waterOperator, png()).statusCode()).isEqualTo(403);
        assertThat(put(PHOTO, null, png()).statusCode()).isEqualTo(401);
        // and the household only to a reading it submitted
        HttpResponse<String> noReading = put("/api/v1/meters/W6000001/readings/photo?time=2026-01-13T06:00:00Z",
                alice, png());
        assertThat(noReading.statusCode()).isEqualTo(404);
        assertThat(new JsonObject(noReading.body()).getInteger("code")).isEqualTo(7906);
    }

    @Test
    void onlyImagesWithinTheLimitAreKept() throws Exception {
        HttpResponse<String> html = put(PHOTO, alice, "<html><script>alert(1)</script></html>".getBytes());
        assertThat(html.statusCode()).isEqualTo(415);
        assertThat(new JsonObject(html.body()).getInteger("code")).isEqualTo(7905);
        byte[] big = Arrays.copyOf(png(), ReadingPhotos.MAX_BYTES + 1);
        HttpResponse<String> tooBig = put(PHOTO, alice, big);
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(new JsonObject(tooBig.body()).getInteger("code")).isEqualTo(7904);
        HttpResponse<String> empty = put(PHOTO, alice, new byte[0]);
        assertThat(empty.statusCode()).isEqualTo(400);
        try (Connection c = api.db.dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery(
                     "select count(*) from api.reading_photos where bytes > " + ReadingPhotos.MAX_BYTES
                             + " or media_type not like 'image/%'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0x336699);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static HttpResponse<String> put(String path, String token, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/octet-stream").PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<byte[]> fetch(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).timeout(Duration.ofSeconds(20));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
