package io.flightdeck.memory.datagen;

import java.util.SplittableRandom;

/**
 * The concrete things one task is about: its class, method, endpoint, table, exception, files ... one value
 * per {@link Slot}. Drawn once per episode; the description, the steps and the outcome all render their
 * templates against it.
 * <p>All slots are drawn, in a fixed order, whether a template uses them or not: that way the n-th episode
 * of a seed is the same no matter which phrasing is chosen, and its description can be re-rendered later
 * (for a paraphrased query) from the seed alone.
 */
final class TaskSubject {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final String[] values = new String[Slot.values().length];
    final Domain domain;
    final LanguageProfile language;

    private TaskSubject(Domain domain, LanguageProfile language) {
        this.domain = domain;
        this.language = language;
    }

    String get(Slot slot) {
        return values[slot.ordinal()];
    }

    private void set(Slot slot, String value) {
        values[slot.ordinal()] = value;
    }

    private String render(ZipfChoice<Template> table, SplittableRandom rng) {
        return table.pick(rng).render(this);
    }

    static TaskSubject draw(SplittableRandom rng, Domain domain, LanguageProfile lang, String framework) {
        TaskSubject s = new TaskSubject(domain, lang);
        Naming naming = lang.naming;

        // the nouns: mostly the domain's own, sometimes a cross-cutting one (config, audit log ...)
        String noun = rng.nextInt(4) == 0 ? Vocabulary.GENERIC_NOUNS.pick(rng) : domain.nouns().pick(rng);
        String noun2 = domain.nouns().pick(rng);
        if (noun2.equals(noun)) {
            noun2 = domain.nouns().pick(rng);
        }
        NounForms forms = NounForms.of(noun);
        s.set(Slot.NOUN, noun);
        s.set(Slot.NOUN_WORDS, forms.words());
        s.set(Slot.NOUNS, forms.pluralWords());
        s.set(Slot.NOUN_SNAKE, forms.snake());
        s.set(Slot.NOUN_VAR, naming == Naming.SNAKE ? forms.snake() : forms.camel());
        s.set(Slot.NOUN2, noun2);
        s.set(Slot.NOUNS2, NounForms.of(noun2).pluralWords());

        // code identifiers
        String className = className(rng, noun);
        s.set(Slot.CLASS, className);
        s.set(Slot.CLASS2, className(rng, rng.nextBoolean() ? noun2 : noun));
        String verb = Vocabulary.METHOD_VERBS.pick(rng);
        String object = rng.nextInt(5) < 2 ? noun : Vocabulary.METHOD_OBJECTS.pick(rng);
        if (object.isEmpty() && verb.equals("Get")) {
            object = noun;
        }
        String method = naming.method(verb, object);
        s.set(Slot.METHOD, method);

        // where the code lives
        String org = Vocabulary.ORGS.pick(rng);
        String service = domain.services().pick(rng);
        String service2 = domain.services().pick(rng);
        if (service2.equals(service)) {
            service2 = domain.services().pick(rng);
        }
        String module = naming == Naming.SNAKE ? service.replace('-', '_') : service.replace("-", "");
        String moduleDir = lang.moduleDir(org, module);
        String fileName = lang.fileName(className);
        String testFile = lang.testFileName(className);
        s.set(Slot.ORG, org);
        s.set(Slot.MODULE, module);
        s.set(Slot.MODULE_DIR, moduleDir);
        s.set(Slot.SERVICE, service);
        s.set(Slot.SERVICE2, service2);
        s.set(Slot.FILE_NAME, fileName);
        s.set(Slot.SOURCE_PATH, moduleDir + '/' + fileName);
        s.set(Slot.TEST_FILE_NAME, testFile);
        String secondFile = lang.fileName(s.get(Slot.CLASS2));
        s.set(Slot.SECOND_FILE_NAME, secondFile);
        s.set(Slot.SECOND_PATH, moduleDir + '/' + secondFile);
        s.set(Slot.BUILD_FILE, lang.buildFile());
        s.set(Slot.TEST_PATH, lang.testDir(org, module) + '/' + testFile);
        s.set(Slot.TEST_CLASS, lang.testClass(className));
        s.set(Slot.TEST_METHOD, lang.testMethod(className, method, Vocabulary.TEST_SUFFIXES.pick(rng)));
        s.set(Slot.EXCEPTION, lang.exceptions.pick(rng));
        String library = lang.libraries.pick(rng);
        String library2 = lang.libraries.pick(rng);
        if (library2.equals(library)) {
            library2 = lang.libraries.get((indexOf(lang.libraries, library) + 1) % lang.libraries.size());
        }
        s.set(Slot.LIBRARY, library);
        s.set(Slot.LIBRARY2, library2);

        // the running system
        String plural = forms.kebabPlural();
        int apiVersion = rng.nextInt(20) == 0 ? 3 : rng.nextInt(4) == 0 ? 2 : 1;
        String sub = Vocabulary.SUB_RESOURCES.pick(rng);
        s.set(Slot.ENDPOINT, "/api/v" + apiVersion + '/' + plural + (sub.isEmpty() ? "" : "/{id}/" + sub));
        s.set(Slot.HTTP_METHOD, Vocabulary.HTTP_METHODS.pick(rng));
        s.set(Slot.TABLE, forms.table());
        s.set(Slot.COLUMN, s.render(Vocabulary.COLUMNS, rng));
        s.set(Slot.ENV, Vocabulary.ENVS.pick(rng));
        s.set(Slot.EXTERNAL_API, domain.externalApis().pick(rng));
        s.set(Slot.EVENT, forms.snake() + '.' + Vocabulary.EVENT_VERBS.pick(rng));
        s.set(Slot.INTERVAL, Vocabulary.INTERVALS.pick(rng));

        // the work
        s.set(Slot.FEATURE, Vocabulary.FEATURES.pick(rng));
        s.set(Slot.PATTERN, Vocabulary.PATTERNS.pick(rng));
        s.set(Slot.VARIANTS, s.render(Vocabulary.VARIANTS, rng));
        s.set(Slot.CONCERN, Vocabulary.CONCERNS.pick(rng));
        String metric = Vocabulary.METRICS.pick(rng);
        s.set(Slot.METRIC, metric);
        s.set(Slot.METRIC_KEY, metric.replace(' ', '_').toLowerCase(java.util.Locale.ROOT));
        s.set(Slot.CHANGE, Vocabulary.CHANGES.pick(rng));
        s.set(Slot.SECURITY_ISSUE, Vocabulary.SECURITY_ISSUES.pick(rng));
        s.set(Slot.TEST_KIND, Vocabulary.TEST_KINDS.pick(rng));
        s.set(Slot.DOC_KIND, lang.docKind);
        String ci = Vocabulary.CI_SYSTEMS.pick(rng);
        s.set(Slot.CI, ci);
        s.set(Slot.CI_FILE, Vocabulary.ciFile(ci));
        s.set(Slot.RUNTIME, lang.runtime);
        s.set(Slot.RUNTIME_VERSION, lang.runtimeVersions.get(rng.nextInt(lang.runtimeVersions.size())));
        s.set(Slot.FRAMEWORK, framework != null ? framework : lang.id);
        String target = lang.frameworks.pick(rng);
        if (target.equals(framework)) {
            target = lang.frameworks.get((indexOf(lang.frameworks, target) + 1) % lang.frameworks.size());
        }
        s.set(Slot.TARGET_FRAMEWORK, target);
        int major = 1 + rng.nextInt(6);
        int minor = rng.nextInt(20);
        s.set(Slot.VERSION, major + "." + minor);
        s.set(Slot.VERSION2, rng.nextInt(3) == 0 ? (major + 1) + ".0" : major + "." + (minor + 1 + rng.nextInt(3)));
        s.set(Slot.PERCENT, Integer.toString(30 + 5 * rng.nextInt(9)));
        s.set(Slot.PERCENT2, Integer.toString(80 + 5 * rng.nextInt(4)));
        s.set(Slot.COUNT, Integer.toString(800 + 100 * rng.nextInt(40)));
        String ticket = domain.ticketPrefix() + '-' + (100 + rng.nextInt(9900));
        s.set(Slot.TICKET, ticket);

        // phrases built from the slots above
        s.set(Slot.CONFIG, s.render(Vocabulary.CONFIGS, rng));
        s.set(Slot.CONDITION, s.render(Vocabulary.CONDITIONS, rng));
        s.set(Slot.EDGE_CASE, s.render(Vocabulary.EDGE_CASES, rng));
        s.set(Slot.JOB_ACTION, s.render(Vocabulary.JOB_ACTIONS, rng));

        // bookkeeping the steps need
        s.set(Slot.DOC_PATH, Vocabulary.DOC_FILES.pick(rng));
        String branch = ticket.toLowerCase(java.util.Locale.ROOT) + '-' + forms.kebabPlural();
        s.set(Slot.BRANCH, branch);
        s.set(Slot.REPORT_PATH, "docs/analysis/" + branch + ".md");
        char[] sha = new char[7];
        for (int i = 0; i < sha.length; i++) {
            sha[i] = HEX[rng.nextInt(16)];
        }
        s.set(Slot.SHA, new String(sha));
        s.set(Slot.LINE, Integer.toString(12 + rng.nextInt(470)));
        s.set(Slot.COL, Integer.toString(5 + rng.nextInt(56)));
        return s;
    }

    /** [qualifier] noun role: "OrderService", "RecurringInvoiceExporter". */
    private static String className(SplittableRandom rng, String noun) {
        String role = Vocabulary.ROLES.pick(rng);
        return rng.nextInt(10) < 3 ? Vocabulary.QUALIFIERS.pick(rng) + noun + role : noun + role;
    }

    private static int indexOf(ZipfChoice<String> table, String value) {
        for (int i = 0; i < table.size(); i++) {
            if (table.get(i).equals(value)) {
                return i;
            }
        }
        return 0;
    }
}
