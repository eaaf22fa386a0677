package uz.ekommunal.api.accounts;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import uz.ekommunal.api.auth.Authenticate;
import uz.ekommunal.api.auth.Caller;
import uz.ekommunal.api.auth.RouteSupport;
import uz.ekommunal.api.auth.Role;
import uz.ekommunal.api.auth.User;
import uz.ekommunal.api.auth.Users;
import uz.ekommunal.api.http.ApiError;
import uz.ekommunal.api.http.ApiException;
import uz.ekommunal.api.http.Messages;
import uz.ekommunal.api.http.QueryParams;
import uz.ekommunal.api.widgets.PayLink;
import uz.ekommunal.api.widgets.PayLinkSource;
import uz.ekommunal.billing.Billing;
import uz.ekommunal.billing.BillingTime;
import uz.ekommunal.billing.invoice.Invoice;
import uz.ekommunal.billing.ledger.LedgerEntry;
import uz.ekommunal.billing.print.Language;
import uz.ekommunal.billing.print.PaymentSlipDocument;
import uz.ekommunal.billing.print.PaymentSlipPdf;
import uz.ekommunal.billing.print.ReceiptPdf;
import uz.ekommunal.tariff.Money;
import uz.ekommunal.tariff.TariffException;
import uz.ekommunal.tariff.Utility;

/**
 * One account's data, for whoever may see it ({@link AccountGuard}):
 * {@code GET /api/v1/accounts/{id}/consumption}, {@code .../invoices},
 * {@code .../invoices/{invoiceId}.pdf} and {@code .../balance-history}. The PDFs carry the
 * account's link code ({@link LinkCodes}), as the paper ones do.
 */
public final class AccountRoutes {

    private final Vertx vertx;
    private final Authenticate authenticate;
    private final AccountGuard guard;
    private final Billing billing;
    private final Consumption consumption;
    private final LinkCodes codes;
    private final Clock clock;
    private final PayLinkSource payLinks;

    /** @param payLinks the checkout link printed as a QR code on receipts */
    private Users profiles;

    public AccountRoutes(Vertx vertx, Authenticate authenticate, AccountGuard guard, Billing billing,
            Consumption consumption, LinkCodes codes, PayLinkSource payLinks, Clock clock) {
        this.payLinks = payLinks;
        this.vertx = vertx;
        this.authenticate = authenticate;
        this.guard = guard;
        this.billing = billing;
        this.consumption = consumption;
        this.codes = codes;
        this.clock = clock;
    }

    /** A household's slip prints the payer's name and address from their profile, where they gave them. */
    public AccountRoutes printingProfilesOf(Users profiles) {
        this.profiles = profiles;
        return this;
    }

    public void mount(Router router) {
        router.get("/api/v1/accounts/:id/consumption").handler(authenticate).handler(this::consumption);
        router.get("/api/v1/accounts/:id/invoices").handler(authenticate).handler(this::invoices);
        router.getWithRegex("/api/v1/accounts/(?<id>[^/]+)/invoices/(?<invoiceId>[^/]+)\\.pdf")
                .handler(authenticate).handler(this::pdf);
        router.get("/api/v1/accounts/:id/invoices/:invoiceId/payment-slip.pdf").handler(authenticate)
                .handler(this::paymentSlip);
        router.get("/api/v1/accounts/:id/balance-history").handler(authenticate).handler(this::balanceHistory);
    }

    private void consumption(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        long id = RouteSupport.id(ctx, "id", ApiError.ACCOUNT_NOT_FOUND);
        GroupBy groupBy = GroupBy.parse(ctx.request().getParam("group_by") == null ? "day"
                : ctx.request().getParam("group_by")).orElseThrow(() ->
                        ApiException.because(ApiError.INVALID_PARAMETER, "group_by", "groupByHourDay"));
        Instant to = QueryParams.instant(ctx, "to",
                BillingTime.startOf(BillingTime.dayOf(clock.instant()).plusDays(1)), BillingTime.ZONE);
        Instant from = QueryParams.instant(ctx, "from", to.minus(Duration.ofDays(30)), BillingTime.ZONE);
        if (!from.isBefore(to)) {
            throw ApiException.because(ApiError.INVALID_PARAMETER, "from", "fromBefore");
        }
        List<Instant> edges = groupBy.edges(from, to,
                BillingTime.ZONE).orElseThrow(() -> ApiException.because(ApiError.INVALID_PARAMETER, "group_by",
                        "mostBucketsGroupBy", GroupBy.MAX_BUCKETS));
        RouteSupport.blocking(vertx, ctx, () -> {
            guard.visible(caller, id);
            return consumption.of(id, edges);
        }, series -> {
            JsonArray out = new JsonArray();
            for (Consumption.Series s : series) {
                JsonArray points = new JsonArray();
                s.points().forEach(p -> points.add(new JsonObject().put("from", p.from().toString())
                        .put("to", p.to().toString())
                        .put("value", p.value() == null ? null : p.value().toPlainString())
                        .put("estimated", p.estimated())));
                out.add(new JsonObject().put("register", s.register()).put("unit", unit(s.register()))
                        .put("meters", new JsonArray(s.serials())).put("points", points));
            }
            RouteSupport.json(ctx, 200, new JsonObject().put("accountId", id).put("from", edges.get(0).toString())
                    .put("to", edges.get(edges.size() - 1).toString()).put("groupBy", groupBy.name().toLowerCase())
                    .put("series", out));
        });
    }

