/** The body of every error the services answer: `{ error: { code, message, status, … } }`. */
export interface ErrorBody {
  code: string;
  message: string;
  status: number;
  details: Record<string, unknown>;
  request_id: string;
  trace_id: string | null;
}

/**
 * A non-2xx answer from Assets or Governance. Built from the response alone (its error envelope
 * and headers), never from the request, so neither the message nor any field carries the token,
 * a request body or credentials.
 */
export class AssetsApiError extends Error {
  override readonly name = 'AssetsApiError';
  readonly code: string;
  readonly status: number;
  readonly details: Record<string, unknown>;
  readonly requestId: string | null;
  readonly traceId: string | null;
  /** `METHOD /path` of the failed call (no query string, no host). */
  readonly operation: string;

  constructor(body: ErrorBody, operation: string) {
    super(`${operation} failed with ${body.status} ${body.code}: ${body.message}`);
    this.code = body.code;
    this.status = body.status;
    this.details = body.details;
    this.requestId = body.request_id || null;
    this.traceId = body.trace_id ?? null;
    this.operation = operation;
  }

  /** Reads the envelope from `response` (consuming its body); a body that is not one gives `HTTP_<status>`. */
  static async fromResponse(response: Response, method: string, url: string): Promise<AssetsApiError> {
    const operation = `${method.toUpperCase()} ${new URL(url).pathname}`;
    const envelope = await response.json().catch(() => undefined);
    const error = (envelope as { error?: Partial<ErrorBody> } | undefined)?.error;
    const requestId = response.headers.get('x-request-id') ?? '';
    const body: ErrorBody =
      error && typeof error.code === 'string' && typeof error.message === 'string'
        ? {
            code: error.code,
            message: error.message,
            status: typeof error.status === 'number' ? error.status : response.status,
            details: error.details && typeof error.details === 'object' ? error.details : {},
            request_id: error.request_id ?? requestId,
            trace_id: error.trace_id ?? null,
          }
        : {
            // Not our envelope (a proxy's page, say): its text is not shown, it may echo the request.
            code: `HTTP_${response.status}`,
            message: response.statusText || 'Request failed',
            status: response.status,
            details: {},
            request_id: requestId,
            trace_id: null,
          };
    return new AssetsApiError(body, operation);
  }
}
