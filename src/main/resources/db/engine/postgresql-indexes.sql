-- The service's own indexes on the Camunda engine's tables, PostgreSQL (issue 12). Applied by
-- src/ops/camunda-schema.sh create and upgrade where the operator keeps the engine's tables (the
-- postgres profile), and at start where the engine keeps them itself (config.EngineIndexes).
-- Idempotent: every statement may run again.

-- The task query's authorization check (Authorization.xml, authCheckJoinWithoutOnClause) looks up,
-- for every task that matches the list, the grants whose RESOURCE_ID_ is the task, its process
-- definition's key or '*', and keeps only task grants (RESOURCE_TYPE_ 7) and process-definition
-- grants (6). Through ACT_IDX_AUTH_RESOURCE_ID that read 84 rows per task, 69 of them '*' grants of
-- the other resource types; through this index it reads 18. Measured on 10,000 waiting requests
-- (1,667 for one head): the head's page query 36 ms -> 23 ms (pgbench, prepared).
create index if not exists PUB_IDX_AUTH_TASK_READ on ACT_RU_AUTHORIZATION (RESOURCE_ID_)
  where TYPE_ < 2 and RESOURCE_TYPE_ in (6, 7);
