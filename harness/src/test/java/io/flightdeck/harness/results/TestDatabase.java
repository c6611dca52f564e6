package io.flightdeck.harness.results;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A new, empty database for each test on the test PostgreSQL server ({@value #URL_VARIABLE}, started by
 * {@code scripts/test-postgres}), dropped after it; a test class registers one as a field
 * ({@code @RegisterExtension final TestDatabase db = new TestDatabase();}). Without a server the test is skipped with
 * a message, or fails when {@value #REQUIRE_VARIABLE}=1 (as .ci/run sets it): a CI run must not pass by skipping the store's tests.
 */
public final class TestDatabase implements BeforeEachCallback, AfterEachCallback {

    static final String URL_VARIABLE = "FLIGHTDECK_TEST_POSTGRES_URL";
    static final String REQUIRE_VARIABLE = "FLIGHTDECK_REQUIRE_POSTGRES";

    private String serverUrl;
    private String name;

    /** A fresh database; skips the test (or fails it, when required) without a server. */
    @Override
    public void beforeEach(ExtensionContext context) throws SQLException {
        String server = System.getenv(URL_VARIABLE);
        if (server == null || server.isBlank()) {
            String why = "no PostgreSQL for the results store's tests: eval \"$(scripts/test-postgres start)\" sets "
                    + URL_VARIABLE;
            if ("1".equals(System.getenv(REQUIRE_VARIABLE))) {
                Assertions.fail(REQUIRE_VARIABLE + "=1 but " + why);
            }
            Assumptions.abort(why);
        }
        String name = "fd_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                .toLowerCase(Locale.ROOT);
        try (Connection c = admin(server); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        this.serverUrl = server;
        this.name = name;
    }

    /** The database's URL, as a user passes it (no credentials: they come from PGUSER and PGPASSWORD). */
    public String url() {
        int slash = serverUrl.lastIndexOf('/');
        return serverUrl.substring(0, slash + 1) + name;
    }

    /** A plain connection to it, for looking at what a store left. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), credentials());
    }

    private static Connection admin(String server) throws SQLException {
        return DriverManager.getConnection(server, credentials());
    }

    private static Properties credentials() {
        Properties p = new Properties();
        if (System.getenv("PGUSER") != null) {
            p.setProperty("user", System.getenv("PGUSER"));
        }
        if (System.getenv("PGPASSWORD") != null) {
            p.setProperty("password", System.getenv("PGPASSWORD"));
        }
        return p;
    }

    @Override
    public void afterEach(ExtensionContext context) throws SQLException {
        if (name == null) {
            return;
        }
        try (Connection c = admin(serverUrl); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
        name = null;
    }
}
