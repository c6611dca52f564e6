package io.flightdeck.memory.datagen;

import io.flightdeck.memory.model.TaskContext;
import io.flightdeck.memory.model.TaskType;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Everything about a task except how it was carried out: type, context, subject, and the description
 * with the choices that produced it (intent, phrasing). Drawn from its own random stream, so it can be
 * re-drawn from the seed alone to paraphrase an earlier episode without having kept it.
 */
record TaskDraft(TaskType type, ContextSynthesizer.Setting setting, TaskContext context, TaskSubject subject,
                 Intent intent, int phrasing, boolean withTicket, Template followUp, String description) {

    private static final ZipfChoice<TaskType> TASK_TYPES = ZipfChoice.weighted(List.of(TaskType.CODE_GENERATION,
                    TaskType.DEBUGGING, TaskType.REFACTORING, TaskType.TESTING, TaskType.ANALYSIS,
                    TaskType.DOCUMENTATION, TaskType.OTHER),
            24, 22, 12, 14, 11, 9, 8);

    static TaskDraft draw(SplittableRandom rng) {
        TaskType type = TASK_TYPES.pick(rng);
        ContextSynthesizer.Setting setting = ContextSynthesizer.setting(rng, type);
        TaskSubject subject = TaskSubject.draw(rng, setting.domain(), setting.language(), setting.framework());
        Intent intent = DescriptionTemplates.intents(type).pick(rng);
        int phrasing = rng.nextInt(intent.phrasings().size());
        boolean withTicket = rng.nextInt(100) < 15;
        Template followUp = rng.nextInt(100) < 30 ? DescriptionTemplates.followUps(type).pick(rng) : null;
        TaskContext context = ContextSynthesizer.context(rng, setting, type, intent);
        String description = DescriptionTemplates.render(intent, phrasing, subject, withTicket, followUp);
        return new TaskDraft(type, setting, context, subject, intent, phrasing, withTicket, followUp, description);
    }

    /** The same task in another of its intent's phrasings (the next one, cyclically). */
    String rephrased(boolean keepTicket, boolean keepFollowUp) {
        int other = (phrasing + 1) % intent.phrasings().size();
        return DescriptionTemplates.render(intent, other, subject, keepTicket && withTicket,
                keepFollowUp ? followUp : null);
    }
}
