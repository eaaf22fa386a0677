package uz.ekommunal.api.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.ekommunal.api.auth.PhoneNumber;
import uz.ekommunal.api.auth.Role;
import uz.ekommunal.api.testing.ApiFixture;
import uz.ekommunal.api.testing.Households;

/**
 * Changing ids gets a household nothing of another's account: every account endpoint answers
 * exactly as for an account that does not exist. Operators see their provider's accounts only.
 */
class AccessControlIT {

    private static ApiFixture api;
    private static Households data;
    private static String alice;
    private static String bob;
    private static long aliceInvoice;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiFixture();
        data = new Households(api);
        alice = api.token("+998901000001");
        bob = api.token("+998901000002");
        link(alice, "electricity", "1000001");
        link(alice, "gas", "20000001");
        link(bob, "electricity", "1000002");
        aliceInvoice = new JsonObject(api.get("/api/v1/accounts/" + data.electricityA.id() + "/invoices", alice).body())
                .getJsonArray("items").getJsonObject(0).getLong("id");
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    private static void link(String token, String utility, String number) {
        assertThat(api.link(token, utility, number).statusCode()).isEqualTo(201);
    }

    private static List<String> accountPaths(long accountId, long invoiceId) {
        String base = "/api/v1/accounts/" + accountId;
        return List.of(base + "/consumption", base + "/consumption?group_by=hour&from=2026-01-14&to=2026-01-15",
                base + "/invoices", base + "/invoices/" + invoiceId + ".pdf",
                base + "/invoices/" + invoiceId + "/payment-slip.pdf", base + "/balance-history");
    }

    @Test
    void aHouseholdReadsItsOwnAccount() {
        for (String path : accountPaths(data.electricityA.id(), aliceInvoice)) {
            assertThat(api.get(path, alice).statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void anotherHouseholdGetsWhatANonExistentAccountGets() {
        long missing = 987_654_321L;
        for (int i = 0; i < accountPaths(0, 0).size(); i++) {
            HttpResponse<String> theirs = api.get(accountPaths(data.electricityA.id(), aliceInvoice).get(i), bob);
            HttpResponse<String> none = api.get(accountPaths(missing, aliceInvoice).get(i), bob);
            assertThat(theirs.statusCode()).as(theirs.uri().toString()).isEqualTo(404);
            assertThat(none.statusCode()).isEqualTo(404);
            JsonObject a = new JsonObject(theirs.body());
            JsonObject b = new JsonObject(none.body());
            assertThat(a.getInteger("code")).isEqualTo(b.getInteger("code")).isEqualTo(4103);
            assertThat(a.getString("detail").replace(Long.toString(data.electricityA.id()), "ID"))
                    .isEqualTo(b.getString("detail").replace(Long.toString(missing), "ID"));
        }
        assertThat(api.delete("/api/v1/me/accounts/" + data.electricityA.id(), bob).statusCode()).isEqualTo(404);
    }

    @Test
    void anInvoiceOfAnotherAccountIsNotFoundUnderOnesOwn() {
        HttpResponse<String> r = api.get("/api/v1/accounts/" + data.electricityB.id() + "/invoices/" + aliceInvoice
                + ".pdf", bob);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(new JsonObject(r.body()).getInteger("code")).isEqualTo(4104);
    }

    @Test
    void widgetsShowOnlyOnesOwnAccounts() {
        JsonObject bobs = new JsonObject(api.get("/api/v1/me/widgets", bob).body());
        assertThat(bobs.getJsonArray("items")).hasSize(1);
        assertThat(bobs.getJsonArray("items").getJsonObject(0).getLong("accountId")).isEqualTo(data.electricityB.id());
        JsonObject bobsAccounts = new JsonObject(api.get("/api/v1/me/accounts", bob).body());
        assertThat(bobsAccounts.getJsonArray("items")).hasSize(1);
    }

    @Test
    void badIdsAndMissingTokensAreRefused() {
        assertThat(api.get("/api/v1/accounts/abc/invoices", alice).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v1/accounts/-1/invoices", alice).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v1/accounts/" + data.electricityA.id() + "/invoices", null).statusCode())
                .isEqualTo(401);
        assertThat(api.get("/api/v1/me/widgets", null).statusCode()).isEqualTo(401);
    }

    @Test
    void anOperatorSeesOnlyTheirProvidersAccounts() throws Exception {
        api.api.users().setRole(PhoneNumber.parse("+998901000003").orElseThrow(), Role.OPERATOR, data.res.id());
        String operator = api.token("+998901000003");
        assertThat(api.get("/api/v1/accounts/" + data.electricityA.id() + "/invoices", operator).statusCode())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/accounts/" + data.electricityB.id() + "/balance-history", operator).statusCode())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/accounts/" + data.gasA.id() + "/invoices", operator).statusCode()).isEqualTo(404);
    }

    @Test
    void anAdministratorSeesAnyAccountAndAComplaintsOfficerNone() throws Exception {
        String admin = api.token(ApiFixture.ADMIN_PHONE);
        assertThat(api.get("/api/v1/accounts/" + data.gasA.id() + "/invoices", admin).statusCode()).isEqualTo(200);
        api.api.users().setRole(PhoneNumber.parse("+998901000004").orElseThrow(), Role.COMPLAINTS_OFFICER, null);
        String officer = api.token("+998901000004");
        assertThat(api.get("/api/v1/accounts/" + data.gasA.id() + "/invoices", officer).statusCode()).isEqualTo(404);
    }

