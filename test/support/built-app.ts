import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(import.meta.dirname, '..', '..');
const NODE = process.execPath;

let built: Promise<string> | undefined;

/**
 * The apps compiled as `npm run build` compiles them, into a directory of this test run's own (so a
 * build here never rewrites the dist/ someone else is running). `BUILT_APP_DIST=<dir>` reuses one.
 */
export function buildApps(): Promise<string> {
  built ??= (async () => {
    if (process.env.BUILT_APP_DIST) return process.env.BUILT_APP_DIST;
    // Under node_modules/ so the build resolves the repo's packages, as dist/ does.
    const outDir = join(ROOT, 'node_modules', '.cache', 'built-apps');
    await promisify(execFile)(
      NODE,
      [join(ROOT, 'node_modules/@swc/cli/bin/swc.js'), 'apps', 'libs', '-d', outDir, '--copy-files', '-q'],
      { cwd: ROOT },
    );
    return outDir;
  })();
  return built;
}

/** A port nothing listens on right now (for a child that must be told its port up front). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/** A built entry point running as its own process, as in production, with its log lines collected. */
export class BuiltAppProcess {
  readonly lines: string[] = [];
  private waiters: Array<{ match: (line: string) => boolean; resolve: (line: string) => void }> = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(readonly child: ChildProcess) {
    let buffer = '';
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        this.lines.push(line);
        this.waiters = this.waiters.filter((w) => (w.match(line) ? (w.resolve(line), false) : true));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    this.exited = once(child, 'exit').then(([code, signal]) => ({
      code: code as number | null,
      signal: signal as NodeJS.Signals | null,
    }));
  }

  /** `node <dist>/<entry>` with exactly `env` (plus PATH). */
  static async start(entry: string, env: NodeJS.ProcessEnv, args: string[] = []): Promise<BuiltAppProcess> {
    const dist = await buildApps();
    const child = spawn(NODE, [join(dist, entry), ...args], {
      env: { PATH: process.env.PATH, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new BuiltAppProcess(child);
  }

  /** Runs a built CLI to its end; rejects on a non-zero exit with its output. */
  static async run(entry: string, env: NodeJS.ProcessEnv, args: string[]): Promise<void> {
    const cli = await BuiltAppProcess.start(entry, env, args);
    const { code } = await cli.exited;
    if (code !== 0) throw new Error(`${entry} ${args.join(' ')} exited ${code}:\n${cli.lines.join('\n')}`);
  }

  /** The first log line (already printed or to come) that contains `text`; rejects if the process exits first. */
  waitForLine(text: string | RegExp): Promise<string> {
    const match = (line: string) => (typeof text === 'string' ? line.includes(text) : text.test(line));
    const seen = this.lines.find(match);
    if (seen) return Promise.resolve(seen);
    return Promise.race([
      new Promise<string>((resolve) => this.waiters.push({ match, resolve })),
      this.exited.then(({ code, signal }) => {
        throw new Error(
          `exited (${code ?? signal}) before logging ${String(text)}:\n${this.lines.slice(-30).join('\n')}`,
        );
      }),
    ]);
  }

  signal(signal: NodeJS.Signals = 'SIGTERM'): void {
    this.child.kill(signal);
  }

  /** Ends the process if a test left it running. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }
}
