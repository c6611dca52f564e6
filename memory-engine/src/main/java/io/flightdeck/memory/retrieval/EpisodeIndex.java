package io.flightdeck.memory.retrieval;

import io.flightdeck.memory.RetrievalWeights;
import io.flightdeck.memory.model.Episode;
import io.flightdeck.memory.model.TaskContext;
import io.flightdeck.memory.model.TaskType;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.random.RandomGenerator;

/**
 * The retrieval index over completed episodes: an inverted index of description terms (BM25) plus terms for
 * domain, language, framework, tags and task type, and a compact record per episode for the rest of the ranking.
 *
 * <p><b>Cost.</b> Candidates come from the postings of the query's terms, never from a scan of all episodes.
 * Each term contributes at most {@code candidatesPerTerm} postings, newest first: a rare, specific term is read
 * in full; only terms so common that they carry little information are cut, and then the older matches are the
 * ones left out (recency is part of the ranking anyway). Accumulating BM25 over postings is cheap (a few
 * nanoseconds each); the full relevance score, which reads each episode's record, is not, so only a shortlist of
 * the best text matches ({@link #MIN_SHORTLIST}) gets it. Cost therefore grows with the postings read, which stop
 * growing with the corpus once common terms reach the cap.
 *
 * <p><b>Concurrency.</b> Searches take no lock. Writers append to each term's postings under that postings'
 * own monitor. Only compaction (rebuilding without deleted episodes, when they outnumber live ones) excludes
 * writers, briefly, through {@link #compaction}; searches carry on against the previous generation meanwhile.
 */
public final class EpisodeIndex {

    private static final double K1 = 1.2;
    private static final double B = 0.75;
    /** Below this many text candidates, context and task-type terms are read too. */
    private static final int MIN_TEXT_CANDIDATES = 64;
    private static final int MIN_TOMBSTONES_TO_COMPACT = 1_024;
    /**
     * Only this many candidates with the best text scores (or 4 x the results wanted, if more) get the full score.
     * Far more than a result list needs, so a text match ranked high by recency, reward or context is not lost;
     * few enough that full scoring costs the same at 10,000 episodes as at 1,000,000.
     */
    private static final int MIN_SHORTLIST = 512;
    private static final double LN2 = Math.log(2);

