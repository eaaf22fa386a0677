package uz.ekommunal.bench;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Signs households in through the API as people do (code by SMS, read from the system's log
 * delivery), links each one's personal accounts by utility, number and the link code printed on
 * its receipts (told here by the desk to the administrator), and writes the load targets:
 * {@code /api/v1/me/widgets<TAB>access token}, one line per household.
 *
 * <p>Usage: {@code SignInHouseholds --port P --log APP_LOG --admin PHONE --households CSV --out TARGETS
 * [--per-address 15] [--threads 16]}. The CSV has {@code phone,utility,number} lines, one per
 * account. Code requests come {@code per-address} from each loopback address (the system allows
 * 20 an hour per address, and 200 per /24 network: {@link ApiClient#loopback} puts ten addresses in
 * each).
 */
public final class SignInHouseholds {

    private SignInHouseholds() {
    }

    public static void main(String[] args) throws Exception {
        Args a = Args.parse(args);
        Map<String, List<String[]>> households = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(a.get("households", null)))) {
            if (!line.isBlank()) {
                String[] f = line.split(",");
                households.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new String[] {f[1], f[2]});
            }
        }
        int perAddress = Integer.parseInt(a.get("per-address", "15"));
        List<String> phones = new ArrayList<>(households.keySet());
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(Integer.parseInt(a.get("threads", "16")));
        try (ApiClient api = new ApiClient("127.0.0.1", Integer.parseInt(a.get("port", null)), Path.of(a.get("log", null)))) {
            String admin = api.signIn(a.get("admin", null), ApiClient.loopback(0), Duration.ofSeconds(60));
            long mark = api.logMark(); // only codes asked for from here on
            List<Future<?>> asked = new ArrayList<>();
            for (int i = 0; i < phones.size(); i++) {
                String phone = phones.get(i);
                String from = ApiClient.loopback(1 + i / perAddress); // loopback(0) is the administrator's
                asked.add(pool.submit(() -> api.requestCode(phone, from)));
            }
            for (Future<?> f : asked) {
                f.get();
            }
            Map<String, String> codes = api.codesFromLog(households.keySet(), mark, Duration.ofSeconds(60));
            List<Future<String>> tokens = new ArrayList<>();
            for (int i = 0; i < phones.size(); i++) {
                String phone = phones.get(i);
                String from = ApiClient.loopback(1 + i / perAddress);
                tokens.add(pool.submit(() -> {
                    String token = api.verify(phone, codes.get(phone), from);
                    for (String[] account : households.get(phone)) {
                        api.post("/api/v1/me/accounts", token, new JsonObject().put("utility", account[0])
                                .put("number", account[1]).put("code", linkCode(api, admin, account)), from)
                                .expect(201, 200);
                    }
                    return token;
                }));
            }
            List<String> targets = new ArrayList<>();
            for (Future<String> f : tokens) {
                targets.add("/api/v1/me/widgets\t" + f.get());
            }
            Files.write(Path.of(a.get("out", null)), targets);
        } finally {
            pool.shutdownNow();
        }
        int accounts = households.values().stream().mapToInt(List::size).sum();
        System.out.printf("signed in %d households (code by SMS from the log) and linked %d accounts in %.1f s%n",
                phones.size(), accounts, (System.nanoTime() - t0) / 1e9);
    }

    /** The link code of the account with this utility and number, as the desk tells it. */
    private static String linkCode(ApiClient api, String admin, String[] account) {
        String from = ApiClient.loopback(0);
        var items = api.get("/api/v1/operator/accounts?number=" + account[1], admin, from).expect(200).body()
                .getJsonArray("items");
        for (int i = 0; i < items.size(); i++) {
            JsonObject found = items.getJsonObject(i);
            if (items.size() == 1 || found.getString("utility").startsWith(account[0])) {
                return api.get("/api/v1/operator/accounts/" + found.getLong("id") + "/link-code", admin, from)
                        .expect(200).body().getString("code");
            }
        }
        throw new IllegalStateException("no " + account[0] + " account " + account[1]);
    }
}
