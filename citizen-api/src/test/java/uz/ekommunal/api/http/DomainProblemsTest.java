package uz.ekommunal.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import uz.ekommunal.api.appeals.AppealErrorCode;
import uz.ekommunal.api.appeals.AppealException;
import uz.ekommunal.api.appeals.Language;
import uz.ekommunal.billing.BillingErrorCode;
import uz.ekommunal.billing.BillingException;
import uz.ekommunal.tariff.ErrorCode;
import uz.ekommunal.tariff.TariffException;
import uz.ekommunal.tariff.Utility;

/**
 * The modules' refusals mapped in one place: every code of every module's enum (and every reason
 * the tariff engine names) has its text in uz, ru and en, and a refusal reads in the language
 * asked for, with its own values.
 */
class DomainProblemsTest {

    /** {@code TariffException.because(ErrorCode.X, field, "reason", ...)} in the engine's and billing's sources. */
    private static final Pattern REASON = Pattern.compile(
            "because\\(\\s*ErrorCode\\.([A-Z_]+),\\s*(?:\"[^\"]*\"|[^,\"]+),\\s*\"(\\w+)\"", Pattern.DOTALL);
    /** The tariff version's own rules: {@code require(condition, id, "reason", ...)}. */
    private static final Pattern RULE = Pattern.compile("require\\([^;]*?,\\s*id,\\s*\"(\\w+)\"", Pattern.DOTALL);

    @Test
    void everyCodeOfEveryModuleHasItsTextInEveryLanguage() {
        List<String> keys = new ArrayList<>();
        for (BillingErrorCode c : BillingErrorCode.values()) {
            keys.add("billing." + c.name());
        }
        for (ErrorCode c : ErrorCode.values()) {
            keys.add("tariff." + c.name());
        }
        for (AppealErrorCode c : AppealErrorCode.values()) {
            keys.add("appeal." + c.name());
        }
        for (Language l : Language.values()) {
            assertThat(keys.stream().filter(k -> !Messages.has(l, k)).toList()).as(l.code()).isEmpty();
        }
    }

