-- Issue: names in the official minutes must not change after the meeting. The roster is frozen when the attendance
-- is registered: every member's organisation joins the name, position and role already kept in wg_attendance, and
-- the presiding person and the secretary, who sign the minutes, are frozen with the meeting.
-- An uploaded edit of the minutes records the generated draft version it was made from (a newer draft makes it
-- stale); a draft records how many dissenting opinions it contains (those filed later are what it lacks).
-- Portable SQL (H2 and PostgreSQL).

ALTER TABLE wg_attendance ADD COLUMN organisation VARCHAR(500);

ALTER TABLE wg_meeting ADD COLUMN presiding_position VARCHAR(500);
ALTER TABLE wg_meeting ADD COLUMN presiding_role VARCHAR(20);
ALTER TABLE wg_meeting ADD COLUMN secretary_name VARCHAR(300);
ALTER TABLE wg_meeting ADD COLUMN secretary_position VARCHAR(500);

ALTER TABLE wg_document ADD COLUMN based_on_version INTEGER;
ALTER TABLE wg_document ADD COLUMN dissent_count INTEGER;
