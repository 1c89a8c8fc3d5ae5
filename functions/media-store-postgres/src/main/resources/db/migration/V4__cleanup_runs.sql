-- clean-up-assets: the record of every run and of every asset a run set out to delete, the mark that keeps an asset
-- being deleted from gaining an association, and the indexes that let each orphan rule page through its candidates
-- in order. Timestamps come from the application's clock, never now().

CREATE TABLE cleanup_runs (
    run_id       uuid        PRIMARY KEY,
    triggered_by text        NOT NULL,
    dry_run      boolean     NOT NULL,
    started_at   timestamptz NOT NULL,
    finished_at  timestamptz,
    complete     boolean,
    report       jsonb,
    CONSTRAINT cleanup_runs_report_when_finished
        CHECK ((finished_at IS NULL) = (report IS NULL) AND (finished_at IS NULL) = (complete IS NULL))
);

-- "The last runs" is what ops reads.
CREATE INDEX cleanup_runs_started_at_idx ON cleanup_runs (started_at DESC);

COMMENT ON TABLE cleanup_runs IS
    'One clean-up-assets run: who triggered it, whether it was a dry run, and its report once it finished. A row '
    'without a report is a run that was interrupted (database lost, function killed); the next run carries on.';
COMMENT ON COLUMN cleanup_runs.triggered_by IS 'schedule for the nightly run, otherwise what the caller said (e.g. ops/manual).';
COMMENT ON COLUMN cleanup_runs.complete IS 'True when every enabled rule ran out of orphans; false when a bound or a fault stopped the run.';
COMMENT ON COLUMN cleanup_runs.report IS
    '{runId, triggeredBy, dryRun, startedAt, scanned, orphans, deleted, failed:[{assetId, reason}], bytesFreed, '
    'durationMs, complete, stoppedBy, summary, wouldDelete:[{assetId, reason, bytes, folder, createdAt}]}';

CREATE TABLE cleanup_run_assets (
    run_id     uuid        NOT NULL REFERENCES cleanup_runs (run_id) ON DELETE CASCADE,
    asset_id   uuid        NOT NULL,
    rule       text        NOT NULL,
    bytes      bigint      NOT NULL CHECK (bytes >= 0),
    state      text        NOT NULL,
    reason     text,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (run_id, asset_id),
    CONSTRAINT cleanup_run_assets_state_known CHECK (state IN ('PENDING', 'DELETED', 'FAILED')),
    CONSTRAINT cleanup_run_assets_reason_when_failed CHECK ((state = 'FAILED') = (reason IS NOT NULL))
);

-- "Which run deleted this asset?" starts from the asset.
CREATE INDEX cleanup_run_assets_asset_idx ON cleanup_run_assets (asset_id);

COMMENT ON TABLE cleanup_run_assets IS
    'Every asset a run claimed for deletion. PENDING: claimed, storage being deleted (a run that stopped here left '
    'it for the next run); DELETED: row soft- or hard-deleted; FAILED: a storage or provider step failed. No foreign '
    'key to assets, so the record outlives a hard delete.';
COMMENT ON COLUMN cleanup_run_assets.rule IS 'The orphan rule that matched: unused, upload-never-arrived or soft-deleted-past-grace.';
COMMENT ON COLUMN cleanup_run_assets.bytes IS 'What deleting it frees, as the catalog recorded it.';

ALTER TABLE assets ADD COLUMN deletion_run uuid;

COMMENT ON COLUMN assets.deletion_run IS
    'The clean-up run that claimed the asset for deletion; null while nothing is deleting it. Set by an UPDATE of the '
    'row, so that an association insert that locks the row (SELECT ... FOR SHARE, see the clean-up-assets README) '
    'waits for the claim and then sees it: an asset whose storage may already be gone never gains an association.';

-- The unused rule pages through settled assets by creation time; the pending rule uses
-- assets_status_created_at_idx (one status).
CREATE INDEX assets_unused_candidates_idx ON assets (created_at, id)
    WHERE status IN ('UPLOADED', 'PROCESSING', 'READY', 'FAILED');

-- The hard-delete rule pages through soft-deleted assets by deletion time (updated_at: nothing leaves DELETED).
CREATE INDEX assets_soft_deleted_idx ON assets (updated_at, id) WHERE status = 'DELETED';
