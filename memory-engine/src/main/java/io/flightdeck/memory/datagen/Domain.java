package io.flightdeck.memory.datagen;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A business area with its own nouns ("Invoice", "Refund" for payments), services, usual languages and
 * frameworks, tags and third-party APIs. Drawing a task's words from its domain keeps a payments task
 * about invoices and a search task about shards, and gives the corpus topical clusters like a real one.
 *
 * @param frameworkOverrides frameworks this domain prefers for a language (airflow for data-pipeline Python);
 *                           looked up only, never iterated, so its order cannot leak into the output
 */
record Domain(
        String name,
        String ticketPrefix,
        ZipfChoice<String> nouns,
        ZipfChoice<String> services,
        ZipfChoice<LanguageProfile> languages,
        Map<LanguageProfile, ZipfChoice<String>> frameworkOverrides,
        ZipfChoice<String> tags,
        ZipfChoice<String> externalApis) {

    static Builder named(String name, String ticketPrefix) {
        return new Builder(name, ticketPrefix);
    }

    static final class Builder {
        private final String name;
        private final String ticketPrefix;
        private List<String> nouns;
        private List<String> services;
        private List<LanguageProfile> languages;
        private double[] languageWeights;
        private final Map<LanguageProfile, ZipfChoice<String>> overrides = new EnumMap<>(LanguageProfile.class);
        private List<String> tags;
        private List<String> apis;

        private Builder(String name, String ticketPrefix) {
            this.name = name;
            this.ticketPrefix = ticketPrefix;
        }

        Builder nouns(String... nouns) {
            this.nouns = List.of(nouns);
            return this;
        }

        Builder services(String... services) {
            this.services = List.of(services);
            return this;
        }

        /** Alternating language, weight pairs. */
        Builder languages(Object... languageWeightPairs) {
            int n = languageWeightPairs.length / 2;
            LanguageProfile[] langs = new LanguageProfile[n];
            languageWeights = new double[n];
            for (int i = 0; i < n; i++) {
                langs[i] = (LanguageProfile) languageWeightPairs[2 * i];
                languageWeights[i] = ((Number) languageWeightPairs[2 * i + 1]).doubleValue();
            }
            languages = List.of(langs);
            return this;
        }

        Builder frameworks(LanguageProfile language, String... frameworks) {
            overrides.put(language, ZipfChoice.zipf(0.9, frameworks));
            return this;
        }

        Builder tags(String... tags) {
            this.tags = List.of(tags);
            return this;
        }

        Builder apis(String... apis) {
            this.apis = List.of(apis);
            return this;
        }

        Domain build() {
            return new Domain(name, ticketPrefix, ZipfChoice.zipf(1.0, nouns), ZipfChoice.zipf(0.9, services),
                    ZipfChoice.weighted(languages, languageWeights), Map.copyOf(overrides), ZipfChoice.zipf(0.8, tags),
                    ZipfChoice.zipf(0.9, apis));
        }
    }
}
