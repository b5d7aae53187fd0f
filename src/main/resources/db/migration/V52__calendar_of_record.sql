-- The production calendar of record, one for every node (ru.nso.wg.calendar.ClusterCalendar): the loaded years
-- as their validated files, who changed each year and when, a version every node polls, and which version the
-- waiting deadline timers and open tasks were last recalculated for (exactly one node recalculates per change).
-- Portable SQL (H2 and PostgreSQL); BYTEA is an alias of BINARY VARYING in H2.
CREATE TABLE wg_calendar_state (
  id                        INT          NOT NULL PRIMARY KEY,
  version                   BIGINT       NOT NULL,
  fingerprint               VARCHAR(64),
  recalculated_version      BIGINT       NOT NULL,
  recalculation_owner       VARCHAR(255),
  recalculation_started_at  TIMESTAMP WITH TIME ZONE,
  CONSTRAINT ck_wg_calendar_state_single CHECK (id = 1)
);
INSERT INTO wg_calendar_state (id, version, recalculated_version) VALUES (1, 0, 0);

CREATE TABLE wg_calendar_year (
  calendar_year      INT           NOT NULL PRIMARY KEY,
  source             VARCHAR(1000) NOT NULL,
  content            BYTEA         NOT NULL,
  changed_in_version BIGINT        NOT NULL,
  changed_by         VARCHAR(255)  NOT NULL,
  changed_at         TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row per change of the calendar of record, and what its recalculation did.
CREATE TABLE wg_calendar_change (
  version             BIGINT        NOT NULL PRIMARY KEY,
  changed_years       VARCHAR(1000) NOT NULL,
  fingerprint         VARCHAR(64)   NOT NULL,
  changed_by          VARCHAR(255)  NOT NULL,
  node                VARCHAR(255)  NOT NULL,
  changed_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  recalculations      INT           NOT NULL,
  recalculated_by     VARCHAR(255),
  recalculated_at     TIMESTAMP WITH TIME ZONE,
  timers_recalculated INT,
  timers_moved        INT,
  timers_failed       INT,
  tasks_recalculated  INT,
  tasks_moved         INT,
  tasks_failed        INT
);
