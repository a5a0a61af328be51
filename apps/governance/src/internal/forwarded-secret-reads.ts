import { Injectable, Logger } from '@nestjs/common';
import { AppException, ErrorCode, parseTraceparent, type Principal, Tracing } from '@app/core';
import { BearerTokenVerifier } from '@app/auth';
import {
  assertPermission,
  AuthzClient,
  checkAll,
  dataConnectionObjectOf,
  parseDataResourceUri,
  userSubject,
} from '@app/authz';
import type { AuditEventInput } from '@app/audit';
import { AuditRecorder } from '../audit/index.js';
import { SECRET_NAME, SecretsService, type SecretValueDto } from '../secrets/index.js';
import { dataConnectionSecretRef } from './service-secret-access.js';

/** One read a platform service forwards: the user's own token and the secret they asked for. */
export interface ForwardedSecretRead {
  token: string;
  resource_uri: string;
  name: string;
  request_id?: string | null;
  /** The caller's span in the service (W3C): this read's span here continues that trace. */
  traceparent?: string | null;
}

/** What the same GET as that user would have answered: the secret, or the error's status and code. */
export type ForwardedReadResult =
  { status: 200; secret: SecretValueDto } | { status: number; error: { code: string; message: string } };

/**
 * Secret reads a platform service (Assets) forwards for its own callers, many in one call. Each
 * item is decided exactly as `GET /resources/data-connections/{uri}/secrets/{name}` would decide
 * it for that caller: their token verified here (never taken from the service's word), their
 * `can_read_secrets` on the connection, 404 outside the service's org, and the value released
 * only once its `data_connection.secret.read` event, with the caller as actor and the forwarded
 * request and trace ids, is written. Items fail alone.
 */
const READ = 'can_read_secrets';
/** Each read's span, in its caller's trace (the service's CLIENT span is its parent). */
const SPAN = 'forwarded secret read';
const SPAN_ATTRIBUTES = { 'governance.operation': 'readResourceSecretsForCallers' };
const logger = new Logger('ForwardedSecretReads');

interface Target {
  read: ForwardedSecretRead;
  caller: Principal;
  object: string;
}

/** An item's failure as the answer its own GET would have had; anything unexpected is logged, never echoed. */
function resultOf(error: unknown): ForwardedReadResult {
  if (error instanceof AppException)
    return { status: error.status, error: { code: error.code, message: error.message } };
  logger.error(
    { err: error instanceof Error ? { name: error.name, stack: error.stack } : String(error) },
    'Forwarded secret read failed',
  );
  return { status: 500, error: { code: ErrorCode.INTERNAL_ERROR, message: 'Request failed' } };
}

@Injectable()
export class ForwardedSecretReads {
  constructor(
    private readonly tokens: BearerTokenVerifier,
    private readonly authz: AuthzClient,
    private readonly secrets: SecretsService,
    private readonly audit: AuditRecorder,
    private readonly tracing: Tracing,
  ) {}

  async readAll(
    service: Principal,
    reads: ForwardedSecretRead[],
    signal?: AbortSignal,
  ): Promise<ForwardedReadResult[]> {
    // A caller with many reads in the call (automation fanning out) has its token verified once.
    const callers = new Map<string, Promise<Principal>>();
    const callerOf = (token: string) => {
      let caller = callers.get(token);
      if (!caller) callers.set(token, (caller = this.tokens.verify(token)));
      return caller;
    };
    const targets = await Promise.all(
      reads.map((read) => this.targetOf(service, read, callerOf).catch(resultOf)),
    );
    const asked = targets.filter((t): t is Target => 'caller' in t);
    // One authorization round trip for the whole call; a denial is explained (403 or 404) alone.
    let allowed: boolean[] = [];
    try {
      if (asked.length > 0)
        allowed = await checkAll(
          this.authz,
          asked.map((t) => ({ user: userSubject(t.caller.userId), relation: READ, object: t.object })),
        );
    } catch (error) {
      const failed = resultOf(error);
      return targets.map((t) => ('caller' in t ? failed : t));
    }
    const verdicts = new Map(asked.map((t, i) => [t, allowed[i]]));
    const answer = (t: Target | ForwardedReadResult): Promise<ForwardedReadResult> =>
      'caller' in t
        ? this.tracing
            .inRemoteSpan(SPAN, t.read.traceparent ?? undefined, SPAN_ATTRIBUTES, () =>
              this.readOne(t, verdicts.get(t)!, signal),
            )
            .catch(resultOf)
        : Promise.resolve(t);
    return Promise.all(targets.map(answer));
  }

  /** The caller (their token verified here) and the connection, which must be in the service's org. */
  private async targetOf(
    service: Principal,
    read: ForwardedSecretRead,
    callerOf: (token: string) => Promise<Principal>,
  ): Promise<Target> {
    const caller = await callerOf(read.token);
    const ref = parseDataResourceUri(read.resource_uri);
    // The service acts in one org; a caller or connection of any other is not found there.
    if (!ref || ref.orgId !== caller.orgId || caller.orgId !== service.orgId)
      throw AppException.notFound('Data connection');
    return { read, caller, object: dataConnectionObjectOf(ref) };
  }

  private async readOne(
    target: Target,
    allowed: boolean,
    signal?: AbortSignal,
  ): Promise<ForwardedReadResult> {
    const { read, caller } = target;
    if (!allowed) await assertPermission(this.authz, caller, READ, target.object, 'Data connection');
    const secret = dataConnectionSecretRef(read.resource_uri, read.name, SECRET_NAME);
    if (!secret) throw AppException.notFound('Secret');
    const event: AuditEventInput = {
      org_id: secret.orgId,
      project_id: secret.projectId,
      actor_id: caller.userId,
      actor_type: caller.actorType,
      action: 'data_connection.secret.read',
      resource_type: 'data_connection',
      resource_id: `${read.resource_uri}#${read.name}`,
      source_service: 'governance',
      request_id: read.request_id ?? null,
      trace_id: parseTraceparent(read.traceparent)?.traceId ?? null,
      details: {},
    };
    const value = await this.audit.read(event, () => this.secrets.read(secret, { signal }));
    return { status: 200, secret: value };
  }
}
