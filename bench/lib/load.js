import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLOSED = fileURLToPath(new URL('./load-child.js', import.meta.url));
const OPEN = fileURLToPath(new URL('./open-loop-child.js', import.meta.url));

function runChild(script, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, JSON.stringify(options)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`load generator exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').pop()));
      } catch (error) {
        reject(error);
      }
    });
  });
}

/** Closed-loop load: autocannon in a child Node process, resolves with its summarised result. */
export const runLoad = (options) => runChild(CLOSED, options);

/** Open-loop load at a fixed rate in a child process (lib/open-loop-child.js). */
export const runOpenLoop = (options) => runChild(OPEN, options);

/** Open loop over `paths` in turn on `url`'s origin, after a 2 s warm-up at the same rate. */
export const runOpenLoopOver = ({ url, headers, paths, rate, duration }) =>
  runOpenLoop({ url, headers, rate, duration, warmup: 2, paths: paths.map((path) => ({ path })) });
