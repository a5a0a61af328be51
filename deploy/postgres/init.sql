-- Runs once, on the first start of an empty data volume (docker-entrypoint-initdb.d).
-- One database per service so each can migrate independently; dev only, all owned by POSTGRES_USER.
CREATE DATABASE assets;
CREATE DATABASE governance;
CREATE DATABASE openfga;
CREATE DATABASE keycloak;
CREATE DATABASE infisical;
