-- Issue 16, point 4: people learn that work waits for them (ru.nso.wg.notification.TaskMessages).
-- How each person wants to be told of the tasks waiting for them: a message per task (the default, no row needed)
-- or one daily digest. A user changes only his own row (PUT /api/me/notification-preference).
CREATE TABLE wg_notification_preference (
  user_id           VARCHAR(64) NOT NULL,
  notification_mode VARCHAR(20) NOT NULL,
  changed_at        TIMESTAMP   NOT NULL,
  CONSTRAINT pk_wg_notification_preference PRIMARY KEY (user_id),
  CONSTRAINT ck_wg_notification_preference_mode CHECK (notification_mode IN ('EACH_TASK', 'DAILY_DIGEST'))
);
-- One row per day whose digest was started: the node that inserts it (the primary key decides between nodes)
-- creates the one job that sends that day's digests (ru.nso.wg.process.DailyDigestTrigger).
CREATE TABLE wg_task_digest_run (
  digest_date DATE         NOT NULL,
  claimed_at  TIMESTAMP    NOT NULL,
  claimed_by  VARCHAR(200),
  CONSTRAINT pk_wg_task_digest_run PRIMARY KEY (digest_date)
);
