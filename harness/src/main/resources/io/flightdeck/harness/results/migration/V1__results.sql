-- Flightdeck's shared results store, version 1. Flyway applies it once per database (under its advisory lock, so
-- several writers starting at once do not race); a later change is a new V<n>__ file, never an edit of this one.

-- The environments runs were measured on, by fingerprint: runs of one fingerprint may be compared.
CREATE TABLE environment (
    fingerprint  text PRIMARY KEY,
    machine      text,
    first_seen   timestamptz NOT NULL DEFAULT now()
);

-- One row per run (or imported JMH result). Inserted in one transaction with its figures: a writer killed before
-- its commit leaves nothing, so no partial run is ever visible. Two machines may name runs alike (an id is a time to
-- the second and a suite): the second is added under its id with -2, -3..., as one home does.
CREATE TABLE run (
    seq          bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    run_id       text PRIMARY KEY,
    source       text NOT NULL,
    started_at   timestamptz NOT NULL,
    git_commit   text,
    suite        text,
    fingerprint  text REFERENCES environment (fingerprint),
    machine      text,
    verdict      text,
    schema_version integer NOT NULL,
    -- the whole report.json (per-fork samples, percentiles, resources, leak checks); null for an imported record.
    -- json, not jsonb: the text as written, its maps' order kept (jsonb sorts keys and refuses \u0000)
    report       json,
    -- where the run's large files (recordings, flame graphs) were written; the store keeps their names only
    artifacts    text,
    added_at     timestamptz NOT NULL DEFAULT now()
);

-- A run's headline figures, in the order the run listed them.
CREATE TABLE figure (
    run_id       text NOT NULL REFERENCES run (run_id) ON DELETE CASCADE,
    position     integer NOT NULL,
    workload     text NOT NULL,
    case_label   text NOT NULL,
    metric       text NOT NULL,
    value        double precision NOT NULL,
    unit         text,
    higher_is_better boolean NOT NULL,
    PRIMARY KEY (run_id, position)
);
CREATE INDEX figure_series ON figure (workload, case_label, metric);

-- Saved baselines: the run's report, and where its folded stacks were saved (a folder on the saving machine, named
-- by its host name).
CREATE TABLE baseline (
    name         text PRIMARY KEY,
    saved_at     timestamptz NOT NULL,
    run_id       text,
    run_folder   text,
    git_commit   text,
    report       json NOT NULL,
    -- the folder is only this machine's: another with the same path holds other stacks
    stacks_folder text,
    saved_on     text
);
