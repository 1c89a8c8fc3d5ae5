-- poll-usage: every figure it reads (provider quota, bucket bytes per folder), every part of a poll that failed,
-- and the alert level of each metered resource. Timestamps come from the application's clock, never now().

CREATE TABLE usage_samples (
    id          bigint           GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sampled_at  timestamptz      NOT NULL,
    source      text             NOT NULL,
    resource    text             NOT NULL,
    unit        text             NOT NULL,
    usage       double precision NOT NULL,
    usage_limit double precision CHECK (usage_limit > 0),
    ratio       double precision,
    objects     bigint           CHECK (objects >= 0),
    CONSTRAINT usage_samples_ratio_only_with_limit CHECK ((ratio IS NULL) = (usage_limit IS NULL))
);

-- "Latest per resource" and "recent history of one resource" both read newest-first within (source, resource).
CREATE INDEX usage_samples_source_resource_sampled_at_idx ON usage_samples (source, resource, sampled_at DESC);

COMMENT ON TABLE usage_samples IS
    'One figure of one usage poll: a provider resource (source = the provider, e.g. cloudinary) or a bucket folder '
    '(source = bucket). Append-only; a poll writes all its rows at once.';
COMMENT ON COLUMN usage_samples.resource IS 'A provider resource (storage, bandwidth, transformations, ...) or a folder (originals/products).';
COMMENT ON COLUMN usage_samples.unit IS 'bytes, count or credits.';
COMMENT ON COLUMN usage_samples.usage_limit IS 'The plan''s limit in the same unit; null when the plan sets none (the provider sent none, or zero).';
COMMENT ON COLUMN usage_samples.ratio IS 'usage / usage_limit, computed by the poller; null exactly when there is no limit.';
COMMENT ON COLUMN usage_samples.objects IS 'How many objects a bucket folder holds; null for provider resources.';

CREATE TABLE usage_poll_failures (
    id        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    failed_at timestamptz NOT NULL,
    source    text        NOT NULL,
    reason    text        NOT NULL,
    detail    text,
    retryable boolean     NOT NULL
);

CREATE INDEX usage_poll_failures_failed_at_idx ON usage_poll_failures (failed_at DESC);

COMMENT ON TABLE usage_poll_failures IS
    'A part of a usage poll that could not be read (provider down, rate limited, a body that is not a usage report, '
    'bucket unreachable). Such a poll changes no alert level.';
COMMENT ON COLUMN usage_poll_failures.reason IS 'A stable code: rate-limited, unavailable, timeout, unreachable, rejected, malformed-response.';
COMMENT ON COLUMN usage_poll_failures.retryable IS 'Whether a later poll may succeed without anyone changing the configuration.';

CREATE TABLE usage_alert_state (
    resource    text             PRIMARY KEY,
    level       text             NOT NULL,
    changed_at  timestamptz      NOT NULL,
    last_ratio  double precision NOT NULL,
    observed_at timestamptz      NOT NULL,
    CONSTRAINT usage_alert_state_level_known CHECK (level IN ('ok', 'warn', 'error'))
);

COMMENT ON TABLE usage_alert_state IS
    'The alert level each metered resource was last announced at. A poll claims a change with a conditional write '
    '(WHERE level = the level it read) before announcing it, so concurrent polls announce a change once.';
COMMENT ON COLUMN usage_alert_state.changed_at IS 'When the level last changed.';
COMMENT ON COLUMN usage_alert_state.last_ratio IS 'The ratio the latest poll saw.';
COMMENT ON COLUMN usage_alert_state.observed_at IS 'When that poll ran.';
