-- Issue 17: the PDF/A documents are made from one stored document (the edition of the minutes, the signed minutes)
-- and kept: the PDF of an edition is made once and downloaded with the same bytes every time. source_id names the
-- document it was made from; one document of each kind per source.
ALTER TABLE wg_document ADD COLUMN source_id BIGINT;
CREATE UNIQUE INDEX uq_wg_document_source ON wg_document (source_id, kind);

-- § 19: an agenda item the secretariat marked «не для опубликования» (with its reason, required then) is left out of
-- the public version of the minutes.
ALTER TABLE wg_agenda_item ADD COLUMN not_for_publication BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE wg_agenda_item ADD COLUMN not_for_publication_reason VARCHAR(500);