    private static String unit(String obis) {
        return uz.ekommunal.gateway.reading.Register.byObis(obis).map(r -> r.unit()).orElse(null);
    }

    /** Newest first; {@code cursor} continues after the last invoice of the previous page. */
    private void invoices(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        long id = RouteSupport.id(ctx, "id", ApiError.ACCOUNT_NOT_FOUND);
        int limit = QueryParams.integer(ctx, "limit", 12, 1, 100);
        Long after = Cursors.decodeId(ctx.request().getParam("cursor"));
        RouteSupport.blocking(vertx, ctx, () -> {
            guard.visible(caller, id);
            List<Invoice> all = new ArrayList<>(billing.invoices().forAccount(id));
            java.util.Collections.reverse(all);
            int start = 0;
            if (after != null) {
                while (start < all.size() && all.get(start).id() != after) {
                    start++;
                }
                start++;
            }
            List<Invoice> page = all.subList(Math.min(start, all.size()), Math.min(start + limit, all.size()));
            JsonArray items = new JsonArray();
            page.forEach(i -> items.add(invoice(i)));
            boolean more = start + limit < all.size();
            return new JsonObject().put("items", items)
                    .put("nextCursor", more ? Cursors.encode(Long.toString(page.get(page.size() - 1).id())) : null);
        }, body -> RouteSupport.json(ctx, 200, body));
    }

    private static JsonObject invoice(Invoice i) {
        JsonArray lines = new JsonArray();
        i.lines().forEach(l -> lines.add(new JsonObject().put("utility", l.utility().name()).put("type", l.type().name())
                .put("tariffId", l.tariffId()).put("from", l.from().toString()).put("to", l.to().toString())
                .put("block", l.block() == 0 ? null : l.block())
                .put("quantity", l.quantity() == null ? null : l.quantity().toPlainString())
                .put("unit", l.unit() == null ? null : l.unit().label())
                .put("unitPrice", l.unitPrice() == null ? null : l.unitPrice().toPlainString())
                .put("amount", AccountJson.money(l.amount())).put("estimated", l.estimated()).put("note", l.note())));
        return new JsonObject().put("id", i.id()).put("number", i.number()).put("accountId", i.accountId())
                .put("periodStart", i.periodStart().toString()).put("periodEnd", i.periodEnd().toString())
                .put("issuedAt", i.issuedAt().toString())
                .put("balanceBefore", i.balanceBeforeDisplay()).put("total", AccountJson.money(i.total()))
                .put("balanceAfter", i.balanceAfterDisplay()).put("lines", lines)
                .put("pdf", "/api/v1/accounts/" + i.accountId() + "/invoices/" + i.id() + ".pdf");
    }

    private void pdf(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        long id = RouteSupport.id(ctx, "id", ApiError.ACCOUNT_NOT_FOUND);
        long invoiceId = RouteSupport.id(ctx, "invoiceId", ApiError.INVOICE_NOT_FOUND);
        Language language = language(ctx);
        RouteSupport.blocking(vertx, ctx, () -> {
            guard.visible(caller, id);
            Invoice invoice = invoice(id, invoiceId);
            return Buffer.buffer(ReceiptPdf.render(Receipts.of(invoice, language), language,
                    Receipts.extras(invoice, language, checkoutLink(id)), codes.codeOf(id)));
        }, pdf -> sendPdf(ctx, pdf, "invoice-" + invoiceId + ".pdf"));
    }

    /** The account's first checkout link (Payme, else Click) for what it owes; null when none. */
    private String checkoutLink(long accountId) throws SQLException {
        return payLinks.linksFor(billing.accounts().account(accountId), billing.ledger().balance(accountId)).stream()
                .findFirst().map(PayLink::url).orElse(null);
    }

    /** A payment slip for one utility of an invoice; {@code utility} may be left out when the invoice has only one. */
    private void paymentSlip(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        long id = RouteSupport.id(ctx, "id", ApiError.ACCOUNT_NOT_FOUND);
        long invoiceId = RouteSupport.id(ctx, "invoiceId", ApiError.INVOICE_NOT_FOUND);
        Language language = language(ctx);
        String asked = ctx.request().getParam("utility");
        Utility chosen = asked == null ? null : utility(asked);
        LocalDate today = BillingTime.dayOf(clock.instant());
        RouteSupport.blocking(vertx, ctx, () -> {
            guard.visible(caller, id);
            Invoice invoice = invoice(id, invoiceId);
            List<Utility> charged = PaymentSlips.utilities(invoice);
            Utility utility = chosen != null ? chosen : charged.size() == 1 ? charged.get(0) : null;
            if (utility == null) {
                throw ApiException.because(ApiError.MISSING_PARAMETER, "utility", "invoiceChargesSayWhich",
                        names(charged));
            }
            PaymentSlipDocument slip = PaymentSlips.of(invoice, utility,
                    today).orElseThrow(() -> ApiException.because(ApiError.NOTHING_TO_PAY, "utility",
                            charged.isEmpty() ? "nothing" : "other", invoice.number(), Messages.utility(utility.name()),
                            names(charged)));
            return Buffer.buffer(PaymentSlipPdf.render(payer(caller, slip), language, codes.codeOf(id),
                    checkoutLink(id)));
        }, pdf -> sendPdf(ctx, pdf, "payment-slip-" + invoiceId + ".pdf"));
    }

