package uz.ekommunal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import uz.ekommunal.billing.account.Account;
import uz.ekommunal.billing.account.AccountKind;
import uz.ekommunal.billing.account.HouseholdFacts;
import uz.ekommunal.billing.account.NewProvider;
import uz.ekommunal.billing.account.Provider;
import uz.ekommunal.billing.account.ProviderRequisites;
import uz.ekommunal.billing.run.RunProgress;
import uz.ekommunal.tariff.Region;
import uz.ekommunal.testing.Eventually;

/**
 * The operators' "needs attention" page in a real browser against the whole system: an account a
 * run could not price (no household facts) is listed for its provider's operator with its reason in
 * the reader's language, billed again once its facts are recorded, and never shown to another
 * provider's operator.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnbilledPageIT {

    private static final String ADMIN = "+998900000081";
    private static final String OPERATOR = "+998901110081";
    private static final String OTHER_OPERATOR = "+998901110082";
    private static final Duration WAIT = Duration.ofMinutes(2);
    private RunningSystem system;
    private HeadlessChromium browser;

    @BeforeAll
    void start() throws Exception {
        assertThat(HeadlessChromium.installed()).as("needs Debian's chromium and chromium-driver").isTrue();
        system = new RunningSystem(ADMIN);
        browser = new HeadlessChromium(system.dataDir.resolve("chromium-profile"),
                Path.of("target", "screenshots", "unbilled-page").toAbsolutePath());
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
    void anAccountTheRunCouldNotPriceIsListedForItsOperatorAndBilledAgainOnceFixed() throws Exception {
        system.assertSecurityHeaders("/operator/unbilled.html");
        var accounts = system.app.billing().accounts();
        Provider garbage = accounts.createProvider(new NewProvider("GARBAGE-PAGE", AccountKind.GARBAGE, "G\\d{6}",
                Region.TASHKENT_CITY, "Olmazor", new ProviderRequisites("Olmazor obodonlashtirish", "B. Aliyev",
                        "+998 71 200 00 01", "Toshkent, Olmazor 1", "209876543", "00014", "90310",
                        "20210000900123456002")));
        LocalDate opened = LocalDate.of(2024, 1, 1);
        Account billed = accounts.openAccount(garbage.id(), "G100002", "Aliyeva Madina", "Olmazor 3-4", opened, Set.of());
        accounts.recordFacts(billed.id(), facts(opened, 2));
        Account factless = accounts.openAccount(garbage.id(), "G100001", "Tursunov Bobur", "Olmazor 3-5", opened,
                Set.of());
        var engine = system.app.billing().engine();
        long run = engine.open(garbage.id(), engine.duePeriod());
        Eventually.await(WAIT, () -> engine.runs().progress(run), RunProgress::finished);
        system.makeOperator(OPERATOR, "GARBAGE-PAGE");
        system.makeOperator(OTHER_OPERATOR, "DEMO-RES");

        signIn(OPERATOR);
        browser.navigate().to(system.base() + "/operator/unbilled.html");
        browser.find("[data-lang=en]").click();
        By row = By.cssSelector("#unbilled-rows tr[data-account='G100001']");
        browser.until(visibilityOfElementLocated(row));
        assertThat(browser.driver.findElements(By.cssSelector("#unbilled-rows tr"))).hasSize(1);
        assertThat(browser.find("#unbilled-rows tr[data-account='G100001'] .reason").getText())
                .isEqualTo("No household facts");
        browser.find("[data-lang=ru]").click();
        browser.until(d -> browser.find("#unbilled-rows .reason").getText().equals("Нет данных о домохозяйстве"));
        browser.find("[data-lang=uz]").click();
        browser.until(d -> browser.find("#unbilled-rows .reason").getText().equals("Xonadon ma’lumotlari yo‘q"));
        browser.screenshot("listed");

        // another provider's operator, while it is listed, never sees it
        signIn(OTHER_OPERATOR);
        browser.navigate().to(system.base() + "/operator/unbilled.html");
        browser.until(d -> browser.find("#unbilled-empty").isDisplayed()
                || !browser.driver.findElements(By.cssSelector("#unbilled-rows tr")).isEmpty());
        assertThat(browser.driver.findElements(By.cssSelector("#unbilled-rows tr[data-account^='G1']"))).isEmpty();
        browser.screenshot("other-provider");

        // its own operator records the missing facts and bills the account again
        accounts.recordFacts(factless.id(), facts(opened, 4));
        signIn(OPERATOR);
        browser.navigate().to(system.base() + "/operator/unbilled.html");
        browser.find("[data-lang=en]").click();
        browser.until(visibilityOfElementLocated(row));
        browser.find("#retries button[data-run='" + run + "']").click();
        browser.until(visibilityOfElementLocated(By.id("unbilled-empty")));
        assertThat(browser.find("#filter-form .form-done").getText()).startsWith("Sent to be billed again: ");
        assertThat(Eventually.await(WAIT, () -> system.app.billing().invoices().forAccount(factless.id()),
                list -> !list.isEmpty())).hasSize(1);
        assertThat(system.auditActions("bill-run:" + run)).anyMatch(a -> a.startsWith("bill-run.retry"));
    }

    private static HouseholdFacts facts(LocalDate from, int residents) {
        return new HouseholdFacts(from, residents, BigDecimal.ZERO, Region.TASHKENT_CITY, "Olmazor", false, false);
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
}
