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
         * @description Governance writes the `data_connection.secret.read` audit event (with this request id) before releasing the value; if it cannot, this answers 503 with no value.
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
            name: "resolve" | "egress_policy" | "connect" | "tls" | "authenticate" | "discover" | "privileges";
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
            /**
             * @description Why a failed probe failed
             * @enum {string}
             */
            error_code?: "auth_failed" | "unreachable" | "timeout" | "tls_error" | "permission_denied" | "not_found" | "invalid_config" | "egress_denied";
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
            /** @description Credentials version; bumps on every change */
            version: number;
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
                     *             "port"
                     *           ],
                     *           "default_port": 5432,
                     *           "supports_discovery": true,
                     *           "discovery_level": "tables"
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
                /** @description Comma-separated; a connection must carry every tag */
                tags?: string;
                /** @description Creator (user id); `user:alice` is accepted too */
                created_by?: string;
                /**
                 * @deprecated
                 * @description Deprecated alias of created_by
                 */
                owner_id?: string;
                /** @description Fields: name, created_at, updated_at, connection_type, status, last_verified_at */
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
                     *           }
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
                     *       "last_verification": null
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
                     *       }
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
                     *       }
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
                     *       }
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
            /** @description The current credentials, read from Governance for this request */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "resource_uri": "data:acme-corp:analytics-prod:customer-analytics-db",
                     *       "connection_type": "postgres",
                     *       "auth_type": "basic",
                     *       "credentials": {
                     *         "username": "analytics_reader",
                     *         "password": "secret"
                     *       },
                     *       "version": 1
                     *     }
                     */
                    "application/json": components["schemas"]["ConnectionSecretDto"];
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
}
