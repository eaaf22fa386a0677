package uz.ekommunal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import uz.ekommunal.api.auth.Role;
import uz.ekommunal.billing.account.Account;
import uz.ekommunal.billing.account.AccountId;
import uz.ekommunal.billing.desk.DeskChannel;
import uz.ekommunal.billing.desk.DeskPayment;
import uz.ekommunal.billing.desk.InTransaction;
import uz.ekommunal.billing.payment.PaymentRequest;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.testing.Eventually;

/**
 * The cashier desk and the reports pages in headless Chromium against the whole system with the demo
 * city: a cashier of the demo RES finds an account, takes cash, prints the receipt, cancels it with a
 * reason, and reads today's collections (the page's total is the ledger's sum); a household is kept
 * out. What the page shows is checked against what the database holds. Screenshots go to
 * {@code target/screenshots/money-pages}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MoneyPagesIT {

    private static final String CASHIER = "+998901110021";
    private static final String ADMIN = "+998900000001";
    private static final String HOUSEHOLD = "+998901110023";
    private static final String OPERATOR = "+998901110024";
    private RunningSystem system;
    private HeadlessChromium browser;
    private Account account;

    @BeforeAll
    void start() throws Exception {
        assertThat(HeadlessChromium.installed()).as("needs Debian's chromium and chromium-driver").isTrue();
        system = new RunningSystem(ADMIN);
        system.grant(CASHIER, "DEMO-RES", Role.CASHIER);
        system.grant(OPERATOR, "DEMO-RES", Role.OPERATOR);
        browser = new HeadlessChromium(system.dataDir.resolve("chromium-profile"),
                Path.of("target", "screenshots", "money-pages").toAbsolutePath());
        String number = system.app.gateway().meters().all().stream()
                .filter(m -> m.utility().equals("electricity") && m.accountNumber() != null)
                .findFirst().orElseThrow().accountNumber();
        account = system.app.billing().accounts().findByNumber(number).get(0);
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (system != null) {
            system.close();
        }
    }

    @Test
    void aCashierTakesCashPrintsTheReceiptAndCancelsItTheSameDay() throws Exception {
        system.assertSecurityHeaders("/operator/cashier.html");
        system.assertSecurityHeaders("/operator/cashier.js");
        signIn(CASHIER);
        assertThat(browser.find("#money-links").isDisplayed()).isTrue();
        assertThat(browser.find("#desk-links").isDisplayed()).as("a cashier has no meters' desk").isFalse();
        browser.find("#to-cashier").click();
        browser.until(visibilityOfElementLocated(By.id("find-form")));
        assertThat(browser.find("#desk h1").getText()).isEqualTo("Kassa: toʻlov qabul qilish");
        fill("#find-number", account.number());
        browser.find("#find-submit").click();
        browser.until(visibilityOfElementLocated(By.id("pay-form")));
        assertThat(browser.find("#pay-account").getText()).isEqualTo(account.number());

        long before = paidTiyin();
        fill("#pay-amount", "12345,67");
        new Select(browser.find("#pay-channel")).selectByValue("cash");
        fill("#pay-receipt", "W-1");
        browser.find("#pay-submit").click();
        assertThat(done("pay-form")).contains("W-1").contains("12345.67");
        assertThat(paidTiyin() - before).isEqualTo(12_345_67L);
        browser.screenshot("cashier-taken");

        browser.find("[data-receipt-lang='ru']").click();
        WebElement link = browser.until(visibilityOfElementLocated(By.id("receipt-link")));
        assertThat(link.getAttribute("data-type")).isEqualTo("application/pdf");
        assertThat(Long.parseLong(link.getAttribute("data-size"))).isGreaterThan(1000);

        // the same receipt number for another amount is refused next to the field
        fill("#pay-amount", "1");
        fill("#pay-receipt", "W-1");
        browser.find("#pay-submit").click();
        WebElement error = browser.until(visibilityOfElementLocated(
                By.cssSelector("#pay-form .field-error[data-for='receiptNumber']")));
        assertThat(error.getText()).startsWith("Bu kvitansiya raqami boshqa toʻlovga berilgan");
        assertThat(paidTiyin() - before).isEqualTo(12_345_67L);

        long id = system.scalar("select max(payment_id) from billing.desk_payments where receipt_number = 'W-1'");
        WebElement cancel = browser.until(visibilityOfElementLocated(By.cssSelector("[data-cancel='" + id + "']")));
        cancel.click();
        fill("#cancel-reason", "xato summa");
        browser.find("#cancel-submit").click();
        browser.until(d -> text("tr[data-payment='" + id + "'] td.status").startsWith("bekor qilingan"));
        assertThat(browser.find("tr[data-payment='" + id + "'] td.status").getText()).contains("xato summa");
        assertThat(paidTiyin() - before).isZero();
        assertThat(system.scalar("select count(*) from api.audit_log where target = ?", "payment:" + id)).isEqualTo(2);
        browser.screenshot("cashier-cancelled");
    }

    @Test
    void theReportsPageShowsTheLedgersCollectionsAsTableChartAndCsv() throws Exception {
        // money by card today, whichever test ran first
        system.app.billing().desk().take(new DeskPayment(account.providerId(), account.id(), 500_00L,
                DeskChannel.CARD_TERMINAL, "W-REPORT", 1L), InTransaction.nothing());
        signIn(CASHIER);
        browser.navigate().to(system.base() + "/operator/reports.html");
        browser.until(visibilityOfElementLocated(By.id("report-form")));
        assertThat(browser.find("#r-provider-label").isDisplayed()).as("only administrators pick a provider").isFalse();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tashkent"));
        new Select(browser.find("#r-name")).selectByValue("collections");
        fill("#r-from", today.minusDays(60).toString());
        fill("#r-to", today.toString());
        browser.find("#r-submit").click();
        WebElement total = browser.until(visibilityOfElementLocated(By.id("result-total")));
        long ledger = system.scalar("""
                select coalesce(sum(e.amount_tiyin), 0) from billing.ledger_entries e
                join billing.accounts a on a.id = e.account_id join billing.providers p on p.id = a.provider_id
                where p.code = 'DEMO-RES' and e.payment_id is not null
                  and (e.effective_at at time zone 'Asia/Tashkent')::date between ?::date and ?::date""",
                today.minusDays(60).toString(), today.toString());
        assertThat(Long.parseLong(total.getAttribute("data-tiyin"))).isEqualTo(ledger);
        int rows = browser.driver.findElements(By.cssSelector("#result-rows tr")).size();
        assertThat(Integer.parseInt(browser.find("#chart").getAttribute("data-bars"))).isPositive()
                .isLessThanOrEqualTo(Math.max(rows, 1));
        assertChartLabelsReadable();
        browser.resize(PageChecks.PHONE, 740); // the same report drawn again on a phone
        browser.script("document.getElementById('chart').removeAttribute('data-bars')");
        browser.find("#r-submit").click();
        browser.until(d -> browser.find("#chart").getAttribute("data-bars") != null);
        assertChartLabelsReadable();
        browser.resize(PageChecks.DESK, 900); // and drawn again at the desk's width, not stretched
        browser.until(d -> (Boolean) browser.script("""
                var s = document.getElementById('chart');
                return Math.abs(s.viewBox.baseVal.width - Math.max(320, Math.round(s.getBoundingClientRect().width))) < 1;"""));
        assertChartLabelsReadable();
        browser.find("#csv").click();
        WebElement csv = browser.until(visibilityOfElementLocated(By.id("csv-link")));
        assertThat(Integer.parseInt(csv.getAttribute("data-lines"))).isEqualTo(rows + 1);
        browser.screenshot("reports-collections");

        new Select(browser.find("#r-name")).selectByValue("debt-by-age");
        fill("#r-from", "");
        fill("#r-to", "");
        browser.find("#r-submit").click();
        browser.until(d -> browser.find("#result-title").getText().startsWith("Qarzlar"));
        browser.screenshot("reports-debt-by-age");
    }

    @Test
    void anOperatorMovesAPaymentToTheRightAccountFromTheDesk() throws Exception {
        Account right = system.app.gateway().meters().all().stream()
                .filter(m -> m.utility().equals("electricity") && m.accountNumber() != null
                        && !m.accountNumber().equals(account.number()))
                .map(m -> findAccount(m.accountNumber())).filter(a -> a.providerId() == account.providerId())
                .findFirst().orElseThrow();
        var misapplied = system.app.billing().payments().apply(new PaymentRequest("payme", "page-move-1",
                AccountId.of(account), Money.ofTiyin(7_777_00L), java.time.Instant.now()));
        signIn(OPERATOR);
        browser.navigate().to(system.base() + "/operator/cashier.html");
        browser.until(visibilityOfElementLocated(By.id("find-form")));
        fill("#find-number", account.number());
        browser.find("#find-submit").click();
        WebElement move = browser.until(visibilityOfElementLocated(
                By.cssSelector("[data-fix='move'][data-payment='" + misapplied.paymentId() + "']")));
        move.click();
        fill("#fix-to", "0000000");
        fill("#fix-reason", "raqam xato");
        browser.find("#fix-submit").click();
        browser.until(visibilityOfElementLocated(By.cssSelector("#fix-form .field-error[data-for='toAccountId']")));
        fill("#fix-to", right.number());
        browser.find("#fix-submit").click();
        browser.until(d -> text("tr[data-fix-payment='" + misapplied.paymentId() + "'] td.status")
                .startsWith("bekor qilingan"));
        assertThat(browser.find("#fix-done").getText()).isEqualTo("Toʻlov koʻchirildi");
        assertThat(system.scalar("select count(*) from billing.ledger_entries where payment_id = ? and kind = 'REVERSAL'"
                + " and account_id = ?", misapplied.paymentId(), account.id())).isEqualTo(1);
        assertThat(system.scalar("select coalesce(sum(e.amount_tiyin), 0) from billing.ledger_entries e"
                + " join billing.payment_corrections k on k.new_payment_id = e.payment_id"
                + " where k.payment_id = ? and e.account_id = ?", misapplied.paymentId(), right.id())).isEqualTo(7_777_00L);
        assertThat(system.scalar("select count(*) from api.audit_log where action = 'payment.move' and target = ?",
                "payment:" + misapplied.paymentId())).isEqualTo(1);
        browser.screenshot("operator-moved");
    }

    /** The element's text now, read in one step (the lists are redrawn, so a held element may be gone). */
    private String text(String css) {
        Object t = browser.script("var n = document.querySelector(arguments[0]); return n ? n.textContent : '';", css);
        return String.valueOf(t);
    }

    private Account findAccount(String number) {
        try {
            return system.app.billing().accounts().findByNumber(number).get(0);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aHouseholdIsKeptOutOfTheCashierDesk() throws Exception {
        system.household(HOUSEHOLD);
        signIn(HOUSEHOLD);
        assertThat(browser.find("#money-links").isDisplayed()).isFalse();
        browser.navigate().to(system.base() + "/operator/cashier.html");
        browser.until(visibilityOfElementLocated(By.id("denied")));
        assertThat(browser.find("#desk").isDisplayed()).isFalse();
    }

    /** The chart's day labels as shown: at least 11 px high (not a drawing shrunk or stretched), none over another. */
    @SuppressWarnings("unchecked")
    private void assertChartLabelsReadable() {
        java.util.List<java.util.List<Number>> labels = (java.util.List<java.util.List<Number>>) browser.script("""
                return Array.prototype.map.call(document.querySelectorAll('#chart text'), function (t) {
                  var r = t.getBoundingClientRect(); return [r.left, r.right, r.height];
                });""");
        assertThat(labels).as("the chart's labels").isNotEmpty();
        for (int i = 0; i < labels.size(); i++) {
            assertThat(labels.get(i).get(2).doubleValue()).as("label %d's height in px", i).isBetween(11.0, 20.0);
            if (i > 0) {
                assertThat(labels.get(i).get(0).doubleValue()).as("label %d starts after label %d ends", i, i - 1)
                        .isGreaterThanOrEqualTo(labels.get(i - 1).get(1).doubleValue());
            }
        }
    }

    private long paidTiyin() throws Exception {
        return system.scalar("select coalesce(sum(amount_tiyin), 0) from billing.ledger_entries where account_id = ?"
                + " and payment_id is not null", account.id());
    }

    private void signIn(String phone) throws Exception {
        browser.navigate().to(system.base() + "/");
        browser.script("sessionStorage.clear(); localStorage.removeItem('ek.session')");
        browser.navigate().refresh();
        browser.until(visibilityOfElementLocated(By.id("phone")));
        int seen = system.smsCount();
        browser.find("#phone").sendKeys(phone);
        browser.find("#send-code").click();
        browser.until(visibilityOfElementLocated(By.id("code")));
        String code = Eventually.await(Duration.ofSeconds(15), () -> system.codeSince(seen, phone), Objects::nonNull);
        browser.find("#code").sendKeys(code);
        browser.find("#verify").click();
        browser.until(visibilityOfElementLocated(By.id("home")));
    }

    private void fill(String css, String text) {
        WebElement input = browser.find(css);
        input.clear();
        if (!text.isEmpty()) {
            input.sendKeys(text);
        }
    }

    private String done(String form) {
        WebElement box = browser.find("#" + form + " .form-done");
        return browser.until(d -> box.isDisplayed() && !box.getText().isBlank() ? box.getText() : null);
    }
}
