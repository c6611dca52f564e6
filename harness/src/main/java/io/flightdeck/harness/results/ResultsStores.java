package io.flightdeck.harness.results;

import java.io.IOException;
import java.sql.Connection;
import java.util.Map;
import java.util.Properties;

import io.flightdeck.harness.home.BaselineStore;
import io.flightdeck.harness.home.Home;

/** Opens the results store a command is given: {@code --results-url}, else {@value #ENVIRONMENT_VARIABLE}, else the home. */
public final class ResultsStores {

    public static final String ENVIRONMENT_VARIABLE = "FLIGHTDECK_RESULTS_URL";

    private ResultsStores() {
    }

    /** The URL asked for: the option's, else the environment's; null for the home's files. */
    public static String url(String option, Map<String, String> environment) {
        String url = option != null ? option : environment.get(ENVIRONMENT_VARIABLE);
        return url == null || url.isBlank() ? null : url.strip();
    }

    /**
     * Why the URL cannot name a store (one line for the user), or null when it can; null {@code url} (the home) always
     * can.
     */
    public static String problem(String url) {
        return url == null ? null : PostgresConnections.problem(url);
    }

    /**
     * The store: the home's files when {@code url} is null, else the database it names (connected, its schema
     * migrated; baselines' stacks still go to the home).
     *
     * @throws IllegalArgumentException when the URL cannot name a store ({@link #problem})
     * @throws IOException              when the database cannot be reached or migrated
     */
    public static ResultsStore open(Home home, String url, Map<String, String> environment) throws IOException {
        if (url == null) {
            return new FileResultsStore(home);
        }
        String problem = problem(url);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return postgres(home, url, environment, () -> {
        });
    }

    /** A PostgreSQL store whose writers call {@code beforeCommit} between a run's rows and their commit (tests). */
    static PostgresResultsStore postgres(Home home, String url, Map<String, String> environment,
                                         Runnable beforeCommit) throws IOException {
        Properties properties = PostgresConnections.properties(url, environment);
        Connection c = PostgresConnections.open(url, properties);
        return new PostgresResultsStore(c, () -> PostgresConnections.connect(url, properties),
                PostgresConnections.shown(url), new BaselineStore(home), beforeCommit);
    }
}
