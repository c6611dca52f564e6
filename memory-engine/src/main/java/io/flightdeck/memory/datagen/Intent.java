package io.flightdeck.memory.datagen;

import java.util.List;

/**
 * One kind of task ("fix an exception in a method", "add a feature to an endpoint"), with several ways
 * of phrasing it. Every phrasing of an intent speaks about the same slots, which is what makes a
 * different phrasing of the same subject a faithful paraphrase.
 *
 * @param tags tags a task of this kind usually carries
 */
record Intent(String name, List<Template> phrasings, List<String> tags) {

    static Intent of(String name, List<String> tags, String... phrasings) {
        return new Intent(name, Template.parseAll(phrasings), List.copyOf(tags));
    }
}
