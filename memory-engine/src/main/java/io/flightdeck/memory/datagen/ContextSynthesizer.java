package io.flightdeck.memory.datagen;

import io.flightdeck.memory.model.Complexity;
import io.flightdeck.memory.model.TaskContext;
import io.flightdeck.memory.model.TaskType;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws where a task happens: domain, then a language usual for that domain, then a framework that exists
 * for that language (a Django task is never in Go), a complexity that depends on the kind of task, and tags.
 */
final class ContextSynthesizer {

    private ContextSynthesizer() {
    }

    /** What the context is built from; the language is kept even when the context will not report it. */
    record Setting(Domain domain, LanguageProfile language, String framework, Complexity complexity) {
    }

    private static final List<Complexity> COMPLEXITIES = List.of(Complexity.SIMPLE, Complexity.MODERATE,
            Complexity.COMPLEX);
    private static final Map<TaskType, ZipfChoice<Complexity>> COMPLEXITY_BY_TYPE = new EnumMap<>(TaskType.class);
    private static final Map<TaskType, String> TYPE_TAG = new EnumMap<>(TaskType.class);

    static {
        complexity(TaskType.CODE_GENERATION, 30, 45, 25);
        complexity(TaskType.DEBUGGING, 25, 50, 25);
        complexity(TaskType.REFACTORING, 20, 50, 30);
        complexity(TaskType.TESTING, 35, 50, 15);
        complexity(TaskType.ANALYSIS, 20, 45, 35);
        complexity(TaskType.DOCUMENTATION, 50, 40, 10);
        complexity(TaskType.OTHER, 50, 40, 10);
        TYPE_TAG.put(TaskType.CODE_GENERATION, "feature");
        TYPE_TAG.put(TaskType.DEBUGGING, "bug");
        TYPE_TAG.put(TaskType.REFACTORING, "refactoring");
        TYPE_TAG.put(TaskType.TESTING, "tests");
        TYPE_TAG.put(TaskType.ANALYSIS, "investigation");
        TYPE_TAG.put(TaskType.DOCUMENTATION, "docs");
        TYPE_TAG.put(TaskType.OTHER, "chore");
    }

    private static void complexity(TaskType type, double simple, double moderate, double complex) {
        COMPLEXITY_BY_TYPE.put(type, ZipfChoice.weighted(COMPLEXITIES, simple, moderate, complex));
    }

    static Setting setting(SplittableRandom rng, TaskType type) {
        Domain domain = Domains.ALL.pick(rng);
        LanguageProfile language = domain.languages().pick(rng);
        String framework = null;
        // about one task in seven is on plain language code (a library, a CLI) without a framework
        if (rng.nextInt(7) != 0) {
            ZipfChoice<String> preferred = domain.frameworkOverrides().get(language);
            framework = (preferred != null && rng.nextInt(3) != 0 ? preferred : language.frameworks).pick(rng);
        }
        return new Setting(domain, language, framework, COMPLEXITY_BY_TYPE.get(type).pick(rng));
    }

    /**
     * The task's context. A few agents do not report the language (4 %); tags come from the task type, the
     * intent, the domain and a topical long tail, 1 to 5 of them.
     */
    static TaskContext context(SplittableRandom rng, Setting setting, TaskType type, Intent intent) {
        List<String> tags = new ArrayList<>(5);
        if (rng.nextInt(10) < 7) {
            tags.add(TYPE_TAG.get(type));
        }
        for (String t : intent.tags()) {
            if (rng.nextInt(10) < 6) {
                tags.add(t);
            }
        }
        if (rng.nextBoolean()) {
            tags.add(setting.domain().tags().pick(rng));
        }
        int topical = rng.nextInt(10) < 6 ? 1 + (rng.nextInt(4) == 0 ? 1 : 0) : 0;
        for (int i = 0; i < topical; i++) {
            tags.add(Vocabulary.TOPIC_TAGS.pick(rng));
        }
        if (tags.isEmpty()) {
            tags.add(TYPE_TAG.get(type));
        }
        String language = rng.nextInt(25) == 0 ? null : setting.language().id;
        return new TaskContext(setting.domain().name(), language, setting.framework(), setting.complexity(), tags);
    }
}
