package uz.ekommunal.billing.consumption;

import java.math.BigDecimal;

/**
 * What a cumulative register counted between two of its values. A register that went down was
 * either rolled over (it passed 10^digits: add the modulus) or is faulty; a faulty fall bills
 * nothing rather than a negative or a near-modulus amount, and is reported.
 *
 * @param decreased true when the register fell without a plausible rollover
 */
public record RegisterDelta(BigDecimal used, boolean rolledOver, boolean decreased) {

    /** @param modulus where the register rolls over, in the same units as the values */
    public static RegisterDelta between(BigDecimal start, BigDecimal end, BigDecimal modulus) {
        BigDecimal used = end.subtract(start);
        if (used.signum() >= 0) {
            return new RegisterDelta(used, false, false);
        }
        // a rollover leaves the register past the top: start in the upper half, and less used than one turn
        BigDecimal wrapped = used.add(modulus);
        boolean plausible = start.compareTo(modulus.movePointLeft(1).multiply(BigDecimal.valueOf(5))) >= 0;
        return plausible ? new RegisterDelta(wrapped, true, false) : new RegisterDelta(BigDecimal.ZERO, false, true);
    }
}
