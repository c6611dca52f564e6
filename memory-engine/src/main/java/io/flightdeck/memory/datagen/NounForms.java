package io.flightdeck.memory.datagen;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The spellings of a PascalCase noun that tasks need ("LineItem": "line item", "line items", "line_item",
 * "lineItem", "line-items", "line_items"). Nouns come from fixed tables, so the forms are computed once
 * per noun and cached; the cache only saves work and never changes what is generated.
 */
record NounForms(String words, String pluralWords, String snake, String camel, String kebabPlural, String table) {

    private static final Map<String, NounForms> CACHE = new ConcurrentHashMap<>();

    static NounForms of(String noun) {
        return CACHE.computeIfAbsent(noun, NounForms::compute);
    }

    private static NounForms compute(String noun) {
        String words = Naming.words(noun);
        String snake = Naming.snake(noun);
        return new NounForms(words, Naming.plural(words), snake, Naming.decapitalise(noun),
                Naming.plural(Naming.kebab(noun)), Naming.plural(snake));
    }
}