    @Test
    void everyRuleTheTariffEngineNamesHasItsTextInEveryLanguage() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String module : List.of("../tariff-engine/src/main/java", "../billing/src/main/java")) {
            try (Stream<Path> files = Files.walk(Path.of(module))) {
                for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(p);
                    Matcher m = REASON.matcher(source);
                    while (m.find()) {
                        keys.add("tariff." + m.group(1) + "." + m.group(2));
                    }
                    Matcher r = RULE.matcher(source);
                    while (r.find()) {
                        keys.add("tariff.BOOK_INVALID_TARIFF." + r.group(1));
                    }
                }
            }
        }
        assertThat(keys).as("the scan finds the rules").hasSizeGreaterThan(20)
                .contains("tariff.BOOK_INVALID_TARIFF.blockBoundsRise", "tariff.NO_TARIFF.utilityOnDay");
        for (Language l : Language.values()) {
            assertThat(keys.stream().filter(k -> !Messages.has(l, k)).toList()).as(l.code()).isEmpty();
        }
    }

    @Test
    void aBillingRefusalReadsInTheLanguageWithItsValues() {
        ApiException e = DomainProblems.of(new BillingException(BillingErrorCode.ACCOUNT_CLOSED, "1000001",
                LocalDate.of(2026, 3, 1))).orElseThrow();
        assertThat(e.error()).isEqualTo(ApiError.ACCOUNT_CLOSED);
        assertThat(e.field()).isEqualTo("accountId");
        assertThat(detail(Language.RU, e)).isEqualTo("Лицевой счёт 1000001 закрыт 2026-03-01");
        assertThat(detail(Language.UZ, e)).isEqualTo("1000001 shaxsiy hisobi 2026-03-01 da yopilgan");
        assertThat(e.getMessage()).isEqualTo("Account 1000001 was closed on 2026-03-01");

        ApiException corrected = DomainProblems.of(new BillingException(BillingErrorCode.PAYMENT_ALREADY_CORRECTED,
                7L, "refund")).orElseThrow();
        assertThat(detail(Language.RU, corrected)).isEqualTo("Платёж 7 уже возвращён");
        ApiException services = DomainProblems.of(new BillingException(BillingErrorCode.SERVICES_NOT_BILLED,
                List.of(Utility.GARBAGE), uz.ekommunal.billing.account.AccountKind.GAS)).orElseThrow();
        assertThat(detail(Language.RU, services))
                .isEqualTo("вывоз мусора: не все эти услуги выставляет поставщик «природный газ»");
    }

    @Test
    void aFailedBillRunIsNoProblemOfTheCallers() {
        assertThat(DomainProblems.of(new BillingException(BillingErrorCode.BILLING_FAILED, 1, "x"))).isEmpty();
        assertThat(DomainProblems.of(new IllegalStateException("x"))).isEmpty();
    }

    @Test
    void aTariffRefusalNamesTheFieldInTheApisWordsAndReadsInTheLanguage() {
        ApiException negative = DomainProblems.of(new TariffException(ErrorCode.NEGATIVE_QUANTITY,
                "items[2].consumption", "-1")).orElseThrow();
        assertThat(negative.error()).isEqualTo(ApiError.INVALID_VALUE);
        assertThat(negative.field()).isEqualTo("utilities[2].consumption");
        assertThat(negative.getMessage()).isEqualTo("utilities[2].consumption must not be negative: -1");
        assertThat(detail(Language.RU, negative)).isEqualTo("«utilities[2].consumption» не может быть отрицательным: -1");

        ApiException noTariff = DomainProblems.of(TariffException.because(ErrorCode.NO_TARIFF, "date", "utilityOnDay",
                "GARBAGE in SAMARKAND", Utility.GARBAGE, LocalDate.of(2026, 1, 1))).orElseThrow();
        assertThat(noTariff.error()).isEqualTo(ApiError.NO_TARIFF);
        assertThat(detail(Language.RU, noTariff)).isEqualTo("В книге тарифов нет тарифа на «вывоз мусора» на 2026-01-01");
        assertThat(detail(Language.UZ, noTariff)).isEqualTo("Tariflar kitobida 2026-01-01 sanasiga «chiqindilarni olib ketish» uchun tarif yoʻq");
        assertThat(DomainProblems.of(new TariffException(ErrorCode.UNKNOWN_REGION, "region", "x")).orElseThrow()
                .error()).isEqualTo(ApiError.UNKNOWN_VALUE);
    }

    @Test
    void aBadBlockTableIsRefusedOnTheBlocksField() {
        TariffException rule = TariffException.because(ErrorCode.BOOK_INVALID_TARIFF, "V1", "blockBoundsRise",
                "block bounds must rise: block 2", 2);
        ApiException e = DomainProblems.of(rule.at(ErrorCode.BOOK_INVALID_TARIFF, "body")).orElseThrow();
        assertThat(e.error()).isEqualTo(ApiError.TARIFF_REJECTED);
        assertThat(e.field()).isEqualTo("blocks");
        assertThat(detail(Language.RU, e)).isEqualTo("body: пределы блоков должны возрастать: блок 2");
        assertThat(DomainProblems.of(TariffException.because(ErrorCode.BOOK_CONFLICT, "A", "competes", "x", "A", "B"))
                .orElseThrow()).satisfies(c -> {
                    assertThat(c.error()).isEqualTo(ApiError.TARIFF_CONFLICT);
                    assertThat(c.field()).isEqualTo("validFrom");
                    assertThat(detail(Language.UZ, c)).isEqualTo("A: versiya B bilan vaqt boʻyicha toʻqnashadi");
                });
    }

    @Test
    void anAppealRefusalReadsInTheLanguage() {
        ApiException e = DomainProblems.of(new AppealException(AppealErrorCode.FORWARD_LIMIT, "action", 3))
                .orElseThrow();
        assertThat(e.error()).isEqualTo(ApiError.APPEAL_FORWARD_LIMIT);
        assertThat(e.field()).isEqualTo("action");
        assertThat(detail(Language.RU, e)).startsWith("Обращение переадресовано уже 3 раз");
        assertThat(detail(Language.EN, e)).startsWith("Forwarded 3 times already");
    }

    private static String detail(Language language, ApiException e) {
        return DomainProblems.detail(language, e);
    }
}
