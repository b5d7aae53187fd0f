-- The delivery log is written BEFORE a message leaves (issue 11, point 3): a row is inserted as SENDING and
-- committed, the message is handed to the server, and only then is the row set to SENT (committed again). A crash
-- between the two leaves a SENDING row: the retry knows that message is in doubt (ru.nso.wg.notification.Delivery).
-- Rows of the earlier log were written after the send, so they are SENT.
ALTER TABLE wg_mail_delivery ADD COLUMN state VARCHAR(10) DEFAULT 'SENT' NOT NULL;
ALTER TABLE wg_mail_delivery ADD CONSTRAINT ck_wg_mail_delivery_state CHECK (state IN ('SENDING', 'SENT'));
-- how many times the message was handed over (more than 1 only after a crash left it in doubt)
ALTER TABLE wg_mail_delivery ADD COLUMN attempts INTEGER DEFAULT 1 NOT NULL;
-- when the last attempt began; sent_at is now the moment the server accepted it (empty while SENDING)
ALTER TABLE wg_mail_delivery ADD COLUMN sending_at TIMESTAMP;
ALTER TABLE wg_mail_delivery ALTER COLUMN sent_at DROP NOT NULL;
