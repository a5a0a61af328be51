// Generated from openapi/governance.json by `npm run sdk:generate` (openapi-typescript). Do not edit:
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
    "/governance/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search the org audit log (org owners and admins), newest first, paged */
        get: operations["listAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/governance/audit/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One audit event of the caller org */
        get: operations["getAuditEvent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/governance/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Projects of the caller org that the caller can read, by id, paged */
        get: operations["listProjects"];
        put?: never;
        /** Create a project in the caller org (org owner/admin); the caller becomes its owner */
        post: operations["createProject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/governance/projects/{project_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One project the caller can read */
        get: operations["getProject"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/governance/grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Direct user grants on an object, by role then user, paged (owners and admins) */
        get: operations["listGrants"];
        put?: never;
        /** Grant a role on an object (owners and admins of the object or its org; owners to grant owner) */
        post: operations["createGrant"];
        /** Revoke a role; revoking a missing grant is a no-op */
        delete: operations["deleteGrant"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/governance/resources/projects/secrets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the project secrets by name, paged (metadata only, never values) */
        get: operations["listProjectSecrets"];
        put?: never;
        /** Create a project secret; the value is never returned by this call */
        post: operations["createProjectSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/governance/resources/projects/secrets/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a secret value (audited; fails closed with 503 if the audit event cannot be written) */
        get: operations["getProjectSecret"];
        /** Replace the value of an existing secret (and its description, when given) */
        put: operations["updateProjectSecret"];
        post?: never;
        /** Delete a secret */
        delete: operations["deleteProjectSecret"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/governance/resources/data-connections/{resource_uri}/secrets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the secrets of a data connection by name, paged (metadata only, never values) */
        get: operations["listResourceSecrets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/governance/resources/data-connections/{resource_uri}/secrets/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a data connection secret (audited; fails closed with 503 if the audit event cannot be written) */
        get: operations["getResourceSecret"];
        /** Create or replace a data connection secret (idempotent) */
        put: operations["putResourceSecret"];
        post?: never;
        /** Delete a data connection secret (idempotent: a missing secret is deleted already) */
        delete: operations["deleteResourceSecret"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/governance/internal/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Governance's readiness (database, authorization, secrets backend) for a platform service (service accounts only) */
        get: operations["getInternalReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/governance/internal/audit/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record an audit event emitted by a platform service (service accounts only) */
        post: operations["recordAuditEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/governance/internal/resources/data-connections/{resource_uri}/secrets/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a data connection's credentials for a check the service schedules itself (service accounts only; audited with its purpose; fails closed) */
        get: operations["readResourceSecretInternal"];
        put?: never;
        post?: never;
        /** Delete a data connection secret during cleanup (service accounts only; idempotent; audited) */
        delete: operations["deleteResourceSecretInternal"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/governance/internal/resource-secrets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the resource secrets of the service account's org, by cursor (service accounts only; metadata only) */
        get: operations["listSecretInventory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/governance/internal/resource-secrets/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The backend key of each data connection URI of the service account's org (service accounts only) */
        post: operations["findSecretInventoryKeys"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/governance/internal/resource-secrets/leftovers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove the secrets backend's own leftovers in the org, e.g. Infisical's empty removal folders (service accounts only; audited) */
        delete: operations["removeSecretLeftovers"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/governance/internal/webhook-secrets/{webhook_uri}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A webhook's signing secret, to sign a delivery (service accounts only; released after its audit event) */
        get: operations["getWebhookSigningSecret"];
        /** Store or replace a webhook's signing secret (service accounts only; audited) */
        put: operations["putWebhookSigningSecret"];
        post?: never;
        /** Delete a webhook's signing secret (service accounts only; idempotent; audited) */
        delete: operations["deleteWebhookSigningSecret"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/governance/internal/forwarded-secret-reads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Read data connection secrets for the service's callers, each as that caller (their token, their permission, their audit event; fails closed per read) */
        post: operations["readResourceSecretsForCallers"];
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
        AuditEventDto: {
            id: string;
            /** Format: date-time */
            timestamp: string;
            org_id: string;
            project_id: string | null;
            actor_id: string;
            /** @enum {string} */
            actor_type: "user" | "service" | "system";
            /** @example secret.read */
            action: string;
            resource_type: string;
            resource_id: string | null;
            source_service: string;
            request_id: string | null;
            trace_id: string | null;
            details: {
                [key: string]: unknown;
            };
        };
        PaginationDto: {
            page: number;
            limit: number;
            total_items: number;
            total_pages: number;
            next_page: number | null;
            prev_page: number | null;
        };
        AuditPageDto: {
            data: components["schemas"]["AuditEventDto"][];
            pagination: components["schemas"]["PaginationDto"];
        };
        CreateProjectDto: {
            /**
             * @description Slug, unique in the org; used as X-Project-ID
             * @example analytics-prod
             */
            id: string;
            /** @example Analytics (production) */
            name: string;
            description?: string | null;
        };
        ProjectDto: {
            id: string;
            org_id: string;
            name: string;
            description: string | null;
            created_by: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        ProjectPageDto: {
            data: components["schemas"]["ProjectDto"][];
            pagination: components["schemas"]["PaginationDto"];
        };
        GrantDto: {
            /**
             * @description The subject: `user:<sub>` (the `sub` claim of the user’s token)
             * @example user:8d2f4c1a-6b3e-4f7a-9c5d-2e1b0a9f8e7d
             */
            user: string;
            /**
             * @description Organization roles: owner, admin, member. Project roles: owner, admin, developer, operator, viewer.
             * @example developer
             * @enum {string}
             */
            relation: "owner" | "admin" | "member" | "developer" | "operator" | "viewer";
            /**
             * @description `organization:<org_id>` (your org) or `project:<project_id>`
             * @example project:analytics-prod
             */
            object: string;
        };
        GrantPageDto: {
            data: components["schemas"]["GrantDto"][];
            pagination: components["schemas"]["PaginationDto"];
        };
        CreateSecretDto: {
            /** @example credentials */
            name: string;
            /** @description The secret value (write-only), 1 to 65536 bytes of UTF-8. Structured values are serialized JSON. */
            value: string;
            description?: string | null;
        };
        SecretCreatedDto: {
            name: string;
            /** Format: date-time */
            created_at: string;
        };
        SecretMetadataDto: {
            name: string;
            description: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            version: number;
        };
        SecretPageDto: {
            data: components["schemas"]["SecretMetadataDto"][];
            pagination: components["schemas"]["PaginationDto"];
        };
        SecretValueDto: {
            name: string;
            description: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            version: number;
            value: string;
        };
        UpdateSecretDto: {
            /** @description The secret value (write-only), 1 to 65536 bytes of UTF-8. Structured values are serialized JSON. */
            value: string;
            description?: string | null;
        };
        ServiceAuditEventDto: {
            project_id?: string | null;
            actor_id: string;
            /** @enum {string} */
            actor_type: "user" | "service" | "system";
            /** @example data_connection.create */
            action: string;
            resource_type: string;
            resource_id?: string | null;
            request_id?: string | null;
            trace_id?: string | null;
            details?: {
                [key: string]: unknown;
            };
        };
        ResourceSecretEntryDto: {
            /** @description null when the backend layout cannot name it: match resource_key instead */
            resource_uri: string | null;
            /** @description The backend id of the resource (see POST internal/resource-secrets/keys) */
            resource_key: string;
            name: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        ResourceSecretPageDto: {
            data: components["schemas"]["ResourceSecretEntryDto"][];
            next_cursor: string | null;
        };
        ResourceKeysRequestDto: {
            resource_uris: string[];
        };
        ResourceKeysDto: {
            data: {
                resource_uri?: string;
                resource_key?: string;
            }[];
        };
        WebhookSigningSecretDto: {
            /** @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw */
            value: string;
        };
        ForwardedSecretReadDto: {
            /** @description The caller's own bearer token, as they presented it to the service. Governance verifies it and decides as that caller. */
            token: string;
            /** @example data:acme-corp:analytics-prod:customer-db */
            resource_uri: string;
            /** @example credentials-v1 */
            name: string;
            /** @description The id of the service's request the read serves, recorded in its audit event */
            request_id?: string;
            /** @description W3C `traceparent` of the service's span for this read: Governance's span of the read continues that trace, and its audit event records the trace id */
            traceparent?: string;
        };
        ForwardedSecretReadsDto: {
            reads: components["schemas"]["ForwardedSecretReadDto"][];
        };
        ForwardedReadErrorDto: {
            /** @example RESOURCE_NOT_FOUND */
            code: string;
            /** @example Data connection not found */
            message: string;
        };
        ForwardedReadResultDto: {
            /**
             * @description What GET .../secrets/{name} would have answered that caller
             * @example 200
             */
            status: number;
            /** @description With status 200 */
            secret?: components["schemas"]["SecretValueDto"];
            /** @description With any other status */
            error?: components["schemas"]["ForwardedReadErrorDto"];
        };
        ForwardedReadResultsDto: {
            /** @description One per read, in the order of `reads` */
            results: components["schemas"]["ForwardedReadResultDto"][];
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
    listAuditEvents: {
        parameters: {
            query?: {
                project_id?: string;
                actor_id?: string;
                action?: string;
                resource_type?: string;
                resource_id?: string;
                /** @description Events whose resource_id starts with this: `data:acme-corp:analytics-prod:customer-db#` finds the reads of every credential version of that connection */
                resource_id_prefix?: string;
                start_time?: string;
                end_time?: string;
                page?: number;
                /** @description Events per page */
                limit?: number;
                /**
                 * @deprecated
                 * @description Deprecated alias of `limit` (the platform reference names it); use `limit`. Both at once must agree.
                 */
                page_size?: number;
            };
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
                     *       "data": [
                     *         {
                     *           "id": "7c1e9a52-4b3d-4f6e-8a2c-9d0b1e2f3a4b",
                     *           "timestamp": "2025-03-14T10:02:17.381Z",
                     *           "org_id": "acme-corp",
                     *           "project_id": "analytics-prod",
                     *           "actor_id": "3f9a7c2e-1d4b-4e8a-b6c5-0a9d8e7f6b5c",
                     *           "actor_type": "user",
                     *           "action": "secret.read",
                     *           "resource_type": "secret",
                     *           "resource_id": "credentials",
                     *           "source_service": "governance",
                     *           "request_id": "01JPB4Q9X2M7K3N8R5T6V1W0YZ",
                     *           "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736",
                     *           "details": {}
                     *         }
                     *       ],
                     *       "pagination": {
                     *         "page": 1,
                     *         "limit": 50,
                     *         "total_items": 1,
                     *         "total_pages": 1,
                     *         "next_page": null,
                     *         "prev_page": null
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["AuditPageDto"];
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
    getAuditEvent: {
        parameters: {
            query?: never;
            header?: never;
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
                     *       "id": "7c1e9a52-4b3d-4f6e-8a2c-9d0b1e2f3a4b",
                     *       "timestamp": "2025-03-14T10:02:17.381Z",
                     *       "org_id": "acme-corp",
                     *       "project_id": "analytics-prod",
                     *       "actor_id": "3f9a7c2e-1d4b-4e8a-b6c5-0a9d8e7f6b5c",
                     *       "actor_type": "user",
                     *       "action": "secret.read",
                     *       "resource_type": "secret",
                     *       "resource_id": "credentials",
                     *       "source_service": "governance",
                     *       "request_id": "01JPB4Q9X2M7K3N8R5T6V1W0YZ",
                     *       "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736",
                     *       "details": {}
                     *     }
                     */
                    "application/json": components["schemas"]["AuditEventDto"];
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
    listProjects: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
            };
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
                     *       "data": [
                     *         {
                     *           "id": "analytics-prod",
                     *           "org_id": "acme-corp",
                     *           "name": "Analytics (production)",
                     *           "description": "Production analytics pipelines and their data connections",
                     *           "created_by": "3f9a7c2e-1d4b-4e8a-b6c5-0a9d8e7f6b5c",
                     *           "created_at": "2025-03-14T09:26:53.000Z",
                     *           "updated_at": "2025-03-14T09:26:53.000Z"
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
                    "application/json": components["schemas"]["ProjectPageDto"];
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
    createProject: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateProjectDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "analytics-prod",
                     *       "org_id": "acme-corp",
                     *       "name": "Analytics (production)",
                     *       "description": "Production analytics pipelines and their data connections",
                     *       "created_by": "3f9a7c2e-1d4b-4e8a-b6c5-0a9d8e7f6b5c",
                     *       "created_at": "2025-03-14T09:26:53.000Z",
                     *       "updated_at": "2025-03-14T09:26:53.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["ProjectDto"];
                };
            };
            /** @description INVALID_REQUEST: malformed path, query or header; the body is not well-formed JSON */
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
            /** @description RESOURCE_ALREADY_EXISTS */
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
            /** @description PAYLOAD_TOO_LARGE */
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
            /** @description VALIDATION_ERROR: well-formed body that fails validation */
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
            /**
             * @description SERVICE_UNAVAILABLE: a dependency (database, authz, secrets, audit) is down
             *
             *     SERVICE_UNAVAILABLE / AUDIT_UNAVAILABLE: the audit event could not be written, nothing was returned
             */
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
    getProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project slug */
                project_id: string;
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
                     *       "id": "analytics-prod",
                     *       "org_id": "acme-corp",
                     *       "name": "Analytics (production)",
                     *       "description": "Production analytics pipelines and their data connections",
                     *       "created_by": "3f9a7c2e-1d4b-4e8a-b6c5-0a9d8e7f6b5c",
                     *       "created_at": "2025-03-14T09:26:53.000Z",
                     *       "updated_at": "2025-03-14T09:26:53.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["ProjectDto"];
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
    listGrants: {
        parameters: {
            query: {
                page?: number;
                limit?: number;
                object: string;
            };
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
                     *       "data": [
                     *         {
                     *           "user": "user:3f9a7c2e-1d4b-4e8a-b6c5-0a9d8e7f6b5c",
                     *           "relation": "owner",
                     *           "object": "project:analytics-prod"
                     *         },
                     *         {
                     *           "user": "user:8d2f4c1a-6b3e-4f7a-9c5d-2e1b0a9f8e7d",
                     *           "relation": "developer",
                     *           "object": "project:analytics-prod"
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
                    "application/json": components["schemas"]["GrantPageDto"];
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
    createGrant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GrantDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "user": "user:8d2f4c1a-6b3e-4f7a-9c5d-2e1b0a9f8e7d",
                     *       "relation": "developer",
                     *       "object": "project:analytics-prod"
                     *     }
                     */
                    "application/json": components["schemas"]["GrantDto"];
                };
            };
            /** @description INVALID_REQUEST: malformed path, query or header; the body is not well-formed JSON */
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
            /** @description PAYLOAD_TOO_LARGE */
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
            /** @description VALIDATION_ERROR: well-formed body that fails validation */
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
            /**
             * @description SERVICE_UNAVAILABLE: a dependency (database, authz, secrets, audit) is down
             *
             *     SERVICE_UNAVAILABLE / AUDIT_UNAVAILABLE: the audit event could not be written, nothing was returned
             */
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
    deleteGrant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GrantDto"];
            };
        };
        responses: {
            /** @description Revoked, or there was nothing to revoke */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description INVALID_REQUEST: malformed path, query or header; the body is not well-formed JSON */
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
            /** @description PAYLOAD_TOO_LARGE */
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
            /** @description VALIDATION_ERROR: well-formed body that fails validation */
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
            /**
             * @description SERVICE_UNAVAILABLE: a dependency (database, authz, secrets, audit) is down
             *
             *     SERVICE_UNAVAILABLE / AUDIT_UNAVAILABLE: the audit event could not be written, nothing was returned
             */
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
    listProjectSecrets: {
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
                     *           "name": "credentials",
                     *           "description": "Warehouse login for the nightly loads",
                     *           "created_at": "2025-03-14T09:30:12.000Z",
                     *           "updated_at": "2025-04-02T16:05:41.000Z",
                     *           "version": 2
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
                    "application/json": components["schemas"]["SecretPageDto"];
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
            /** @description RATE_LIMIT_EXCEEDED */
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
            /** @description DEADLINE_EXCEEDED: the request deadline passed; `details.outcome` says whether anything was applied */
            504: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "DEADLINE_EXCEEDED",
                     *         "message": "The request deadline passed",
                     *         "status": 504,
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
    createProjectSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description Project the request acts in; it must belong to the caller’s organization. */
                "X-Project-ID"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSecretDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "name": "credentials",
                     *       "created_at": "2025-03-14T09:30:12.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["SecretCreatedDto"];
                };
            };
            /** @description INVALID_REQUEST: malformed path, query or header; the body is not well-formed JSON; X-Project-ID is missing or not a valid project slug */
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
            /** @description RESOURCE_ALREADY_EXISTS */
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
            /** @description PAYLOAD_TOO_LARGE */
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
            /** @description VALIDATION_ERROR: well-formed body that fails validation */
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
            /** @description RATE_LIMIT_EXCEEDED */
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
            /**
             * @description SERVICE_UNAVAILABLE: a dependency (database, authz, secrets, audit) is down
             *
             *     SERVICE_UNAVAILABLE / AUDIT_UNAVAILABLE: the audit event could not be written, nothing was returned
             */
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
            /** @description DEADLINE_EXCEEDED: the request deadline passed; `details.outcome` says whether anything was applied */
            504: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "DEADLINE_EXCEEDED",
                     *         "message": "The request deadline passed",
                     *         "status": 504,
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
    getProjectSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description Project the request acts in; it must belong to the caller’s organization. */
                "X-Project-ID"?: string;
            };
            path: {
                /** @description 1-128 characters of `A-Z a-z 0-9 _ . -`; any other name is not found */
                name: string;
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
                     *       "name": "credentials",
                     *       "description": "Warehouse login for the nightly loads",
                     *       "created_at": "2025-03-14T09:30:12.000Z",
                     *       "updated_at": "2025-04-02T16:05:41.000Z",
                     *       "version": 2,
                     *       "value": "{\"username\":\"analytics_reader\",\"password\":\"<password>\"}"
                     *     }
                     */
                    "application/json": components["schemas"]["SecretValueDto"];
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
            /** @description RATE_LIMIT_EXCEEDED */
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
            /**
             * @description SERVICE_UNAVAILABLE: a dependency (database, authz, secrets, audit) is down
             *
             *     SERVICE_UNAVAILABLE / AUDIT_UNAVAILABLE: the audit event could not be written, nothing was returned
             */
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
            /** @description DEADLINE_EXCEEDED: the request deadline passed; `details.outcome` says whether anything was applied */
            504: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "DEADLINE_EXCEEDED",
                     *         "message": "The request deadline passed",
                     *         "status": 504,
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
    updateProjectSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description Project the request acts in; it must belong to the caller’s organization. */
                "X-Project-ID"?: string;
            };
            path: {
                /** @description 1-128 characters of `A-Z a-z 0-9 _ . -`; any other name is not found */
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSecretDto"];
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
                     *       "name": "credentials",
                     *       "description": "Warehouse login for the nightly loads",
                     *       "created_at": "2025-03-14T09:30:12.000Z",
                     *       "updated_at": "2025-04-02T16:05:41.000Z",
                     *       "version": 2
                     *     }
                     */
                    "application/json": components["schemas"]["SecretMetadataDto"];
                };
            };
            /** @description INVALID_REQUEST: malformed path, query or header; the body is not well-formed JSON; X-Project-ID is missing or not a valid project slug */
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
            /** @description PAYLOAD_TOO_LARGE */
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
            /** @description VALIDATION_ERROR: well-formed body that fails validation */
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
            /** @description RATE_LIMIT_EXCEEDED */
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
            /**
             * @description SERVICE_UNAVAILABLE: a dependency (database, authz, secrets, audit) is down
             *
             *     SERVICE_UNAVAILABLE / AUDIT_UNAVAILABLE: the audit event could not be written, nothing was returned
             */
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
            /** @description DEADLINE_EXCEEDED: the request deadline passed; `details.outcome` says whether anything was applied */
            504: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "DEADLINE_EXCEEDED",
                     *         "message": "The request deadline passed",
                     *         "status": 504,
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
    deleteProjectSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description Project the request acts in; it must belong to the caller’s organization. */
                "X-Project-ID"?: string;
            };
            path: {
                /** @description 1-128 characters of `A-Z a-z 0-9 _ . -`; any other name is not found */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
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
            /** @description RATE_LIMIT_EXCEEDED */
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
            /**
             * @description SERVICE_UNAVAILABLE: a dependency (database, authz, secrets, audit) is down
             *
             *     SERVICE_UNAVAILABLE / AUDIT_UNAVAILABLE: the audit event could not be written, nothing was returned
             */
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
            /** @description DEADLINE_EXCEEDED: the request deadline passed; `details.outcome` says whether anything was applied */
            504: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "DEADLINE_EXCEEDED",
                     *         "message": "The request deadline passed",
                     *         "status": 504,
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
    listResourceSecrets: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
            };
            header?: never;
            path: {
                /** @description Raw or percent-encoded (`%3A`) colons both work */
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
                     *           "name": "credentials-v1",
                     *           "description": null,
                     *           "created_at": "2025-03-14T09:41:07.000Z",
                     *           "updated_at": "2025-03-14T09:41:07.000Z",
                     *           "version": 1
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
                    "application/json": components["schemas"]["SecretPageDto"];
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
            /** @description RATE_LIMIT_EXCEEDED */
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
            /** @description DEADLINE_EXCEEDED: the request deadline passed; `details.outcome` says whether anything was applied */
            504: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "DEADLINE_EXCEEDED",
                     *         "message": "The request deadline passed",
                     *         "status": 504,
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
    getResourceSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Raw or percent-encoded (`%3A`) colons both work */
                resource_uri: string;
                /** @description 1-128 characters of `A-Z a-z 0-9 _ . -`; any other name is not found */
                name: string;
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
                     *       "name": "credentials-v1",
                     *       "description": null,
                     *       "created_at": "2025-03-14T09:41:07.000Z",
                     *       "updated_at": "2025-03-14T09:41:07.000Z",
                     *       "version": 1,
                     *       "value": "{\"username\":\"analytics_reader\",\"password\":\"<password>\"}"
                     *     }
                     */
                    "application/json": components["schemas"]["SecretValueDto"];
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
            /** @description RATE_LIMIT_EXCEEDED */
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
            /**
             * @description SERVICE_UNAVAILABLE: a dependency (database, authz, secrets, audit) is down
             *
             *     SERVICE_UNAVAILABLE / AUDIT_UNAVAILABLE: the audit event could not be written, nothing was returned
             */
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
            /** @description DEADLINE_EXCEEDED: the request deadline passed; `details.outcome` says whether anything was applied */
            504: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "DEADLINE_EXCEEDED",
                     *         "message": "The request deadline passed",
                     *         "status": 504,
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
    putResourceSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Raw or percent-encoded (`%3A`) colons both work */
                resource_uri: string;
                /** @description 1-128 characters of `A-Z a-z 0-9 _ . -`; any other name is not found */
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSecretDto"];
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
                     *       "name": "credentials-v1",
                     *       "description": null,
                     *       "created_at": "2025-03-14T09:41:07.000Z",
                     *       "updated_at": "2025-03-14T09:41:07.000Z",
                     *       "version": 1
                     *     }
                     */
                    "application/json": components["schemas"]["SecretMetadataDto"];
                };
            };
            /** @description INVALID_REQUEST: malformed path, query or header; the body is not well-formed JSON */
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
            /** @description PAYLOAD_TOO_LARGE */
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
            /** @description VALIDATION_ERROR: well-formed body that fails validation */
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
            /** @description RATE_LIMIT_EXCEEDED */
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
            /**
             * @description SERVICE_UNAVAILABLE: a dependency (database, authz, secrets, audit) is down
             *
             *     SERVICE_UNAVAILABLE / AUDIT_UNAVAILABLE: the audit event could not be written, nothing was returned
             */
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
            /** @description DEADLINE_EXCEEDED: the request deadline passed; `details.outcome` says whether anything was applied */
            504: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "DEADLINE_EXCEEDED",
                     *         "message": "The request deadline passed",
                     *         "status": 504,
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
    deleteResourceSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Raw or percent-encoded (`%3A`) colons both work */
                resource_uri: string;
                /** @description 1-128 characters of `A-Z a-z 0-9 _ . -`; any other name is not found */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted, or there was nothing to delete */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content?: never;
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
            /** @description RATE_LIMIT_EXCEEDED */
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
            /**
             * @description SERVICE_UNAVAILABLE: a dependency (database, authz, secrets, audit) is down
             *
             *     SERVICE_UNAVAILABLE / AUDIT_UNAVAILABLE: the audit event could not be written, nothing was returned
             */
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
            /** @description DEADLINE_EXCEEDED: the request deadline passed; `details.outcome` says whether anything was applied */
            504: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "DEADLINE_EXCEEDED",
                     *         "message": "The request deadline passed",
                     *         "status": 504,
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
    getInternalReadiness: {
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
            /**
             * @description A dependency is down; `error.details.failing` names each one and why
             *
             *     SERVICE_UNAVAILABLE: a dependency (database, authz, secrets, audit) is down
             */
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
    recordAuditEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ServiceAuditEventDto"];
            };
        };
        responses: {
            /** @description Recorded */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description INVALID_REQUEST: malformed path, query or header; the body is not well-formed JSON */
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
            /** @description PAYLOAD_TOO_LARGE */
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
            /** @description VALIDATION_ERROR: well-formed body that fails validation */
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
    readResourceSecretInternal: {
        parameters: {
            query: {
                /** @description Recorded in the audit event of the read */
                purpose: "health_check" | "rotation_check";
            };
            header?: never;
            path: {
                resource_uri: string;
                name: string;
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
                     *       "name": "credentials-v1",
                     *       "description": "Warehouse login for the nightly loads",
                     *       "created_at": "2025-03-14T09:30:12.000Z",
                     *       "updated_at": "2025-04-02T16:05:41.000Z",
                     *       "version": 2,
                     *       "value": "{\"username\":\"analytics_reader\",\"password\":\"<password>\"}"
                     *     }
                     */
                    "application/json": components["schemas"]["SecretValueDto"];
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
            /** @description RATE_LIMIT_EXCEEDED */
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
            /** @description DEADLINE_EXCEEDED: the request deadline passed; `details.outcome` says whether anything was applied */
            504: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "DEADLINE_EXCEEDED",
                     *         "message": "The request deadline passed",
                     *         "status": 504,
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
    deleteResourceSecretInternal: {
        parameters: {
            query?: {
                /** @description orphan_* = the secret-store sweep */
                reason?: "cleanup" | "orphan_connection_gone" | "orphan_version_superseded";
            };
            header?: never;
            path: {
                resource_uri: string;
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted, or there was nothing to delete */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content?: never;
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
            /** @description RATE_LIMIT_EXCEEDED */
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
            /** @description DEADLINE_EXCEEDED: the request deadline passed; `details.outcome` says whether anything was applied */
            504: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "DEADLINE_EXCEEDED",
                     *         "message": "The request deadline passed",
                     *         "status": 504,
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
    listSecretInventory: {
        parameters: {
            query?: {
                /** @description From the previous page; absent = first page */
                cursor?: string;
                limit?: number;
            };
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
                     *       "data": [
                     *         {
                     *           "resource_uri": "data:acme-corp:analytics-prod:customer-db",
                     *           "resource_key": "data:acme-corp:analytics-prod:customer-db",
                     *           "name": "credentials-v1",
                     *           "created_at": "2025-03-14T09:41:07.000Z",
                     *           "updated_at": "2025-03-14T09:41:07.000Z"
                     *         }
                     *       ],
                     *       "next_cursor": "WyJhbmFseXRpY3MtcHJvZCIsImRhdGE6YWNtZS1jb3JwOmFuYWx5dGljcy1wcm9kOmN1c3RvbWVyLWRiIl0"
                     *     }
                     */
                    "application/json": components["schemas"]["ResourceSecretPageDto"];
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
            /** @description RATE_LIMIT_EXCEEDED */
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
    findSecretInventoryKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResourceKeysRequestDto"];
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
                     *       "data": [
                     *         {
                     *           "resource_uri": "data:acme-corp:analytics-prod:customer-db",
                     *           "resource_key": "data:acme-corp:analytics-prod:customer-db"
                     *         },
                     *         {
                     *           "resource_uri": "data:acme-corp::shared-warehouse",
                     *           "resource_key": "data:acme-corp::shared-warehouse"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ResourceKeysDto"];
                };
            };
            /** @description INVALID_REQUEST: malformed path, query or header; the body is not well-formed JSON */
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
            /** @description PAYLOAD_TOO_LARGE */
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
            /** @description VALIDATION_ERROR: well-formed body that fails validation */
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
    removeSecretLeftovers: {
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
                     *       "removed": 2
                     *     }
                     */
                    "application/json": {
                        /** @description How many leftovers were removed */
                        removed: number;
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
            /** @description RATE_LIMIT_EXCEEDED */
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
    getWebhookSigningSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description `webhook:<org>:<project, or empty for an org webhook>:<subscription id>`, in the caller's org */
                webhook_uri: string;
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
                     *       "value": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
                     *     }
                     */
                    "application/json": {
                        value: string;
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
            /** @description DEADLINE_EXCEEDED: the request deadline passed; `details.outcome` says whether anything was applied */
            504: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "DEADLINE_EXCEEDED",
                     *         "message": "The request deadline passed",
                     *         "status": 504,
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
    putWebhookSigningSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description `webhook:<org>:<project, or empty for an org webhook>:<subscription id>`, in the caller's org */
                webhook_uri: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookSigningSecretDto"];
            };
        };
        responses: {
            /** @description Stored */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description INVALID_REQUEST: malformed path, query or header; the body is not well-formed JSON */
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
            /** @description VALIDATION_ERROR: well-formed body that fails validation */
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
            /** @description DEADLINE_EXCEEDED: the request deadline passed; `details.outcome` says whether anything was applied */
            504: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "DEADLINE_EXCEEDED",
                     *         "message": "The request deadline passed",
                     *         "status": 504,
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
    deleteWebhookSigningSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description `webhook:<org>:<project, or empty for an org webhook>:<subscription id>`, in the caller's org */
                webhook_uri: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted, or there was nothing to delete */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content?: never;
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
            /** @description DEADLINE_EXCEEDED: the request deadline passed; `details.outcome` says whether anything was applied */
            504: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "DEADLINE_EXCEEDED",
                     *         "message": "The request deadline passed",
                     *         "status": 504,
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
    readResourceSecretsForCallers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ForwardedSecretReadsDto"];
            };
        };
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
                     *       "results": [
                     *         {
                     *           "status": 200,
                     *           "secret": {
                     *             "name": "credentials-v1",
                     *             "description": "Warehouse login for the nightly loads",
                     *             "created_at": "2025-03-14T09:30:12.000Z",
                     *             "updated_at": "2025-04-02T16:05:41.000Z",
                     *             "version": 2,
                     *             "value": "{\"username\":\"analytics_reader\",\"password\":\"<password>\"}"
                     *           }
                     *         },
                     *         {
                     *           "status": 404,
                     *           "error": {
                     *             "code": "RESOURCE_NOT_FOUND",
                     *             "message": "Data connection not found"
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ForwardedReadResultsDto"];
                };
            };
            /** @description INVALID_REQUEST: malformed path, query or header; the body is not well-formed JSON */
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
            /** @description PAYLOAD_TOO_LARGE */
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
            /** @description VALIDATION_ERROR: well-formed body that fails validation */
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
            /** @description DEADLINE_EXCEEDED: the request deadline passed; `details.outcome` says whether anything was applied */
            504: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": {
                     *         "code": "DEADLINE_EXCEEDED",
                     *         "message": "The request deadline passed",
                     *         "status": 504,
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
