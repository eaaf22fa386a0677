package uz.ekommunal.billing.payment.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import uz.ekommunal.billing.account.AccountId;
import uz.ekommunal.billing.payment.PaymentTransaction;
import uz.ekommunal.billing.payment.TransactionState;
import uz.ekommunal.billing.payment.hooks.HookRules.Step;
import uz.ekommunal.tariff.Money;

/** The transitions Payme and Click share, state by state, without a database. */
class HookRulesTest {

    private static final Instant T0 = Instant.parse("2026-03-01T07:00:00Z");
    private static final Duration TWELVE_HOURS = Duration.ofHours(12);

    @Test
    void onlyAPendingTransactionIsPerformedAndARepeatChangesNothing() {
        record Case(TransactionState state, Step step) {
        }
        for (Case c : List.of(new Case(TransactionState.CREATED, Step.APPLY),
                new Case(TransactionState.PERFORMED, Step.ALREADY_DONE),
                new Case(TransactionState.CANCELLED, Step.REFUSE),
                new Case(TransactionState.CANCELLED_AFTER_PERFORM, Step.REFUSE))) {
            assertThat(HookRules.perform(c.state())).as(c.state().name()).isEqualTo(c.step());
        }
    }

    @Test
    void cancelGoesToMinusOneBeforePerformAndMinusTwoAfterAndACancelledOneStays() {
        record Case(TransactionState from, Step step, TransactionState to) {
        }
        for (Case c : List.of(new Case(TransactionState.CREATED, Step.APPLY, TransactionState.CANCELLED),
                new Case(TransactionState.PERFORMED, Step.APPLY, TransactionState.CANCELLED_AFTER_PERFORM),
                new Case(TransactionState.CANCELLED, Step.ALREADY_DONE, TransactionState.CANCELLED),
                new Case(TransactionState.CANCELLED_AFTER_PERFORM, Step.ALREADY_DONE,
                        TransactionState.CANCELLED_AFTER_PERFORM))) {
            assertThat(HookRules.cancel(c.from())).as(c.from().name()).isEqualTo(c.step());
            assertThat(HookRules.cancelled(c.from())).as(c.from().name()).isEqualTo(c.to());
        }
    }

    @Test
    void aPendingTransactionTimesOutAtExactlyTheTimeoutNotBefore() {
        PaymentTransaction pending = transaction(TransactionState.CREATED, T0, T0);
        assertThat(HookRules.timedOut(pending, T0.plus(TWELVE_HOURS).minusMillis(1), TWELVE_HOURS)).isFalse();
        assertThat(HookRules.timedOut(pending, T0.plus(TWELVE_HOURS), TWELVE_HOURS)).isTrue();
    }

    @Test
    void theTimeoutCountsFromTheEarlierOfTheTwoClocks() {
        Instant claimedEarlier = T0.minus(Duration.ofHours(11));
        PaymentTransaction shortened = transaction(TransactionState.CREATED, claimedEarlier, T0);
        assertThat(HookRules.timedOut(shortened, T0.plus(Duration.ofHours(1)), TWELVE_HOURS)).isTrue();
        // a claimed time in the future never lengthens the wait
        PaymentTransaction claimedLater = transaction(TransactionState.CREATED, T0.plus(Duration.ofHours(5)), T0);
        assertThat(HookRules.timedOut(claimedLater, T0.plus(TWELVE_HOURS), TWELVE_HOURS)).isTrue();
    }

    @Test
    void onlyPendingTransactionsTimeOut() {
        Instant late = T0.plus(Duration.ofDays(2));
        for (TransactionState s : List.of(TransactionState.PERFORMED, TransactionState.CANCELLED,
                TransactionState.CANCELLED_AFTER_PERFORM)) {
            assertThat(HookRules.timedOut(transaction(s, T0, T0), late, TWELVE_HOURS)).as(s.name()).isFalse();
        }
    }

    @Test
    void aPaymentIsReversibleOnlyWhileItsMoneyIsUnspent() {
        Money amount = Money.ofTiyin(50_000_00);
        assertThat(HookRules.reversible(Money.ofTiyin(50_000_00), amount)).isTrue();
        assertThat(HookRules.reversible(Money.ofTiyin(80_000_00), amount)).isTrue();
        assertThat(HookRules.reversible(Money.ofTiyin(49_999_99), amount)).isFalse();
        assertThat(HookRules.reversible(Money.ofTiyin(-10_00), amount)).isFalse();
    }

    @Test
    void amountsArePositiveAndAtMostTheMaximum() {
        AmountRule rule = new AmountRule(1_000_000_00);
        assertThat(rule.allows(Money.ofTiyin(1))).isTrue();
        assertThat(rule.allows(Money.ofTiyin(1_000_000_00))).isTrue();
        assertThat(rule.allows(Money.ofTiyin(1_000_000_01))).isFalse();
        assertThat(rule.allows(Money.ZERO)).isFalse();
        assertThat(rule.allows(Money.ofTiyin(-1))).isFalse();
        assertThatThrownBy(() -> new AmountRule(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusalsAboutTheAccountSaySo() {
        assertThat(List.of(Refusal.values())).filteredOn(Refusal::aboutAccount)
                .containsExactlyInAnyOrder(Refusal.ACCOUNT_NOT_FOUND, Refusal.ACCOUNT_AMBIGUOUS, Refusal.ACCOUNT_BUSY);
    }

    private static PaymentTransaction transaction(TransactionState state, Instant externalTime, Instant createTime) {
        AccountId account = new AccountId(7);
        return new PaymentTransaction(1, "payme", "ext-1", account.value(), "1234567", 100_00, externalTime, state,
                createTime, null, null, null);
    }
}
