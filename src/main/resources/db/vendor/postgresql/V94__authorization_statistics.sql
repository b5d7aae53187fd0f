-- Tasklist at scale (docs/performance.md, section 4). Camunda checks a user's right to read each task by joining
-- ACT_RU_AUTHORIZATION with conditions on bits of PERMS_ (PERMS_ & 2 = 2 for a task's READ, PERMS_ & 64 = 64 for a
-- process definition's READ_TASK). PostgreSQL has no statistics for such expressions and guesses that almost no row
-- matches (10 rows where 2,084 did for a member with 2,000 assigned tasks), so it joins every task with every
-- authorization row it finds: «Мои задачи» took 1.6 s. Statistics on the two expressions give it the true numbers
-- (with random_page_cost = 1.1, set in docker-compose.yml, it then probes the index on RESOURCE_ID_: 84 ms; the
-- compose file's plan_cache_mode keeps it from reusing a plan made without the values).
-- PostgreSQL 14 or later (statistics on a single expression); H2 has nothing of the kind (db/vendor/h2).
CREATE STATISTICS IF NOT EXISTS wg_auth_perms_read ON (perms_ & 2) FROM act_ru_authorization;
CREATE STATISTICS IF NOT EXISTS wg_auth_perms_read_task ON (perms_ & 64) FROM act_ru_authorization;
ANALYZE act_ru_authorization;
