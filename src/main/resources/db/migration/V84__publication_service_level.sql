-- Issue 12, point 4: § 19 binds the secretariat (copies and the request to the information-policy department); the
-- department's publication has a service level of its own, counted from the moment the request went out (the
-- delivery log's time of the last request message), kept here so that its reminder, escalation and reports read it.
ALTER TABLE wg_meeting ADD COLUMN publication_requested_at TIMESTAMP WITH TIME ZONE;
