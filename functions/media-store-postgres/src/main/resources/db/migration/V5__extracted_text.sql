-- extract-text: each asset's text outcome, a summary for listings, and the text itself behind a full-text index.
-- Kept apart from assets.status, which make-thumbnail owns: the two functions handle the same upload on their own
-- subscriptions, and a text failure (an encrypted PDF, a scan OCR could not read) must not move the asset's
-- lifecycle. Timestamps come from the application's clock, never now().

CREATE TABLE asset_texts (
    asset_id        uuid        PRIMARY KEY REFERENCES assets (id) ON DELETE CASCADE,
    source_identity text        NOT NULL,
    status          text        NOT NULL,
    failure_reason  text,
    failure_detail  text,
    document_key    text,
    engine          text,
    engine_version  text,
    languages       text[]      NOT NULL,
    strategy        text        NOT NULL,
    page_count      integer     NOT NULL CHECK (page_count >= 0),
    pages_read      integer     NOT NULL CHECK (pages_read >= 0),
    ocr_pages       integer     NOT NULL CHECK (ocr_pages >= 0),
    truncated       boolean     NOT NULL,
    confidence      real        CHECK (confidence BETWEEN 0 AND 100),
    body            text        NOT NULL,
    search_config   regconfig   NOT NULL,
    search_vector   tsvector    NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    CONSTRAINT asset_texts_status_known CHECK (status IN ('EXTRACTED', 'FAILED')),
    CONSTRAINT asset_texts_failure_only_when_failed CHECK ((status = 'FAILED') = (failure_reason IS NOT NULL)),
    CONSTRAINT asset_texts_document_only_when_extracted CHECK ((status = 'EXTRACTED') = (document_key IS NOT NULL)),
    CONSTRAINT asset_texts_strategy_known CHECK (strategy IN ('auto', 'text-only', 'ocr-all'))
);

-- websearch_to_tsquery(...) @@ search_vector: the GIN index answers "which assets contain these words".
CREATE INDEX asset_texts_search_idx ON asset_texts USING GIN (search_vector);

COMMENT ON TABLE asset_texts IS
    'The text extract-text read from an asset, one row per asset, upserted on asset_id so that a redelivered event '
    'rewrites the same row. The per-page detail is the JSON document at document_key, beside the renditions.';
COMMENT ON COLUMN asset_texts.source_identity IS 'The storage write the text was read from (bucket/key#generation).';
COMMENT ON COLUMN asset_texts.status IS 'EXTRACTED (document stored; the text may be empty or truncated) or FAILED.';
COMMENT ON COLUMN asset_texts.failure_reason IS 'A FailureReason code (encrypted, corrupt, timeout, ...); set exactly when status is FAILED.';
COMMENT ON COLUMN asset_texts.document_key IS 'Where the JSON text document lives (derived/<asset>/<hash>/text.json); set exactly when EXTRACTED.';
COMMENT ON COLUMN asset_texts.engine_version IS 'The OCR engine''s version; null when no page needed OCR.';
COMMENT ON COLUMN asset_texts.strategy IS 'Which PDF pages went to OCR: auto, text-only or ocr-all.';
COMMENT ON COLUMN asset_texts.page_count IS 'Pages in the file; pages_read may be fewer (page cap, text limit).';
COMMENT ON COLUMN asset_texts.ocr_pages IS 'Pages whose text came from OCR.';
COMMENT ON COLUMN asset_texts.truncated IS 'The text is incomplete: pages over the cap, the OCR budget ran out, or the text hit its byte limit.';
COMMENT ON COLUMN asset_texts.confidence IS 'Mean OCR word confidence 0..100 over the recognised pages; null when none was recognised.';
COMMENT ON COLUMN asset_texts.body IS 'Every page''s text, NFKC-normalised, pages separated by an empty line; at most the configured bytes.';
COMMENT ON COLUMN asset_texts.search_config IS 'The text search configuration search_vector was built with; queries must use the same one.';
COMMENT ON COLUMN asset_texts.search_vector IS
    'to_tsvector(search_config, the first 262144 characters of body): a tsvector must stay under 1 MB, which a '
    'megabyte of unusual words could exceed.';
