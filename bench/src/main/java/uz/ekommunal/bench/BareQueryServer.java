package uz.ekommunal.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import uz.ekommunal.storage.DataSourceFactory;
import uz.ekommunal.storage.DatabaseSettings;

/**
 * The baseline of the widgets benchmark: a bare Vert.x handler doing one PostgreSQL query, built
 * the way the API reaches PostgreSQL (the same {@link DataSourceFactory} HikariCP pool and pool
 * size, JDBC run off the event loop by {@code executeBlocking} on the default worker pool, one
 * HTTP server on {@code Vertx.vertx()}). {@code GET /account?id=N} answers one account row as JSON;
 * no routing, authentication or anything else.
 *
 * <p>Usage: {@code BareQueryServer --db-url JDBC_URL --port P [--pool-size 10] [--db-user postgres]
 * [--db-password ""]}. Prints {@code bare handler listening on P} once it listens.
 */
public final class BareQueryServer {

    private static final String QUERY = "select id, number, holder_name, address from billing.accounts where id = ?";

    private BareQueryServer() {
    }

    public static void main(String[] args) throws Exception {
        Args a = Args.parse(args);
        HikariDataSource pool = DataSourceFactory.open(new DatabaseSettings(a.get("db-url", null),
                a.get("db-user", "postgres"), a.get("db-password", ""), Integer.parseInt(a.get("pool-size", "10"))),
                "bare");
        Vertx vertx = Vertx.vertx();
        int port = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1")
                        .setPort(Integer.parseInt(a.get("port", null))))
                .requestHandler(req -> {
                    long id;
                    try {
                        id = Long.parseLong(req.getParam("id"));
                    } catch (RuntimeException e) {
                        req.response().setStatusCode(400).end();
                        return;
                    }
                    vertx.executeBlocking(() -> {
                        try (Connection c = pool.getConnection(); PreparedStatement select = c.prepareStatement(QUERY)) {
                            select.setLong(1, id);
                            try (ResultSet rs = select.executeQuery()) {
                                return rs.next() ? new JsonObject().put("id", rs.getLong(1)).put("number", rs.getString(2))
                                        .put("holderName", rs.getString(3)).put("address", rs.getString(4)) : null;
                            }
                        }
                    }, false).onComplete(row -> {
                        if (row.failed()) {
                            req.response().setStatusCode(500).end(String.valueOf(row.cause()));
                        } else if (row.result() == null) {
                            req.response().setStatusCode(404).end();
                        } else {
                            req.response().putHeader("Content-Type", "application/json").end(row.result().encode());
                        }
                    });
                })
                .listen().await(10, TimeUnit.SECONDS).actualPort();
        System.out.println("bare handler listening on " + port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            vertx.close().await();
            pool.close();
            stopped.countDown();
        }));
        stopped.await();
    }
}