    private static String readings(String serial) {
        return "/api/v1/meters/" + serial + "/readings?from=2026-01-14&to=2026-01-15";
    }

    @Test
    void aHouseholdReadsItsOwnMetersReadingsAndNoOneElses() {
        HttpResponse<String> own = api.get(readings("E1000001"), alice);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(own.body()).getJsonArray("readings")).hasSize(24);
        HttpResponse<String> theirs = api.get(readings("E1000002"), alice);
        HttpResponse<String> none = api.get(readings("E9999999"), alice);
        assertThat(theirs.statusCode()).isEqualTo(404);
        assertThat(none.statusCode()).isEqualTo(404);
        JsonObject a = new JsonObject(theirs.body());
        JsonObject b = new JsonObject(none.body());
        assertThat(a.getInteger("code")).isEqualTo(b.getInteger("code")).isEqualTo(2001);
        assertThat(a.getString("detail").replace("E1000002", "S")).isEqualTo(b.getString("detail").replace("E9999999", "S"));
        assertThat(api.get(readings("E1000002"), bob).statusCode()).isEqualTo(200);
    }

    @Test
    void readingsNeedASignIn() {
        HttpResponse<String> r = api.get(readings("E1000001"), null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(new JsonObject(r.body()).getInteger("code")).isEqualTo(4005);
    }

    @Test
    void operatorsReadTheirProvidersMetersAdministratorsAnyOfficersNone() throws Exception {
        api.api.users().setRole(PhoneNumber.parse("+998901000005").orElseThrow(), Role.OPERATOR, data.res.id());
        api.api.users().setRole(PhoneNumber.parse("+998901000006").orElseThrow(), Role.OPERATOR, data.raygaz.id());
        api.api.users().setRole(PhoneNumber.parse("+998901000007").orElseThrow(), Role.COMPLAINTS_OFFICER, null);
        String electricity = api.token("+998901000005");
        String gas = api.token("+998901000006");
        String officer = api.token("+998901000007");
        String admin = api.token(ApiFixture.ADMIN_PHONE);
        assertThat(api.get(readings("E1000001"), electricity).statusCode()).isEqualTo(200);
        assertThat(api.get(readings("E1000002"), electricity).statusCode()).isEqualTo(200);
        assertThat(api.get(readings("E1000001"), gas).statusCode()).isEqualTo(404);
        assertThat(api.get(readings("E1000001"), officer).statusCode()).isEqualTo(404);
        assertThat(api.get(readings("E1000002"), admin).statusCode()).isEqualTo(200);
    }

    @Test
    void aSerialNoMeterCouldHaveIsA400NeverA500() {
        for (String serial : List.of("%00", "E1%00", "E1%0A", "E1%7F", "%2E%2E", "..", "%C3%28", "%FF",
                "1".repeat(10_000), "E%20E")) {
            String name = serial.length() > 40 ? serial.length() + " digits" : serial;
            HttpResponse<String> r = api.get("/api/v1/meters/" + serial + "/readings", alice);
            // a request line beyond the server's 8 KB is refused before routing (431)
            assertThat(r.statusCode()).as(name).isIn(400, 404, 414, 431);
            if (r.statusCode() == 400) {
                assertThat(new JsonObject(r.body()).getInteger("code")).as(name).isIn(1001, 1003);
            }
        }
        HttpResponse<String> nul = api.get("/api/v1/meters/%00/readings", alice);
        assertThat(nul.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(nul.body()).getInteger("code")).isEqualTo(1001);
        HttpResponse<String> dots = api.get("/api/v1/meters/E1.1/readings", alice);
        assertThat(dots.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(dots.body()).getString("field")).isEqualTo("serial");
    }

    @Test
    void payLinksTellOnlyTheLinkedHouseholdTheDebt() throws Exception {
        long debt = -api.billing.ledger().balance(data.electricityB.id()).amount().tiyin();
        assertThat(debt).as("bob's account owes its first bill").isPositive();
        String path = "/api/v1/accounts/1000002/pay-links";

        HttpResponse<String> anonymous = api.get(path, null);
        assertThat(anonymous.statusCode()).isEqualTo(200);
        JsonObject shown = new JsonObject(anonymous.body());
        assertThat(shown.getString("holder")).isEqualTo("R. A***");
        assertThat(shown.getValue("amount")).isNull();
        assertThat(anonymous.body()).doesNotContain("Rashidov").doesNotContain(Long.toString(debt));
        // another household sees no more than anyone
        assertThat(new JsonObject(api.get(path, alice).body()).getValue("amount")).isNull();

        JsonObject own = new JsonObject(api.get(path, bob).body());
        assertThat(own.getBoolean("prefilled")).isTrue();
        assertThat(own.getLong("amountTiyin")).isEqualTo(debt);
        assertThat(own.getJsonObject("links").getString("click")).contains("transaction_param=1000002");

        // a household pays for another account with the amount it chooses
        JsonObject forAnother = new JsonObject(api.get(path + "?amount=25000", alice).body());
        assertThat(forAnother.getLong("amountTiyin")).isEqualTo(2_500_000);
        assertThat(forAnother.getJsonObject("links").getString("payme")).startsWith("https://checkout.paycom.uz/");

        HttpResponse<String> badToken = api.get(path, "not-a-token");
        assertThat(badToken.statusCode()).isEqualTo(401);
        assertThat(new JsonObject(badToken.body()).getInteger("code")).isEqualTo(4005);
    }
}
