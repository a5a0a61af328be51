import createClient, { type FetchOptions, type FetchResponse, type Middleware } from 'openapi-fetch';
import { AssetsApiError } from './errors.js';
import type { paths as AssetsPaths } from './generated/assets.js';
import type { paths as GovernancePaths } from './generated/governance.js';
import { Files, Storage } from './storage.js';
import {
  canReportUploadProgress,
  sendWithProgress,
  type ProgressListener,
  type SizedBody,
} from './upload-progress.js';

/** A bearer token, or a function called before every request (to refresh one, say). */
export type TokenProvider = string | (() => string | Promise<string>);

export interface ClientOptions {
  /** Where the service listens: Assets on :8002, Governance on :8001 by default. */
  baseUrl: string;
  /** The bearer token (without `Bearer `), or a function that returns it. */
  token?: TokenProvider;
  /**
   * The X-Project-ID every request carries unless the call sets its own; null or omitted sends
   * none (acts at organization level, where a route allows it).
   */
  projectId?: string | null;
  /** A fetch to use instead of the global one (tests, proxies, retries). */
  fetch?: typeof globalThis.fetch;
  /** Headers added to every request. */
  headers?: Record<string, string>;
}

/**
 * What every request needs besides its own parameters: the base URL, fetch, and the headers
 * (token and project) worked out per request. The storage layer builds its requests from it too.
 */
export class Transport {
  readonly baseUrl: string;
  readonly fetch: typeof globalThis.fetch;

  constructor(readonly options: ClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  /** Sets the token and, unless `headers` already has one, the project (`projectId` overrides the client's; null sends none). */
  async authorize(headers: Headers, projectId?: string | null): Promise<Headers> {
    for (const [name, value] of Object.entries(this.options.headers ?? {}))
      if (!headers.has(name)) headers.set(name, value);
    const token = typeof this.options.token === 'function' ? await this.options.token() : this.options.token;
    if (token) headers.set('authorization', `Bearer ${token}`);
    const project = projectId === undefined ? this.options.projectId : projectId;
    if (project && !headers.has('x-project-id')) headers.set('x-project-id', project);
    return headers;
  }

  /** A fetch that authorizes the request and throws AssetsApiError for any answer that is not 2xx. */
  async send(url: string, init: RequestInit & { projectId?: string | null }, accept: number[] = []) {
    const { projectId, ...rest } = init;
    const headers = await this.authorize(new Headers(init.headers), projectId);
    const response = await this.fetch(`${this.baseUrl}${url}`, { ...rest, headers });
    return this.checked(response, init.method, url, accept);
  }

  /** True in a browser on the global fetch: uploads can then report progress through XMLHttpRequest. */
  get sendsUploadProgress(): boolean {
    return !this.options.fetch && canReportUploadProgress();
  }

  /**
   * `send` through XMLHttpRequest, for an upload of known size that reports its progress (upload
   * events are the only progress a page sees: browsers stream a fetch body over HTTP/2 only).
   */
  async sendWithProgress(
    url: string,
    init: {
      method: string;
      headers: Headers;
      body: SizedBody;
      projectId?: string | null;
      signal?: AbortSignal;
    },
    listener: ProgressListener,
  ): Promise<Response> {
    const { projectId, ...rest } = init;
    const headers = await this.authorize(init.headers, projectId);
    const response = await sendWithProgress(`${this.baseUrl}${url}`, { ...rest, headers }, listener);
    return this.checked(response, init.method, url);
  }

  private async checked(response: Response, method = 'GET', url: string, accept: number[] = []) {
    if (!response.ok && !accept.includes(response.status))
      throw await AssetsApiError.fromResponse(response, method, response.url || this.baseUrl + url);
    return response;
  }

  /** The openapi-fetch middleware: token and project on the way out, AssetsApiError on the way back. */
  middleware(): Middleware {
    return {
      onRequest: async ({ request }) => {
        await this.authorize(request.headers);
        return request;
      },
      onResponse: async ({ request, response }) => {
        if (!response.ok) throw await AssetsApiError.fromResponse(response, request.method, request.url);
        return undefined;
      },
    };
  }
}

// openapi-fetch answers `{ data } | { error }`; ours throw AssetsApiError instead, so `data` is
// always there. These are openapi-fetch's method types with only that answer kept.
type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';
type Operation<Paths, P extends keyof Paths, M extends HttpMethod> =
  Paths[P] extends Record<M, infer O extends Record<string, unknown>> ? O : never;
type PathsWith<Paths, M extends HttpMethod> = {
  [P in keyof Paths]: Operation<Paths, P, M> extends never ? never : P;
}[keyof Paths];
type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
type InitArgs<I> =
  RequiredKeys<I> extends never ? [(I & Record<string, unknown>)?] : [I & Record<string, unknown>];
type Method<Paths, M extends HttpMethod> = <
  P extends PathsWith<Paths, M>,
  I extends FetchOptions<Operation<Paths, P, M>>,
>(
  url: P,
  ...init: InitArgs<I>
) => Promise<Extract<FetchResponse<Operation<Paths, P, M>, I, `${string}/${string}`>, { data: unknown }>>;

/** Typed calls to every route of the document, e.g. `api.GET('/assets/data', { params: { query } })`. */
export interface TypedApi<Paths> {
  GET: Method<Paths, 'get'>;
  PUT: Method<Paths, 'put'>;
  POST: Method<Paths, 'post'>;
  PATCH: Method<Paths, 'patch'>;
  DELETE: Method<Paths, 'delete'>;
  HEAD: Method<Paths, 'head'>;
}

function typedApi<Paths extends object>(transport: Transport): TypedApi<Paths> {
  const client = createClient<Paths>({
    baseUrl: transport.baseUrl,
    fetch: (request) => transport.fetch(request),
  });
  client.use(transport.middleware());
  return client as unknown as TypedApi<Paths>;
}

export interface AssetsClient extends TypedApi<AssetsPaths> {
  /** Shared storage (`/assets/storage`), streamed both ways. */
  readonly storage: Storage;
  /** File uploads (`POST /assets/files`), streamed. */
  readonly files: Files;
  /** The same client acting in another project (null: at organization level). */
  withProject(projectId: string | null): AssetsClient;
}

export type GovernanceClient = TypedApi<GovernancePaths> & {
  withProject(projectId: string | null): GovernanceClient;
};

/** A client of the Assets API (data connections, shared storage, files). */
export function createAssetsClient(options: ClientOptions): AssetsClient {
  const transport = new Transport(options);
  return Object.assign(typedApi<AssetsPaths>(transport), {
    storage: new Storage(transport),
    files: new Files(transport),
    withProject: (projectId: string | null) => createAssetsClient({ ...options, projectId }),
  });
}

/** A client of the Governance API (projects, grants, secrets, audit). */
export function createGovernanceClient(options: ClientOptions): GovernanceClient {
  return Object.assign(typedApi<GovernancePaths>(new Transport(options)), {
    withProject: (projectId: string | null) => createGovernanceClient({ ...options, projectId }),
  });
}
