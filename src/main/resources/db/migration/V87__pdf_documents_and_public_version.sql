-- Issue 17: the PDF/A documents are made from one stored document (the edition of the minutes, the signed minutes)
-- and kept: the PDF of an edition is made once and downloaded with the same bytes every time. source_id names the
-- document it was made from; one document of each kind per source.
ALTER TABLE wg_document ADD COLUMN source_id BIGINT;
CREATE UNIQUE INDEX uq_wg_document_source ON wg_document (source_id, kind);
