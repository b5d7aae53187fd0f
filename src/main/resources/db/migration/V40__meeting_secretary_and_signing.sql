-- The secretary of a meeting is recorded (who registered the attendance), not inferred from the event log, and the
-- date the minutes were signed (Asia/Novosibirsk) is kept with the meeting: § 19 counts from it.
-- Existing meetings get both from their event log. Portable SQL (H2 and PostgreSQL).

ALTER TABLE wg_meeting ADD COLUMN secretary_user_id VARCHAR(64);
ALTER TABLE wg_meeting ADD COLUMN signed_on DATE;

UPDATE wg_meeting SET secretary_user_id = (
  SELECT e.actor FROM wg_meeting_event e
  WHERE e.business_key = wg_meeting.business_key AND e.event_kind = 'ATTENDANCE' AND e.actor IS NOT NULL
  ORDER BY e.id DESC FETCH FIRST 1 ROWS ONLY);

UPDATE wg_meeting SET signed_on = (
  SELECT CAST(e.occurred_at + INTERVAL '7' HOUR AS DATE) FROM wg_meeting_event e
  WHERE e.business_key = wg_meeting.business_key AND e.event_kind = 'SIGNED'
  ORDER BY e.id DESC FETCH FIRST 1 ROWS ONLY);
