-- What a media provider (Cloudinary) holds of our assets, as its notifications report them, and the log of those
-- notifications that makes at-least-once delivery apply each one once. Timestamps come from the application's
-- clock, never now(), like every table here.

CREATE TABLE provider_copies (
    provider          text        NOT NULL,
    resource_type     text        NOT NULL,
    public_id         text        NOT NULL,
    asset_id          uuid        NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
    delivery_type     text,
    version           bigint,
    secure_url        text,
    format            text,
    bytes             bigint      CHECK (bytes >= 0),
    provider_asset_id text,
    moderation_status text,
    moderation_kind   text,
    deleted           boolean     NOT NULL,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    PRIMARY KEY (provider, resource_type, public_id)
);

-- Clean-up and the asset view start from our asset.
CREATE INDEX provider_copies_asset_idx ON provider_copies (asset_id);

COMMENT ON TABLE provider_copies IS
    'One copy of an asset at a media provider, merged from its notifications (upload, delete, moderation). '
    'Versions decide what wins, so late and repeated notifications are harmless; see '
    'dev.mediapipeline.domain.port.ProviderCopies.';
COMMENT ON COLUMN provider_copies.public_id IS 'The provider''s id of the copy; ours are <folder>/<asset id>.';
COMMENT ON COLUMN provider_copies.delivery_type IS 'Cloudinary''s type: upload, private or authenticated.';
COMMENT ON COLUMN provider_copies.version IS
    'The provider''s version of the copy; a notification about an older version changes nothing.';
COMMENT ON COLUMN provider_copies.provider_asset_id IS 'The provider''s own asset id, for reconciliation; not ours.';
COMMENT ON COLUMN provider_copies.moderation_status IS 'pending, approved, rejected, queued or aborted, as reported.';
COMMENT ON COLUMN provider_copies.deleted IS
    'The provider reported the copy destroyed. A row may start deleted (a tombstone), so that the late upload '
    'notification of that version cannot bring the copy back.';

CREATE TABLE provider_derived (
    provider       text        NOT NULL,
    resource_type  text        NOT NULL,
    public_id      text        NOT NULL,
    transformation text        NOT NULL,
    format         text,
    width          integer     CHECK (width > 0),
    height         integer     CHECK (height > 0),
    bytes          bigint      CHECK (bytes >= 0),
    secure_url     text,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    PRIMARY KEY (provider, resource_type, public_id, transformation),
    FOREIGN KEY (provider, resource_type, public_id)
        REFERENCES provider_copies (provider, resource_type, public_id) ON DELETE CASCADE
);

COMMENT ON TABLE provider_derived IS
    'Derived versions of a provider copy (Cloudinary eager transformations), upserted on the transformation.';
COMMENT ON COLUMN provider_derived.transformation IS 'The provider''s transformation string, e.g. c_fill,w_256,h_256.';

CREATE TABLE webhook_notifications (
    identity          text        PRIMARY KEY CHECK (identity ~ '^[0-9a-f]{64}$'),
    status            text        NOT NULL,
    notification_type text,
    reason            text,
    detail            text,
    holder            text,
    claimed_until     timestamptz,
    attempts          integer     NOT NULL CHECK (attempts >= 0),
    received_at       timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    body              text        NOT NULL,
    CONSTRAINT webhook_notifications_status_known
        CHECK (status IN ('APPLYING', 'APPLIED', 'UNKNOWN_ASSET', 'UNUSABLE')),
    CONSTRAINT webhook_notifications_reason_when_not_applied
        CHECK (status IN ('APPLYING', 'APPLIED') OR reason IS NOT NULL)
);

-- What reconciliation reads: the few rows that need attention, oldest first.
CREATE INDEX webhook_notifications_attention_idx ON webhook_notifications (received_at)
    WHERE status IN ('UNKNOWN_ASSET', 'UNUSABLE') OR reason = 'unknown-asset';

COMMENT ON TABLE webhook_notifications IS
    'Every genuine provider notification, keyed by the SHA-256 of its raw body (a retry resends the same body). '
    'APPLYING with a live claim makes a redelivery wait; an expired or released claim may be taken over; '
    'APPLIED, UNKNOWN_ASSET and UNUSABLE are final, so later deliveries change nothing.';
COMMENT ON COLUMN webhook_notifications.identity IS 'Lower-case hex SHA-256 of the raw body.';
COMMENT ON COLUMN webhook_notifications.reason IS
    'unknown-asset, invalid-json, unsupported-type, missing-public-id or malformed-field; null when applied cleanly.';
COMMENT ON COLUMN webhook_notifications.holder IS
    'The attempt that holds the claim or, once final, finished it; null after a release.';
COMMENT ON COLUMN webhook_notifications.attempts IS
    'How many times an apply attempt claimed it; 0 when verify-webhook recorded it directly (body not JSON).';
COMMENT ON COLUMN webhook_notifications.received_at IS 'When verify-webhook first accepted it.';
COMMENT ON COLUMN webhook_notifications.body IS
    'The raw body as text, for inspection and replay; NUL characters, which text cannot hold, are replaced by U+FFFD.';
