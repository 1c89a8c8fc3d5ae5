-- sign-upload: what the signed upload allowed, kept on the PENDING_UPLOAD row so that the object's arrival can be
-- checked against the cap that was in force when it was signed (the folder policy may change in between), and so
-- that an operator can tell an upload that can still arrive from one whose signature has run out.
-- Both nullable: rows written before this migration keep NULL, which means "not recorded".

ALTER TABLE assets
    ADD COLUMN upload_size_cap   bigint      CHECK (upload_size_cap > 0),
    ADD COLUMN upload_expires_at timestamptz;

COMMENT ON COLUMN assets.upload_size_cap IS
    'The folder''s cap in bytes for the declared type when the upload was signed; an arrived object over it fails '
    'as too-large. Null for rows written before it was recorded.';
COMMENT ON COLUMN assets.upload_expires_at IS
    'When the signed upload stops working (the deadline actually signed, which a signer may have shortened). '
    'Null for rows written before it was recorded.';
