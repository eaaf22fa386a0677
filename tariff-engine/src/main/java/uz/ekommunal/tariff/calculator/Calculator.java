package uz.ekommunal.tariff.calculator;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import uz.ekommunal.tariff.ChargeBasis;
import uz.ekommunal.tariff.ErrorCode;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.tariff.TariffException;
import uz.ekommunal.tariff.TariffVersion;
import uz.ekommunal.tariff.Utility;
import uz.ekommunal.tariff.pricing.ChargeLine;
import uz.ekommunal.tariff.pricing.Household;
import uz.ekommunal.tariff.pricing.LineKind;
import uz.ekommunal.tariff.pricing.PricingEngine;
import uz.ekommunal.tariff.pricing.UtilityUsage;

/**
 * The public "How much will I pay?" calculator.
 *
 * <p>It prices a typical calendar month, the month of the request's date, at the tariffs valid on
 * that date (seasonal norms as in that month), and repeats it for the months asked. It does not
 * walk across seasons or tariff changes; billing does that for real periods.
 */
public final class Calculator {

    public static final int MAX_MONTHS = 120;

    private final PricingEngine engine;
    private final Clock clock;

    /** @param clock gives "today" when a request has no date */
    public Calculator(PricingEngine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    /**
     * @throws TariffException with the request field at fault: {@code items},
     *     {@code items[i].consumption}, {@code region}, {@code residents}, {@code heatedArea},
     *     {@code months}, or {@code date} when the book has no tariff for it
     */
    public CalculatorResult calculate(CalculatorRequest request) {
        checkRequest(request);
        LocalDate date = request.date() != null ? request.date() : LocalDate.now(clock);
        Household household = new Household(request.region(), request.householdClass(), request.residents(),
                request.heatedArea(), request.needyFamily());
        List<CalculatorLine> lines = new ArrayList<>();
        for (int i = 0; i < request.items().size(); i++) {
            lines.addAll(priceItem(request.items().get(i), "items[" + i + "]", household, date, request.months()));
        }
        Money total = Money.ZERO;
        for (CalculatorLine line : lines) {
            total = total.plus(line.amount());
        }
        return new CalculatorResult(date, household.region(), request.months(), lines, total);
    }

    private List<CalculatorLine> priceItem(CalculatorItem item, String field, Household household, LocalDate date,
            int months) {
        UtilityUsage usage = new UtilityUsage(item.utility(), item.metered(), item.consumption(), List.of());
        List<ChargeLine> charged;
        try {
            charged = engine.priceMonthAt(household, usage, date, months);
        } catch (TariffException e) {
            if (e.field().equals("consumption")) {
                throw e.at(e.code(), field + ".consumption");
            }
            throw e;
        }
        TariffVersion version = engine.index().find(item.utility(), household.region(), household.householdClass(),
                item.metered(), date).orElseThrow();
        return toLines(version, item, household, date, months, charged);
    }

    private static List<CalculatorLine> toLines(TariffVersion version, CalculatorItem item, Household household,
            LocalDate date, int months, List<ChargeLine> charged) {
        YearMonth month = YearMonth.from(date);
        BigDecimal norm = version.season() == null ? null
                : version.season().normFor(month.atDay(1), month.plusMonths(1).atDay(1));
        List<PriceBlock> bounds = PriceBlock.of(version, item.metered(), norm);
        List<BlockUse> blocks = new ArrayList<>();
        List<CalculatorLine> lines = new ArrayList<>(2);
        Money amount = Money.ZERO;
        for (ChargeLine line : charged) {
            if (line.kind() == LineKind.STATE_PAID) {
                lines.add(new CalculatorLine(item.utility(), CalculatorLine.Kind.STATE_PAID, version.id(),
                        version.basis(), version.unit(), line.unitPrice(), line.quantity(), months, line.amount(),
                        List.of()));
                continue;
            }
            amount = amount.plus(line.amount());
            if (line.kind() == LineKind.BLOCK) {
                blocks.add(new BlockUse(line.block(), bounds.get(line.block() - 1), line.quantity(), line.amount()));
            }
        }
        BigDecimal quantity = switch (version.basis()) {
            case PER_UNIT -> item.consumption();
            case PER_RESIDENT -> BigDecimal.valueOf(household.residents());
            case PER_AREA -> household.heatedArea();
            case FIXED -> BigDecimal.ONE;
        };
        lines.add(0, new CalculatorLine(item.utility(), CalculatorLine.Kind.CHARGE, version.id(), version.basis(),
                version.unit(), version.basePrice(item.metered()), quantity, months, amount,
                version.basis() == ChargeBasis.PER_UNIT ? blocks : List.of()));
        return lines;
    }

    private static void checkRequest(CalculatorRequest request) {
        if (request.items().isEmpty()) {
            throw TariffException.because(ErrorCode.MISSING_VALUE, "items", "noUtility", "no utility asked about");
        }
        if (request.months() < 1 || request.months() > MAX_MONTHS) {
            throw new TariffException(request.months() < 1 ? ErrorCode.NEGATIVE_QUANTITY : ErrorCode.ABSURD_QUANTITY,
                    "months", String.valueOf(request.months()));
        }
        Set<Utility> seen = EnumSet.noneOf(Utility.class);
        for (int i = 0; i < request.items().size(); i++) {
            CalculatorItem item = request.items().get(i);
            String field = "items[" + i + "]";
            if (item == null || item.utility() == null) {
                throw new TariffException(ErrorCode.UNKNOWN_UTILITY, field + ".utility", "null");
            }
            if (!seen.add(item.utility())) {
                throw new TariffException(ErrorCode.DUPLICATE_UTILITY, "items", item.utility().name());
            }
            BigDecimal consumption = item.consumption();
            if (consumption != null && consumption.signum() < 0) {
                throw new TariffException(ErrorCode.NEGATIVE_QUANTITY, field + ".consumption", consumption.toPlainString());
            }
            if (consumption != null && consumption.compareTo(PricingEngine.MAX_UNITS_PER_MONTH) > 0) {
                throw new TariffException(ErrorCode.ABSURD_QUANTITY, field + ".consumption", consumption.toPlainString());
            }
        }
    }
}
