package io.flightdeck.harness.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.flightdeck.harness.TestTags;
import io.flightdeck.harness.home.Home;

/** Which store a command gets, and URLs that cannot name one: no server needed. */
@Tag(TestTags.JDK_NEUTRAL)
class ResultsUrlTest {

    @Test
    void theOptionWinsOverTheEnvironmentAndNeitherMeansTheHomesFiles() throws Exception {
        Map<String, String> env = Map.of(ResultsStores.ENVIRONMENT_VARIABLE, "jdbc:postgresql://env/db");
        assertThat(ResultsStores.url("jdbc:postgresql://opt/db", env)).isEqualTo("jdbc:postgresql://opt/db");
        assertThat(ResultsStores.url(null, env)).isEqualTo("jdbc:postgresql://env/db");
        assertThat(ResultsStores.url(null, Map.of(ResultsStores.ENVIRONMENT_VARIABLE, " "))).isNull();
        try (ResultsStore store = ResultsStores.open(new Home(Path.of("/tmp/h")), null, Map.of())) {
            assertThat(store).isInstanceOf(FileResultsStore.class);
            assertThat(store.location()).isEqualTo("/tmp/h/history.jsonl");
        }
    }

    @Test
    void aPasswordOnTheCommandLineIsRefusedBeforeAnyConnection() {
        for (String url : new String[]{"jdbc:postgresql://h/db?user=u&password=secret",
                "jdbc:postgresql://h/db?PASSWORD=secret", "jdbc:postgresql://u:secret@h/db",
                "postgresql://ci:secret@h/db", "mysql://h/db?password=secret"}) {
            assertThat(ResultsStores.problem(url)).as(url).contains("PGPASSWORD").doesNotContain("secret");
            assertThatThrownBy(() -> ResultsStores.open(new Home(Path.of("/tmp/h")), url, Map.of()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(ResultsStores.problem("jdbc:postgresql://h:5432/db?user=ci&sslmode=require")).isNull();
    }

    @Test
    void onlyPostgreSQLUrlsNameAStore() {
        assertThat(ResultsStores.problem("jdbc:mysql://h/db")).contains("jdbc:postgresql://HOST");
        assertThat(ResultsStores.problem("postgres://h/db")).contains("not a PostgreSQL JDBC URL")
                .contains("(postgres:...)").doesNotContain("//h");
    }

    @Test
    void messagesShowTheUrlWithoutItsParameters() {
        assertThat(PostgresConnections.shown("jdbc:postgresql://h/db?user=ci&sslmode=require"))
                .isEqualTo("jdbc:postgresql://h/db");
    }
}
