package uz.ekommunal.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.ekommunal.testing.TestDatabase;

/**
 * The OCI image the build writes (target/ekommunal-image.tar, by Jib, FROM scratch): read as a
 * container runtime would read it, then its file system unpacked and its own Java started inside
 * it (chroot in a private user, mount and PID namespace, so no root and no Docker engine needed),
 * migrating a real database. Proves the image carries a working runtime, every library it links and
 * the whole class path, not only that a tarball exists.
 */
class ContainerImageIT {

    private static final Path IMAGE = Path.of("target", "ekommunal-image.tar");

    @TempDir
    static Path unpacked;

    private static JsonObject config;
    private static Path root;

    @BeforeAll
    static void unpack() throws Exception {
        assertThat(IMAGE).as("the build writes the image (mvn package, jib:buildTar)").exists();
        run(List.of("tar", "--warning=no-unknown-keyword", "-xf", IMAGE.toAbsolutePath().toString(),
                "-C", unpacked.toString()));
        JsonObject manifest = new JsonArray(Files.readString(unpacked.resolve("manifest.json"))).getJsonObject(0);
        config = new JsonObject(Files.readString(unpacked.resolve(manifest.getString("Config")))).getJsonObject("config");
        root = Files.createDirectories(unpacked.resolve("rootfs"));
        for (Object layer : manifest.getJsonArray("Layers")) {
            run(List.of("tar", "--warning=no-unknown-keyword", "-xzf", unpacked.resolve((String) layer).toString(),
                    "-C", root.toString()));
        }
        Files.createDirectories(root.resolve("proc"));
        Files.createDirectories(root.resolve("dev"));
    }

    @Test
    void runsAsAnUnprivilegedUserWithTheRolesAndPortsDeclared() {
        assertThat(config.getString("User")).isEqualTo("10001:10001");
        assertThat(config.getJsonArray("Entrypoint").getList())
                .startsWith("/opt/java/bin/java").endsWith("-cp", "@/app/jib-classpath-file", "uz.ekommunal.app.Main");
        assertThat(config.getJsonArray("Cmd").getList()).containsExactly("run");
        assertThat(config.getJsonObject("ExposedPorts").fieldNames())
                .containsExactlyInAnyOrder("8080/tcp", "9464/tcp", "1884/tcp", "5683/udp", "5684/udp");
        assertThat(config.getJsonArray("Env").getList()).contains("EKOMMUNAL_DATA_DIR=/data");
        assertThat(config.getJsonObject("Volumes").fieldNames()).containsExactly("/data");
    }

    @Test
    void carriesItsOwnRuntimeUserAndWritableFolders() throws IOException {
        assertThat(Files.isExecutable(root.resolve("opt/java/bin/java"))).isTrue();
        assertThat(root.resolve("lib64/ld-linux-x86-64.so.2")).exists();
        assertThat(Files.readString(root.resolve("etc/passwd"))).contains("ekommunal:x:10001:10001:");
        for (String folder : List.of("data", "tmp")) {
            assertThat(Files.getPosixFilePermissions(root.resolve(folder)))
                    .as("/%s is writable by the image's user", folder).contains(PosixFilePermission.OTHERS_WRITE);
        }
        assertThat(Files.readString(root.resolve("app/jib-classpath-file")))
                .contains("/app/libs/billing-", "/app/libs/meter-gateway-", "/app/libs/postgresql-");
    }

    @Test
    void itsJavaMigratesARealDatabaseFromInsideTheImage() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            // what a container runtime gives every container: its own /proc, and /dev (SecureRandom)
            List<String> command = new ArrayList<>(List.of("unshare", "--map-root-user", "--mount", "--pid",
                    "--fork", "--mount-proc=" + root.resolve("proc"), "sh", "-c",
                    "mount --rbind /dev \"$0/dev\" && exec chroot \"$0\" \"$@\"", root.toString()));
            command.addAll(config.getJsonArray("Entrypoint").getList().stream().map(Object::toString).toList());
            command.add("migrate");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("EKOMMUNAL_DB_URL", db.url());
            String output = run(builder);
            assertThat(output).contains("Schema is up to date");
            try (Connection c = db.dataSource().getConnection();
                 ResultSet rs = c.createStatement().executeQuery("select count(*) from pg_namespace "
                         + "where nspname in ('gateway', 'billing', 'api', 'appeals')")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(4);
            }
        }
    }

    private static String run(List<String> command) throws Exception {
        return run(new ProcessBuilder(command).redirectErrorStream(true));
    }

    private static String run(ProcessBuilder builder) throws Exception {
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("%s%n%s", builder.command(), text).isZero();
        return text;
    }
}