    private Invoice invoice(long accountId, long invoiceId) throws SQLException {
        return billing.invoices().byId(invoiceId).filter(i -> i.accountId() == accountId).orElseThrow(
                () -> ApiException.because(ApiError.INVOICE_NOT_FOUND, "invoiceId", "noInvoiceAccount", invoiceId,
                        accountId));
    }

    private static Language language(RoutingContext ctx) {
        String lang = ctx.request().getParam("lang");
        if (lang != null && !lang.equals("uz") && !lang.equals("ru")) {
            throw ApiException.because(ApiError.INVALID_PARAMETER, "lang", "langUzRu");
        }
        return "ru".equals(lang) ? Language.RUSSIAN : Language.UZBEK;
    }

    private static Utility utility(String text) {
        try {
            return Utility.parse(text, "utility");
        } catch (TariffException e) {
            throw ApiException.because(ApiError.INVALID_PARAMETER, "utility", "unknownUtility", text);
        }
    }

    /** The household printing the slip pays: its profile's name and address, each where given. */
    private PaymentSlipDocument payer(Caller caller, PaymentSlipDocument s) throws SQLException {
        if (profiles == null || caller.role() != Role.HOUSEHOLD) {
            return s;
        }
        User u = profiles.byId(caller.userId()).orElse(null);
        if (u == null || (u.name() == null && u.address() == null)) {
            return s;
        }
        return new PaymentSlipDocument(s.payee(), u.name() != null ? u.name() : s.payerName(),
                u.address() != null ? u.address() : s.payerAddress(), s.accountNumber(), s.category(), s.quantity(),
                s.unit(), s.period(), s.tariffs(), s.amount(), s.date());
    }

    private static String names(List<Utility> utilities) {
        return String.join(", ", utilities.stream().map(u -> u.name().toLowerCase()).toList());
    }

    private static void sendPdf(RoutingContext ctx, Buffer pdf, String filename) {
        ctx.response().putHeader("Content-Type", "application/pdf")
                .putHeader("Content-Disposition", "inline; filename=\"" + filename + "\"")
                .putHeader("Cache-Control", "private, no-store").end(pdf);
    }

    /**
     * Ledger entries with the balance after each ("+" prepayment, "-" debt), newest first,
     * within [from, to) when given.
     */
    private void balanceHistory(RoutingContext ctx) {
        Caller caller = RouteSupport.caller(ctx);
        long id = RouteSupport.id(ctx, "id", ApiError.ACCOUNT_NOT_FOUND);
        Instant from = QueryParams.instant(ctx, "from", Instant.EPOCH, BillingTime.ZONE);
        Instant to = QueryParams.instant(ctx, "to", Instant.parse("9999-01-01T00:00:00Z"), BillingTime.ZONE);
        int limit = QueryParams.integer(ctx, "limit", 50, 1, 500);
        Long before = Cursors.decodeId(ctx.request().getParam("cursor"));
        RouteSupport.blocking(vertx, ctx, () -> {
            guard.visible(caller, id);
            List<LedgerEntry> entries = billing.ledger().entries(id);
            List<JsonObject> rows = new ArrayList<>(entries.size());
            Money running = Money.ZERO;
            for (LedgerEntry e : entries) {
                running = running.plus(e.amount());
                if (!e.effectiveAt().isBefore(from) && e.effectiveAt().isBefore(to)) {
                    rows.add(new JsonObject().put("id", e.id()).put("effectiveAt", e.effectiveAt().toString())
                            .put("date", BillingTime.dayOf(e.effectiveAt()).toString()).put("kind", e.kind().name())
                            .put("amount", AccountJson.money(e.amount())).put("description", e.description())
                            .put("balanceAfter", uz.ekommunal.billing.ledger.Balance.display(running)));
                }
            }
            java.util.Collections.reverse(rows);
            int start = 0;
            if (before != null) {
                while (start < rows.size() && rows.get(start).getLong("id") != before.longValue()) {
                    start++;
                }
                start++;
            }
            List<JsonObject> page = rows.subList(Math.min(start, rows.size()), Math.min(start + limit, rows.size()));
            boolean more = start + limit < rows.size();
            return new JsonObject().put("accountId", id)
                    .put("balance", uz.ekommunal.billing.ledger.Balance.display(running))
                    .put("items", new JsonArray(new ArrayList<>(page)))
                    .put("nextCursor", more ? Cursors.encode(Long.toString(page.get(page.size() - 1).getLong("id")))
                            : null);
        }, body -> RouteSupport.json(ctx, 200, body));
    }
}
