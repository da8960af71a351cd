#!/usr/bin/env bash
# Run by the postgres image on its first start (an empty data volume): one account per service and three
# databases. The key store is a database apart from the event store (docs/security.md): erasing a key never touches
# the history, and the event store's backups never hold keys. approval-service may only read the keys.
set -euo pipefail

psql -v ON_ERROR_STOP=1 --username postgres --dbname postgres \
  -v budget_password="$BUDGET_DB_PASSWORD" -v approval_password="$APPROVAL_DB_PASSWORD" <<'SQL'
CREATE ROLE budget LOGIN PASSWORD :'budget_password';
CREATE ROLE approval LOGIN PASSWORD :'approval_password';
CREATE DATABASE budget_events OWNER budget;
CREATE DATABASE person_keys OWNER budget;
CREATE DATABASE approval_projections OWNER approval;
SQL

# Tables budget-service's migration creates in the key store are readable by approval-service, and only readable.
psql -v ON_ERROR_STOP=1 --username postgres --dbname person_keys <<'SQL'
GRANT USAGE ON SCHEMA public TO approval;
ALTER DEFAULT PRIVILEGES FOR ROLE budget IN SCHEMA public GRANT SELECT ON TABLES TO approval;
SQL
