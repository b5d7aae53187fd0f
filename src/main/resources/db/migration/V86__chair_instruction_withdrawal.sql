-- § 10: the chair's office withdraws a chair's instruction (the chair returns early). The instruction then ends the
-- day before withdrawn_from (valid_to); recorded_to keeps the end recorded first. wg_chair_instruction_meeting: the
-- meetings whose record named the instruction (a chair's task handed to its deputy), which get an event when it is
-- withdrawn. Portable SQL (H2 and PostgreSQL).

ALTER TABLE wg_chair_instruction ADD COLUMN withdrawn_from DATE;
ALTER TABLE wg_chair_instruction ADD COLUMN recorded_to DATE;
ALTER TABLE wg_chair_instruction ADD COLUMN withdrawal_reason VARCHAR(2000);
ALTER TABLE wg_chair_instruction ADD COLUMN withdrawn_by VARCHAR(64);
ALTER TABLE wg_chair_instruction ADD COLUMN withdrawn_at TIMESTAMP WITH TIME ZONE;

CREATE TABLE wg_chair_instruction_meeting (
  instruction_id BIGINT      NOT NULL REFERENCES wg_chair_instruction (id) ON DELETE CASCADE,
  business_key   VARCHAR(20) NOT NULL REFERENCES wg_meeting (business_key),
  CONSTRAINT pk_wg_chair_instruction_meeting PRIMARY KEY (instruction_id, business_key)
);
