-- The last meeting number given in each year (ru.nso.wg.meeting.MeetingNumbers). A meeting start locks its year's
-- row until its transaction ends, so starts at the same moment, on any number of nodes, wait for each other for
-- a moment and get consecutive numbers; a start that rolls back gives its number back. Portable SQL (H2, PostgreSQL).
CREATE TABLE wg_meeting_number (
  meeting_year INT NOT NULL PRIMARY KEY,
  last_number  INT NOT NULL
);
INSERT INTO wg_meeting_number (meeting_year, last_number)
  SELECT meeting_year, MAX(meeting_number) FROM wg_meeting GROUP BY meeting_year;
