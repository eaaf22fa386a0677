package uz.ekommunal.app;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import uz.ekommunal.platform.config.Config;
import uz.ekommunal.platform.config.ConfigException;
import uz.ekommunal.app.config.ConfigReference;
import uz.ekommunal.app.config.Settings;
import uz.ekommunal.simulator.SimulateCommand;

/** The launcher: {@code run} (all in one), one role at a time, {@code migrate}, or {@code config}. */
@Command(name = "ekommunal", mixinStandardHelpOptions = true, version = "e-kommunal 0.1.0",
        description = "Utilities billing system and smart-meter gateway.",
        subcommands = {Main.Run.class, Main.GatewayOnly.class, Main.ApiOnly.class, Main.BillingOnly.class,
                Main.Migrate.class, Main.ShowConfig.class, Main.Health.class, MosquittoAuthCommand.class, SimulateCommand.class,
                RegistryCommands.Import.class, RegistryCommands.Export.class})
public final class Main implements Callable<Integer> {

    static {
        // before the first logger: plain lines (logback.xml) or JSON lines (logback-json.xml)
        if ("json".equals(System.getenv("EKOMMUNAL_LOG_FORMAT"))
                && System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-json.xml");
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            if (e instanceof ConfigException) {
                System.err.println(e.getMessage());
                return 2;
            }
            throw e;
        });
        System.exit(cli.execute(args.length == 0 ? new String[] {"run"} : args));
    }

    /** With no subcommand: the all-in-one run. */
    @Override
    public Integer call() throws Exception {
        return serve(Role.all());
    }

    static int serve(Set<Role> roles) throws Exception {
        Config config = Settings.load(System.getenv());
        Application app = Application.start(config, roles, Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping: writing in-flight readings, then closing");
            app.close();
            stopped.countDown();
        }, "shutdown"));
        LOG.info("e-kommunal is running ({}); Ctrl-C stops it", roles);
        stopped.await();
        return 0;
    }

    @Command(name = "run", description = "Everything in one process (the default).")
    static final class Run implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            return serve(Role.all());
        }
    }

    @Command(name = "gateway", description = "Only the meter gateway.")
    static final class GatewayOnly implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            return serve(EnumSet.of(Role.GATEWAY));
        }
    }

    @Command(name = "api", description = "Only the HTTP API.")
    static final class ApiOnly implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            return serve(EnumSet.of(Role.API));
        }
    }

    @Command(name = "billing", description = "Only a billing node (Quartz cluster member billing shards).")
    static final class BillingOnly implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            return serve(EnumSet.of(Role.BILLING));
        }
    }

    @Command(name = "migrate", description = "Bring the database schema up to date, then exit.")
    static final class Migrate implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            List<AutoCloseable> opened = new ArrayList<>();
            try {
                Application.migrate(Settings.load(System.getenv()), opened);
                LOG.info("Schema is up to date");
                return 0;
            } finally {
                for (AutoCloseable c : opened) {
                    c.close();
                }
            }
        }
    }

    @Command(name = "config", description = "Print every configuration key, its value and where it came from.")
    static final class ShowConfig implements Callable<Integer> {
        @CommandLine.Option(names = "--reference",
                description = "Print the README's configuration table (every key, default and meaning) instead.")
        boolean reference;

        @Override
        public Integer call() {
            System.out.print(reference ? ConfigReference.block(Settings.ALL)
                    : Settings.load(System.getenv()).describe());
            return 0;
        }
    }

    /**
     * The container's health check (the image has no shell or curl): asks this machine's API for
     * {@code /health} and exits 0 when it answers 200, 1 otherwise, printing the answer.
     */
    @Command(name = "health", description = "Exit 0 when the API on this machine answers /health with 200, else 1.")
    static final class Health implements Callable<Integer> {
        @CommandLine.Option(names = "--url", description = "Default: http://127.0.0.1:<EKOMMUNAL_HTTP_PORT>/health")
        String url;

        @Override
        public Integer call() {
            String target = url != null ? url
                    : "http://127.0.0.1:" + Settings.load(System.getenv()).get(Settings.HTTP_PORT) + "/health";
            try {
                java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(target))
                                .timeout(java.time.Duration.ofSeconds(5)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                System.out.println(answer.statusCode() + " " + answer.body());
                return answer.statusCode() == 200 ? 0 : 1;
            } catch (Exception e) {
                System.out.println("no answer from " + target + ": " + e);
                return 1;
            }
        }
    }
}
