-- Indexes for the managers' monitoring (Cockpit «Заседания и сроки», /api/reports): the dashboard reads the meetings
-- of a period by date, their completed deadlines and events, and counts decisions under control per area and state
-- (ru.nso.wg.monitoring.MonitoringService). Portable SQL (H2 and PostgreSQL).

-- meetings of a period: WHERE meeting_start >= ? AND meeting_start < ?
CREATE INDEX ix_wg_meeting_start ON wg_meeting (meeting_start);
-- the meeting of a process instance (the instance tab of Cockpit)
CREATE INDEX ix_wg_meeting_process ON wg_meeting (process_instance_id);
-- the completions of the deadlines of those meetings
CREATE INDEX ix_wg_deadline_event_meeting ON wg_deadline_event (business_key, deadline_kind);
-- signing and publication of each meeting (correlated look-ups by meeting and kind)
CREATE INDEX ix_wg_meeting_event_kind ON wg_meeting_event (business_key, event_kind);
-- counts and lists of decisions by area and state, ordered by due date
CREATE INDEX ix_wg_controlled_decision_area_state ON wg_controlled_decision (control_area, state, due_date);
