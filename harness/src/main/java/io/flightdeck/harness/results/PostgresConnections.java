package io.flightdeck.harness.results;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Connections to a PostgreSQL results store: the URL checked, credentials from the environment, the schema brought up
 * to date by Flyway.
 *
 * <p>Credentials never come from the command line, where {@code ps} and shell histories show them: a URL holding a
 * password is refused. The user is the URL's {@code user=}, else {@code PGUSER}; the password is {@code PGPASSWORD},
 * else the driver's own lookup in the pgpass file ({@code PGPASSFILE}, else {@code ~/.pgpass}), as psql does.
 */
public final class PostgresConnections {

    /** The schema that holds the store's tables, so that a database shared with other programs stays tidy. */
    public static final String SCHEMA = "flightdeck";
    static final String PREFIX = "jdbc:postgresql:";
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("[?&;]password=", Pattern.CASE_INSENSITIVE);
    /** {@code //user:secret@host}: a password in the authority, in any scheme a user may try. */
    private static final Pattern PASSWORD_IN_AUTHORITY = Pattern.compile("//[^/?@]*:[^/?@]*@");
    /** What a message may show of a URL that is no store's: its scheme, never the rest (it may hold a secret). */
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]{0,20}:([A-Za-z][A-Za-z0-9+.-]{0,20}:)?");
    private static final Pattern QUERY = Pattern.compile("\\?.*$");

    private PostgresConnections() {
    }

    /** Why {@code url} cannot name a results store, or null when it can. */
    static String problem(String url) {
        if (PASSWORD_PARAMETER.matcher(url).find() || PASSWORD_IN_AUTHORITY.matcher(url).find()) {
            return "the results URL holds a password: give it in PGPASSWORD or a pgpass file (PGPASSFILE, "
                    + "~/.pgpass), never on the command line";
        }
        if (!url.startsWith(PREFIX)) {
            Matcher scheme = SCHEME.matcher(url);
            return "the results URL " + (scheme.find() ? "(" + scheme.group() + "...) " : "")
                    + "is not a PostgreSQL JDBC URL: use jdbc:postgresql://HOST[:PORT]/DATABASE";
        }
        return null;
    }

    /** The URL as messages show it: without its parameters. */
    static String shown(String url) {
        return QUERY.matcher(url).replaceFirst("");
    }

    /** The driver's properties: credentials from the environment, the store's schema. */
    static Properties properties(String url, Map<String, String> environment) {
        Properties properties = new Properties();
        String user = environment.get("PGUSER");
        if (user != null && !user.isBlank() && !url.toLowerCase(Locale.ROOT).contains("user=")) {
            properties.setProperty("user", user);
        }
        String password = environment.get("PGPASSWORD");
        if (password != null && !password.isEmpty()) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", "flightdeck");
        properties.setProperty("currentSchema", SCHEMA);
        properties.setProperty("connectTimeout", "10");
        return properties;
    }

    static Connection connect(String url, Properties properties) throws SQLException {
        return DriverManager.getConnection(url, properties);
    }

    /** Connects and migrates. */
    static Connection open(String url, Properties properties) throws IOException {
        Connection connection;
        try {
            connection = connect(url, properties);
        } catch (SQLException e) {
            throw failure(shown(url), "cannot connect", e);
        }
        try {
            migrate(url, properties);
        } catch (IOException e) {
            closeQuietly(connection);
            throw e;
        }
        return connection;
    }

    /**
     * Brings the schema to the newest version. Flyway holds a PostgreSQL advisory lock while it migrates, so writers
     * that start together against a new database create the tables once.
     */
    private static void migrate(String url, Properties properties) throws IOException {
        try {
            Flyway.configure()
                    .dataSource(url, properties.getProperty("user"), properties.getProperty("password"))
                    .schemas(SCHEMA)
                    .defaultSchema(SCHEMA)
                    .locations("classpath:io/flightdeck/harness/results/migration")
                    .connectRetries(0)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new IOException(shown(url) + ": cannot bring the results schema up to date: " + oneLine(e), e);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // the migration's failure is the one to report
        }
    }

    /** One line naming the store, what failed and PostgreSQL's reason. */
    static IOException failure(String location, String what, SQLException e) {
        return new IOException(location + ": " + what + ": " + oneLine(e), e);
    }

    private static String oneLine(Exception e) {
        Throwable t = e;
        String message = String.valueOf(e.getMessage());
        while (t.getCause() != null && (message.isBlank() || message.equals("null"))) {
            t = t.getCause();
            message = String.valueOf(t.getMessage());
        }
        String line = message.strip();
        int nl = line.indexOf('\n');
        return nl < 0 ? line : line.substring(0, nl);
    }
}
