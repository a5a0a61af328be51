import fc from 'fast-check';
import { AppException, ErrorCode } from '@app/core';
import { TenantKeyBuilder } from './tenant-key.builder.js';
import { decodeListCursor, encodeListCursor } from './list-cursor.js';

const tenant = { orgId: 'acme', projectId: 'proj-42' };

function rejectsWith400(fn: () => unknown): boolean {
  try {
    fn();
  } catch (error) {
    return error instanceof AppException && error.code === ErrorCode.INVALID_REQUEST && error.status === 400;
  }
  return false;
}

describe(TenantKeyBuilder.name, () => {
  it('should build <org>/<project>/<solution>/<artifact-type>/<id…>', () => {
    expect(TenantKeyBuilder.build(tenant, 'talk2data', 'conversations/abc123/messages.jsonl')).toBe(
      'acme/proj-42/talk2data/conversations/abc123/messages.jsonl',
    );
    expect(TenantKeyBuilder.build(tenant, 'files', 'uploads/Résumé 2024 (final).pdf')).toBe(
      'acme/proj-42/files/uploads/Résumé 2024 (final).pdf',
    );
  });

  it.each([
    ['a .. segment', 'docs/../../other-org/x'],
    ['a . segment', 'docs/./x'],
    ['a trailing ..', 'docs/..'],
    ['an empty segment', 'docs//x'],
    ['a trailing slash', 'docs/x/'],
    ['a leading slash', '/docs/x'],
    ['a backslash', 'docs\\..\\x'],
    ['a NUL byte', 'docs/x\u0000.txt'],
    ['a control character', 'docs/x\u001b.txt'],
    ['a bidi override', 'docs/x\u202Etxt.exe'],
    ['a zero-width joiner', 'docs/\u200Dx'],
    ['encoded dots', 'docs/%2e%2e/x'],
    ['upper-case encoded dots', 'docs/%2E%2E/x'],
    ['an encoded slash', 'docs/a%2Fb'],
    ['an encoded backslash', 'docs/a%5cb'],
    ['double-encoded dots', 'docs/%252e%252e/x'],
    ['an encoded NUL', 'docs/a%00b'],
    ['fullwidth full stops', 'docs/．．/x'],
    ['a fullwidth solidus', 'docs/a／b'],
    ['a one-dot leader', 'docs/․․/x'],
    ['a two-dot leader', 'docs/‥/x'],
    ['a lone surrogate', 'docs/\uD800x'],
    ['an artifact type with upper case', 'Docs/x'],
    ['an artifact type with a dot', 'docs.v2/x'],
    ['no id segment', 'docs'],
    ['a 256-byte segment', `docs/${'a'.repeat(256)}`],
    ['a key over 1,024 bytes', `docs/${'é/'.repeat(400)}x`],
  ])('should reject %s with a 400', (_label, path) => {
    expect(rejectsWith400(() => TenantKeyBuilder.build(tenant, 'talk2data', path))).toBe(true);
  });

  it.each([['Talk2Data'], ['talk_data'], [''], ['a'.repeat(64)], ['..'], ['x/y']])(
    'should reject the solution name %p',
    (solution) => {
      expect(rejectsWith400(() => TenantKeyBuilder.build(tenant, solution, 'docs/x'))).toBe(true);
    },
  );

  it('should reject a malformed org or project from the context', () => {
    expect(
      rejectsWith400(() => TenantKeyBuilder.build({ orgId: '', projectId: 'p1' }, 'sol', 'docs/x')),
    ).toBe(true);
    expect(
      rejectsWith400(() => TenantKeyBuilder.build({ orgId: 'acme', projectId: '../other' }, 'sol', 'docs/x')),
    ).toBe(true);
    expect(
      rejectsWith400(() => TenantKeyBuilder.build({ orgId: 'acme/other', projectId: 'p1' }, 'sol', 'docs/x')),
    ).toBe(true);
  });

  it('should accept a key of exactly 1,024 bytes and reject one byte more', () => {
    const prefix = 'acme/proj-42/sol/docs/';
    const id = 'x'.repeat(1024 - prefix.length);
    const segmented = id
      .match(/.{1,200}/g)!
      .join('/')
      .slice(0, id.length);
    const path = `docs/${segmented}`.slice(0, 1024 - 'acme/proj-42/sol/'.length);
    expect(Buffer.byteLength(TenantKeyBuilder.build(tenant, 'sol', path))).toBe(1024);
    expect(rejectsWith400(() => TenantKeyBuilder.build(tenant, 'sol', `${path}y`))).toBe(true);
  });

  it('should build list prefixes and relative keys under the solution only', () => {
    expect(TenantKeyBuilder.listPrefix(tenant, 'sol')).toBe('acme/proj-42/sol/');
    expect(TenantKeyBuilder.listPrefix(tenant, 'sol', 'reports/2024-')).toBe(
      'acme/proj-42/sol/reports/2024-',
    );
    expect(rejectsWith400(() => TenantKeyBuilder.listPrefix(tenant, 'sol', '../'))).toBe(true);
    expect(TenantKeyBuilder.relative(tenant, 'sol', 'acme/proj-42/sol/a/b')).toBe('a/b');
    expect(() => TenantKeyBuilder.relative(tenant, 'sol', 'acme/other/sol/a/b')).toThrow();
  });

  it('should address a key by its path under the tenant: what a route takes back', () => {
    const key = TenantKeyBuilder.build(tenant, 'default', 'objects/test.txt');
    expect(TenantKeyBuilder.address(tenant, key)).toBe('default/objects/test.txt');
    expect(() => TenantKeyBuilder.address(tenant, 'acme/other/sol/a/b')).toThrow();
    expect(() => TenantKeyBuilder.address({ orgId: 'acme', projectId: '' }, 'acme//sol/a')).toThrow();
  });

  describe('property: no input leaves the tenant prefix', () => {
    const slug = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/);
    // Fragments attackers combine: traversal, separators, encodings, lookalikes, other tenants.
    const fragment = fc.oneof(
      fc.constantFrom(
        '..',
        '.',
        '/',
        '//',
        '\\',
        '%2e',
        '%2E',
        '%2f',
        '%2F',
        '%5c',
        '%25',
        '%252e',
        '%00',
        '\u0000',
        '\n',
        '．',
        '／',
        '＼',
        '․',
        '‥',
        '\u202E',
        '\u200B',
        'other-org',
        'proj-1',
        'acme',
        'docs',
        'a',
        '~',
        ' ',
        '%',
        'é',
        'e\u0301',
        '🙂',
      ),
      fc.string({ maxLength: 8 }),
      fc.string({ unit: 'binary', maxLength: 6 }),
    );
    const path = fc.array(fragment, { minLength: 1, maxLength: 12 }).map((parts) => parts.join(''));
    const solution = fc.oneof(slug, fc.constantFrom('..', 'files', 'Files', 'a/b', ''));

    it('should only accept keys under <org>/<project>/<solution>/ without traversal', () => {
      fc.assert(
        fc.property(slug, slug, solution, path, (orgId, projectId, sol, artifactPath) => {
          let key: string;
          try {
            key = TenantKeyBuilder.build({ orgId, projectId }, sol, artifactPath);
          } catch (error) {
            // Rejection is always a 400, never another kind of failure.
            return error instanceof AppException && error.status === 400;
          }
          const prefix = `${orgId}/${projectId}/${sol}/`;
          const segments = key.split('/');
          const folded = key.normalize('NFKC');
          return (
            key.startsWith(prefix) &&
            segments.slice(0, 3).join('/') + '/' === prefix &&
            segments.every((s) => s !== '' && s !== '.' && s !== '..') &&
            !key.includes('\\') &&
            !/%(2e|2f|5c|25)/i.test(key) &&
            !/[\u0000-\u001f\u007f]/.test(key) &&
            folded.split('/').every((s) => s !== '' && s !== '.' && s !== '..') &&
            Buffer.byteLength(key) <= 1024
          );
        }),
        { numRuns: 20_000 },
      );
    });

    it('should never produce a key under another org or project', () => {
      fc.assert(
        fc.property(slug, slug, slug, slug, path, (orgA, projectA, orgB, projectB, artifactPath) => {
          fc.pre(orgA !== orgB || projectA !== projectB);
          let key: string;
          try {
            key = TenantKeyBuilder.build({ orgId: orgA, projectId: projectA }, 'sol', `docs/${artifactPath}`);
          } catch {
            return true;
          }
          const [org, project] = key.split('/');
          return org === orgA && project === projectA && !key.startsWith(`${orgB}/${projectB}/`);
        }),
        { numRuns: 20_000 },
      );
    });
  });
});

describe('list cursor', () => {
  it('should round-trip and only be valid for the prefix it was issued under', () => {
    const cursor = encodeListCursor('acme/p1/sol/a/b.txt');
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeListCursor(cursor, 'acme/p1/sol/')).toBe('acme/p1/sol/a/b.txt');
    expect(rejectsWith400(() => decodeListCursor(cursor, 'acme/p2/sol/'))).toBe(true);
    expect(rejectsWith400(() => decodeListCursor('not a cursor!', 'acme/p1/sol/'))).toBe(true);
  });
});
