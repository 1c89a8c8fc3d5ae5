-- The catalog of uploaded assets, their renditions, who uses them, and the ledger that turns
-- at-least-once delivery into exactly-once work. Timestamps come from the application's clock, never now(),
-- so that every function agrees with its own notion of time (and tests can move it).

CREATE TABLE assets (
    id                    uuid        PRIMARY KEY,
    folder                text        NOT NULL,
    filename              text,
    declared_content_type text,
    declared_size         bigint      NOT NULL,
    object_key            text        NOT NULL UNIQUE,
    status                text        NOT NULL,
    content_type          text,
    size                  bigint,
    failure_reason        text,
    failure_detail        text,
    owner                 text,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL,
    CONSTRAINT assets_status_known
        CHECK (status IN ('PENDING_UPLOAD', 'UPLOADED', 'PROCESSING', 'READY', 'FAILED', 'DELETED')),
    CONSTRAINT assets_failure_only_when_failed
        CHECK ((status = 'FAILED') = (failure_reason IS NOT NULL))
);

-- Status first so that both "all PROCESSING" and "FAILED older than N days" (clean-up) use it.
CREATE INDEX assets_status_created_at_idx ON assets (status, created_at);

COMMENT ON TABLE assets IS
    'One uploaded file. The row is written PENDING_UPLOAD when the upload is signed; status then only moves '
    'along the lifecycle in dev.mediapipeline.domain.asset.AssetStatus (guarded updates, never blind writes).';
COMMENT ON COLUMN assets.declared_content_type IS 'What the client claimed when signing; never trusted for processing.';
COMMENT ON COLUMN assets.declared_size IS 'What the client claimed when signing, in bytes.';
COMMENT ON COLUMN assets.object_key IS 'Where the original lives in the blob store; derived from the id, never from user input.';
COMMENT ON COLUMN assets.content_type IS 'The type sniffed from the stored bytes; null until the upload arrived.';
COMMENT ON COLUMN assets.size IS 'The stored size in bytes; null until the upload arrived.';
COMMENT ON COLUMN assets.failure_reason IS 'A FailureReason code (e.g. too-large); set exactly when status is FAILED.';
COMMENT ON COLUMN assets.failure_detail IS 'A sentence for people explaining failure_reason.';
COMMENT ON COLUMN assets.owner IS 'The subject that signed the upload.';

CREATE TABLE renditions (
    asset_id   uuid        NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
    name       text        NOT NULL,
    width      integer     NOT NULL CHECK (width > 0),
    height     integer     NOT NULL CHECK (height > 0),
    format     text        NOT NULL,
    bytes      bigint      NOT NULL CHECK (bytes >= 0),
    object_key text        NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (asset_id, name)
);

COMMENT ON TABLE renditions IS
    'Derived images of an asset. Upserted on (asset_id, name) so that a redelivered event rewrites the same rows.';
COMMENT ON COLUMN renditions.name IS 'Stable within the asset, e.g. w256.';
COMMENT ON COLUMN renditions.object_key IS 'Under the derived prefix that storage triggers exclude.';

CREATE TABLE asset_associations (
    asset_id   uuid        NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
    owner_type text        NOT NULL,
    owner_id   text        NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (asset_id, owner_type, owner_id)
);

-- The host application removes associations when one of its records goes away; that lookup starts from the owner.
CREATE INDEX asset_associations_owner_idx ON asset_associations (owner_type, owner_id);

COMMENT ON TABLE asset_associations IS
    'How the host application says an asset is in use (e.g. owner_type=article, owner_id=42). '
    'clean-up-assets treats an asset with no association, older than its retention, as an orphan and deletes it.';

CREATE TABLE processing_ledger (
    key            text        PRIMARY KEY,
    state          text        NOT NULL,
    holder         text,
    lease_until    timestamptz,
    attempts       integer     NOT NULL CHECK (attempts >= 1),
    failure_reason text,
    failure_detail text,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    CONSTRAINT processing_ledger_state_known
        CHECK (state IN ('IN_PROGRESS', 'SUCCEEDED', 'FAILED')),
    CONSTRAINT processing_ledger_failure_only_when_failed
        CHECK ((state = 'FAILED') = (failure_reason IS NOT NULL))
);

COMMENT ON TABLE processing_ledger IS
    'One row per unit of work, keyed by the input identity (e.g. make-thumbnail:bucket/name#generation). '
    'An IN_PROGRESS row with a live lease makes a redelivery wait; an expired or released one may be taken over; '
    'SUCCEEDED and FAILED rows make later deliveries no-ops.';
COMMENT ON COLUMN processing_ledger.holder IS
    'The attempt that holds (or, once terminal, finished) the work; null after the lease was released.';
COMMENT ON COLUMN processing_ledger.lease_until IS
    'Until when the holder may work undisturbed; null when nobody holds the lease.';
COMMENT ON COLUMN processing_ledger.attempts IS 'How many times the lease was granted, counting from 1.';
COMMENT ON COLUMN processing_ledger.failure_reason IS 'A FailureReason code; set exactly when state is FAILED.';
