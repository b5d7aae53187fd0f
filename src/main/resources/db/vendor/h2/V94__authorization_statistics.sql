-- The PostgreSQL migration of this number (db/vendor/postgresql) gives the planner statistics on Camunda's
-- authorization bits; H2 keeps no statistics on expressions, so there is nothing to do here. The file keeps the
-- version numbers the same on both databases.
SELECT 1;
