-- The application's own tables (the legal record of meetings) follow in later migrations.
-- Version ranges: V2-V19 the meeting record, V20-V29 notifications and documents, V30-V39 decision control.
CREATE TABLE wg_app_info (
  name  VARCHAR(100) PRIMARY KEY,
  value VARCHAR(1000) NOT NULL
);
INSERT INTO wg_app_info (name, value) VALUES ('schema', 'wg-meetings');
