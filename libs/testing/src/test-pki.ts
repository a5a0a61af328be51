import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Pem {
  key: string;
  cert: string;
}

/**
 * A throwaway PKI made with the `openssl` CLI, for TLS tests: certificate authorities, leaves
 * they sign for given names, and self-signed leaves. Everything lives in a temp dir until dispose().
 */
export class TestPki {
  private readonly dir = mkdtempSync(join(tmpdir(), 'test-pki-'));

  /** A self-signed CA named `name`; later leaves name it as their issuer. */
  authority(name: string): Pem {
    this.openssl(
      ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', `/CN=${name}`],
      ...['-keyout', `${name}.key`, '-out', `${name}.crt`],
    );
    return this.read(name);
  }

  /** A server certificate for `san` (`DNS:host` or `IP:1.2.3.4`, comma-separated), signed by `issuer`. */
  leaf(name: string, issuer: string, san: string): Pem {
    writeFileSync(
      join(this.dir, `${name}.ext`),
      `subjectAltName=${san}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`,
    );
    this.openssl(
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      `/CN=${name}`,
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.csr`,
    );
    this.openssl(
      ...['x509', '-req', '-in', `${name}.csr`, '-CA', `${issuer}.crt`, '-CAkey', `${issuer}.key`],
      ...['-CAcreateserial', '-days', '2', '-extfile', `${name}.ext`, '-out', `${name}.crt`],
    );
    return this.read(name);
  }

  /** A self-signed server certificate for `san`. */
  selfSigned(name: string, san: string): Pem {
    this.openssl(
      ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', `/CN=${name}`],
      ...['-addext', `subjectAltName=${san}`, '-keyout', `${name}.key`, '-out', `${name}.crt`],
    );
    return this.read(name);
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private openssl(...args: string[]): void {
    execFileSync('openssl', args, { cwd: this.dir, stdio: 'pipe' });
  }

  private read(name: string): Pem {
    return {
      key: readFileSync(join(this.dir, `${name}.key`), 'utf8'),
      cert: readFileSync(join(this.dir, `${name}.crt`), 'utf8'),
    };
  }
}

/**
 * A throwaway CA and a server certificate it signed for `hostname`, so a client that checks
 * certificates can be pointed at a fake.
 */
export function makeTestCertificate(hostname: string): { ca: string; key: string; cert: string } {
  const pki = new TestPki();
  try {
    return { ca: pki.authority('test-ca').cert, ...pki.leaf('leaf', 'test-ca', `DNS:${hostname}`) };
  } finally {
    pki.dispose();
  }
}
