-- Delivery log of e-mail notifications: one row per message actually handed to the mail server (or written
-- to the outbox). A retried job skips every (meeting, message kind, recipient) found here, so no recipient
-- gets the same message twice. Rows are committed in their own transaction right after each send
-- (ru.nso.wg.notification.DeliveryLog), independently of the job's transaction.
CREATE TABLE wg_mail_delivery (
  meeting_key    VARCHAR(64)  NOT NULL,
  message_kind   VARCHAR(120) NOT NULL,
  recipient      VARCHAR(320) NOT NULL,
  recipient_name VARCHAR(300),
  message_id     VARCHAR(400) NOT NULL,
  subject        VARCHAR(1000),
  transport      VARCHAR(20)  NOT NULL,
  sent_at        TIMESTAMP    NOT NULL,
  CONSTRAINT pk_wg_mail_delivery PRIMARY KEY (meeting_key, message_kind, recipient)
);
CREATE INDEX ix_wg_mail_delivery_meeting ON wg_mail_delivery (meeting_key);
