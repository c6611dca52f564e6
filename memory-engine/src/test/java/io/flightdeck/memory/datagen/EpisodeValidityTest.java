package io.flightdeck.memory.datagen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flightdeck.memory.MemoryEngine;
import io.flightdeck.memory.model.ExecutionStep;
import io.flightdeck.memory.model.TaskContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Everything generated is a valid engine input: within the input limits, tags valid, parameters JSON. */
class EpisodeValidityTest {

    private static final Pattern TAG = Pattern.compile("[a-z0-9_-]{2,100}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<GeneratedEpisode> sample() {
        EpisodeGenerator g = new EpisodeGenerator(77);
        List<GeneratedEpisode> out = new ArrayList<>(g.batch(3_000));
        for (int i = 0; i < 20; i++) {
            out.add(g.next(50));
        }
        return out;
    }

    @Test
    void tagsAreValidAndSurviveTaskContextValidation() {
        for (GeneratedEpisode e : sample()) {
            TaskContext c = e.context();
            assertThat(c.tags()).isNotEmpty().allMatch(t -> TAG.matcher(t).matches());
            assertThatNoException().isThrownBy(() ->
                    new TaskContext(c.domain(), c.language(), c.framework(), c.complexity(), c.tags()));
        }
    }

    @Test
    void everyParametersStringIsAJsonObject() throws Exception {
        for (GeneratedEpisode e : sample()) {
            for (ExecutionStep s : e.steps()) {
                JsonNode node = JSON.readTree(s.parameters());
                assertThat(node.isObject()).as(s.parameters()).isTrue();
                assertThat(node.size()).isPositive();
            }
        }
    }

    @Test
    void textsAreWithinTheEngineLimits() {
        for (GeneratedEpisode e : sample()) {
            assertThat(e.description()).isNotBlank();
            assertThat(e.description().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(10_000);
            for (ExecutionStep s : e.steps()) {
                assertThat(s.result().text().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(10_000);
                assertThat(s.parameters().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1_000_000);
                assertThat(s.tool()).matches("[a-z_]+");
            }
        }
    }

    /** The engine's own rules (names, step numbers, JSON, Unicode, sizes) accept everything generated. */
    @Test
    void everyEpisodeAndQueryPassesTheEngine() {
        EpisodeGenerator g = new EpisodeGenerator(78);
        try (MemoryEngine engine = MemoryEngine.inMemory()) {
            for (GeneratedEpisode e : sample()) {
                UUID id = engine.startEpisode(e.description(), e.context(), e.taskType());
                for (ExecutionStep s : e.steps()) {
                    engine.logStep(id, s);
                }
                engine.completeEpisode(id, e.outcome());
            }
            for (int i = 0; i < 500; i++) {
                GeneratedQuery q = g.query();
                assertThatNoException().isThrownBy(() ->
                        engine.retrieveRelevantContext(q.text(), q.context(), q.taskType(), 10));
            }
        }
    }

    @Test
    void frameworksBelongToTheLanguage() {
        for (GeneratedEpisode e : sample()) {
            TaskContext c = e.context();
            if (c.language() == null || c.framework() == null) {
                continue;
            }
            LanguageProfile lang = null;
            for (LanguageProfile p : LanguageProfile.values()) {
                if (p.id.equals(c.language())) {
                    lang = p;
                }
            }
            assertThat(lang).as(c.language()).isNotNull();
            boolean known = contains(lang.frameworks, c.framework());
            for (int i = 0; i < Domains.ALL.size(); i++) {
                Domain d = Domains.ALL.get(i);
                if (d.name().equals(c.domain()) && d.frameworkOverrides().containsKey(lang)) {
                    known |= contains(d.frameworkOverrides().get(lang), c.framework());
                }
            }
            assertThat(known).as(c.framework() + " for " + c.language()).isTrue();
        }
    }

    private static boolean contains(ZipfChoice<String> table, String value) {
        for (int i = 0; i < table.size(); i++) {
            if (table.get(i).equals(value)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void everySlotOfATaskIsDrawn() {
        // a template slot that was never drawn would render as the text "null"
        for (int i = 0; i < 3_000; i++) {
            TaskDraft draft = TaskDraft.draw(new java.util.SplittableRandom(i));
            for (Slot slot : Slot.values()) {
                assertThat(draft.subject().get(slot)).as(slot.name()).isNotBlank();
            }
        }
    }
}