    private final RetrievalWeights weights;
    private final double halfLifeMillis;
    private final int candidatesPerTerm;
    private final Clock clock;
    private final ConcurrentHashMap<UUID, IndexedEpisode> byId = new ConcurrentHashMap<>();
    private final ReentrantReadWriteLock compaction = new ReentrantReadWriteLock();
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);
    private volatile IndexGeneration generation = new IndexGeneration();

    public EpisodeIndex(RetrievalWeights weights, Duration recencyHalfLife, int candidatesPerTerm, Clock clock) {
        this.weights = weights;
        this.halfLifeMillis = recencyHalfLife.toMillis();
        this.candidatesPerTerm = candidatesPerTerm;
        this.clock = clock;
    }

    /** Maps a reward total to [0, 1]: a plain success with average efficiency earns about 1 and scores 0.5. */
    public static double rewardScore(double rewardTotal) {
        return Math.max(0, Math.min(1, rewardTotal / 2.0));
    }

    // ---------------------------------------------------------------- writing

    /** Indexes a completed episode; indexing the same id twice replaces the earlier entry. */
    public IndexedEpisode add(Episode episode) {
        compaction.readLock().lock();
        try {
            removeLocked(episode.id());
            return addTo(generation, episode.id(), episode.description(), episode.taskType(), episode.context(),
                    episode.endTime() == null ? episode.startTime().toEpochMilli() : episode.endTime().toEpochMilli(),
                    episode.reward() == null ? 0 : episode.reward().total());
        } finally {
            compaction.readLock().unlock();
        }
    }

    private IndexedEpisode addTo(IndexGeneration g, UUID id, String description, TaskType type, TaskContext context,
                                 long endMillis, double rewardTotal) {
        List<String> terms = Tokenizer.terms(description);
        Map<String, Integer> frequencies = new HashMap<>(terms.size() * 2);
        for (String term : terms) {
            frequencies.merge(term, 1, Integer::sum);
        }
        int length = Math.min(terms.size(), 0xFFFF);
        int docId = g.documents.allocateId();
        Postings[] textPostings = new Postings[frequencies.size()];
        int[] termIds = new int[frequencies.size()];
        int i = 0;
        for (String term : frequencies.keySet()) {
            Postings p = g.postings(term);
            textPostings[i] = p;
            termIds[i++] = p.termId;
        }
        Arrays.sort(termIds);
        IndexedEpisode entry = new IndexedEpisode(docId, id, description, type, context, endMillis, rewardTotal,
                rewardScore(rewardTotal), termIds, length);
        // the entry is visible before any posting points at it: readers follow postings to entries
        g.documents.set(entry);
        i = 0;
        for (Map.Entry<String, Integer> tf : frequencies.entrySet()) {
            textPostings[i++].append(docId, packFrequency(tf.getValue(), length));
        }
        for (String term : contextTerms(type, context)) {
            g.postings(term).append(docId, 0);
        }
        g.totalLength.add(length);
        g.live.incrementAndGet();
        byId.put(id, entry);
        return entry;
    }

    /** Removes an episode from retrieval; false when it was not indexed. */
    public boolean remove(UUID id) {
        boolean removed;
        compaction.readLock().lock();
        try {
            removed = removeLocked(id);
        } finally {
            compaction.readLock().unlock();
        }
        IndexGeneration g = generation;
        int dead = g.tombstones.get();
        if (removed && dead >= MIN_TOMBSTONES_TO_COMPACT && dead > g.live.get()) {
            compact();
        }
        return removed;
    }

    private boolean removeLocked(UUID id) {
        IndexedEpisode entry = byId.remove(id);
        if (entry == null || !entry.markDeleted()) {
            return false;
        }
        IndexGeneration g = generation;
        g.live.decrementAndGet();
        g.totalLength.add(-entry.length);
        g.tombstones.incrementAndGet();
        return true;
    }

    /** Rebuilds the index from live episodes only, dropping the postings of deleted ones. */
    public void compact() {
        compaction.writeLock().lock();
        try {
            IndexGeneration old = generation;
            if (old.tombstones.get() == 0) {
                return;
            }
            IndexGeneration fresh = new IndexGeneration();
            List<IndexedEpisode> liveEntries = new ArrayList<>(byId.values());
            liveEntries.sort(Comparator.comparingInt(e -> e.docId)); // keep insertion (= recency) order
            for (IndexedEpisode e : liveEntries) {
                IndexedEpisode moved = addTo(fresh, e.id, e.description, e.taskType, e.context, e.endMillis,
                        e.rewardTotal);
                moved.lastAccessMillis = e.lastAccessMillis;
            }
            generation = fresh;
        } finally {
            compaction.writeLock().unlock();
        }
    }

    public IndexedEpisode lookup(UUID id) {
        return byId.get(id);
    }

    public boolean contains(UUID id) {
        return byId.containsKey(id);
    }

    /** Marks an episode as used now (for least-recently-used eviction). */
    public void touch(UUID id) {
        IndexedEpisode e = byId.get(id);
        if (e != null) {
            e.lastAccessMillis = clock.millis();
        }
    }

    public int size() {
        return byId.size();
    }

    public int termCount() {
        return generation.dictionary.size();
    }

    public int tombstones() {
        return generation.tombstones.get();
    }

    /**
     * Up to {@code n} live episodes picked at random, for sampled eviction; every live episode when the index is
     * small enough to look at all of them.
     */
    public List<IndexedEpisode> sample(int n, RandomGenerator random) {
        if (byId.size() <= 4 * n) {
            return List.copyOf(byId.values());
        }
        DocumentTable docs = generation.documents;
        int bound = docs.upperBound();
        List<IndexedEpisode> picked = new ArrayList<>(n);
        for (int probe = 0; probe < 8 * n && picked.size() < n; probe++) {
            IndexedEpisode e = docs.get(random.nextInt(bound));
            if (e != null && !e.isDeleted() && !picked.contains(e)) {
                picked.add(e);
            }
        }
        return picked;
    }

    public Collection<IndexedEpisode> all() {
        return byId.values();
    }

    // ---------------------------------------------------------------- searching

    /** The best {@code pool} hits for the request, best first. */
    public List<RetrievalHit> search(RetrievalRequest request, int pool) {
        IndexGeneration g = generation;
        Scratch s = scratch.get();
        s.begin(g.documents.upperBound());

        // postings still hold deleted episodes until compaction, so df counts them: count them in n as well,
        // or a term could look more common than the whole corpus and get a negative idf
        int n = Math.max(1, g.live.get() + g.tombstones.get());
        double avgLength = g.averageLength();
        List<String> queryTerms = distinct(Tokenizer.terms(request.query()));
        double maxText = 0;
        for (String term : queryTerms) {
            Postings p = g.dictionary.get(term);
            int df = p == null ? 0 : p.size();
            double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
            maxText += idf; // the score of a document of average length holding each query term once
            if (p != null) {
                accumulateBm25(p, idf, avgLength, s);
            }
        }
        RetrievalFilter filter = request.filter();
        for (String term : filterTerms(filter)) {
            markCandidates(g.dictionary.get(term), s);
        }
        if (s.touchedCount < MIN_TEXT_CANDIDATES) {
            for (String term : contextTerms(request.taskType(), request.context())) {
                if (!term.equals(domainTerm(TaskContext.DEFAULT_DOMAIN))) {
                    markCandidates(g.dictionary.get(term), s);
                }
            }
        }
        return rank(g, request, s, maxText, pool);
    }

    private List<RetrievalHit> rank(IndexGeneration g, RetrievalRequest request, Scratch s, double maxText, int pool) {
        boolean useContext = ContextMatcher.isSpecific(request.context());
        boolean useType = request.taskType() != null;
        double activeWeight = weights.text() + weights.recency() + weights.reward()
                + (useContext ? weights.context() : 0) + (useType ? weights.taskType() : 0);
        long now = clock.millis();
        RetrievalFilter filter = request.filter();
        int candidates = filter.isEmpty() ? s.touchedCount : keepAccepted(g, filter, s);
        candidates = TextShortlist.selectTop(s.touched, candidates, s.scores, Math.max(MIN_SHORTLIST, 4 * pool));
        PriorityQueue<RetrievalHit> best = new PriorityQueue<>(pool + 1, WORST_FIRST);
        for (int k = 0; k < candidates; k++) {
            int docId = s.touched[k];
            IndexedEpisode e = g.documents.get(docId);
            if (e == null || e.isDeleted()) {
                continue;
            }
            double text = maxText <= 0 ? 0 : Math.min(1, s.scores[docId] / maxText);
            double context = useContext ? ContextMatcher.match(request.context(), e.context) : 0;
            double type = useType && e.taskType == request.taskType() ? 1 : 0;
            double age = Math.max(0, now - e.endMillis);
            double recency = Math.exp(-LN2 * age / halfLifeMillis);
            double score = (weights.text() * text + weights.context() * context + weights.taskType() * type
                    + weights.recency() * recency + weights.reward() * e.rewardScore) / activeWeight;
            if (best.size() < pool || score > best.peek().score()) {
                best.add(new RetrievalHit(e, score, text, context, type, recency, e.rewardScore));
                if (best.size() > pool) {
                    best.poll();
                }
            }
        }
        List<RetrievalHit> ranked = new ArrayList<>(best);
        ranked.sort(WORST_FIRST.reversed());
        return ranked;
    }

    /** Moves the candidates that pass the filter to the front of the touched list; returns how many there are. */
    private static int keepAccepted(IndexGeneration g, RetrievalFilter filter, Scratch s) {
        int kept = 0;
        for (int k = 0; k < s.touchedCount; k++) {
            int docId = s.touched[k];
            IndexedEpisode e = g.documents.get(docId);
            if (e != null && !e.isDeleted() && filter.accepts(e.taskType, e.context, e.rewardTotal)) {
                s.touched[kept++] = docId;
            }
        }
        return kept;
    }

    /** Lowest score first; among equal scores the older episode counts as worse, then the lower doc id. */
    private static final Comparator<RetrievalHit> WORST_FIRST = Comparator
            .comparingDouble(RetrievalHit::score)
            .thenComparingLong(h -> h.episode().endMillis)
            .thenComparingInt(h -> h.episode().docId);

    private void accumulateBm25(Postings p, double idf, double avgLength, Scratch s) {
        int size = p.size();
        int[] data = p.data();
        int stop = Math.max(0, size - candidatesPerTerm);
        for (int i = size - 1; i >= stop; i--) {
            int docId = data[2 * i];
            int packed = data[2 * i + 1];
            int tf = packed & 0xFFFF;
            int length = packed >>> 16;
            double partial = idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / avgLength));
            s.add(docId, (float) partial);
        }
    }

    private void markCandidates(Postings p, Scratch s) {
        if (p == null) {
            return;
        }
        int size = p.size();
        int[] data = p.data();
        int stop = Math.max(0, size - candidatesPerTerm);
        for (int i = size - 1; i >= stop; i--) {
            s.add(data[2 * i], 0f);
        }
    }

    private static int packFrequency(int tf, int length) {
        return (length << 16) | Math.min(tf, 0xFFFF);
    }

    private static List<String> distinct(List<String> terms) {
        return terms.stream().distinct().toList();
    }

    private static List<String> contextTerms(TaskType type, TaskContext context) {
        return fieldTerms(context.domain(), context.language(), context.framework(), context.tags(), type);
    }

    private static List<String> filterTerms(RetrievalFilter f) {
        return fieldTerms(f.domain(), f.language(), f.framework(), f.requiredTags(), f.taskType());
    }

    /** The index terms of an episode's fields; null fields have none. Prefixes keep them apart from words. */
    private static List<String> fieldTerms(String domain, String language, String framework, List<String> tags,
                                           TaskType type) {
        List<String> terms = new ArrayList<>(4 + tags.size());
        if (domain != null) {
            terms.add(domainTerm(domain));
        }
        if (language != null) {
            terms.add("l:" + language);
        }
        if (framework != null) {
            terms.add("f:" + framework);
        }
        for (String tag : tags) {
            terms.add("t:" + tag);
        }
        if (type != null) {
            terms.add("y:" + type.name());
        }
        return terms;
    }

    private static String domainTerm(String domain) {
        return "d:" + domain;
    }

    /** Per-thread accumulators, reused across searches: no allocation proportional to the corpus per query. */
    private static final class Scratch {
        float[] scores = new float[0];
        int[] stamp = new int[0];
        int[] touched = new int[256];
        int touchedCount;
        int epoch;

        void begin(int docBound) {
            // grow to the doc ids in use; shrink when compaction has left them far smaller, so a thread does not
            // keep arrays sized to the largest index it ever searched
            if (scores.length < docBound || scores.length > 4 * Math.max(docBound, 4_096)) {
                int size = scores.length < docBound ? Math.max(docBound, scores.length * 2) : docBound;
                scores = new float[size];
                stamp = new int[size];
                epoch = 0;
            }
            touchedCount = 0;
            epoch++;
            if (epoch == Integer.MAX_VALUE) {
                Arrays.fill(stamp, 0);
                epoch = 1;
            }
        }

        void add(int docId, float value) {
            if (docId >= stamp.length) {
                return; // indexed after this search began
            }
            if (stamp[docId] != epoch) {
                stamp[docId] = epoch;
                scores[docId] = value;
                if (touchedCount == touched.length) {
                    touched = Arrays.copyOf(touched, touched.length * 2);
                }
                touched[touchedCount++] = docId;
            } else {
                scores[docId] += value;
            }
        }
    }
}
