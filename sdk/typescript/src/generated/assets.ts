// Generated from openapi/assets.json by `npm run sdk:generate` (openapi-typescript). Do not edit:
// a test fails when this file differs from what the generator makes of the committed document.

export interface paths {
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process is up */
        get: operations["getLiveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: database, authorization and secrets backends answer */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/assets/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller as authenticated: user, org (from the token) and project (from X-Project-ID) */
        get: operations["getSession"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/assets/data/types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Connection types with their config and credential JSON Schemas, auth methods and examples */
        get: operations["listConnectionTypes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/assets/data": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the connections the caller can read
         * @description With X-Project-ID: that project’s connections plus the org-level ones the caller can read (each item says its `scope`). Without: org-level only.
         */
        get: operations["listConnections"];
        put?: never;
        /**
         * Create a connection; credentials go to the Governance Secrets API, never to Assets
         * @description Needs `can_create_resources` on the project, or org owner/admin for an org-level connection (no X-Project-ID, or `project_id: null`).
         */
        post: operations["createConnection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/assets/data/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Test credentials before saving: connect, then discover schemas and tables (nothing is stored)
         * @description Needs `can_create_resources`. A failed probe is 200 with `success: false` and the failing step marked; bad input is 4xx. Rate limited; 429 beyond the concurrency limits.
         */
        post: operations["verifyNewConnection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/assets/data/{resource_uri}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Re-test a saved connection with its stored credentials; sets status ACTIVE or ERROR and last_verified_at */
        post: operations["verifyConnection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/assets/data/{resource_uri}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Connection metadata (never credentials) */
        get: operations["getConnection"];
        /** Replace settings; omitted credentials are kept. New credentials also need can_manage_secrets; a new destination or weaker transport security needs new credentials (422). */
        put: operations["replaceConnection"];
        post?: never;
        /** Delete the connection, its tuples and its secret */
        delete: operations["deleteConnection"];
        options?: never;
        head?: never;
        /** Change some settings; given config fields are merged, `null` clears one (back to its default: a weaker default needs new credentials, 422) */
        patch: operations["updateConnection"];
        trace?: never;
    };
    "/assets/data/{resource_uri}/secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Decrypted credentials for automation: fetched from Governance on every call, audited, never cached
         * @description Governance writes the `data_connection.secret.read` audit event (with this request id) before releasing the value; if it cannot, this answers 503 with no value. After a rotation, the replaced version stays readable with `?version=previous` (or its number) until `previous_version_expires_at`.
         */
        get: operations["getConnectionSecret"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/assets/data/{resource_uri}/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The connection's scheduled health check results, newest first (paged) */
        get: operations["listConnectionHealthChecks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/assets/data/{resource_uri}/rotations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A connection's rotations, newest first */
        get: operations["listConnectionRotations"];
        put?: never;
        /**
         * Rotate credentials without downtime: stage a new version, verify it, then promote it; the replaced version stays readable for a grace period
         * @description Needs `can_manage_secrets`. Every step is audited (`data_connection.rotation.started|promoted|failed`). A failed verification deletes the staged version and leaves the active one untouched: the answer is still 201, with `status: failed` and the report's `error_code` and `error_message`.
         */
        post: operations["rotateConnectionCredentials"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/assets/data/{resource_uri}/rotations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One rotation of a connection */
        get: operations["getConnectionRotation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/assets/data/{resource_uri}/rotations/{id}/rollback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Make the version a rotation replaced active again, until it is retired; the rolled-back version stays readable as the previous one until the same expiry
         * @description Needs `can_manage_secrets`; audited as `data_connection.rotation.rolled_back`. Only the latest promoted rotation can be rolled back, and only during its grace period.
         */
        post: operations["rollbackConnectionRotation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/assets/data/{resource_uri}/ssh-public-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The platform-managed SSH key's public half, for the bastion's authorized_keys
         * @description Only for `ssh_tunnel.auth_method: managed_key` (404 otherwise). The private half never leaves Governance except to `GET …/secret` callers.
         */
        get: operations["getConnectionSshPublicKey"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/assets/data/{resource_uri}/ssh-host-key/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pin the SSH bastion's host key
         * @description Needs `can_manage_secrets`. Verifications stop at `ssh_host_key` until a fingerprint is pinned (`ssh_hostkey_unapproved`, with the key seen in `details.ssh_host_key_fingerprint`); afterwards any other key fails with `ssh_hostkey_mismatch` before a credential is sent. Check the fingerprint with the bastion's administrator before approving it. Audited as `data_connection.ssh_host_key.approve`.
         */
        post: operations["approveConnectionSshHostKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/assets/data/{resource_uri}/ssh-key/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replace the platform-managed SSH key; the old one keeps working for a grace period
         * @description Needs `can_manage_secrets`. Generates a new Ed25519 key and stores it as a new credentials version. Until `previous_key_expires_at` the platform offers the new key first, then the old one: add the new line to authorized_keys, verify, then remove the old line. Audited as `data_connection.ssh_key.rotate`.
         */
        post: operations["rotateConnectionSshKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/assets/data/{resource_uri}/permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What the caller may do with this connection
         * @description One answer per permission of the authorization model, for the caller as of now (a revocation shows within `AUTHZ_CHECK_CACHE_MS`). Clients use it to offer only what will work; every route still checks its own permission.
         */
        get: operations["getConnectionPermissions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/assets/storage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a solution's objects, by key prefix, in pages
         * @description Keys in ascending byte order; the order is stable across pages. Each item's `key` is the canonical path of the object under `/assets/storage/` (`{solution}/{artifact-type}/{id…}`): GET, HEAD or DELETE exactly that.
         */
        get: operations["listObjects"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/assets/storage/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download an object (streamed; Range, If-None-Match, If-Range)
         * @description Always the object at the key, never a listing (that is `GET /assets/storage?solution=`). One `bytes=` range gives 206; a multi-range or malformed Range gives the whole object (200). Served with the Content-Type it was uploaded with.
         */
        get: operations["getObject"];
        /**
         * Upload an object: the raw body, streamed, with its Content-Type kept
         * @description Replaces any object at the key. The body is stored as sent, whatever its Content-Type (JSON is not parsed); that type is served back on GET and HEAD and listed. The returned `key` is the canonical path of the object under `/assets/storage/` (`default/objects/test.txt` for the one-segment shorthand `test.txt`): GET, HEAD or DELETE exactly that.
         */
        put: operations["putObject"];
        post?: never;
        /**
         * Delete an object (idempotent: a missing one answers 204 too)
         * @description Objects under `files/` belong to the files API: deleting them here answers 409.
         */
        delete: operations["deleteObject"];
        options?: never;
        /**
         * An object's headers (size, type, validators) without its bytes
         * @description Answers as GET would (If-None-Match → 304, an unsatisfiable Range → 416), with no body.
         */
        head: operations["headObject"];
        patch?: never;
        trace?: never;
    };
    "/assets/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The project's files (metadata; read the bytes at each `url`), newest first
         * @description Uploads still in progress are not listed.
         */
        get: operations["listFiles"];
        put?: never;
        /**
         * Upload a file (multipart): bytes to storage under `<org>/<project>/files/<key>`, metadata to Assets
         * @description Send `key` and `name` (and the optional fields) before the `file` part: nothing is written until they are valid. The key is reserved before the first byte is written, so a concurrent upload of the same key gets 409. The bytes are then read at the returned `url`.
         */
        post: operations["uploadFile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/assets/files/{resource_uri}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A file's metadata, with the `url` its bytes are read at */
        get: operations["getFile"];
        put?: never;
        post?: never;
        /**
         * Delete a file: its bytes and its record go together
         * @description Bytes held in a storage connection are deleted there, which needs `can_execute` on the connection. If the store cannot delete them, the file stays whole (503). The key is free for a new upload afterwards.
         */
        delete: operations["deleteFile"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/assets/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The webhooks of the X-Project-ID project, or the org's own without the header */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Subscribe a URL to data connection events; the signing secret is returned once
         * @description Needs `admin` on the X-Project-ID project (org admins included), or org `admin` for an org webhook (no header). With X-Project-ID the webhook receives that project's events; without it, every event of the org. The Standard Webhooks signing secret is kept in Governance and appears only in this answer.
         */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/assets/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One webhook (never its signing secret) */
        get: operations["getWebhook"];
        put?: never;
        post?: never;
        /** Delete the webhook, its signing secret (in Governance) and its delivery log */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        /** Change the url, events, enabled or description */
        patch: operations["updateWebhook"];
        trace?: never;
    };
    "/assets/webhooks/{id}/secret/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the signing secret; the new one is returned once and signs every later attempt */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/assets/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The delivery log: deliveries newest first, each with every attempt (status, duration, error label) */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @enum {string} */
        ErrorCode: "INVALID_REQUEST" | "INVALID_TOKEN" | "INSUFFICIENT_PERMISSIONS" | "EGRESS_DENIED" | "RESOURCE_NOT_FOUND" | "RESOURCE_ALREADY_EXISTS" | "CONFLICT" | "VALIDATION_ERROR" | "PAYLOAD_TOO_LARGE" | "REQUEST_TIMEOUT" | "UNSUPPORTED_MEDIA_TYPE" | "RANGE_NOT_SATISFIABLE" | "REBIND_REQUIRES_CREDENTIALS" | "RATE_LIMIT_EXCEEDED" | "AUDIT_UNAVAILABLE" | "SERVICE_UNAVAILABLE" | "DEADLINE_EXCEEDED" | "INTERNAL_ERROR";
        ErrorBodyDto: {
            /** @example RESOURCE_NOT_FOUND */
            code: components["schemas"]["ErrorCode"];
            /** @example Data connection not found */
            message: string;
            /** @example 404 */
            status: number;
            /** @description Machine-readable context. Validation errors (400/422) carry `fields: [{ field, message }]`; 429 carries `retry_after_s`. */
            details: {
                [key: string]: unknown;
            };
            /** @example 5b0c3b5e-0d6c-4a9e-9d0e-1f9a2b3c4d5e */
            request_id: string;
            /** @example 4bf92f3577b34da6a3ce929d0e0e4736 */
            trace_id: string | null;
        };
        ErrorEnvelopeDto: {
            error: components["schemas"]["ErrorBodyDto"];
        };
        SessionDto: {
            /** @description The token's subject (a Keycloak service account: its `service-account-…` name) */
            user_id: string;
            /** @description The token's org (a platform service account: its X-Org-Id) */
            org_id: string;
            /** @enum {string} */
            actor_type: "user" | "service";
            /** @description The validated X-Project-ID, or null at org scope */
            project_id: string | null;
        };
        AuthMethodDto: {
            /**
             * @description The value of `auth_type` in the config
             * @example basic
             */
            auth_type: string;
            /** @example Username and password */
            display_name: string;
            description: string;
            /** @description JSON Schema (2020-12) of `credentials` for this method */
            credentials_schema: {
                [key: string]: unknown;
            };
            /** @description Example `credentials` (placeholders, never real values) */
            credentials_example: {
                [key: string]: unknown;
            };
        };
        ConnectionTypeDto: {
            /**
             * @example postgres
             * @enum {string}
             */
            type: "postgres" | "redshift" | "snowflake" | "mysql" | "mongodb" | "bigquery" | "databricks" | "oracle" | "s3" | "gcs" | "minio" | "azure_blob" | "couchbase" | "hive";
            /** @example PostgreSQL */
            display_name: string;
            /** @enum {string} */
            category: "database" | "object_storage" | "file_system";
            /**
             * @description `implemented`: verified against a real server in our tests; `preview`: settings and mapping tested only
             * @enum {string}
             */
            status: "implemented" | "preview";
            /**
             * @description Why the type has its status, for clients to show: what an `implemented` type was tested against, what a `preview` type lacks
             * @example Tested against PostgreSQL 15 (the real server).
             */
            status_reason: string;
            description: string;
            /**
             * @description The body field that carries the settings
             * @enum {string}
             */
            config_key: "database_config" | "storage_config";
            /** @description JSON Schema (2020-12) of the settings object */
            config_schema: {
                [key: string]: unknown;
            };
            /** @description Example settings */
            config_example: {
                [key: string]: unknown;
            };
            /**
             * @description `auth_type` when the config names none
             * @example basic
             */
            default_auth_type: string;
            auth_methods: components["schemas"]["AuthMethodDto"][];
            /** @description Settings that decide where credentials are sent; changing one requires new credentials */
            destination_fields: string[];
            /** @example 5432 */
            default_port: number | null;
            supports_discovery: boolean;
            /**
             * @description `tables`: schemas and tables; `server`: the server only; `prefixes`: key prefixes
             * @enum {string}
             */
            discovery_level: "tables" | "server" | "prefixes";
            /** @description The config accepts `ssh_tunnel` (reach the database through an SSH bastion) and the credentials `ssh_tunnel` */
            supports_ssh_tunnel: boolean;
        };
        ConnectionTypesDto: {
            data: components["schemas"]["ConnectionTypeDto"][];
        };
        LastVerificationDto: {
            /** @example true */
            success: boolean;
            /** @example connection verified */
            message: string;
            /** @example 184 */
            latency_ms: number;
        };
        HealthForecastDto: {
            /**
             * Format: date-time
             * @description The server certificate's notAfter
             */
            tls_certificate_not_after?: string;
            /**
             * Format: date-time
             * @description When the active credentials were stored
             */
            credentials_set_at?: string;
            /** @description HEALTH_CREDENTIALS_MAX_AGE_DAYS of this deployment */
            credentials_max_age_days?: number;
            /**
             * Format: date-time
             * @description When the credentials reach that age
             */
            credentials_expire_at?: string;
        };
        PoolSettingsDto: {
            /** @example 10 */
            max_connections: number;
            /** @example 0 */
            min_connections: number;
            /** @example 30000 */
            idle_timeout_ms: number;
            /** @example 10000 */
            connection_timeout_ms: number;
            /** @example 1800000 */
            max_lifetime_ms: number;
        };
        ConnectionDto: {
            /** @example data:acme-corp:analytics-prod:customer-analytics-db */
            resource_uri: string;
            name: string;
            /** @enum {string} */
            connection_type: "postgres" | "redshift" | "snowflake" | "mysql" | "mongodb" | "bigquery" | "databricks" | "oracle" | "s3" | "gcs" | "minio" | "azure_blob" | "couchbase" | "hive";
            description: string | null;
            org_id: string;
            /** @description null for org-level connections */
            project_id: string | null;
            /** @enum {string} */
            scope: "project" | "organization";
            /** @enum {string} */
            status: "PENDING" | "ACTIVE" | "ERROR" | "DISABLED";
            tags: string[];
            /** @description Database types: the settings as stored (defaults applied), including `auth_type` and, when some are selected, `selected_tables`. The default schema is `db_schema`. */
            database_config?: {
                [key: string]: unknown;
            };
            /** @description Object storage types: the settings as stored (defaults applied), including `auth_type`. */
            storage_config?: {
                [key: string]: unknown;
            };
            pool: components["schemas"]["PoolSettingsDto"];
            /** @description User id of the creator */
            created_by: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** Format: date-time */
            last_verified_at: string | null;
            /** @description Outcome of the last re-verification */
            last_verification: components["schemas"]["LastVerificationDto"] | (never | null);
            /**
             * @description What the scheduled health checks last found (`unknown` until the first one). `status` is the outcome of the last explicit verification; see the README, "Health".
             * @enum {string}
             */
            health: "healthy" | "degraded" | "auth_failed" | "unreachable" | "permission_lost" | "tls_error" | "unknown";
            /** @description Seconds between scheduled checks; 0 = off, null = the deployment's default */
            health_check_interval_seconds: number | null;
            /** Format: date-time */
            last_checked_at: string | null;
            /** Format: date-time */
            last_healthy_at: string | null;
            /**
             * @description Failed checks in a row
             * @example 0
             */
            consecutive_failures: number;
            /**
             * Format: date-time
             * @description When the next check is due; null while off or not yet scheduled
             */
            next_check_at: string | null;
            health_forecast: components["schemas"]["HealthForecastDto"] | (never | null);
        };
        PaginationDto: {
            page: number;
            limit: number;
            total_items: number;
            total_pages: number;
            next_page: number | null;
            prev_page: number | null;
        };
        ConnectionPageDto: {
            data: components["schemas"]["ConnectionDto"][];
            pagination: components["schemas"]["PaginationDto"];
        };
        CreateConnectionDto: {
            /** @description Database settings, checked against the type's `config_schema` (GET /assets/data/types). `auth_type` (default: the type's first auth method) and `selected_tables` belong here. The default schema is `db_schema`; `schema` is accepted as an input alias for it (send one, not both) and is returned as `db_schema`. */
            database_config?: {
                [key: string]: unknown;
            };
            /** @description Object storage settings (bucket, region, endpoint, …), checked against the type's `config_schema`; `auth_type` belongs here. */
            storage_config?: {
                [key: string]: unknown;
            };
            /** @description Connection pool: max_connections, min_connections, idle_timeout_ms, connection_timeout_ms, max_lifetime_ms */
            pool?: {
                [key: string]: unknown;
            };
            /**
             * @description Seconds between scheduled health checks: 60 to 604800, 0 = never checked on a schedule, null or omitted = the deployment's default (HEALTH_CHECK_DEFAULT_INTERVAL_S).
             * @example 900
             */
            health_check_interval_seconds?: number | null;
            /** @example Customer Analytics DB */
            name: string;
            /**
             * @example postgres
             * @enum {string}
             */
            connection_type: "postgres" | "redshift" | "snowflake" | "mysql" | "mongodb" | "bigquery" | "databricks" | "oracle" | "s3" | "gcs" | "minio" | "azure_blob" | "couchbase" | "hive";
            /** @example Production read replica for analytics */
            description?: string;
            /**
             * @description Derived from the name when omitted; immutable
             * @example data:acme-corp:analytics-prod:customer-analytics-db
             */
            resource_uri?: string;
            /** @description null creates an org-level connection (as does omitting X-Project-ID) */
            project_id?: string | null;
            /** @description Write-only; stored in Governance, never in Assets */
            credentials: {
                [key: string]: unknown;
            };
            /**
             * @example [
             *       "production",
             *       "analytics"
             *     ]
             */
            tags?: string[];
        };
        VerifyOptionsDto: {
            /**
             * @description Glob patterns on `schema.table` (or key prefixes) to keep
             * @example [
             *       "public.*"
             *     ]
             */
            include?: string[];
            /**
             * @example [
             *       "pg_temp*"
             *     ]
             */
            exclude?: string[];
            /**
             * @description Stop discovery after this many schemas and tables
             * @default 10000
             */
            max_objects: number;
        };
        VerifyConnectionDto: {
            /** @description Database settings, checked against the type's `config_schema` (GET /assets/data/types). `auth_type` (default: the type's first auth method) and `selected_tables` belong here. The default schema is `db_schema`; `schema` is accepted as an input alias for it (send one, not both) and is returned as `db_schema`. */
            database_config?: {
                [key: string]: unknown;
            };
            /** @description Object storage settings (bucket, region, endpoint, …), checked against the type's `config_schema`; `auth_type` belongs here. */
            storage_config?: {
                [key: string]: unknown;
            };
            /** @description Connection pool: max_connections, min_connections, idle_timeout_ms, connection_timeout_ms, max_lifetime_ms */
            pool?: {
                [key: string]: unknown;
            };
            discovery?: components["schemas"]["VerifyOptionsDto"];
            /**
             * @example postgres
             * @enum {string}
             */
            connection_type: "postgres" | "redshift" | "snowflake" | "mysql" | "mongodb" | "bigquery" | "databricks" | "oracle" | "s3" | "gcs" | "minio" | "azure_blob" | "couchbase" | "hive";
            credentials: {
                [key: string]: unknown;
            };
        };
        VerificationStepDto: {
            /** @enum {string} */
            name: "ssh_resolve" | "ssh_egress_policy" | "ssh_connect" | "ssh_host_key" | "ssh_authenticate" | "tunnel" | "resolve" | "egress_policy" | "connect" | "tls" | "authenticate" | "discover" | "privileges";
            /** @enum {string} */
            status: "ok" | "failed" | "skipped";
            latency_ms: number;
            message: string;
        };
        DiscoveredTableDto: {
            /** @example customers */
            name: string;
            /**
             * @description table, view, materialized_view, foreign_table, …
             * @example table
             */
            type: string;
        };
        DiscoveredSchemaDto: {
            /** @example public */
            name: string;
            tables: components["schemas"]["DiscoveredTableDto"][];
        };
        VerificationDetailsDto: {
            /** @example PostgreSQL 16.4 */
            server_version?: string;
            /** @description Databases that enumerate tables: what discovery found */
            schemas?: components["schemas"]["DiscoveredSchemaDto"][];
            /** @description Object storage: key prefixes found */
            prefixes?: string[];
            /** @description Discovery stopped at max_objects */
            truncated: boolean;
            warnings: string[];
            /** @description Re-verify: selected tables that no longer exist */
            missing_selected_tables?: string[];
            /** @description Selected tables that exist but this login may no longer SELECT from (PostgreSQL, Redshift) */
            unreadable_selected_tables?: string[];
            /**
             * Format: date-time
             * @description The server certificate's notAfter, when the session used TLS (PostgreSQL)
             */
            tls_certificate_not_after?: string;
            /**
             * @description Through an SSH tunnel: the host key the bastion presented (approve it with POST …/ssh-host-key/approve)
             * @example SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8
             */
            ssh_host_key_fingerprint?: string;
            /**
             * @description Why a failed probe failed
             * @enum {string}
             */
            error_code?: "auth_failed" | "unreachable" | "timeout" | "tls_error" | "permission_denied" | "not_found" | "invalid_config" | "egress_denied" | "ssh_hostkey_unapproved" | "ssh_hostkey_mismatch";
        };
        VerificationReportDto: {
            success: boolean;
            message: string;
            latency_ms: number;
            steps: components["schemas"]["VerificationStepDto"][];
            details: components["schemas"]["VerificationDetailsDto"];
        };
        VerifyExistingDto: {
            discovery?: components["schemas"]["VerifyOptionsDto"];
        };
        UpdateConnectionDto: {
            /** @description Database settings, checked against the type's `config_schema` (GET /assets/data/types). `auth_type` (default: the type's first auth method) and `selected_tables` belong here. The default schema is `db_schema`; `schema` is accepted as an input alias for it (send one, not both) and is returned as `db_schema`. */
            database_config?: {
                [key: string]: unknown;
            };
            /** @description Object storage settings (bucket, region, endpoint, …), checked against the type's `config_schema`; `auth_type` belongs here. */
            storage_config?: {
                [key: string]: unknown;
            };
            /** @description Connection pool: max_connections, min_connections, idle_timeout_ms, connection_timeout_ms, max_lifetime_ms */
            pool?: {
                [key: string]: unknown;
            };
            name?: string;
            /** @enum {string} */
            connection_type?: "postgres" | "redshift" | "snowflake" | "mysql" | "mongodb" | "bigquery" | "databricks" | "oracle" | "s3" | "gcs" | "minio" | "azure_blob" | "couchbase" | "hive";
            description?: string | null;
            /** @description New credentials; omitted = keep the stored ones. Required when a destination field changes. */
            credentials?: {
                [key: string]: unknown;
            };
            tags?: string[];
            /**
             * @description Enable or disable the connection
             * @enum {string}
             */
            status?: "ACTIVE" | "DISABLED";
            /**
             * @description Seconds between scheduled health checks: 60 to 604800, 0 = never checked on a schedule, null or omitted = the deployment's default (HEALTH_CHECK_DEFAULT_INTERVAL_S).
             * @example 900
             */
            health_check_interval_seconds?: number | null;
        };
        SshTunnelSecretDto: {
            /** @example bastion.acme.example.com */
            host: string;
            /** @example 22 */
            port: number;
            /** @example tunnel */
            username: string;
            /** @enum {string} */
            auth_method: "managed_key" | "private_key" | "password";
            /**
             * @description The approved host key: refuse any other (null until one is approved)
             * @example SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8
             */
            host_key_fingerprint: string | null;
        };
        ConnectionSecretDto: {
            /** @example data:acme-corp:analytics-prod:customer-analytics-db */
            resource_uri: string;
            /** @enum {string} */
            connection_type: "postgres" | "redshift" | "snowflake" | "mysql" | "mongodb" | "bigquery" | "databricks" | "oracle" | "s3" | "gcs" | "minio" | "azure_blob" | "couchbase" | "hive";
            /** @description The auth method the credentials are for; selects the type's credentials schema */
            auth_type: string;
            /** @description The decrypted credentials */
            credentials: {
                [key: string]: unknown;
            };
            /**
             * @description The version these credentials are (`?version=` picks it); a new one on every change
             * @example 3
             */
            version: number;
            /**
             * @description The version currently active
             * @example 3
             */
            active_version: number;
            /**
             * Format: date-time
             * @description When the active version was promoted by a rotation (or a rollback); null if never rotated
             */
            rotated_at: string | null;
            /**
             * @description During a grace period only: the version the active one replaced, still readable
             * @example 2
             */
            previous_version?: number;
            /**
             * Format: date-time
             * @description During a grace period only: when the previous version is retired. Reconnect with the active version before then.
             */
            previous_version_expires_at?: string;
            /** @description When the database sits behind an SSH bastion: where and as whom to open the tunnel. The private key (`private_key`, during a key rotation also `previous_private_key`), its `passphrase` or the `password` are in `credentials.ssh_tunnel`. */
            ssh_tunnel?: components["schemas"]["SshTunnelSecretDto"];
        };
        HealthCheckResultDto: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            checked_at: string;
            /** @enum {string} */
            health: "healthy" | "degraded" | "auth_failed" | "unreachable" | "permission_lost" | "tls_error" | "unknown";
            /**
             * @description Why the probe failed; null when it worked
             * @enum {string|null}
             */
            error_code: "auth_failed" | "unreachable" | "timeout" | "tls_error" | "permission_denied" | "not_found" | "invalid_config" | "egress_denied" | "ssh_hostkey_unapproved" | "ssh_hostkey_mismatch" | null;
            /** @example connection verified */
            message: string;
            /** @example 184 */
            latency_ms: number;
            /** @description Why a working connection is degraded, then the probe's warnings */
            warnings: string[];
            forecast: components["schemas"]["HealthForecastDto"] | (never | null);
        };
        HealthCheckPageDto: {
            data: components["schemas"]["HealthCheckResultDto"][];
            pagination: components["schemas"]["PaginationDto"];
        };
        CreateRotationDto: {
            /**
             * @description The new credentials, checked against the auth method's credentials schema; stored in Governance, never in Assets
             * @example {
             *       "username": "analytics_reader",
             *       "password": "n3w-s3cret"
             *     }
             */
            credentials: {
                [key: string]: unknown;
            };
            /**
             * @description A new auth method, where the type offers several (as on update); default: the connection's current one
             * @example basic
             */
            auth_type?: string;
            /**
             * @description How long the replaced version stays readable (`GET …/secret?version=previous`) after promotion; 0 retires it at once. Default: the deployment's ROTATION_GRACE_PERIOD_DEFAULT_S (1 hour).
             * @example 3600
             */
            grace_period_seconds?: number;
        };
        RotationDto: {
            /** Format: uuid */
            id: string;
            /** @example data:acme-corp:analytics-prod:customer-analytics-db */
            resource_uri: string;
            /**
             * @description staged (new version written) → verifying → promoted (active; the replaced version in grace) or failed (the new version deleted, the active one untouched); promoted → rolled_back (the replaced version active again) → retired (the version held in grace deleted)
             * @enum {string}
             */
            status: "staged" | "verifying" | "promoted" | "failed" | "rolled_back" | "retired";
            /** @description The version active when the rotation started */
            from_version: number;
            /** @description The version the rotation staged */
            to_version: number;
            /**
             * @description Auth method of the new credentials
             * @example basic
             */
            auth_type: string;
            grace_period_seconds: number;
            /** @description User who started the rotation */
            actor_id: string;
            /**
             * @description Why it failed: the verification report's error_code (auth_failed, unreachable, …), or staging_failed, verification_unavailable, rotation_interrupted
             * @example null
             */
            error_code: string | null;
            /** @description The verification report's message (never a credential) */
            error_message: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** Format: date-time */
            promoted_at: string | null;
            /**
             * Format: date-time
             * @description Until when the version held in grace (the replaced one; after a rollback, the rolled-back one) stays readable
             */
            previous_version_expires_at: string | null;
            /** Format: date-time */
            rolled_back_at: string | null;
            /** Format: date-time */
            retired_at: string | null;
        };
        RotationPageDto: {
            data: components["schemas"]["RotationDto"][];
            pagination: components["schemas"]["PaginationDto"];
        };
        SshPublicKeyDto: {
            /** @example data:acme-corp:analytics-prod:customer-analytics-db */
            resource_uri: string;
            /**
             * @description The line to add to the tunnel user's `~/.ssh/authorized_keys` on the bastion
             * @example ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHv0m0Yf2r4e5bq2xW0kC9dD8Zk0n0uB2xJ8wK7cQyQv assets data:acme-corp:analytics-prod:customer-analytics-db
             */
            public_key: string;
            /** @example SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8 */
            fingerprint: string;
            /**
             * @description Key algorithm
             * @example ssh-ed25519
             */
            key_type: string;
            /** @description The key the last rotation replaced: keep it in authorized_keys until `previous_key_expires_at`, when the platform stops offering it */
            previous_public_key?: string | null;
            /** Format: date-time */
            previous_key_expires_at?: string | null;
        };
        ApproveHostKeyDto: {
            /**
             * @description The bastion's host key fingerprint, as the verification report showed it (`details.ssh_host_key_fingerprint`) and as `ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub` prints it on the bastion
             * @example SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8
             */
            fingerprint: string;
        };
        RotateSshKeyDto: {
            /**
             * @description How long the replaced key is still offered to the bastion, while its authorized_keys is updated
             * @default 24
             */
            grace_period_hours: number;
        };
        ConnectionPermissionsDto: {
            /** @example data:acme-corp:analytics-prod:customer-analytics-db */
            resource_uri: string;
            /** @description Read it (always true: a caller who may not gets 404) */
            can_read: boolean;
            /** @description Update its settings (`PUT`/`PATCH`) */
            can_write: boolean;
            /** @description Verify it and read its credentials (`…/verify`, `…/secret`) */
            can_execute: boolean;
            /** @description Rotate and roll back credentials, approve the SSH host key, rotate the SSH key */
            can_manage_secrets: boolean;
            /** @description Delete it */
            can_delete: boolean;
        };
        StoredObjectDto: {
            /**
             * @description The object's path under `/assets/storage/`: `{solution}/{artifact-type}/{id…}`. GET, HEAD and DELETE it there as is (percent-encode each segment, or the whole key with `/` as `%2F`).
             * @example talk2data/conversations/abc123/messages.jsonl
             */
            key: string;
            /**
             * @description Bytes
             * @example 48213
             */
            size: number;
            /** @example "9b2cf535f27731c974343645a3985328" */
            etag: string | null;
            /** Format: date-time */
            last_modified: string | null;
            /**
             * @description The Content-Type it was uploaded with; null when the store cannot tell
             * @example application/x-ndjson
             */
            content_type: string | null;
        };
        ObjectPageDto: {
            data: components["schemas"]["StoredObjectDto"][];
            /** @description Pass as `cursor` for the next page; null on the last */
            next_cursor: string | null;
        };
        PutObjectResultDto: {
            /**
             * @description The object's path under `/assets/storage/`: `{solution}/{artifact-type}/{id…}`. GET, HEAD and DELETE it there as is (percent-encode each segment, or the whole key with `/` as `%2F`).
             * @example talk2data/conversations/abc123/messages.jsonl
             */
            key: string;
            /**
             * @description Bytes stored
             * @example 48213
             */
            size: number;
            /** @example "9b2cf535f27731c974343645a3985328" */
            etag: string | null;
        };
        FileUploadedDto: {
            /** @example file:acme-corp:analytics-prod:quarterly-report-q1 */
            resource_uri: string;
            /**
             * @description Where the bytes are read (`GET`/`HEAD` there); names the storage connection (`?connection=`) when they live in one
             * @example /assets/storage/files/reports/q1.pdf
             */
            url: string;
            /**
             * @description As sent: relative to the `files` solution
             * @example reports/q1.pdf
             */
            key: string;
            /** @example Quarterly Report Q1 */
            name: string;
            /** @example File uploaded */
            message: string;
            /**
             * @description Bytes stored
             * @example 482133
             */
            size: number;
            /**
             * @description The file part's Content-Type
             * @example application/pdf
             */
            content_type: string;
        };
        FileDto: {
            /** @example file:acme-corp:analytics-prod:quarterly-report-q1 */
            resource_uri: string;
            /**
             * @description Relative to the `files` solution
             * @example reports/q1.pdf
             */
            key: string;
            /** @example Quarterly Report Q1 */
            name: string;
            description: string | null;
            /**
             * @example [
             *       "finance",
             *       "quarterly"
             *     ]
             */
            tags: string[];
            /** @example application/pdf */
            content_type: string;
            /**
             * @description Bytes
             * @example 482133
             */
            size: number;
            etag: string | null;
            /**
             * @description Where the bytes are read (`GET`/`HEAD` there); names the storage connection (`?connection=`) when they live in one
             * @example /assets/storage/files/reports/q1.pdf
             */
            url: string;
            /** @description The storage connection holding the bytes; null for the default store */
            connection_uri: string | null;
            /** @example alice */
            created_by: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        FilePageDto: {
            data: components["schemas"]["FileDto"][];
            pagination: components["schemas"]["PaginationDto"];
        };
        CreateWebhookDto: {
            /**
             * @description Where events are POSTed: https (http only outside production), no user:password@, no fragment; destinations the egress policy denies are refused
             * @example https://hooks.example.com/assets
             */
            url: string;
            /**
             * @example [
             *       "connection.deleted"
             *     ]
             */
            events: ("connection.health_changed" | "connection.rotation.started" | "connection.rotation.promoted" | "connection.rotation.failed" | "connection.deleted")[];
            /** @default true */
            enabled: boolean;
            /** @example Pager for the data team */
            description?: string | null;
        };
        WebhookWithSecretDto: {
            /** Format: uuid */
            id: string;
            org_id: string;
            /** @description null: an org webhook (every event of the org) */
            project_id: string | null;
            /** @enum {string} */
            scope: "project" | "organization";
            url: string;
            events: ("connection.health_changed" | "connection.rotation.started" | "connection.rotation.promoted" | "connection.rotation.failed" | "connection.deleted")[];
            enabled: boolean;
            description: string | null;
            created_by: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /**
             * Format: date-time
             * @description When the signing secret was last set
             */
            secret_rotated_at: string;
            /**
             * @description The Standard Webhooks signing secret (`whsec_` + base64). Returned only in this answer: it is kept in Governance and never shown again.
             * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
             */
            signing_secret: string;
        };
        WebhookDto: {
            /** Format: uuid */
            id: string;
            org_id: string;
            /** @description null: an org webhook (every event of the org) */
            project_id: string | null;
            /** @enum {string} */
            scope: "project" | "organization";
            url: string;
            events: ("connection.health_changed" | "connection.rotation.started" | "connection.rotation.promoted" | "connection.rotation.failed" | "connection.deleted")[];
            enabled: boolean;
            description: string | null;
            created_by: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /**
             * Format: date-time
             * @description When the signing secret was last set
             */
            secret_rotated_at: string;
        };
        WebhookPageDto: {
            data: components["schemas"]["WebhookDto"][];
            pagination: components["schemas"]["PaginationDto"];
        };
        UpdateWebhookDto: {
            /** @description Where events are POSTed: https (http only outside production), no user:password@, no fragment; destinations the egress policy denies are refused */
            url?: string;
            events?: ("connection.health_changed" | "connection.rotation.started" | "connection.rotation.promoted" | "connection.rotation.failed" | "connection.deleted")[];
            enabled?: boolean;
            description?: string | null;
        };
        DeliveryAttemptDto: {
            attempt: number;
            /** Format: date-time */
            attempted_at: string;
            /** @description The receiver's HTTP status; null when none came */
            status_code: number | null;
            duration_ms: number;
            /** @description A fixed label: http_<status>, egress_denied, connect_timeout, response_timeout, connection_refused, dns_error, tls_error, network_error, redirect_refused, signing_secret_unavailable, subscription_disabled */
            error: string | null;
            /** @description At most 120 characters of the receiver's answer */
            response_excerpt: string | null;
        };
        WebhookDeliveryDto: {
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description The `webhook-id` header of every attempt
             */
            event_id: string;
            /** @enum {string} */
            event_type: "connection.health_changed" | "connection.rotation.started" | "connection.rotation.promoted" | "connection.rotation.failed" | "connection.deleted";
            resource_uri: string;
            /** @enum {string} */
            status: "pending" | "succeeded" | "failed";
            attempts: number;
            /**
             * Format: date-time
             * @description When a pending delivery is next tried
             */
            next_attempt_at: string | null;
            last_status_code: number | null;
            last_error: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            completed_at: string | null;
            log: components["schemas"]["DeliveryAttemptDto"][];
        };
        WebhookDeliveryPageDto: {
            data: components["schemas"]["WebhookDeliveryDto"][];
            pagination: components["schemas"]["PaginationDto"];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: {
        /** @description The request id: also in the error envelope, in the logs and in audit events. */
        RequestId: string;
        /** @description RFC 6750 challenge: `Bearer realm="<service>"`, with `error="invalid_token"` when a token was sent. */
        WwwAuthenticate: string;
        /** @description Seconds to wait before retrying, when the service can tell. */
        RetryAfter: number;
        /** @description Credentials and errors are never cached by clients or proxies. */
        CacheControlNoStore: "no-store";
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getLiveness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "ok"
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
            /** @description INVALID_REQUEST: malformed path, query or header */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_REQUEST",
                     *         "message": "Malformed request",
                     *         "status": 400,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "ok",
                     *       "info": {
                     *         "database": {
                     *           "status": "up"
                     *         }
                     *       },
                     *       "error": {},
                     *       "details": {
                     *         "database": {
                     *           "status": "up"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                        info?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        error?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        details: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
            /** @description INVALID_REQUEST: malformed path, query or header */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_REQUEST",
                     *         "message": "Malformed request",
                     *         "status": 400,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: a dependency (database, authz, secrets, audit) is down */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "SERVICE_UNAVAILABLE",
                     *         "message": "A dependency is unavailable; retry later",
                     *         "status": 503,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    getSession: {
        parameters: {
            query?: never;
            header?: {
                /** @description Project the request acts in; omit to act at organization level. */
                "X-Project-ID"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "user_id": "alice",
                     *       "org_id": "acme-corp",
                     *       "actor_type": "user",
                     *       "project_id": "analytics-prod"
                     *     }
                     */
                    "application/json": components["schemas"]["SessionDto"];
                };
            };
            /** @description INVALID_REQUEST: malformed query; malformed path, query or header; X-Project-ID is not a valid project slug */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_REQUEST",
                     *         "message": "Malformed request",
                     *         "status": 400,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INVALID_TOKEN: missing, expired or invalid bearer token */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_TOKEN",
                     *         "message": "Missing or invalid bearer token",
                     *         "status": 401,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description `RESOURCE_NOT_FOUND`: the X-Project-ID project does not exist or the caller cannot read it */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RESOURCE_NOT_FOUND",
                     *         "message": "Data connection not found",
                     *         "status": 404,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description `SERVICE_UNAVAILABLE`: the identity provider or Governance (project lookup) is down */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "SERVICE_UNAVAILABLE",
                     *         "message": "A dependency is unavailable; retry later",
                     *         "status": 503,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    listConnectionTypes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every connection type, by category then type (the example shows one) */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "type": "postgres",
                     *           "display_name": "PostgreSQL",
                     *           "category": "database",
                     *           "status": "implemented",
                     *           "status_reason": "Tested against a real PostgreSQL 15 server.",
                     *           "description": "PostgreSQL server (or compatible) over the native protocol; discovers schemas, tables and columns.",
                     *           "config_key": "database_config",
                     *           "config_schema": {
                     *             "$schema": "https://json-schema.org/draft/2020-12/schema",
                     *             "title": "PostgreSQL connection",
                     *             "type": "object",
                     *             "additionalProperties": false,
                     *             "required": [
                     *               "host",
                     *               "database"
                     *             ],
                     *             "properties": {
                     *               "auth_type": {
                     *                 "type": "string",
                     *                 "enum": [
                     *                   "basic"
                     *                 ],
                     *                 "default": "basic",
                     *                 "description": "How to authenticate (default basic); selects the credentials schema."
                     *               },
                     *               "host": {
                     *                 "type": "string",
                     *                 "minLength": 1,
                     *                 "maxLength": 253,
                     *                 "pattern": "^[A-Za-z0-9.-]{1,253}$",
                     *                 "description": "Server hostname or IP address (no scheme, port or path)."
                     *               },
                     *               "port": {
                     *                 "type": "integer",
                     *                 "minimum": 1,
                     *                 "maximum": 65535,
                     *                 "default": 5432,
                     *                 "description": "TCP port (default 5432)."
                     *               },
                     *               "database": {
                     *                 "type": "string",
                     *                 "minLength": 1,
                     *                 "maxLength": 63,
                     *                 "pattern": "^[A-Za-z0-9_$-][A-Za-z0-9_$.-]*$",
                     *                 "description": "Database to connect to."
                     *               },
                     *               "db_schema": {
                     *                 "type": "string",
                     *                 "minLength": 1,
                     *                 "maxLength": 63,
                     *                 "pattern": "^[A-Za-z0-9_$-][A-Za-z0-9_$.-]*$",
                     *                 "description": "Default schema (alias: `schema`)."
                     *               },
                     *               "ssl_mode": {
                     *                 "type": "string",
                     *                 "enum": [
                     *                   "disable",
                     *                   "allow",
                     *                   "prefer",
                     *                   "require",
                     *                   "verify-ca",
                     *                   "verify-full"
                     *                 ],
                     *                 "default": "prefer",
                     *                 "description": "libpq sslmode (default prefer); use verify-full to check the server certificate and name."
                     *               },
                     *               "selected_tables": {
                     *                 "type": "array",
                     *                 "maxItems": 10000,
                     *                 "uniqueItems": true,
                     *                 "items": {
                     *                   "type": "string",
                     *                   "minLength": 1,
                     *                   "maxLength": 255,
                     *                   "pattern": "^[A-Za-z0-9_$.-]{1,255}$"
                     *                 },
                     *                 "description": "Limit discovery and access to these tables (`table` or `schema.table`); omit for all."
                     *               },
                     *               "ssh_tunnel": {
                     *                 "type": "object",
                     *                 "title": "SSH tunnel",
                     *                 "description": "Reach the database through an SSH bastion. The bastion resolves `host`; the database steps run over the forwarded connection.",
                     *                 "additionalProperties": false,
                     *                 "required": [
                     *                   "host",
                     *                   "username"
                     *                 ],
                     *                 "properties": {
                     *                   "host": {
                     *                     "type": "string",
                     *                     "minLength": 1,
                     *                     "maxLength": 253,
                     *                     "pattern": "^[A-Za-z0-9.-]{1,253}$",
                     *                     "description": "Bastion hostname or IP address (no scheme, port or path)."
                     *                   },
                     *                   "port": {
                     *                     "type": "integer",
                     *                     "minimum": 1,
                     *                     "maximum": 65535,
                     *                     "default": 22,
                     *                     "description": "TCP port (default 22)."
                     *                   },
                     *                   "username": {
                     *                     "type": "string",
                     *                     "minLength": 1,
                     *                     "maxLength": 64,
                     *                     "pattern": "^[A-Za-z0-9._][A-Za-z0-9._@-]{0,63}$",
                     *                     "description": "User on the bastion."
                     *                   },
                     *                   "auth_method": {
                     *                     "type": "string",
                     *                     "enum": [
                     *                       "managed_key",
                     *                       "private_key",
                     *                       "password"
                     *                     ],
                     *                     "default": "managed_key",
                     *                     "description": "`managed_key` (default): the platform generates an Ed25519 key for this connection, read its public half at GET …/ssh-public-key. `private_key`: yours, in `credentials.ssh_tunnel.private_key`. `password`: in `credentials.ssh_tunnel.password`."
                     *                   },
                     *                   "host_key_fingerprint": {
                     *                     "type": "string",
                     *                     "maxLength": 50,
                     *                     "pattern": "^SHA256:[A-Za-z0-9+/]{43}$",
                     *                     "description": "The bastion's host key, as `ssh-keygen -lf` prints it (`SHA256:…`). Omit it and the first verification shows the key the bastion presents, to approve with POST …/ssh-host-key/approve."
                     *                   },
                     *                   "public_key": {
                     *                     "type": "string",
                     *                     "maxLength": 2048,
                     *                     "pattern": "^ssh-[a-z0-9-]+ [A-Za-z0-9+/=]+( [^\\u0000-\\u001F\\u007F]*)?$",
                     *                     "readOnly": true,
                     *                     "description": "Set by the server (managed_key): the line for the bastion's authorized_keys."
                     *                   },
                     *                   "previous_public_key": {
                     *                     "type": "string",
                     *                     "maxLength": 2048,
                     *                     "pattern": "^ssh-[a-z0-9-]+ [A-Za-z0-9+/=]+( [^\\u0000-\\u001F\\u007F]*)?$",
                     *                     "readOnly": true,
                     *                     "description": "Set by the server: the managed key a rotation replaced, still used until previous_key_expires_at."
                     *                   },
                     *                   "previous_key_expires_at": {
                     *                     "type": "string",
                     *                     "maxLength": 40,
                     *                     "pattern": "^\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z$",
                     *                     "readOnly": true,
                     *                     "description": "Set by the server: when the previous managed key stops being offered."
                     *                   }
                     *                 }
                     *               }
                     *             }
                     *           },
                     *           "config_example": {
                     *             "auth_type": "basic",
                     *             "host": "db.internal.example.com",
                     *             "port": 5432,
                     *             "database": "analytics",
                     *             "db_schema": "public",
                     *             "ssl_mode": "verify-full"
                     *           },
                     *           "default_auth_type": "basic",
                     *           "auth_methods": [
                     *             {
                     *               "auth_type": "basic",
                     *               "display_name": "Username and password",
                     *               "description": "Database user and password, optionally with a CA bundle and a client certificate for mutual TLS.",
                     *               "credentials_schema": {
                     *                 "$schema": "https://json-schema.org/draft/2020-12/schema",
                     *                 "title": "Username and password",
                     *                 "type": "object",
                     *                 "additionalProperties": false,
                     *                 "required": [
                     *                   "username",
                     *                   "password"
                     *                 ],
                     *                 "properties": {
                     *                   "username": {
                     *                     "type": "string",
                     *                     "minLength": 1,
                     *                     "maxLength": 255,
                     *                     "pattern": "^[^\\u0000-\\u001F\\u007F]+$",
                     *                     "description": "User name."
                     *                   },
                     *                   "password": {
                     *                     "type": "string",
                     *                     "minLength": 1,
                     *                     "maxLength": 1024,
                     *                     "writeOnly": true,
                     *                     "format": "password",
                     *                     "description": "Password."
                     *                   },
                     *                   "ca_cert": {
                     *                     "type": "string",
                     *                     "minLength": 1,
                     *                     "maxLength": 16384,
                     *                     "pattern": "^\\s*-----BEGIN [A-Z0-9 ]{1,64}-----[\\s\\S]+-----END [A-Z0-9 ]{1,64}-----\\s*$",
                     *                     "description": "PEM CA certificate(s) to trust instead of the system store (for verify modes)."
                     *                   },
                     *                   "client_cert": {
                     *                     "type": "string",
                     *                     "minLength": 1,
                     *                     "maxLength": 16384,
                     *                     "pattern": "^\\s*-----BEGIN [A-Z0-9 ]{1,64}-----[\\s\\S]+-----END [A-Z0-9 ]{1,64}-----\\s*$",
                     *                     "description": "PEM client certificate for mutual TLS."
                     *                   },
                     *                   "client_key": {
                     *                     "type": "string",
                     *                     "minLength": 1,
                     *                     "maxLength": 16384,
                     *                     "pattern": "^\\s*-----BEGIN [A-Z0-9 ]{1,64}-----[\\s\\S]+-----END [A-Z0-9 ]{1,64}-----\\s*$",
                     *                     "writeOnly": true,
                     *                     "format": "password",
                     *                     "description": "PEM private key of the client certificate."
                     *                   },
                     *                   "ssh_tunnel": {
                     *                     "type": "object",
                     *                     "title": "SSH tunnel credentials",
                     *                     "description": "Only for ssh_tunnel.auth_method `private_key` or `password`; a managed key is never sent.",
                     *                     "additionalProperties": false,
                     *                     "properties": {
                     *                       "private_key": {
                     *                         "type": "string",
                     *                         "minLength": 1,
                     *                         "maxLength": 16384,
                     *                         "pattern": "^\\s*-----BEGIN [A-Z0-9 ]{1,64}-----[\\s\\S]+-----END [A-Z0-9 ]{1,64}-----\\s*$",
                     *                         "writeOnly": true,
                     *                         "format": "password",
                     *                         "description": "OpenSSH or PEM private key (auth_method private_key)."
                     *                       },
                     *                       "passphrase": {
                     *                         "type": "string",
                     *                         "minLength": 1,
                     *                         "maxLength": 1024,
                     *                         "writeOnly": true,
                     *                         "format": "password",
                     *                         "description": "Passphrase of an encrypted private_key."
                     *                       },
                     *                       "password": {
                     *                         "type": "string",
                     *                         "minLength": 1,
                     *                         "maxLength": 1024,
                     *                         "writeOnly": true,
                     *                         "format": "password",
                     *                         "description": "Password on the bastion (auth_method password)."
                     *                       }
                     *                     }
                     *                   }
                     *                 }
                     *               },
                     *               "credentials_example": {
                     *                 "username": "analytics_reader",
                     *                 "password": "<password>",
                     *                 "ca_cert": "-----BEGIN CERTIFICATE-----\n<base64 certificate>\n-----END CERTIFICATE-----\n"
                     *               }
                     *             }
                     *           ],
                     *           "destination_fields": [
                     *             "host",
                     *             "port",
                     *             "ssh_tunnel"
                     *           ],
                     *           "default_port": 5432,
                     *           "supports_discovery": true,
                     *           "discovery_level": "tables",
                     *           "supports_ssh_tunnel": true
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ConnectionTypesDto"];
                };
            };
            /** @description INVALID_REQUEST: malformed path, query or header */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_REQUEST",
                     *         "message": "Malformed request",
                     *         "status": 400,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INVALID_TOKEN: missing, expired or invalid bearer token */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_TOKEN",
                     *         "message": "Missing or invalid bearer token",
                     *         "status": 401,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: a dependency (database, Governance, the identity provider) is down; AUDIT_UNAVAILABLE when the audit event cannot be written (nothing is released or changed) */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "SERVICE_UNAVAILABLE",
                     *         "message": "A dependency is unavailable; retry later",
                     *         "status": 503,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    listConnections: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
                /** @description Case-insensitive match on name and description; % _ \ are literal */
                search?: string;
                connection_type?: "postgres" | "redshift" | "snowflake" | "mysql" | "mongodb" | "bigquery" | "databricks" | "oracle" | "s3" | "gcs" | "minio" | "azure_blob" | "couchbase" | "hive";
                status?: "PENDING" | "ACTIVE" | "ERROR" | "DISABLED";
                /** @description What the scheduled health checks last found */
                health?: "healthy" | "degraded" | "auth_failed" | "unreachable" | "permission_lost" | "tls_error" | "unknown";
                /** @description Comma-separated; a connection must carry every tag */
                tags?: string;
                /** @description Creator (user id); `user:alice` is accepted too */
                created_by?: string;
                /**
                 * @deprecated
                 * @description Deprecated alias of created_by
                 */
                owner_id?: string;
                /** @description Fields: name, created_at, updated_at, connection_type, status, last_verified_at, last_checked_at */
                sort?: string;
            };
            header?: {
                /** @description Project the request acts in; omit to act at organization level. */
                "X-Project-ID"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of connections (metadata only) */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "resource_uri": "data:acme-corp:analytics-prod:customer-analytics-db",
                     *           "name": "Customer Analytics DB",
                     *           "connection_type": "postgres",
                     *           "description": "Production read replica for analytics",
                     *           "org_id": "acme-corp",
                     *           "project_id": "analytics-prod",
                     *           "scope": "project",
                     *           "status": "ACTIVE",
                     *           "tags": [
                     *             "production",
                     *             "analytics"
                     *           ],
                     *           "database_config": {
                     *             "auth_type": "basic",
                     *             "host": "pg-replica.example.com",
                     *             "port": 5432,
                     *             "database": "analytics",
                     *             "db_schema": "public",
                     *             "ssl_mode": "prefer",
                     *             "selected_tables": [
                     *               "customers",
                     *               "orders",
                     *               "products"
                     *             ]
                     *           },
                     *           "pool": {
                     *             "max_connections": 10,
                     *             "min_connections": 0,
                     *             "idle_timeout_ms": 30000,
                     *             "connection_timeout_ms": 10000,
                     *             "max_lifetime_ms": 1800000
                     *           },
                     *           "created_by": "alice",
                     *           "created_at": "2026-01-15T09:30:00.000Z",
                     *           "updated_at": "2026-01-15T09:31:12.000Z",
                     *           "last_verified_at": "2026-01-15T09:31:12.000Z",
                     *           "last_verification": {
                     *             "success": true,
                     *             "message": "connection verified",
                     *             "latency_ms": 184
                     *           },
                     *           "health": "unknown",
                     *           "health_check_interval_seconds": null,
                     *           "last_checked_at": null,
                     *           "last_healthy_at": null,
                     *           "consecutive_failures": 0,
                     *           "next_check_at": null,
                     *           "health_forecast": null
                     *         }
                     *       ],
                     *       "pagination": {
                     *         "page": 1,
                     *         "limit": 20,
                     *         "total_items": 1,
                     *         "total_pages": 1,
                     *         "next_page": null,
                     *         "prev_page": null
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ConnectionPageDto"];
                };
            };
            /** @description INVALID_REQUEST: a bad filter, sort or paging parameter (a blank search, limit=0, …); malformed path, query or header; X-Project-ID is not a valid project slug */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_REQUEST",
                     *         "message": "Malformed request",
                     *         "status": 400,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INVALID_TOKEN: missing, expired or invalid bearer token */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_TOKEN",
                     *         "message": "Missing or invalid bearer token",
                     *         "status": 401,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description RESOURCE_NOT_FOUND: the X-Project-ID project does not exist or the caller cannot read it */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RESOURCE_NOT_FOUND",
                     *         "message": "Data connection not found",
                     *         "status": 404,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: a dependency (database, Governance, the identity provider) is down; AUDIT_UNAVAILABLE when the audit event cannot be written (nothing is released or changed) */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "SERVICE_UNAVAILABLE",
                     *         "message": "A dependency is unavailable; retry later",
                     *         "status": 503,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    createConnection: {
        parameters: {
            query?: never;
            header?: {
                /** @description Project the request acts in; omit to act at organization level. */
                "X-Project-ID"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateConnectionDto"];
            };
        };
        responses: {
            /** @description The connection as stored (never its credentials); status PENDING until verified */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "resource_uri": "data:acme-corp:analytics-prod:customer-analytics-db",
                     *       "name": "Customer Analytics DB",
                     *       "connection_type": "postgres",
                     *       "description": "Production read replica for analytics",
                     *       "org_id": "acme-corp",
                     *       "project_id": "analytics-prod",
                     *       "scope": "project",
                     *       "status": "PENDING",
                     *       "tags": [
                     *         "production",
                     *         "analytics"
                     *       ],
                     *       "database_config": {
                     *         "auth_type": "basic",
                     *         "host": "pg-replica.example.com",
                     *         "port": 5432,
                     *         "database": "analytics",
                     *         "db_schema": "public",
                     *         "ssl_mode": "prefer",
                     *         "selected_tables": [
                     *           "customers",
                     *           "orders",
                     *           "products"
                     *         ]
                     *       },
                     *       "pool": {
                     *         "max_connections": 10,
                     *         "min_connections": 0,
                     *         "idle_timeout_ms": 30000,
                     *         "connection_timeout_ms": 10000,
                     *         "max_lifetime_ms": 1800000
                     *       },
                     *       "created_by": "alice",
                     *       "created_at": "2026-01-15T09:30:00.000Z",
                     *       "updated_at": "2026-01-15T09:30:00.000Z",
                     *       "last_verified_at": null,
                     *       "last_verification": null,
                     *       "health": "unknown",
                     *       "health_check_interval_seconds": null,
                     *       "last_checked_at": null,
                     *       "last_healthy_at": null,
                     *       "consecutive_failures": 0,
                     *       "next_check_at": null,
                     *       "health_forecast": null
                     *     }
                     */
                    "application/json": components["schemas"]["ConnectionDto"];
                };
            };
            /** @description INVALID_REQUEST: malformed path, query or header; the body is not well-formed JSON; X-Project-ID is not a valid project slug */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_REQUEST",
                     *         "message": "Malformed request",
                     *         "status": 400,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INVALID_TOKEN: missing, expired or invalid bearer token */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_TOKEN",
                     *         "message": "Missing or invalid bearer token",
                     *         "status": 401,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INSUFFICIENT_PERMISSIONS */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INSUFFICIENT_PERMISSIONS",
                     *         "message": "Insufficient permissions",
                     *         "status": 403,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description RESOURCE_NOT_FOUND: the X-Project-ID project does not exist or the caller cannot read it */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RESOURCE_NOT_FOUND",
                     *         "message": "Data connection not found",
                     *         "status": 404,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description RESOURCE_ALREADY_EXISTS: the name (or resource_uri) is taken in the scope */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CONFLICT",
                     *         "message": "Another change to this resource came first; nothing was changed",
                     *         "status": 409,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MiB */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "Request body is too large",
                     *         "status": 413,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not application/json */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNSUPPORTED_MEDIA_TYPE",
                     *         "message": "Unsupported Content-Type: send the body as application/json",
                     *         "status": 415,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description VALIDATION_ERROR: the body or the settings fail the type's schemas; `details.fields` lists each `{ field, message }` */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_ERROR",
                     *         "message": "Request body failed validation",
                     *         "status": 422,
                     *         "details": {
                     *           "fields": [
                     *             {
                     *               "field": "name",
                     *               "message": "must be 1 to 255 characters"
                     *             }
                     *           ]
                     *         },
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: a dependency (database, Governance, the identity provider) is down; AUDIT_UNAVAILABLE when the audit event cannot be written (nothing is released or changed) */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "SERVICE_UNAVAILABLE",
                     *         "message": "A dependency is unavailable; retry later",
                     *         "status": 503,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    verifyNewConnection: {
        parameters: {
            query?: never;
            header?: {
                /** @description Project the request acts in; omit to act at organization level. */
                "X-Project-ID"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VerifyConnectionDto"];
            };
        };
        responses: {
            /** @description The probe report; `success: false` when a step failed */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerificationReportDto"];
                };
            };
            /** @description INVALID_REQUEST: discovery options outside what this service allows (max_objects, include/exclude patterns); malformed path, query or header; the body is not well-formed JSON; X-Project-ID is not a valid project slug */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_REQUEST",
                     *         "message": "Malformed request",
                     *         "status": 400,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INVALID_TOKEN: missing, expired or invalid bearer token */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_TOKEN",
                     *         "message": "Missing or invalid bearer token",
                     *         "status": 401,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INSUFFICIENT_PERMISSIONS */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INSUFFICIENT_PERMISSIONS",
                     *         "message": "Insufficient permissions",
                     *         "status": 403,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description RESOURCE_NOT_FOUND: the X-Project-ID project does not exist or the caller cannot read it */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RESOURCE_NOT_FOUND",
                     *         "message": "Data connection not found",
                     *         "status": 404,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MiB */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "Request body is too large",
                     *         "status": 413,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not application/json */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNSUPPORTED_MEDIA_TYPE",
                     *         "message": "Unsupported Content-Type: send the body as application/json",
                     *         "status": 415,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description VALIDATION_ERROR: the body or the settings fail the type's schemas; `details.fields` lists each `{ field, message }` */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_ERROR",
                     *         "message": "Request body failed validation",
                     *         "status": 422,
                     *         "details": {
                     *           "fields": [
                     *             {
                     *               "field": "name",
                     *               "message": "must be 1 to 255 characters"
                     *             }
                     *           ]
                     *         },
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: too many verifications by this caller, or too many in progress; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMIT_EXCEEDED",
                     *         "message": "Too many requests",
                     *         "status": 429,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: a dependency (database, Governance, the identity provider) is down; AUDIT_UNAVAILABLE when the audit event cannot be written (nothing is released or changed) */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "SERVICE_UNAVAILABLE",
                     *         "message": "A dependency is unavailable; retry later",
                     *         "status": 503,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    verifyConnection: {
        parameters: {
            query?: never;
            header?: {
                /** @description Project the request acts in; omit to act at organization level. */
                "X-Project-ID"?: string;
            };
            path: {
                /** @description One path segment; raw colons and percent-encoded `%3A` both work */
                resource_uri: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["VerifyExistingDto"];
            };
        };
        responses: {
            /** @description The probe report; `success: false` when a step failed */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerificationReportDto"];
                };
            };
            /** @description INVALID_REQUEST: discovery options outside what this service allows (max_objects, include/exclude patterns); malformed path, query or header; the body is not well-formed JSON; X-Project-ID is not a valid project slug */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_REQUEST",
                     *         "message": "Malformed request",
                     *         "status": 400,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INVALID_TOKEN: missing, expired or invalid bearer token */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_TOKEN",
                     *         "message": "Missing or invalid bearer token",
                     *         "status": 401,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INSUFFICIENT_PERMISSIONS */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INSUFFICIENT_PERMISSIONS",
                     *         "message": "Insufficient permissions",
                     *         "status": 403,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description RESOURCE_NOT_FOUND: missing, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RESOURCE_NOT_FOUND",
                     *         "message": "Data connection not found",
                     *         "status": 404,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MiB */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "Request body is too large",
                     *         "status": 413,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not application/json */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNSUPPORTED_MEDIA_TYPE",
                     *         "message": "Unsupported Content-Type: send the body as application/json",
                     *         "status": 415,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description VALIDATION_ERROR: the discovery options are invalid; `details.fields` lists each */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_ERROR",
                     *         "message": "Request body failed validation",
                     *         "status": 422,
                     *         "details": {
                     *           "fields": [
                     *             {
                     *               "field": "name",
                     *               "message": "must be 1 to 255 characters"
                     *             }
                     *           ]
                     *         },
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: too many verifications by this caller, or too many in progress; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMIT_EXCEEDED",
                     *         "message": "Too many requests",
                     *         "status": 429,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: a dependency (database, Governance, the identity provider) is down; AUDIT_UNAVAILABLE when the audit event cannot be written (nothing is released or changed) */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "SERVICE_UNAVAILABLE",
                     *         "message": "A dependency is unavailable; retry later",
                     *         "status": 503,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    getConnection: {
        parameters: {
            query?: never;
            header?: {
                /** @description Project the request acts in; omit to act at organization level. */
                "X-Project-ID"?: string;
            };
            path: {
                /** @description One path segment; raw colons and percent-encoded `%3A` both work */
                resource_uri: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The connection (never its credentials) */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "resource_uri": "data:acme-corp:analytics-prod:customer-analytics-db",
                     *       "name": "Customer Analytics DB",
                     *       "connection_type": "postgres",
                     *       "description": "Production read replica for analytics",
                     *       "org_id": "acme-corp",
                     *       "project_id": "analytics-prod",
                     *       "scope": "project",
                     *       "status": "ACTIVE",
                     *       "tags": [
                     *         "production",
                     *         "analytics"
                     *       ],
                     *       "database_config": {
                     *         "auth_type": "basic",
                     *         "host": "pg-replica.example.com",
                     *         "port": 5432,
                     *         "database": "analytics",
                     *         "db_schema": "public",
                     *         "ssl_mode": "prefer",
                     *         "selected_tables": [
                     *           "customers",
                     *           "orders",
                     *           "products"
                     *         ]
                     *       },
                     *       "pool": {
                     *         "max_connections": 10,
                     *         "min_connections": 0,
                     *         "idle_timeout_ms": 30000,
                     *         "connection_timeout_ms": 10000,
                     *         "max_lifetime_ms": 1800000
                     *       },
                     *       "created_by": "alice",
                     *       "created_at": "2026-01-15T09:30:00.000Z",
                     *       "updated_at": "2026-01-15T09:31:12.000Z",
                     *       "last_verified_at": "2026-01-15T09:31:12.000Z",
                     *       "last_verification": {
                     *         "success": true,
                     *         "message": "connection verified",
                     *         "latency_ms": 184
                     *       },
                     *       "health": "unknown",
                     *       "health_check_interval_seconds": null,
                     *       "last_checked_at": null,
                     *       "last_healthy_at": null,
                     *       "consecutive_failures": 0,
                     *       "next_check_at": null,
                     *       "health_forecast": null
                     *     }
                     */
                    "application/json": components["schemas"]["ConnectionDto"];
                };
            };
            /** @description INVALID_REQUEST: malformed path, query or header; X-Project-ID is not a valid project slug */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_REQUEST",
                     *         "message": "Malformed request",
                     *         "status": 400,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INVALID_TOKEN: missing, expired or invalid bearer token */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_TOKEN",
                     *         "message": "Missing or invalid bearer token",
                     *         "status": 401,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INSUFFICIENT_PERMISSIONS */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INSUFFICIENT_PERMISSIONS",
                     *         "message": "Insufficient permissions",
                     *         "status": 403,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description RESOURCE_NOT_FOUND: missing, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RESOURCE_NOT_FOUND",
                     *         "message": "Data connection not found",
                     *         "status": 404,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: a dependency (database, Governance, the identity provider) is down; AUDIT_UNAVAILABLE when the audit event cannot be written (nothing is released or changed) */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "SERVICE_UNAVAILABLE",
                     *         "message": "A dependency is unavailable; retry later",
                     *         "status": 503,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    replaceConnection: {
        parameters: {
            query?: never;
            header?: {
                /** @description Project the request acts in; omit to act at organization level. */
                "X-Project-ID"?: string;
            };
            path: {
                /** @description One path segment; raw colons and percent-encoded `%3A` both work */
                resource_uri: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateConnectionDto"];
            };
        };
        responses: {
            /** @description The connection as this request committed it */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "resource_uri": "data:acme-corp:analytics-prod:customer-analytics-db",
                     *       "name": "Customer Analytics DB",
                     *       "connection_type": "postgres",
                     *       "description": "Production read replica for analytics (TLS verified)",
                     *       "org_id": "acme-corp",
                     *       "project_id": "analytics-prod",
                     *       "scope": "project",
                     *       "status": "ACTIVE",
                     *       "tags": [
                     *         "production",
                     *         "analytics"
                     *       ],
                     *       "database_config": {
                     *         "auth_type": "basic",
                     *         "host": "pg-replica.example.com",
                     *         "port": 5432,
                     *         "database": "analytics",
                     *         "db_schema": "public",
                     *         "ssl_mode": "verify-full",
                     *         "selected_tables": [
                     *           "customers",
                     *           "orders",
                     *           "products"
                     *         ]
                     *       },
                     *       "pool": {
                     *         "max_connections": 10,
                     *         "min_connections": 0,
                     *         "idle_timeout_ms": 30000,
                     *         "connection_timeout_ms": 10000,
                     *         "max_lifetime_ms": 1800000
                     *       },
                     *       "created_by": "alice",
                     *       "created_at": "2026-01-15T09:30:00.000Z",
                     *       "updated_at": "2026-01-16T08:00:00.000Z",
                     *       "last_verified_at": "2026-01-15T09:31:12.000Z",
                     *       "last_verification": {
                     *         "success": true,
                     *         "message": "connection verified",
                     *         "latency_ms": 184
                     *       },
                     *       "health": "unknown",
                     *       "health_check_interval_seconds": null,
                     *       "last_checked_at": null,
                     *       "last_healthy_at": null,
                     *       "consecutive_failures": 0,
                     *       "next_check_at": null,
                     *       "health_forecast": null
                     *     }
                     */
                    "application/json": components["schemas"]["ConnectionDto"];
                };
            };
            /** @description INVALID_REQUEST: malformed path, query or header; the body is not well-formed JSON; X-Project-ID is not a valid project slug */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_REQUEST",
                     *         "message": "Malformed request",
                     *         "status": 400,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INVALID_TOKEN: missing, expired or invalid bearer token */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_TOKEN",
                     *         "message": "Missing or invalid bearer token",
                     *         "status": 401,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INSUFFICIENT_PERMISSIONS */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INSUFFICIENT_PERMISSIONS",
                     *         "message": "Insufficient permissions",
                     *         "status": 403,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description RESOURCE_NOT_FOUND: missing, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RESOURCE_NOT_FOUND",
                     *         "message": "Data connection not found",
                     *         "status": 404,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description CONFLICT: another change to this connection came first (the row changed since this request read it) or is still in progress; nothing was changed or stored. Read it again and retry. RESOURCE_ALREADY_EXISTS when the new name is taken in the scope. */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CONFLICT",
                     *         "message": "Another change to this resource came first; nothing was changed",
                     *         "status": 409,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MiB */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "Request body is too large",
                     *         "status": 413,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not application/json */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNSUPPORTED_MEDIA_TYPE",
                     *         "message": "Unsupported Content-Type: send the body as application/json",
                     *         "status": 415,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description VALIDATION_ERROR: the body or the settings fail the type's schemas; `details.fields` lists each `{ field, message }`. REBIND_REQUIRES_CREDENTIALS: the change would send the stored credentials to a new destination (or over weaker transport security) without new ones; `details.fields` names each changed setting */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: a dependency (database, Governance, the identity provider) is down; AUDIT_UNAVAILABLE when the audit event cannot be written (nothing is released or changed) */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "SERVICE_UNAVAILABLE",
                     *         "message": "A dependency is unavailable; retry later",
                     *         "status": 503,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    deleteConnection: {
        parameters: {
            query?: never;
            header?: {
                /** @description Project the request acts in; omit to act at organization level. */
                "X-Project-ID"?: string;
            };
            path: {
                /** @description One path segment; raw colons and percent-encoded `%3A` both work */
                resource_uri: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted, with its tuples and its secret */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description INVALID_REQUEST: malformed path, query or header; X-Project-ID is not a valid project slug */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_REQUEST",
                     *         "message": "Malformed request",
                     *         "status": 400,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INVALID_TOKEN: missing, expired or invalid bearer token */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_TOKEN",
                     *         "message": "Missing or invalid bearer token",
                     *         "status": 401,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INSUFFICIENT_PERMISSIONS */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INSUFFICIENT_PERMISSIONS",
                     *         "message": "Insufficient permissions",
                     *         "status": 403,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description RESOURCE_NOT_FOUND: missing, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RESOURCE_NOT_FOUND",
                     *         "message": "Data connection not found",
                     *         "status": 404,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description CONFLICT: another change to this connection came first (the row changed since this request read it) or is still in progress; nothing was changed or stored. Read it again and retry. */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CONFLICT",
                     *         "message": "Another change to this resource came first; nothing was changed",
                     *         "status": 409,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: a dependency (database, Governance, the identity provider) is down; AUDIT_UNAVAILABLE when the audit event cannot be written (nothing is released or changed) */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "SERVICE_UNAVAILABLE",
                     *         "message": "A dependency is unavailable; retry later",
                     *         "status": 503,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    updateConnection: {
        parameters: {
            query?: never;
            header?: {
                /** @description Project the request acts in; omit to act at organization level. */
                "X-Project-ID"?: string;
            };
            path: {
                /** @description One path segment; raw colons and percent-encoded `%3A` both work */
                resource_uri: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateConnectionDto"];
            };
        };
        responses: {
            /** @description The connection as this request committed it */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "resource_uri": "data:acme-corp:analytics-prod:customer-analytics-db",
                     *       "name": "Customer Analytics DB",
                     *       "connection_type": "postgres",
                     *       "description": "Read replica, refreshed nightly",
                     *       "org_id": "acme-corp",
                     *       "project_id": "analytics-prod",
                     *       "scope": "project",
                     *       "status": "ACTIVE",
                     *       "tags": [
                     *         "production",
                     *         "analytics",
                     *         "nightly"
                     *       ],
                     *       "database_config": {
                     *         "auth_type": "basic",
                     *         "host": "pg-replica.example.com",
                     *         "port": 5432,
                     *         "database": "analytics",
                     *         "db_schema": "public",
                     *         "ssl_mode": "prefer",
                     *         "selected_tables": [
                     *           "customers",
                     *           "orders",
                     *           "products"
                     *         ]
                     *       },
                     *       "pool": {
                     *         "max_connections": 10,
                     *         "min_connections": 0,
                     *         "idle_timeout_ms": 30000,
                     *         "connection_timeout_ms": 10000,
                     *         "max_lifetime_ms": 1800000
                     *       },
                     *       "created_by": "alice",
                     *       "created_at": "2026-01-15T09:30:00.000Z",
                     *       "updated_at": "2026-01-16T08:00:00.000Z",
                     *       "last_verified_at": "2026-01-15T09:31:12.000Z",
                     *       "last_verification": {
                     *         "success": true,
                     *         "message": "connection verified",
                     *         "latency_ms": 184
                     *       },
                     *       "health": "unknown",
                     *       "health_check_interval_seconds": null,
                     *       "last_checked_at": null,
                     *       "last_healthy_at": null,
                     *       "consecutive_failures": 0,
                     *       "next_check_at": null,
                     *       "health_forecast": null
                     *     }
                     */
                    "application/json": components["schemas"]["ConnectionDto"];
                };
            };
            /** @description INVALID_REQUEST: malformed path, query or header; the body is not well-formed JSON; X-Project-ID is not a valid project slug */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_REQUEST",
                     *         "message": "Malformed request",
                     *         "status": 400,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INVALID_TOKEN: missing, expired or invalid bearer token */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_TOKEN",
                     *         "message": "Missing or invalid bearer token",
                     *         "status": 401,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INSUFFICIENT_PERMISSIONS */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INSUFFICIENT_PERMISSIONS",
                     *         "message": "Insufficient permissions",
                     *         "status": 403,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description RESOURCE_NOT_FOUND: missing, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RESOURCE_NOT_FOUND",
                     *         "message": "Data connection not found",
                     *         "status": 404,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description CONFLICT: another change to this connection came first (the row changed since this request read it) or is still in progress; nothing was changed or stored. Read it again and retry. RESOURCE_ALREADY_EXISTS when the new name is taken in the scope. */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CONFLICT",
                     *         "message": "Another change to this resource came first; nothing was changed",
                     *         "status": 409,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MiB */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "Request body is too large",
                     *         "status": 413,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not application/json */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNSUPPORTED_MEDIA_TYPE",
                     *         "message": "Unsupported Content-Type: send the body as application/json",
                     *         "status": 415,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description VALIDATION_ERROR: the body or the settings fail the type's schemas; `details.fields` lists each `{ field, message }`. REBIND_REQUIRES_CREDENTIALS: the change would send the stored credentials to a new destination (or over weaker transport security) without new ones; `details.fields` names each changed setting */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: a dependency (database, Governance, the identity provider) is down; AUDIT_UNAVAILABLE when the audit event cannot be written (nothing is released or changed) */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "SERVICE_UNAVAILABLE",
                     *         "message": "A dependency is unavailable; retry later",
                     *         "status": 503,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    getConnectionSecret: {
        parameters: {
            query?: {
                /** @description `active` (default), `previous` (the version a rotation replaced, during its grace period), or a version number (the active or the in-grace previous one); any other version is 404 */
                version?: string;
            };
            header?: {
                /** @description Project the request acts in; omit to act at organization level. */
                "X-Project-ID"?: string;
            };
            path: {
                /** @description One path segment; raw colons and percent-encoded `%3A` both work */
                resource_uri: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The credentials of the version asked for (default: the active one), read from Governance for this request */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectionSecretDto"];
                };
            };
            /** @description INVALID_REQUEST: `version` is not active, previous or a version number; malformed path, query or header; X-Project-ID is not a valid project slug */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_REQUEST",
                     *         "message": "Malformed request",
                     *         "status": 400,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INVALID_TOKEN: missing, expired or invalid bearer token */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_TOKEN",
                     *         "message": "Missing or invalid bearer token",
                     *         "status": 401,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INSUFFICIENT_PERMISSIONS */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INSUFFICIENT_PERMISSIONS",
                     *         "message": "Insufficient permissions",
                     *         "status": 403,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /**
             * @description RESOURCE_NOT_FOUND: the connection does not exist or the caller cannot see it, or the version asked for is neither the active one nor a previous one still in its grace period
             *
             *     RESOURCE_NOT_FOUND: missing, or not visible to the caller
             */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RESOURCE_NOT_FOUND",
                     *         "message": "Data connection not found",
                     *         "status": 404,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: a dependency (database, Governance, the identity provider) is down; AUDIT_UNAVAILABLE when the audit event cannot be written (nothing is released or changed) */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "SERVICE_UNAVAILABLE",
                     *         "message": "A dependency is unavailable; retry later",
                     *         "status": 503,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    listConnectionHealthChecks: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
            };
            header?: {
                /** @description Project the request acts in; omit to act at organization level. */
                "X-Project-ID"?: string;
            };
            path: {
                /** @description One path segment; raw colons and percent-encoded `%3A` both work */
                resource_uri: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "5b0c1f5e-8d1a-4f6e-9a57-3c1d2b4e6f70",
                     *           "checked_at": "2026-01-15T10:12:41.000Z",
                     *           "health": "auth_failed",
                     *           "error_code": "auth_failed",
                     *           "message": "failed at authenticate: authentication failed",
                     *           "latency_ms": 41,
                     *           "warnings": [],
                     *           "forecast": {
                     *             "credentials_set_at": "2026-01-15T09:30:00.000Z",
                     *             "credentials_max_age_days": 90,
                     *             "credentials_expire_at": "2026-04-15T09:30:00.000Z"
                     *           }
                     *         },
                     *         {
                     *           "id": "0f3e2d1c-4b5a-4978-8695-a4b3c2d1e0f9",
                     *           "checked_at": "2026-01-15T09:12:40.000Z",
                     *           "health": "healthy",
                     *           "error_code": null,
                     *           "message": "connection verified",
                     *           "latency_ms": 63,
                     *           "warnings": [],
                     *           "forecast": {
                     *             "credentials_set_at": "2026-01-15T09:30:00.000Z",
                     *             "credentials_max_age_days": 90,
                     *             "credentials_expire_at": "2026-04-15T09:30:00.000Z"
                     *           }
                     *         }
                     *       ],
                     *       "pagination": {
                     *         "page": 1,
                     *         "limit": 20,
                     *         "total_items": 2,
                     *         "total_pages": 1,
                     *         "next_page": null,
                     *         "prev_page": null
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["HealthCheckPageDto"];
                };
            };
            /** @description INVALID_REQUEST: malformed path, query or header; X-Project-ID is not a valid project slug */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_REQUEST",
                     *         "message": "Malformed request",
                     *         "status": 400,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INVALID_TOKEN: missing, expired or invalid bearer token */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_TOKEN",
                     *         "message": "Missing or invalid bearer token",
                     *         "status": 401,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INSUFFICIENT_PERMISSIONS */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INSUFFICIENT_PERMISSIONS",
                     *         "message": "Insufficient permissions",
                     *         "status": 403,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description RESOURCE_NOT_FOUND: missing, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RESOURCE_NOT_FOUND",
                     *         "message": "Data connection not found",
                     *         "status": 404,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: a dependency (database, authz, secrets, audit) is down */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "SERVICE_UNAVAILABLE",
                     *         "message": "A dependency is unavailable; retry later",
                     *         "status": 503,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    listConnectionRotations: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
            };
            header?: {
                /** @description Project the request acts in; omit to act at organization level. */
                "X-Project-ID"?: string;
            };
            path: {
                /** @description One path segment; raw colons and percent-encoded `%3A` both work */
                resource_uri: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of rotations (never credentials) */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "5f0c1c7e-2b0a-4a8e-9d55-0c3f1e0b9a11",
                     *           "resource_uri": "data:acme-corp:analytics-prod:customer-analytics-db",
                     *           "status": "promoted",
                     *           "from_version": 2,
                     *           "to_version": 3,
                     *           "auth_type": "basic",
                     *           "grace_period_seconds": 3600,
                     *           "actor_id": "alice",
                     *           "error_code": null,
                     *           "error_message": null,
                     *           "created_at": "2026-01-05T10:00:00.000Z",
                     *           "updated_at": "2026-01-05T10:00:01.000Z",
                     *           "promoted_at": "2026-01-05T10:00:01.000Z",
                     *           "previous_version_expires_at": "2026-01-05T11:00:01.000Z",
                     *           "rolled_back_at": null,
                     *           "retired_at": null
                     *         }
                     *       ],
                     *       "pagination": {
                     *         "page": 1,
                     *         "limit": 20,
                     *         "total_items": 1,
                     *         "total_pages": 1,
                     *         "next_page": null,
                     *         "prev_page": null
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["RotationPageDto"];
                };
            };
            /** @description INVALID_REQUEST: a bad paging parameter; malformed path, query or header; X-Project-ID is not a valid project slug */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_REQUEST",
                     *         "message": "Malformed request",
                     *         "status": 400,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INVALID_TOKEN: missing, expired or invalid bearer token */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_TOKEN",
                     *         "message": "Missing or invalid bearer token",
                     *         "status": 401,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INSUFFICIENT_PERMISSIONS */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INSUFFICIENT_PERMISSIONS",
                     *         "message": "Insufficient permissions",
                     *         "status": 403,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description RESOURCE_NOT_FOUND: missing, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RESOURCE_NOT_FOUND",
                     *         "message": "Data connection not found",
                     *         "status": 404,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: a dependency (database, Governance, the audit log) is down; a rotation that was started is undone (the staged version deleted) here or by the reconciler */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "SERVICE_UNAVAILABLE",
                     *         "message": "A dependency is unavailable; retry later",
                     *         "status": 503,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    rotateConnectionCredentials: {
        parameters: {
            query?: never;
            header?: {
                /** @description Project the request acts in; omit to act at organization level. */
                "X-Project-ID"?: string;
            };
            path: {
                /** @description One path segment; raw colons and percent-encoded `%3A` both work */
                resource_uri: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRotationDto"];
            };
        };
        responses: {
            /** @description The rotation as it ended: `promoted`, or `failed` with the reason */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RotationDto"];
                };
            };
            /** @description INVALID_REQUEST: malformed path, query or header; the body is not well-formed JSON; X-Project-ID is not a valid project slug */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_REQUEST",
                     *         "message": "Malformed request",
                     *         "status": 400,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INVALID_TOKEN: missing, expired or invalid bearer token */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_TOKEN",
                     *         "message": "Missing or invalid bearer token",
                     *         "status": 401,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INSUFFICIENT_PERMISSIONS */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INSUFFICIENT_PERMISSIONS",
                     *         "message": "Insufficient permissions",
                     *         "status": 403,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description RESOURCE_NOT_FOUND: missing, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RESOURCE_NOT_FOUND",
                     *         "message": "Data connection not found",
                     *         "status": 404,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description CONFLICT: another change or rotation of this connection came first or is in progress; nothing was stored. Read it again and retry. */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CONFLICT",
                     *         "message": "Another change to this resource came first; nothing was changed",
                     *         "status": 409,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MiB */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "Request body is too large",
                     *         "status": 413,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not application/json */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNSUPPORTED_MEDIA_TYPE",
                     *         "message": "Unsupported Content-Type: send the body as application/json",
                     *         "status": 415,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description VALIDATION_ERROR: the credentials or auth_type fail the type's schemas; `details.fields` lists each */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_ERROR",
                     *         "message": "Request body failed validation",
                     *         "status": 422,
                     *         "details": {
                     *           "fields": [
                     *             {
                     *               "field": "name",
                     *               "message": "must be 1 to 255 characters"
                     *             }
                     *           ]
                     *         },
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: too many verifications by this caller, or too many in progress; see Retry-After */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMIT_EXCEEDED",
                     *         "message": "Too many requests",
                     *         "status": 429,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: a dependency (database, Governance, the audit log) is down; a rotation that was started is undone (the staged version deleted) here or by the reconciler */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "SERVICE_UNAVAILABLE",
                     *         "message": "A dependency is unavailable; retry later",
                     *         "status": 503,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    getConnectionRotation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Project the request acts in; omit to act at organization level. */
                "X-Project-ID"?: string;
            };
            path: {
                /** @description One path segment; raw colons and percent-encoded `%3A` both work */
                resource_uri: string;
                /** @description The rotation id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rotation */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "5f0c1c7e-2b0a-4a8e-9d55-0c3f1e0b9a11",
                     *       "resource_uri": "data:acme-corp:analytics-prod:customer-analytics-db",
                     *       "status": "promoted",
                     *       "from_version": 2,
                     *       "to_version": 3,
                     *       "auth_type": "basic",
                     *       "grace_period_seconds": 3600,
                     *       "actor_id": "alice",
                     *       "error_code": null,
                     *       "error_message": null,
                     *       "created_at": "2026-01-05T10:00:00.000Z",
                     *       "updated_at": "2026-01-05T10:00:01.000Z",
                     *       "promoted_at": "2026-01-05T10:00:01.000Z",
                     *       "previous_version_expires_at": "2026-01-05T11:00:01.000Z",
                     *       "rolled_back_at": null,
                     *       "retired_at": null
                     *     }
                     */
                    "application/json": components["schemas"]["RotationDto"];
                };
            };
            /** @description INVALID_REQUEST: malformed path, query or header; X-Project-ID is not a valid project slug */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_REQUEST",
                     *         "message": "Malformed request",
                     *         "status": 400,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INVALID_TOKEN: missing, expired or invalid bearer token */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_TOKEN",
                     *         "message": "Missing or invalid bearer token",
                     *         "status": 401,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INSUFFICIENT_PERMISSIONS */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INSUFFICIENT_PERMISSIONS",
                     *         "message": "Insufficient permissions",
                     *         "status": 403,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description RESOURCE_NOT_FOUND: missing, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RESOURCE_NOT_FOUND",
                     *         "message": "Data connection not found",
                     *         "status": 404,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: a dependency (database, Governance, the audit log) is down; a rotation that was started is undone (the staged version deleted) here or by the reconciler */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "SERVICE_UNAVAILABLE",
                     *         "message": "A dependency is unavailable; retry later",
                     *         "status": 503,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    rollbackConnectionRotation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Project the request acts in; omit to act at organization level. */
                "X-Project-ID"?: string;
            };
            path: {
                /** @description One path segment; raw colons and percent-encoded `%3A` both work */
                resource_uri: string;
                /** @description The rotation id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rotation, now `rolled_back` */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "5f0c1c7e-2b0a-4a8e-9d55-0c3f1e0b9a11",
                     *       "resource_uri": "data:acme-corp:analytics-prod:customer-analytics-db",
                     *       "status": "rolled_back",
                     *       "from_version": 2,
                     *       "to_version": 3,
                     *       "auth_type": "basic",
                     *       "grace_period_seconds": 3600,
                     *       "actor_id": "alice",
                     *       "error_code": null,
                     *       "error_message": null,
                     *       "created_at": "2026-01-05T10:00:00.000Z",
                     *       "updated_at": "2026-01-05T10:00:01.000Z",
                     *       "promoted_at": "2026-01-05T10:00:01.000Z",
                     *       "previous_version_expires_at": "2026-01-05T11:00:01.000Z",
                     *       "rolled_back_at": "2026-01-05T10:20:00.000Z",
                     *       "retired_at": null
                     *     }
                     */
                    "application/json": components["schemas"]["RotationDto"];
                };
            };
            /** @description INVALID_REQUEST: malformed path, query or header; X-Project-ID is not a valid project slug */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_REQUEST",
                     *         "message": "Malformed request",
                     *         "status": 400,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INVALID_TOKEN: missing, expired or invalid bearer token */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_TOKEN",
                     *         "message": "Missing or invalid bearer token",
                     *         "status": 401,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INSUFFICIENT_PERMISSIONS */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INSUFFICIENT_PERMISSIONS",
                     *         "message": "Insufficient permissions",
                     *         "status": 403,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description RESOURCE_NOT_FOUND: missing, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RESOURCE_NOT_FOUND",
                     *         "message": "Data connection not found",
                     *         "status": 404,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description CONFLICT: the rotation cannot be rolled back (its replaced version was retired, it failed, was rolled back or superseded), or another change came first; `message` says which */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CONFLICT",
                     *         "message": "Another change to this resource came first; nothing was changed",
                     *         "status": 409,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: a dependency (database, Governance, the audit log) is down; a rotation that was started is undone (the staged version deleted) here or by the reconciler */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "SERVICE_UNAVAILABLE",
                     *         "message": "A dependency is unavailable; retry later",
                     *         "status": 503,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    getConnectionSshPublicKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description Project the request acts in; omit to act at organization level. */
                "X-Project-ID"?: string;
            };
            path: {
                /** @description One path segment; raw colons and percent-encoded `%3A` both work */
                resource_uri: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "resource_uri": "data:acme-corp:analytics-prod:customer-analytics-db",
                     *       "public_key": "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHv0m0Yf2r4e5bq2xW0kC9dD8Zk0n0uB2xJ8wK7cQyQv assets data:acme-corp:analytics-prod:customer-analytics-db",
                     *       "fingerprint": "SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8",
                     *       "key_type": "ssh-ed25519",
                     *       "previous_public_key": null,
                     *       "previous_key_expires_at": null
                     *     }
                     */
                    "application/json": components["schemas"]["SshPublicKeyDto"];
                };
            };
            /** @description INVALID_REQUEST: malformed path, query or header; X-Project-ID is not a valid project slug */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_REQUEST",
                     *         "message": "Malformed request",
                     *         "status": 400,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INVALID_TOKEN: missing, expired or invalid bearer token */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_TOKEN",
                     *         "message": "Missing or invalid bearer token",
                     *         "status": 401,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INSUFFICIENT_PERMISSIONS */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INSUFFICIENT_PERMISSIONS",
                     *         "message": "Insufficient permissions",
                     *         "status": 403,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /**
             * @description RESOURCE_NOT_FOUND: no such connection visible to the caller, or it has no platform-managed key
             *
             *     RESOURCE_NOT_FOUND: missing, or not visible to the caller
             */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RESOURCE_NOT_FOUND",
                     *         "message": "Data connection not found",
                     *         "status": 404,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: a dependency (database, Governance, the audit log) is down; nothing was changed */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "SERVICE_UNAVAILABLE",
                     *         "message": "A dependency is unavailable; retry later",
                     *         "status": 503,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    approveConnectionSshHostKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description Project the request acts in; omit to act at organization level. */
                "X-Project-ID"?: string;
            };
            path: {
                /** @description One path segment; raw colons and percent-encoded `%3A` both work */
                resource_uri: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApproveHostKeyDto"];
            };
        };
        responses: {
            /** @description The connection with the pinned fingerprint */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "resource_uri": "data:acme-corp:analytics-prod:customer-analytics-db",
                     *       "name": "Customer Analytics DB",
                     *       "connection_type": "postgres",
                     *       "description": "Production read replica for analytics",
                     *       "org_id": "acme-corp",
                     *       "project_id": "analytics-prod",
                     *       "scope": "project",
                     *       "status": "ACTIVE",
                     *       "tags": [
                     *         "production",
                     *         "analytics"
                     *       ],
                     *       "database_config": {
                     *         "auth_type": "basic",
                     *         "host": "pg-replica.example.com",
                     *         "port": 5432,
                     *         "database": "analytics",
                     *         "db_schema": "public",
                     *         "ssl_mode": "prefer",
                     *         "selected_tables": [
                     *           "customers",
                     *           "orders",
                     *           "products"
                     *         ],
                     *         "ssh_tunnel": {
                     *           "host": "bastion.acme.example.com",
                     *           "port": 22,
                     *           "username": "tunnel",
                     *           "auth_method": "managed_key",
                     *           "host_key_fingerprint": "SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8",
                     *           "public_key": "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHv0m0Yf2r4e5bq2xW0kC9dD8Zk0n0uB2xJ8wK7cQyQv assets data:acme-corp:analytics-prod:customer-analytics-db"
                     *         }
                     *       },
                     *       "pool": {
                     *         "max_connections": 10,
                     *         "min_connections": 0,
                     *         "idle_timeout_ms": 30000,
                     *         "connection_timeout_ms": 10000,
                     *         "max_lifetime_ms": 1800000
                     *       },
                     *       "created_by": "alice",
                     *       "created_at": "2026-01-15T09:30:00.000Z",
                     *       "updated_at": "2026-01-15T09:31:12.000Z",
                     *       "last_verified_at": "2026-01-15T09:31:12.000Z",
                     *       "last_verification": {
                     *         "success": true,
                     *         "message": "connection verified",
                     *         "latency_ms": 184
                     *       },
                     *       "health": "unknown",
                     *       "health_check_interval_seconds": null,
                     *       "last_checked_at": null,
                     *       "last_healthy_at": null,
                     *       "consecutive_failures": 0,
                     *       "next_check_at": null,
                     *       "health_forecast": null
                     *     }
                     */
                    "application/json": components["schemas"]["ConnectionDto"];
                };
            };
            /** @description INVALID_REQUEST: malformed path, query or header; the body is not well-formed JSON; X-Project-ID is not a valid project slug */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_REQUEST",
                     *         "message": "Malformed request",
                     *         "status": 400,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INVALID_TOKEN: missing, expired or invalid bearer token */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_TOKEN",
                     *         "message": "Missing or invalid bearer token",
                     *         "status": 401,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INSUFFICIENT_PERMISSIONS */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INSUFFICIENT_PERMISSIONS",
                     *         "message": "Insufficient permissions",
                     *         "status": 403,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /**
             * @description RESOURCE_NOT_FOUND: no such connection visible to the caller, or it has no SSH tunnel
             *
             *     RESOURCE_NOT_FOUND: missing, or not visible to the caller
             */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RESOURCE_NOT_FOUND",
                     *         "message": "Data connection not found",
                     *         "status": 404,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description CONFLICT: another change of this connection came first; read it again and retry */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CONFLICT",
                     *         "message": "Another change to this resource came first; nothing was changed",
                     *         "status": 409,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not application/json */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNSUPPORTED_MEDIA_TYPE",
                     *         "message": "Unsupported Content-Type: send the body as application/json",
                     *         "status": 415,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description VALIDATION_ERROR: the fingerprint is not `SHA256:` and 43 base64 characters */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_ERROR",
                     *         "message": "Request body failed validation",
                     *         "status": 422,
                     *         "details": {
                     *           "fields": [
                     *             {
                     *               "field": "name",
                     *               "message": "must be 1 to 255 characters"
                     *             }
                     *           ]
                     *         },
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: a dependency (database, Governance, the audit log) is down; nothing was changed */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "SERVICE_UNAVAILABLE",
                     *         "message": "A dependency is unavailable; retry later",
                     *         "status": 503,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    rotateConnectionSshKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description Project the request acts in; omit to act at organization level. */
                "X-Project-ID"?: string;
            };
            path: {
                /** @description One path segment; raw colons and percent-encoded `%3A` both work */
                resource_uri: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RotateSshKeyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "resource_uri": "data:acme-corp:analytics-prod:customer-analytics-db",
                     *       "public_key": "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHv0m0Yf2r4e5bq2xW0kC9dD8Zk0n0uB2xJ8wK7cQyQv assets data:acme-corp:analytics-prod:customer-analytics-db",
                     *       "fingerprint": "SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8",
                     *       "key_type": "ssh-ed25519",
                     *       "previous_public_key": "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIN3l5m8wQ0bq7c2h1dT9oJ6vW3x0yPz4rK5sU1aB2cD3 assets data:acme-corp:analytics-prod:customer-analytics-db",
                     *       "previous_key_expires_at": "2026-01-06T10:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["SshPublicKeyDto"];
                };
            };
            /** @description INVALID_REQUEST: malformed path, query or header; the body is not well-formed JSON; X-Project-ID is not a valid project slug */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_REQUEST",
                     *         "message": "Malformed request",
                     *         "status": 400,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INVALID_TOKEN: missing, expired or invalid bearer token */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_TOKEN",
                     *         "message": "Missing or invalid bearer token",
                     *         "status": 401,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INSUFFICIENT_PERMISSIONS */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INSUFFICIENT_PERMISSIONS",
                     *         "message": "Insufficient permissions",
                     *         "status": 403,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /**
             * @description RESOURCE_NOT_FOUND: no such connection visible to the caller
             *
             *     RESOURCE_NOT_FOUND: missing, or not visible to the caller
             */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RESOURCE_NOT_FOUND",
                     *         "message": "Data connection not found",
                     *         "status": 404,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description CONFLICT: the connection has no platform-managed key, or another change came first */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "CONFLICT",
                     *         "message": "Another change to this resource came first; nothing was changed",
                     *         "status": 409,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not application/json */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNSUPPORTED_MEDIA_TYPE",
                     *         "message": "Unsupported Content-Type: send the body as application/json",
                     *         "status": 415,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description VALIDATION_ERROR: grace_period_hours is not an integer between 1 and 720 */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_ERROR",
                     *         "message": "Request body failed validation",
                     *         "status": 422,
                     *         "details": {
                     *           "fields": [
                     *             {
                     *               "field": "name",
                     *               "message": "must be 1 to 255 characters"
                     *             }
                     *           ]
                     *         },
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: a dependency (database, Governance, the audit log) is down; nothing was changed */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "SERVICE_UNAVAILABLE",
                     *         "message": "A dependency is unavailable; retry later",
                     *         "status": 503,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    getConnectionPermissions: {
        parameters: {
            query?: never;
            header?: {
                /** @description Project the request acts in; omit to act at organization level. */
                "X-Project-ID"?: string;
            };
            path: {
                /** @description One path segment; raw colons and percent-encoded `%3A` both work */
                resource_uri: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "resource_uri": "data:acme-corp:analytics-prod:customer-analytics-db",
                     *       "can_read": true,
                     *       "can_write": false,
                     *       "can_execute": true,
                     *       "can_manage_secrets": false,
                     *       "can_delete": false
                     *     }
                     */
                    "application/json": components["schemas"]["ConnectionPermissionsDto"];
                };
            };
            /** @description INVALID_REQUEST: malformed path, query or header; X-Project-ID is not a valid project slug */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_REQUEST",
                     *         "message": "Malformed request",
                     *         "status": 400,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INVALID_TOKEN: missing, expired or invalid bearer token */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_TOKEN",
                     *         "message": "Missing or invalid bearer token",
                     *         "status": 401,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INSUFFICIENT_PERMISSIONS */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INSUFFICIENT_PERMISSIONS",
                     *         "message": "Insufficient permissions",
                     *         "status": 403,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description RESOURCE_NOT_FOUND: missing, or not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RESOURCE_NOT_FOUND",
                     *         "message": "Data connection not found",
                     *         "status": 404,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database or the authorization service is down */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "SERVICE_UNAVAILABLE",
                     *         "message": "A dependency is unavailable; retry later",
                     *         "status": 503,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    listObjects: {
        parameters: {
            query: {
                /** @description Use this registered storage connection (resource URI, or name in your scope) instead of the default store; needs `can_execute` on it */
                connection?: string;
                /** @description The solution to list */
                solution: string;
                /** @description Key prefix relative to the solution, e.g. `reports/2024-` (may end inside a name) */
                prefix?: string;
                /** @description Opaque `next_cursor` of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description Project the request acts in; it must belong to the caller’s organization. */
                "X-Project-ID"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of objects */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "key": "talk2data/conversations/abc123/messages.jsonl",
                     *           "size": 48213,
                     *           "etag": "\"9b2cf535f27731c974343645a3985328\"",
                     *           "last_modified": "2026-01-15T09:30:00.000Z",
                     *           "content_type": "application/x-ndjson"
                     *         },
                     *         {
                     *           "key": "talk2data/conversations/abc123/summary.md",
                     *           "size": 1290,
                     *           "etag": "\"1f3870be274f6c49b3e31a0c6728957f\"",
                     *           "last_modified": "2026-01-15T09:30:00.000Z",
                     *           "content_type": "text/markdown"
                     *         }
                     *       ],
                     *       "next_cursor": "azE6YWNtZS1jb3JwL2FuYWx5dGljcy1wcm9kL3RhbGsyZGF0YS9jb252ZXJzYXRpb25zL2FiYzEyMy9zdW1tYXJ5Lm1k"
                     *     }
                     */
                    "application/json": components["schemas"]["ObjectPageDto"];
                };
            };
            /** @description INVALID_REQUEST: a missing or malformed `solution`, a malformed `prefix`, a `cursor` not issued for this listing, or `limit` outside 1–100; malformed path, query or header; X-Project-ID is missing or not a valid project slug */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_REQUEST",
                     *         "message": "Malformed request",
                     *         "status": 400,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INVALID_TOKEN: missing, expired or invalid bearer token */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_TOKEN",
                     *         "message": "Missing or invalid bearer token",
                     *         "status": 401,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INSUFFICIENT_PERMISSIONS: the caller cannot use the `connection` (`can_execute`); EGRESS_DENIED: its endpoint is not an allowed destination */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INSUFFICIENT_PERMISSIONS",
                     *         "message": "Insufficient permissions",
                     *         "status": 403,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description RESOURCE_NOT_FOUND: the X-Project-ID project or the `connection` does not exist or is not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RESOURCE_NOT_FOUND",
                     *         "message": "Project not found",
                     *         "status": 404,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description RESOURCE_ALREADY_EXISTS: the `connection` is disabled */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RESOURCE_ALREADY_EXISTS",
                     *         "message": "The connection is disabled",
                     *         "status": 409,
                     *         "details": {
                     *           "resource_uri": "data:acme-corp:analytics-prod:shared-lake"
                     *         },
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description VALIDATION_ERROR: the `connection` is not a storage connection */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_ERROR",
                     *         "message": "A postgres connection is not a storage connection",
                     *         "status": 422,
                     *         "details": {
                     *           "fields": [
                     *             {
                     *               "field": "connection",
                     *               "message": "must be a storage connection (s3, minio, gcs, azure_blob)"
                     *             }
                     *           ],
                     *           "allowed_types": [
                     *             "s3",
                     *             "minio",
                     *             "gcs",
                     *             "azure_blob"
                     *           ]
                     *         },
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the object store, the database or Governance is unavailable; AUDIT_UNAVAILABLE when a use of a `connection` cannot be audited */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "SERVICE_UNAVAILABLE",
                     *         "message": "A dependency is unavailable; retry later",
                     *         "status": 503,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    getObject: {
        parameters: {
            query?: {
                /** @description Use this registered storage connection (resource URI, or name in your scope) instead of the default store; needs `can_execute` on it */
                connection?: string;
            };
            header?: {
                /** @description Project the request acts in; it must belong to the caller’s organization. */
                "X-Project-ID"?: string;
            };
            path: {
                /** @description The object: `{solution}/{artifact-type}/{id…}`. It spans slashes, sent raw or as `%2F` (generated clients encode the whole parameter): both separate segments alike. A single segment is shorthand for `default/objects/<name>`. No segment may be empty, `.` or `..`, or hold a backslash (nor `%5C`) or control characters; solution and artifact type match `[a-z0-9-]{1,63}`; at most 1,024 bytes with the tenant prefix. */
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The whole object */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    /** @description Validator of this version: strong from cloud stores, weak (`W/`) on the local disk */
                    ETag?: string;
                    /** @description When this version was written */
                    "Last-Modified"?: string;
                    "Accept-Ranges": "bytes";
                    /** @description Revalidate (If-None-Match) before reusing a cached copy */
                    "Cache-Control": "private, no-cache";
                    "X-Content-Type-Options": "nosniff";
                    /** @description User content served from the API origin never runs as a page */
                    "Content-Security-Policy": "sandbox; default-src 'none'";
                    /** @description The Content-Type the object was uploaded with (`application/octet-stream` when the store cannot tell) */
                    "Content-Type": string;
                    /** @description Bytes of the object (200, HEAD) or of the range (206) */
                    "Content-Length": number;
                    [name: string]: unknown;
                };
                content: {
                    /** @example {"role":"user","text":"hello"} */
                    "*/*": string;
                };
            };
            /** @description The requested range */
            206: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    /** @description Validator of this version: strong from cloud stores, weak (`W/`) on the local disk */
                    ETag?: string;
                    /** @description When this version was written */
                    "Last-Modified"?: string;
                    "Accept-Ranges": "bytes";
                    /** @description Revalidate (If-None-Match) before reusing a cached copy */
                    "Cache-Control": "private, no-cache";
                    "X-Content-Type-Options": "nosniff";
                    /** @description User content served from the API origin never runs as a page */
                    "Content-Security-Policy": "sandbox; default-src 'none'";
                    /** @description The Content-Type the object was uploaded with (`application/octet-stream` when the store cannot tell) */
                    "Content-Type": string;
                    /** @description Bytes of the object (200, HEAD) or of the range (206) */
                    "Content-Length": number;
                    /** @description The bytes served and the object size */
                    "Content-Range": string;
                    [name: string]: unknown;
                };
                content: {
                    /** @example {"role":"user" */
                    "*/*": string;
                };
            };
            /** @description If-None-Match matched the current ETag; no body */
            304: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    /** @description Validator of this version: strong from cloud stores, weak (`W/`) on the local disk */
                    ETag?: string;
                    /** @description When this version was written */
                    "Last-Modified"?: string;
                    "Accept-Ranges": "bytes";
                    /** @description Revalidate (If-None-Match) before reusing a cached copy */
                    "Cache-Control": "private, no-cache";
                    "X-Content-Type-Options": "nosniff";
                    /** @description User content served from the API origin never runs as a page */
                    "Content-Security-Policy": "sandbox; default-src 'none'";
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description INVALID_REQUEST: a malformed key (empty, `.` or `..` segment, backslash or `%5C`, control characters, a leftover escape such as a double-encoded `%252F`, a solution or artifact type outside `[a-z0-9-]`, too long), X-Project-ID or query parameter; malformed path, query or header; X-Project-ID is missing or not a valid project slug */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_REQUEST",
                     *         "message": "Malformed request",
                     *         "status": 400,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INVALID_TOKEN: missing, expired or invalid bearer token */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_TOKEN",
                     *         "message": "Missing or invalid bearer token",
                     *         "status": 401,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INSUFFICIENT_PERMISSIONS: the caller cannot use the `connection` (`can_execute`); EGRESS_DENIED: its endpoint is not an allowed destination */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INSUFFICIENT_PERMISSIONS",
                     *         "message": "Insufficient permissions",
                     *         "status": 403,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description RESOURCE_NOT_FOUND: no object at the key, or the X-Project-ID project or the `connection` does not exist or is not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RESOURCE_NOT_FOUND",
                     *         "message": "Object not found",
                     *         "status": 404,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description RESOURCE_ALREADY_EXISTS: the object changed while it was being read (read it again), or the `connection` is disabled */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RESOURCE_ALREADY_EXISTS",
                     *         "message": "The object changed while it was being read",
                     *         "status": 409,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description RANGE_NOT_SATISFIABLE: the Range starts at or past the end of the object */
            416: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    /** @description The object size */
                    "Content-Range": string;
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RANGE_NOT_SATISFIABLE",
                     *         "message": "Requested range not satisfiable",
                     *         "status": 416,
                     *         "details": {
                     *           "size": 48213
                     *         },
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description VALIDATION_ERROR: the `connection` is not a storage connection */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_ERROR",
                     *         "message": "A postgres connection is not a storage connection",
                     *         "status": 422,
                     *         "details": {
                     *           "fields": [
                     *             {
                     *               "field": "connection",
                     *               "message": "must be a storage connection (s3, minio, gcs, azure_blob)"
                     *             }
                     *           ],
                     *           "allowed_types": [
                     *             "s3",
                     *             "minio",
                     *             "gcs",
                     *             "azure_blob"
                     *           ]
                     *         },
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the object store, the database or Governance is unavailable; AUDIT_UNAVAILABLE when a use of a `connection` cannot be audited */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "SERVICE_UNAVAILABLE",
                     *         "message": "A dependency is unavailable; retry later",
                     *         "status": 503,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    putObject: {
        parameters: {
            query?: {
                /** @description Use this registered storage connection (resource URI, or name in your scope) instead of the default store; needs `can_execute` on it */
                connection?: string;
            };
            header?: {
                /** @description Project the request acts in; it must belong to the caller’s organization. */
                "X-Project-ID"?: string;
            };
            path: {
                /** @description The object: `{solution}/{artifact-type}/{id…}`. It spans slashes, sent raw or as `%2F` (generated clients encode the whole parameter): both separate segments alike. A single segment is shorthand for `default/objects/<name>`. No segment may be empty, `.` or `..`, or hold a backslash (nor `%5C`) or control characters; solution and artifact type match `[a-z0-9-]{1,63}`; at most 1,024 bytes with the tenant prefix. */
                key: string;
            };
            cookie?: never;
        };
        /** @description The object bytes (`curl --data-binary @file`); its Content-Type is stored with it */
        requestBody: {
            content: {
                "*/*": string;
            };
        };
        responses: {
            /** @description Stored */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PutObjectResultDto"];
                };
            };
            /** @description INVALID_REQUEST: a malformed key (empty, `.` or `..` segment, backslash or `%5C`, control characters, a leftover escape such as a double-encoded `%252F`, a solution or artifact type outside `[a-z0-9-]`, too long), X-Project-ID or query parameter, or a malformed Content-Type; malformed path, query or header; X-Project-ID is missing or not a valid project slug */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_REQUEST",
                     *         "message": "Malformed request",
                     *         "status": 400,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INVALID_TOKEN: missing, expired or invalid bearer token */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_TOKEN",
                     *         "message": "Missing or invalid bearer token",
                     *         "status": 401,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INSUFFICIENT_PERMISSIONS: the caller may read the project but not write it, or cannot use the `connection` (`can_execute`); EGRESS_DENIED: its endpoint is not an allowed destination */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INSUFFICIENT_PERMISSIONS",
                     *         "message": "Insufficient permissions",
                     *         "status": 403,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description RESOURCE_NOT_FOUND: the X-Project-ID project or the `connection` does not exist or is not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RESOURCE_NOT_FOUND",
                     *         "message": "Project not found",
                     *         "status": 404,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description REQUEST_TIMEOUT: the body stopped arriving for `STORAGE_UPLOAD_IDLE_TIMEOUT_MS`; nothing was stored */
            408: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "REQUEST_TIMEOUT",
                     *         "message": "The request body stopped arriving",
                     *         "status": 408,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description RESOURCE_ALREADY_EXISTS: the key is under `files/`, which belongs to the files API (`/assets/files`), or the `connection` is disabled */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RESOURCE_ALREADY_EXISTS",
                     *         "message": "Objects under files/ are managed by the files API (POST /assets/files); they cannot be written or deleted here",
                     *         "status": 409,
                     *         "details": {
                     *           "solution": "files"
                     *         },
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: over `STORAGE_MAX_OBJECT_BYTES`, declared or streamed; nothing was stored */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "Request body is too large",
                     *         "status": 413,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description VALIDATION_ERROR: the `connection` is not a storage connection */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_ERROR",
                     *         "message": "A postgres connection is not a storage connection",
                     *         "status": 422,
                     *         "details": {
                     *           "fields": [
                     *             {
                     *               "field": "connection",
                     *               "message": "must be a storage connection (s3, minio, gcs, azure_blob)"
                     *             }
                     *           ],
                     *           "allowed_types": [
                     *             "s3",
                     *             "minio",
                     *             "gcs",
                     *             "azure_blob"
                     *           ]
                     *         },
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: the organization has its maximum of uploads in progress */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMIT_EXCEEDED",
                     *         "message": "Too many requests",
                     *         "status": 429,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the object store, the database or Governance is unavailable; AUDIT_UNAVAILABLE when a use of a `connection` cannot be audited */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "SERVICE_UNAVAILABLE",
                     *         "message": "A dependency is unavailable; retry later",
                     *         "status": 503,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    deleteObject: {
        parameters: {
            query?: {
                /** @description Use this registered storage connection (resource URI, or name in your scope) instead of the default store; needs `can_execute` on it */
                connection?: string;
            };
            header?: {
                /** @description Project the request acts in; it must belong to the caller’s organization. */
                "X-Project-ID"?: string;
            };
            path: {
                /** @description The object: `{solution}/{artifact-type}/{id…}`. It spans slashes, sent raw or as `%2F` (generated clients encode the whole parameter): both separate segments alike. A single segment is shorthand for `default/objects/<name>`. No segment may be empty, `.` or `..`, or hold a backslash (nor `%5C`) or control characters; solution and artifact type match `[a-z0-9-]{1,63}`; at most 1,024 bytes with the tenant prefix. */
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted, or there was nothing at the key */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description INVALID_REQUEST: a malformed key (empty, `.` or `..` segment, backslash or `%5C`, control characters, a leftover escape such as a double-encoded `%252F`, a solution or artifact type outside `[a-z0-9-]`, too long), X-Project-ID or query parameter; malformed path, query or header; X-Project-ID is missing or not a valid project slug */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_REQUEST",
                     *         "message": "Malformed request",
                     *         "status": 400,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INVALID_TOKEN: missing, expired or invalid bearer token */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_TOKEN",
                     *         "message": "Missing or invalid bearer token",
                     *         "status": 401,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INSUFFICIENT_PERMISSIONS: the caller may read the project but not write it, or cannot use the `connection` (`can_execute`); EGRESS_DENIED: its endpoint is not an allowed destination */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INSUFFICIENT_PERMISSIONS",
                     *         "message": "Insufficient permissions",
                     *         "status": 403,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description RESOURCE_NOT_FOUND: the X-Project-ID project or the `connection` does not exist or is not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RESOURCE_NOT_FOUND",
                     *         "message": "Project not found",
                     *         "status": 404,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description RESOURCE_ALREADY_EXISTS: the key is under `files/`, which belongs to the files API (`/assets/files`), or the `connection` is disabled */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RESOURCE_ALREADY_EXISTS",
                     *         "message": "Objects under files/ are managed by the files API (POST /assets/files); they cannot be written or deleted here",
                     *         "status": 409,
                     *         "details": {
                     *           "solution": "files"
                     *         },
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description VALIDATION_ERROR: the `connection` is not a storage connection */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_ERROR",
                     *         "message": "A postgres connection is not a storage connection",
                     *         "status": 422,
                     *         "details": {
                     *           "fields": [
                     *             {
                     *               "field": "connection",
                     *               "message": "must be a storage connection (s3, minio, gcs, azure_blob)"
                     *             }
                     *           ],
                     *           "allowed_types": [
                     *             "s3",
                     *             "minio",
                     *             "gcs",
                     *             "azure_blob"
                     *           ]
                     *         },
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the object store, the database or Governance is unavailable; AUDIT_UNAVAILABLE when a use of a `connection` cannot be audited */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "SERVICE_UNAVAILABLE",
                     *         "message": "A dependency is unavailable; retry later",
                     *         "status": 503,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    headObject: {
        parameters: {
            query?: {
                /** @description Use this registered storage connection (resource URI, or name in your scope) instead of the default store; needs `can_execute` on it */
                connection?: string;
            };
            header?: {
                /** @description Project the request acts in; it must belong to the caller’s organization. */
                "X-Project-ID"?: string;
            };
            path: {
                /** @description The object: `{solution}/{artifact-type}/{id…}`. It spans slashes, sent raw or as `%2F` (generated clients encode the whole parameter): both separate segments alike. A single segment is shorthand for `default/objects/<name>`. No segment may be empty, `.` or `..`, or hold a backslash (nor `%5C`) or control characters; solution and artifact type match `[a-z0-9-]{1,63}`; at most 1,024 bytes with the tenant prefix. */
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The object exists; `Content-Length` is its size */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    /** @description Validator of this version: strong from cloud stores, weak (`W/`) on the local disk */
                    ETag?: string;
                    /** @description When this version was written */
                    "Last-Modified"?: string;
                    "Accept-Ranges": "bytes";
                    /** @description Revalidate (If-None-Match) before reusing a cached copy */
                    "Cache-Control": "private, no-cache";
                    "X-Content-Type-Options": "nosniff";
                    /** @description User content served from the API origin never runs as a page */
                    "Content-Security-Policy": "sandbox; default-src 'none'";
                    /** @description The Content-Type the object was uploaded with (`application/octet-stream` when the store cannot tell) */
                    "Content-Type": string;
                    /** @description Bytes of the object (200, HEAD) or of the range (206) */
                    "Content-Length": number;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description If-None-Match matched the current ETag */
            304: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    /** @description Validator of this version: strong from cloud stores, weak (`W/`) on the local disk */
                    ETag?: string;
                    /** @description When this version was written */
                    "Last-Modified"?: string;
                    "Accept-Ranges": "bytes";
                    /** @description Revalidate (If-None-Match) before reusing a cached copy */
                    "Cache-Control": "private, no-cache";
                    "X-Content-Type-Options": "nosniff";
                    /** @description User content served from the API origin never runs as a page */
                    "Content-Security-Policy": "sandbox; default-src 'none'";
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description INVALID_REQUEST: a malformed key (empty, `.` or `..` segment, backslash or `%5C`, control characters, a leftover escape such as a double-encoded `%252F`, a solution or artifact type outside `[a-z0-9-]`, too long), X-Project-ID or query parameter. No body (HEAD): a GET of the key answers the error envelope.; malformed path, query or header; X-Project-ID is missing or not a valid project slug */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description INVALID_TOKEN: missing, expired or invalid bearer token. No body (HEAD): a GET of the key answers the error envelope.; missing, expired or invalid bearer token */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description INSUFFICIENT_PERMISSIONS: the caller cannot use the `connection` (`can_execute`); EGRESS_DENIED: its endpoint is not an allowed destination. No body (HEAD): a GET of the key answers the error envelope. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description RESOURCE_NOT_FOUND: no object at the key, or the X-Project-ID project or the `connection` does not exist or is not visible to the caller. No body (HEAD): a GET of the key answers the error envelope. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description RESOURCE_ALREADY_EXISTS: the `connection` is disabled. No body (HEAD): a GET of the key answers the error envelope. */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description RANGE_NOT_SATISFIABLE: the Range starts at or past the end. No body (HEAD): a GET of the key answers the error envelope. */
            416: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    /** @description The object size */
                    "Content-Range": string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_ERROR: the `connection` is not a storage connection. No body (HEAD): a GET of the key answers the error envelope. */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description SERVICE_UNAVAILABLE: the object store, the database or Governance is unavailable; AUDIT_UNAVAILABLE when a use of a `connection` cannot be audited. No body (HEAD): a GET of the key answers the error envelope. */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listFiles: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
            };
            header?: {
                /** @description Project the request acts in; it must belong to the caller’s organization. */
                "X-Project-ID"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of file records */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "resource_uri": "file:acme-corp:analytics-prod:quarterly-report-q1",
                     *           "key": "reports/q1.pdf",
                     *           "name": "Quarterly Report Q1",
                     *           "description": "Revenue and churn, first quarter",
                     *           "tags": [
                     *             "finance",
                     *             "quarterly"
                     *           ],
                     *           "content_type": "application/pdf",
                     *           "size": 482133,
                     *           "etag": "\"5d41402abc4b2a76b9719d911017c592\"",
                     *           "url": "/assets/storage/files/reports/q1.pdf",
                     *           "connection_uri": null,
                     *           "created_by": "alice",
                     *           "created_at": "2026-01-15T09:30:00.000Z",
                     *           "updated_at": "2026-01-15T09:30:00.000Z"
                     *         }
                     *       ],
                     *       "pagination": {
                     *         "page": 1,
                     *         "limit": 20,
                     *         "total_items": 1,
                     *         "total_pages": 1,
                     *         "next_page": null,
                     *         "prev_page": null
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["FilePageDto"];
                };
            };
            /** @description INVALID_REQUEST: `page` or `limit` out of range; malformed path, query or header; X-Project-ID is missing or not a valid project slug */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_REQUEST",
                     *         "message": "Malformed request",
                     *         "status": 400,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INVALID_TOKEN: missing, expired or invalid bearer token */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_TOKEN",
                     *         "message": "Missing or invalid bearer token",
                     *         "status": 401,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description RESOURCE_NOT_FOUND: the X-Project-ID project does not exist or the caller cannot read it */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RESOURCE_NOT_FOUND",
                     *         "message": "Data connection not found",
                     *         "status": 404,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database, the object store or Governance is unavailable; AUDIT_UNAVAILABLE when a use of a connection cannot be audited */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "SERVICE_UNAVAILABLE",
                     *         "message": "A dependency is unavailable; retry later",
                     *         "status": 503,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    uploadFile: {
        parameters: {
            query?: {
                /** @description Use this registered storage connection (resource URI, or name in your scope) instead of the default store; needs `can_execute` on it */
                connection?: string;
            };
            header?: {
                /** @description Project the request acts in; it must belong to the caller’s organization. */
                "X-Project-ID"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * @description `{artifact-type}/{id…}` under the `files` solution
                     * @example reports/q1.pdf
                     */
                    key: string;
                    /** @example Quarterly Report Q1 */
                    name: string;
                    /**
                     * @description Default: `file:{org}:{project}:{slug of name}`
                     * @example file:acme-corp:analytics-prod:quarterly-report-q1
                     */
                    resource_uri?: string;
                    description?: string;
                    /**
                     * @description Comma-separated, at most 50 of up to 64 characters
                     * @example finance,quarterly
                     */
                    tags?: string;
                    /**
                     * Format: binary
                     * @description Last; its Content-Type is kept
                     */
                    file: string;
                };
            };
        };
        responses: {
            /** @description Stored: the bytes at `url`, the record at `/assets/files/{resource_uri}` */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "resource_uri": "file:acme-corp:analytics-prod:quarterly-report-q1",
                     *       "url": "/assets/storage/files/reports/q1.pdf",
                     *       "key": "reports/q1.pdf",
                     *       "name": "Quarterly Report Q1",
                     *       "message": "File uploaded",
                     *       "size": 482133,
                     *       "content_type": "application/pdf"
                     *     }
                     */
                    "application/json": components["schemas"]["FileUploadedDto"];
                };
            };
            /** @description INVALID_REQUEST: not a multipart/form-data body, a malformed `key` (see `PUT /assets/storage/{key}`), X-Project-ID or `connection`; malformed path, query or header; X-Project-ID is missing or not a valid project slug */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_REQUEST",
                     *         "message": "Malformed request",
                     *         "status": 400,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INVALID_TOKEN: missing, expired or invalid bearer token */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_TOKEN",
                     *         "message": "Missing or invalid bearer token",
                     *         "status": 401,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INSUFFICIENT_PERMISSIONS: the caller may read the project but not write it, or cannot use the `connection` (`can_execute`); `EGRESS_DENIED`: its endpoint is not an allowed destination */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INSUFFICIENT_PERMISSIONS",
                     *         "message": "Insufficient permissions",
                     *         "status": 403,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description RESOURCE_NOT_FOUND: the project or the `connection` does not exist or is not visible to the caller */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RESOURCE_NOT_FOUND",
                     *         "message": "Data connection not found",
                     *         "status": 404,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description REQUEST_TIMEOUT: the body stopped arriving for `STORAGE_UPLOAD_IDLE_TIMEOUT_MS`; nothing was kept */
            408: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "REQUEST_TIMEOUT",
                     *         "message": "The request body stopped arriving",
                     *         "status": 408,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description RESOURCE_ALREADY_EXISTS: the key or the resource URI is taken (or being uploaded), the upload lost its reservation, or the `connection` is disabled; nothing was kept */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RESOURCE_ALREADY_EXISTS",
                     *         "message": "A file with this resource URI already exists",
                     *         "status": 409,
                     *         "details": {
                     *           "resource_uri": "file:acme-corp:analytics-prod:quarterly-report-q1"
                     *         },
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the file is over `STORAGE_MAX_UPLOAD_BYTES`; nothing was kept */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "PAYLOAD_TOO_LARGE",
                     *         "message": "Request body is too large",
                     *         "status": 413,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description VALIDATION_ERROR: a field is missing or invalid, the file part is missing, repeated or sent before `key` and `name`, the `resource_uri` is not `file:{org}:{project}:<name>`, or the `connection` is not a storage connection; `details.fields` lists each `{ field, message }` */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_ERROR",
                     *         "message": "Request body failed validation",
                     *         "status": 422,
                     *         "details": {
                     *           "fields": [
                     *             {
                     *               "field": "name",
                     *               "message": "must be 1 to 255 characters"
                     *             }
                     *           ]
                     *         },
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: the organization has its maximum of uploads in progress */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RATE_LIMIT_EXCEEDED",
                     *         "message": "Too many requests",
                     *         "status": 429,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database, the object store or Governance is unavailable; AUDIT_UNAVAILABLE when a use of a connection cannot be audited */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "SERVICE_UNAVAILABLE",
                     *         "message": "A dependency is unavailable; retry later",
                     *         "status": 503,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    getFile: {
        parameters: {
            query?: never;
            header?: {
                /** @description Project the request acts in; it must belong to the caller’s organization. */
                "X-Project-ID"?: string;
            };
            path: {
                /** @description One path segment; raw colons and `%3A` both work */
                resource_uri: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file record */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "resource_uri": "file:acme-corp:analytics-prod:quarterly-report-q1",
                     *       "key": "reports/q1.pdf",
                     *       "name": "Quarterly Report Q1",
                     *       "description": "Revenue and churn, first quarter",
                     *       "tags": [
                     *         "finance",
                     *         "quarterly"
                     *       ],
                     *       "content_type": "application/pdf",
                     *       "size": 482133,
                     *       "etag": "\"5d41402abc4b2a76b9719d911017c592\"",
                     *       "url": "/assets/storage/files/reports/q1.pdf",
                     *       "connection_uri": null,
                     *       "created_by": "alice",
                     *       "created_at": "2026-01-15T09:30:00.000Z",
                     *       "updated_at": "2026-01-15T09:30:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["FileDto"];
                };
            };
            /** @description INVALID_REQUEST: malformed path, query or header; X-Project-ID is missing or not a valid project slug */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_REQUEST",
                     *         "message": "Malformed request",
                     *         "status": 400,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INVALID_TOKEN: missing, expired or invalid bearer token */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_TOKEN",
                     *         "message": "Missing or invalid bearer token",
                     *         "status": 401,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description RESOURCE_NOT_FOUND: no such file in the project (another project's or org's URI is not found either), or the X-Project-ID project does not exist or the caller cannot read it */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RESOURCE_NOT_FOUND",
                     *         "message": "File not found",
                     *         "status": 404,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description RESOURCE_ALREADY_EXISTS: the file is still being uploaded */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RESOURCE_ALREADY_EXISTS",
                     *         "message": "The file is still being uploaded",
                     *         "status": 409,
                     *         "details": {
                     *           "resource_uri": "file:acme-corp:analytics-prod:quarterly-report-q1"
                     *         },
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database, the object store or Governance is unavailable; AUDIT_UNAVAILABLE when a use of a connection cannot be audited */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "SERVICE_UNAVAILABLE",
                     *         "message": "A dependency is unavailable; retry later",
                     *         "status": 503,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    deleteFile: {
        parameters: {
            query?: never;
            header?: {
                /** @description Project the request acts in; it must belong to the caller’s organization. */
                "X-Project-ID"?: string;
            };
            path: {
                /** @description One path segment; raw colons and `%3A` both work */
                resource_uri: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted: bytes and record */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description INVALID_REQUEST: malformed path, query or header; X-Project-ID is missing or not a valid project slug */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_REQUEST",
                     *         "message": "Malformed request",
                     *         "status": 400,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INVALID_TOKEN: missing, expired or invalid bearer token */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_TOKEN",
                     *         "message": "Missing or invalid bearer token",
                     *         "status": 401,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INSUFFICIENT_PERMISSIONS: the caller may read the project but not write it, or cannot use the connection holding the bytes (`can_execute`); `EGRESS_DENIED`: its endpoint is not an allowed destination */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INSUFFICIENT_PERMISSIONS",
                     *         "message": "Insufficient permissions",
                     *         "status": 403,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description RESOURCE_NOT_FOUND: no such file in the project (another project's or org's URI is not found either), or the X-Project-ID project does not exist or the caller cannot read it */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RESOURCE_NOT_FOUND",
                     *         "message": "File not found",
                     *         "status": 404,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description RESOURCE_ALREADY_EXISTS: the file is still being uploaded, or the connection holding its bytes is disabled */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RESOURCE_ALREADY_EXISTS",
                     *         "message": "The file is still being uploaded",
                     *         "status": 409,
                     *         "details": {
                     *           "resource_uri": "file:acme-corp:analytics-prod:quarterly-report-q1"
                     *         },
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database, the object store or Governance is unavailable; AUDIT_UNAVAILABLE when a use of a connection cannot be audited; the file is kept whole */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "SERVICE_UNAVAILABLE",
                     *         "message": "A dependency is unavailable; retry later",
                     *         "status": 503,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    listWebhooks: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
            };
            header?: {
                /** @description Project the request acts in; omit to act at organization level. */
                "X-Project-ID"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "8f14e45f-ceea-4e7a-9f6b-2d1c3b4a5e6f",
                     *           "org_id": "acme-corp",
                     *           "project_id": "analytics-prod",
                     *           "scope": "project",
                     *           "url": "https://hooks.example.com/assets",
                     *           "events": [
                     *             "connection.deleted",
                     *             "connection.health_changed"
                     *           ],
                     *           "enabled": true,
                     *           "description": "Pager for the data team",
                     *           "created_by": "3f9a7c2e-1d4b-4e8a-b6c5-0a9d8e7f6b5c",
                     *           "created_at": "2025-03-14T09:41:07.000Z",
                     *           "updated_at": "2025-03-14T09:41:07.000Z",
                     *           "secret_rotated_at": "2025-03-14T09:41:07.000Z"
                     *         }
                     *       ],
                     *       "pagination": {
                     *         "page": 1,
                     *         "limit": 20,
                     *         "total_items": 1,
                     *         "total_pages": 1,
                     *         "next_page": null,
                     *         "prev_page": null
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookPageDto"];
                };
            };
            /** @description INVALID_REQUEST: a bad paging parameter; malformed path, query or header; X-Project-ID is not a valid project slug */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_REQUEST",
                     *         "message": "Malformed request",
                     *         "status": 400,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INVALID_TOKEN: missing, expired or invalid bearer token */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_TOKEN",
                     *         "message": "Missing or invalid bearer token",
                     *         "status": 401,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INSUFFICIENT_PERMISSIONS */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INSUFFICIENT_PERMISSIONS",
                     *         "message": "Insufficient permissions",
                     *         "status": 403,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description RESOURCE_NOT_FOUND: no such webhook in this scope, or the X-Project-ID project does not exist or the caller cannot read it */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RESOURCE_NOT_FOUND",
                     *         "message": "Data connection not found",
                     *         "status": 404,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: a dependency (database, Governance, the identity provider) is down; AUDIT_UNAVAILABLE when the audit event cannot be written (nothing is changed) */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "SERVICE_UNAVAILABLE",
                     *         "message": "A dependency is unavailable; retry later",
                     *         "status": 503,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description Project the request acts in; omit to act at organization level. */
                "X-Project-ID"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhookDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "8f14e45f-ceea-4e7a-9f6b-2d1c3b4a5e6f",
                     *       "org_id": "acme-corp",
                     *       "project_id": "analytics-prod",
                     *       "scope": "project",
                     *       "url": "https://hooks.example.com/assets",
                     *       "events": [
                     *         "connection.deleted",
                     *         "connection.health_changed"
                     *       ],
                     *       "enabled": true,
                     *       "description": "Pager for the data team",
                     *       "created_by": "3f9a7c2e-1d4b-4e8a-b6c5-0a9d8e7f6b5c",
                     *       "created_at": "2025-03-14T09:41:07.000Z",
                     *       "updated_at": "2025-03-14T09:41:07.000Z",
                     *       "secret_rotated_at": "2025-03-14T09:41:07.000Z",
                     *       "signing_secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookWithSecretDto"];
                };
            };
            /** @description INVALID_REQUEST: malformed path, query or header; the body is not well-formed JSON; X-Project-ID is not a valid project slug */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_REQUEST",
                     *         "message": "Malformed request",
                     *         "status": 400,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INVALID_TOKEN: missing, expired or invalid bearer token */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_TOKEN",
                     *         "message": "Missing or invalid bearer token",
                     *         "status": 401,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INSUFFICIENT_PERMISSIONS */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INSUFFICIENT_PERMISSIONS",
                     *         "message": "Insufficient permissions",
                     *         "status": 403,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description RESOURCE_NOT_FOUND: no such webhook in this scope, or the X-Project-ID project does not exist or the caller cannot read it */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RESOURCE_NOT_FOUND",
                     *         "message": "Data connection not found",
                     *         "status": 404,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not application/json */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNSUPPORTED_MEDIA_TYPE",
                     *         "message": "Unsupported Content-Type: send the body as application/json",
                     *         "status": 415,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description VALIDATION_ERROR: the url is not https (http is allowed outside production), carries credentials, or names a destination the egress policy denies; `details.fields` says which */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_ERROR",
                     *         "message": "Request body failed validation",
                     *         "status": 422,
                     *         "details": {
                     *           "fields": [
                     *             {
                     *               "field": "name",
                     *               "message": "must be 1 to 255 characters"
                     *             }
                     *           ]
                     *         },
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: a dependency (database, Governance, the identity provider) is down; AUDIT_UNAVAILABLE when the audit event cannot be written (nothing is changed) */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "SERVICE_UNAVAILABLE",
                     *         "message": "A dependency is unavailable; retry later",
                     *         "status": 503,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    getWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description Project the request acts in; omit to act at organization level. */
                "X-Project-ID"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "8f14e45f-ceea-4e7a-9f6b-2d1c3b4a5e6f",
                     *       "org_id": "acme-corp",
                     *       "project_id": "analytics-prod",
                     *       "scope": "project",
                     *       "url": "https://hooks.example.com/assets",
                     *       "events": [
                     *         "connection.deleted",
                     *         "connection.health_changed"
                     *       ],
                     *       "enabled": true,
                     *       "description": "Pager for the data team",
                     *       "created_by": "3f9a7c2e-1d4b-4e8a-b6c5-0a9d8e7f6b5c",
                     *       "created_at": "2025-03-14T09:41:07.000Z",
                     *       "updated_at": "2025-03-14T09:41:07.000Z",
                     *       "secret_rotated_at": "2025-03-14T09:41:07.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookDto"];
                };
            };
            /** @description INVALID_REQUEST: malformed path, query or header; X-Project-ID is not a valid project slug */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_REQUEST",
                     *         "message": "Malformed request",
                     *         "status": 400,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INVALID_TOKEN: missing, expired or invalid bearer token */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_TOKEN",
                     *         "message": "Missing or invalid bearer token",
                     *         "status": 401,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INSUFFICIENT_PERMISSIONS */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INSUFFICIENT_PERMISSIONS",
                     *         "message": "Insufficient permissions",
                     *         "status": 403,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description RESOURCE_NOT_FOUND: no such webhook in this scope, or the X-Project-ID project does not exist or the caller cannot read it */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RESOURCE_NOT_FOUND",
                     *         "message": "Data connection not found",
                     *         "status": 404,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: a dependency (database, Governance, the identity provider) is down; AUDIT_UNAVAILABLE when the audit event cannot be written (nothing is changed) */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "SERVICE_UNAVAILABLE",
                     *         "message": "A dependency is unavailable; retry later",
                     *         "status": 503,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description Project the request acts in; omit to act at organization level. */
                "X-Project-ID"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted; pending deliveries are dropped */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description INVALID_REQUEST: malformed path, query or header; X-Project-ID is not a valid project slug */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_REQUEST",
                     *         "message": "Malformed request",
                     *         "status": 400,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INVALID_TOKEN: missing, expired or invalid bearer token */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_TOKEN",
                     *         "message": "Missing or invalid bearer token",
                     *         "status": 401,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INSUFFICIENT_PERMISSIONS */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INSUFFICIENT_PERMISSIONS",
                     *         "message": "Insufficient permissions",
                     *         "status": 403,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description RESOURCE_NOT_FOUND: no such webhook in this scope, or the X-Project-ID project does not exist or the caller cannot read it */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RESOURCE_NOT_FOUND",
                     *         "message": "Data connection not found",
                     *         "status": 404,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: a dependency (database, Governance, the identity provider) is down; AUDIT_UNAVAILABLE when the audit event cannot be written (nothing is changed) */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "SERVICE_UNAVAILABLE",
                     *         "message": "A dependency is unavailable; retry later",
                     *         "status": 503,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    updateWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description Project the request acts in; omit to act at organization level. */
                "X-Project-ID"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateWebhookDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "8f14e45f-ceea-4e7a-9f6b-2d1c3b4a5e6f",
                     *       "org_id": "acme-corp",
                     *       "project_id": "analytics-prod",
                     *       "scope": "project",
                     *       "url": "https://hooks.example.com/assets",
                     *       "events": [
                     *         "connection.deleted",
                     *         "connection.health_changed"
                     *       ],
                     *       "enabled": true,
                     *       "description": "Pager for the data team",
                     *       "created_by": "3f9a7c2e-1d4b-4e8a-b6c5-0a9d8e7f6b5c",
                     *       "created_at": "2025-03-14T09:41:07.000Z",
                     *       "updated_at": "2025-03-14T09:41:07.000Z",
                     *       "secret_rotated_at": "2025-03-14T09:41:07.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookDto"];
                };
            };
            /** @description INVALID_REQUEST: malformed path, query or header; the body is not well-formed JSON; X-Project-ID is not a valid project slug */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_REQUEST",
                     *         "message": "Malformed request",
                     *         "status": 400,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INVALID_TOKEN: missing, expired or invalid bearer token */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_TOKEN",
                     *         "message": "Missing or invalid bearer token",
                     *         "status": 401,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INSUFFICIENT_PERMISSIONS */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INSUFFICIENT_PERMISSIONS",
                     *         "message": "Insufficient permissions",
                     *         "status": 403,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description RESOURCE_NOT_FOUND: no such webhook in this scope, or the X-Project-ID project does not exist or the caller cannot read it */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RESOURCE_NOT_FOUND",
                     *         "message": "Data connection not found",
                     *         "status": 404,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not application/json */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "UNSUPPORTED_MEDIA_TYPE",
                     *         "message": "Unsupported Content-Type: send the body as application/json",
                     *         "status": 415,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description VALIDATION_ERROR: the url is not https (http is allowed outside production), carries credentials, or names a destination the egress policy denies; `details.fields` says which */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "VALIDATION_ERROR",
                     *         "message": "Request body failed validation",
                     *         "status": 422,
                     *         "details": {
                     *           "fields": [
                     *             {
                     *               "field": "name",
                     *               "message": "must be 1 to 255 characters"
                     *             }
                     *           ]
                     *         },
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: a dependency (database, Governance, the identity provider) is down; AUDIT_UNAVAILABLE when the audit event cannot be written (nothing is changed) */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "SERVICE_UNAVAILABLE",
                     *         "message": "A dependency is unavailable; retry later",
                     *         "status": 503,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description Project the request acts in; omit to act at organization level. */
                "X-Project-ID"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "8f14e45f-ceea-4e7a-9f6b-2d1c3b4a5e6f",
                     *       "org_id": "acme-corp",
                     *       "project_id": "analytics-prod",
                     *       "scope": "project",
                     *       "url": "https://hooks.example.com/assets",
                     *       "events": [
                     *         "connection.deleted",
                     *         "connection.health_changed"
                     *       ],
                     *       "enabled": true,
                     *       "description": "Pager for the data team",
                     *       "created_by": "3f9a7c2e-1d4b-4e8a-b6c5-0a9d8e7f6b5c",
                     *       "created_at": "2025-03-14T09:41:07.000Z",
                     *       "updated_at": "2025-03-14T09:41:07.000Z",
                     *       "secret_rotated_at": "2025-03-14T09:41:07.000Z",
                     *       "signing_secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookWithSecretDto"];
                };
            };
            /** @description INVALID_REQUEST: malformed path, query or header; X-Project-ID is not a valid project slug */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_REQUEST",
                     *         "message": "Malformed request",
                     *         "status": 400,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INVALID_TOKEN: missing, expired or invalid bearer token */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_TOKEN",
                     *         "message": "Missing or invalid bearer token",
                     *         "status": 401,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INSUFFICIENT_PERMISSIONS */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INSUFFICIENT_PERMISSIONS",
                     *         "message": "Insufficient permissions",
                     *         "status": 403,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description RESOURCE_NOT_FOUND: no such webhook in this scope, or the X-Project-ID project does not exist or the caller cannot read it */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RESOURCE_NOT_FOUND",
                     *         "message": "Data connection not found",
                     *         "status": 404,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: a dependency (database, Governance, the identity provider) is down; AUDIT_UNAVAILABLE when the audit event cannot be written (nothing is changed) */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "SERVICE_UNAVAILABLE",
                     *         "message": "A dependency is unavailable; retry later",
                     *         "status": 503,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
            };
            header?: {
                /** @description Project the request acts in; omit to act at organization level. */
                "X-Project-ID"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "1b4e28ba-2fa1-41d2-883f-0016d3cca427",
                     *           "event_id": "6fa459ea-ee8a-4ca4-894e-db77e160355e",
                     *           "event_type": "connection.deleted",
                     *           "resource_uri": "data:acme-corp:analytics-prod:customer-db",
                     *           "status": "succeeded",
                     *           "attempts": 2,
                     *           "next_attempt_at": null,
                     *           "last_status_code": 200,
                     *           "last_error": null,
                     *           "created_at": "2025-03-14T09:41:07.000Z",
                     *           "completed_at": "2025-03-14T09:41:40.000Z",
                     *           "log": [
                     *             {
                     *               "attempt": 1,
                     *               "attempted_at": "2025-03-14T09:41:08.000Z",
                     *               "status_code": 503,
                     *               "duration_ms": 41,
                     *               "error": "http_503",
                     *               "response_excerpt": "upstream unavailable"
                     *             },
                     *             {
                     *               "attempt": 2,
                     *               "attempted_at": "2025-03-14T09:41:40.000Z",
                     *               "status_code": 200,
                     *               "duration_ms": 12,
                     *               "error": null,
                     *               "response_excerpt": null
                     *             }
                     *           ]
                     *         }
                     *       ],
                     *       "pagination": {
                     *         "page": 1,
                     *         "limit": 20,
                     *         "total_items": 1,
                     *         "total_pages": 1,
                     *         "next_page": null,
                     *         "prev_page": null
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookDeliveryPageDto"];
                };
            };
            /** @description INVALID_REQUEST: a bad paging parameter; malformed path, query or header; X-Project-ID is not a valid project slug */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_REQUEST",
                     *         "message": "Malformed request",
                     *         "status": 400,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INVALID_TOKEN: missing, expired or invalid bearer token */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INVALID_TOKEN",
                     *         "message": "Missing or invalid bearer token",
                     *         "status": 401,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description INSUFFICIENT_PERMISSIONS */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "INSUFFICIENT_PERMISSIONS",
                     *         "message": "Insufficient permissions",
                     *         "status": 403,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description RESOURCE_NOT_FOUND: no such webhook in this scope, or the X-Project-ID project does not exist or the caller cannot read it */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "RESOURCE_NOT_FOUND",
                     *         "message": "Data connection not found",
                     *         "status": 404,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: a dependency (database, Governance, the identity provider) is down; AUDIT_UNAVAILABLE when the audit event cannot be written (nothing is changed) */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "SERVICE_UNAVAILABLE",
                     *         "message": "A dependency is unavailable; retry later",
                     *         "status": 503,
                     *         "details": {},
                     *         "request_id": "01JD3ZK6Q8W5V7N2C4X9T0B1RM",
                     *         "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorEnvelopeDto"];
                };
            };
        };
    };
}
