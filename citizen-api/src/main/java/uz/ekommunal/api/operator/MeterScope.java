package uz.ekommunal.api.operator;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import uz.ekommunal.billing.account.Accounts;
import uz.ekommunal.billing.account.MeterLinks;
import uz.ekommunal.billing.account.Provider;
import uz.ekommunal.gateway.MeterDirectory;
import uz.ekommunal.gateway.meter.Meter;
import uz.ekommunal.gateway.meter.MeterPages;
import uz.ekommunal.tariff.Utility;

/**
 * Which meters belong to a provider. Meters carry no provider of their own, so: a meter linked
 * to one of the provider's accounts is the provider's; a meter linked to no account yet (just
 * registered) belongs to every provider billing its utility, so an operator can link it. The
 * meters come from the gateway's {@link MeterDirectory}, the links from billing's {@link MeterLinks}.
 */
public final class MeterScope {

    private final MeterDirectory meters;
    private final MeterLinks links;
    private final Accounts accounts;

    public MeterScope(DataSource dataSource, Accounts accounts) {
        this(new MeterPages(dataSource), new MeterLinks(dataSource), accounts);
    }

    public MeterScope(MeterDirectory meters, MeterLinks links, Accounts accounts) {
        this.meters = meters;
        this.links = links;
        this.accounts = accounts;
    }

    /** The meter utilities a provider bills (the gateway's names). */
    public List<String> utilitiesOf(long providerId) throws SQLException {
        Provider provider = accounts.provider(providerId);
        List<String> out = new ArrayList<>();
        for (Utility u : provider.kind().utilities()) {
            String name = meterUtility(u);
            if (name != null) {
                out.add(name);
            }
        }
        return out;
    }

    static String meterUtility(Utility utility) {
        return switch (utility) {
            case ELECTRICITY -> "electricity";
            case NATURAL_GAS -> "gas";
            case COLD_WATER -> "cold_water";
            case HOT_WATER -> "hot_water";
            case HEATING -> "heat";
            default -> null;
        };
    }

    /** Whether the meter is within the scope (null: administrator, any meter). */
    public boolean visible(Long providerId, String serial) throws SQLException {
        return !page(providerId, serial, null, 1).isEmpty();
    }

    /**
     * Meters in scope ordered by serial, after {@code afterSerial}.
     *
     * @param only a single serial to look at, or null for all
     */
    public List<Meter> page(Long providerId, String only, String afterSerial, int limit) throws SQLException {
        return page(providerId, only, null, afterSerial, limit);
    }

    /**
     * Meters in scope ordered by serial, after {@code afterSerial}.
     *
     * @param only a single serial to look at, or null for all
     * @param prefix only serials starting with this, ignoring case (a desk search), or null
     */
    public List<Meter> page(Long providerId, String only, String prefix, String afterSerial, int limit)
            throws SQLException {
        if (providerId == null) {
            return meters.page(new MeterDirectory.Filter(only, prefix, null, null), afterSerial, limit);
        }
        Set<Long> own = links.meterIdsOfProvider(providerId);
        MeterDirectory.Filter filter = new MeterDirectory.Filter(only, prefix, own,
                new HashSet<>(utilitiesOf(providerId)));
        List<Meter> out = new ArrayList<>();
        String after = afterSerial;
        // the gateway's candidates: the provider's own meters and every meter of its utilities; those
        // of its utilities linked to another provider's accounts are dropped, so ask until the page is full
        while (out.size() < limit) {
            List<Meter> batch = meters.page(filter, after, limit);
            Set<Long> others = new HashSet<>();
            for (Meter m : batch) {
                if (!own.contains(m.id())) {
                    others.add(m.id());
                }
            }
            Set<Long> linkedElsewhere = links.linkedAmong(others);
            for (Meter m : batch) {
                if (out.size() < limit && !linkedElsewhere.contains(m.id())) {
                    out.add(m);
                }
            }
            if (batch.size() < limit) {
                break;
            }
            after = batch.get(batch.size() - 1).serial();
        }
        return out;
    }

    /** The serials of every meter in the provider's scope. */
    public Set<String> serials(long providerId) throws SQLException {
        Set<String> out = new LinkedHashSet<>();
        String after = null;
        List<Meter> page;
        do {
            page = page(providerId, null, null, after, 1_000);
            page.forEach(m -> out.add(m.serial()));
            after = page.isEmpty() ? null : page.get(page.size() - 1).serial();
        } while (page.size() == 1_000);
        return out;
    }

    /** A meter register's links to accounts, to carry over to a replacement. */
    public record Link(long accountId, String register) {
    }

    public List<Link> links(long meterId) throws SQLException {
        return links.linksOf(meterId).stream().map(l -> new Link(l.accountId(), l.register())).toList();
    }
}
