import { jest } from '@jest/globals';
import net from 'node:net';
import {
  EgressDeniedError,
  EgressPolicy,
  InvalidDestinationError,
  type ResolvedAddress,
} from './egress-policy.js';
import { normalizeHost } from './host-normalizer.js';
import { pinnedLookup } from './pinned-connection.js';

const METADATA_SPELLINGS = [
  '169.254.169.254',
  '2852039166',
  '0251.0376.0251.0376',
  '0xa9fea9fe',
  '0xA9.0xFE.0xA9.0xFE',
  '169.254.43518',
  '169.16689662',
  '169.254.169.254.',
  '::ffff:169.254.169.254',
  '[::ffff:169.254.169.254]',
  '::ffff:a9fe:a9fe',
  '[::ffff:a9fe:a9fe]',
  '0:0:0:0:0:ffff:a9fe:a9fe',
  '64:ff9b::a9fe:a9fe',
  '64:ff9b::169.254.169.254',
  '2002:a9fe:a9fe::1',
  'fd00:ec2::254',
  '[fd00:ec2::254]',
  '100.100.100.200',
  'fe80::1',
  '0.0.0.0',
  '0',
  '::',
  '[::]',
  '224.0.0.1',
  'ff02::1',
  '255.255.255.255',
];

function policy(options: Partial<ConstructorParameters<typeof EgressPolicy>[0]> = {}): EgressPolicy {
  return new EgressPolicy({
    production: false,
    protectedPorts: [8002, 8001, 8081],
    localAddresses: ['127.0.0.1', '::1', '10.1.2.3'],
    ...options,
  });
}

describe(EgressPolicy.name, () => {
  it.each(METADATA_SPELLINGS)('should deny %s without resolving anything', async (host) => {
    const resolver = jest.fn(async (): Promise<ResolvedAddress[]> => [{ address: '10.0.0.1', family: 4 }]);
    await expect(policy({ resolver }).resolve(host, 80)).rejects.toBeInstanceOf(EgressDeniedError);
    expect(resolver).not.toHaveBeenCalled();
  });

  it.each([
    'metadata.google.internal',
    'METADATA.GOOGLE.INTERNAL.',
    'metadata',
    'metadata.',
    'instance-data.ec2.internal',
    'metadata.goog',
  ])('should deny the metadata name %s before any lookup', async (host) => {
    const resolver = jest.fn(async (): Promise<ResolvedAddress[]> => [{ address: '10.0.0.1', family: 4 }]);
    await expect(policy({ resolver }).resolve(host, 80)).rejects.toMatchObject({ reason: 'metadata_name' });
    expect(resolver).not.toHaveBeenCalled();
  });

  it('should deny a name when any one of its addresses is denied', async () => {
    const resolver = async (): Promise<ResolvedAddress[]> => [
      { address: '10.0.0.5', family: 4 },
      { address: '::ffff:169.254.169.254', family: 6 },
    ];
    await expect(policy({ resolver }).resolve('db.example.com', 5432)).rejects.toBeInstanceOf(
      EgressDeniedError,
    );
  });

  it('should look the name up once and pin that answer even if DNS changes (rebinding)', async () => {
    const answers: ResolvedAddress[][] = [
      [{ address: '10.0.0.7', family: 4 }],
      [{ address: '169.254.169.254', family: 4 }],
    ];
    const resolver = jest.fn(async () => answers.shift() ?? []);
    const dest = await policy({ resolver }).resolve('rebind.example.com.', 5432);
    expect(dest).toEqual({ hostname: 'rebind.example.com', address: '10.0.0.7', family: 4, port: 5432 });
    expect(resolver).toHaveBeenCalledTimes(1);
    const lookup = pinnedLookup(dest);
    const answer = await new Promise<string>((resolve, reject) =>
      lookup('rebind.example.com', {}, (err, address) => (err ? reject(err) : resolve(address as string))),
    );
    expect(answer).toBe('10.0.0.7');
    expect(resolver).toHaveBeenCalledTimes(1);
  });

  it('should refuse a pinned lookup for any other name', async () => {
    const lookup = pinnedLookup({ hostname: 'a.example.com', address: '10.0.0.7', family: 4, port: 443 });
    await expect(
      new Promise((resolve, reject) =>
        lookup('evil.example.com', { all: true }, (err, a) => (err ? reject(err) : resolve(a))),
      ),
    ).rejects.toBeInstanceOf(EgressDeniedError);
  });

  it('should allow private ranges and loopback outside production', async () => {
    for (const host of [
      '10.0.0.1',
      '172.16.5.4',
      '192.168.1.1',
      '100.64.0.1',
      'fd12::1',
      '127.0.0.1',
      '::1',
      '[::1]',
    ]) {
      await expect(policy().resolve(host, 5432)).resolves.toMatchObject({ port: 5432 });
    }
  });

  it('should deny loopback in production unless explicitly allowed', async () => {
    await expect(policy({ production: true }).resolve('127.0.0.1', 5432)).rejects.toMatchObject({
      reason: 'loopback_in_production',
    });
    await expect(policy({ production: true }).resolve('::ffff:127.0.0.1', 5432)).rejects.toMatchObject({
      reason: 'loopback_in_production',
    });
    await expect(
      policy({ production: true, allowCidrs: ['127.0.0.1/32'] }).resolve('127.0.0.1', 5432),
    ).resolves.toMatchObject({
      address: '127.0.0.1',
    });
    await expect(
      policy({ production: true, allowCidrs: ['127.0.0.1/32'] }).resolve('127.0.0.2', 5432),
    ).rejects.toBeInstanceOf(EgressDeniedError);
  });

  it('should let the deny list win over the allow list and never re-allow metadata', async () => {
    const p = policy({ allowCidrs: ['10.0.0.0/8', '169.254.0.0/16'], denyCidrs: ['10.9.0.0/16'] });
    await expect(p.resolve('10.9.1.1', 5432)).rejects.toMatchObject({ reason: 'deny_list' });
    await expect(p.resolve('10.8.1.1', 5432)).resolves.toMatchObject({ address: '10.8.1.1' });
    await expect(p.resolve('169.254.169.254', 80)).rejects.toMatchObject({ reason: 'always_denied_address' });
  });

  it("should deny the service's own ports on local addresses only", async () => {
    const p = policy();
    for (const host of ['127.0.0.1', 'localhost', '127.1', '::1', '10.1.2.3']) {
      const resolver = async (): Promise<ResolvedAddress[]> => [{ address: '127.0.0.1', family: 4 }];
      await expect(policy({ resolver }).resolve(host, 8002)).rejects.toMatchObject({
        reason: 'own_service_port',
      });
    }
    await expect(p.resolve('10.200.0.1', 8002)).resolves.toMatchObject({ port: 8002 });
  });

  // Host fields reject IPv6 literals, so these arrive as the AAAA answer of a tenant's DNS name.
  it.each([
    ['GCE metadata', 'fd20:ce::254'],
    ['OCI metadata', 'fd00:c1::a9fe:a9fe'],
    ['AWS IMDS', 'fd00:ec2::254'],
    ['AWS DNS', 'fd00:ec2::253'],
    ['AWS fd00:ec2::23', 'fd00:ec2::23'],
    ['AWS spelled long', 'fd00:0ec2:0:0:0:0:0:0254'],
    ['Teredo, client 169.254.169.254 (XOR 0xffffffff)', '2001:0:4136:e378:8000:63bf:5601:5601'],
    ['Teredo, server 169.254.169.254', '2001:0:a9fe:a9fe::1'],
    ['6to4 of 169.254.169.254', '2002:a9fe:a9fe::'],
    ['NAT64 of 169.254.169.254', '64:ff9b::a9fe:a9fe'],
    ['NAT64 of 100.100.100.200', '64:ff9b::6464:64c8'],
    ['IPv4-compatible 169.254.169.254', '::a9fe:a9fe'],
    ['ISATAP of 169.254.169.254', 'fe81::5efe:a9fe:a9fe'],
    ['ISATAP (universal) of 169.254.169.254', '2001:db8:1:2:200:5efe:a9fe:a9fe'],
    ['ISATAP of 168.63.129.16', '2001:db8::5efe:a83f:8110'],
    ['Teredo of the Azure wire server', '2001:0:4136:e378:8000:63bf:57c0:7eef'],
  ])('should deny a name whose AAAA answer is %s', async (_label, address) => {
    const resolver = async (): Promise<ResolvedAddress[]> => [{ address, family: 6 }];
    await expect(policy({ resolver }).resolve('tenant-db.example.com', 5432)).rejects.toBeInstanceOf(
      EgressDeniedError,
    );
  });

  it('should deny Teredo and 6to4 forms of loopback in production and of its own ports anywhere', async () => {
    const teredoLoopback = async (): Promise<ResolvedAddress[]> => [
      { address: '2001:0:4136:e378:8000:63bf:80ff:fffe', family: 6 },
    ];
    await expect(
      policy({ production: true, resolver: teredoLoopback }).resolve('x.example.com', 5432),
    ).rejects.toMatchObject({ reason: 'embedded_address_denied' });
    const sixToFourLoopback = async (): Promise<ResolvedAddress[]> => [
      { address: '2002:7f00:1::1', family: 6 },
    ];
    await expect(
      policy({ resolver: sixToFourLoopback }).resolve('x.example.com', 8001),
    ).rejects.toMatchObject({ reason: 'embedded_address_denied' });
  });

  it('should still allow ordinary IPv6 destinations and loopback ::1 in dev', async () => {
    for (const address of ['2001:db8::10', '2606:4700::6810:84e5', 'fd12:3456::1', '2001:db8::5efe:0:0:1']) {
      const resolver = async (): Promise<ResolvedAddress[]> => [{ address, family: 6 }];
      await expect(policy({ resolver }).resolve('db.example.com', 5432)).resolves.toMatchObject({ address });
    }
    await expect(policy().resolve('::1', 5432)).resolves.toMatchObject({ address: '::1' });
  });

  it('should deny the host and port of every URL it dials, by name and by address, wherever it lives', async () => {
    const resolver = jest.fn(async (name: string): Promise<ResolvedAddress[]> => {
      if (name === 'governance.internal') return [{ address: '10.20.0.7', family: 4 }];
      if (name === 'openfga.internal') return [{ address: '2001:db8::8', family: 6 }];
      if (name === 'alias.example.com') return [{ address: '10.20.0.7', family: 4 }];
      return [{ address: '10.99.0.1', family: 4 }];
    });
    const p = policy({
      resolver,
      protectedPorts: [],
      protectedUrls: [
        'http://governance.internal:9001',
        'https://openfga.internal',
        'http://10.30.0.1:8080/x',
        'not a url',
      ],
    });
    await p.refreshProtectedUrls();
    await expect(p.resolve('governance.internal', 9001)).rejects.toMatchObject({
      reason: 'own_service_port',
    });
    await expect(p.resolve('GOVERNANCE.internal.', 9001)).rejects.toMatchObject({
      reason: 'own_service_port',
    });
    await expect(p.resolve('alias.example.com', 9001)).rejects.toMatchObject({ reason: 'own_service_port' });
    await expect(p.resolve('10.20.0.7', 9001)).rejects.toMatchObject({ reason: 'own_service_port' });
    await expect(p.resolve('openfga.internal', 443)).rejects.toMatchObject({ reason: 'own_service_port' });
    await expect(p.resolve('10.30.0.1', 8080)).rejects.toMatchObject({ reason: 'own_service_port' });
    // Their ports are denied on this machine's own addresses too, and other ports stay reachable.
    await expect(p.resolve('127.0.0.1', 9001)).rejects.toMatchObject({ reason: 'own_service_port' });
    await expect(p.resolve('10.1.2.3', 8080)).rejects.toMatchObject({ reason: 'own_service_port' });
    await expect(p.resolve('10.20.0.7', 5432)).resolves.toMatchObject({ port: 5432 });
    await expect(p.resolve('10.99.0.2', 9001)).resolves.toMatchObject({ port: 9001 });
  });

  it('should deny a port protected at runtime (a storage relay) on every local address until it is released, and keep static ones', async () => {
    const resolver = async (): Promise<ResolvedAddress[]> => [{ address: '127.0.0.1', family: 4 }];
    const p = policy({ resolver });
    const release = p.protectPort(41234);
    const alsoStatic = p.protectPort(8002);
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', '10.1.2.3', 'localhost', '::ffff:127.0.0.1']) {
      await expect(p.resolve(host, 41234)).rejects.toMatchObject({ reason: 'own_service_port' });
    }
    await expect(p.resolve('10.99.0.1', 41234)).resolves.toMatchObject({ port: 41234 });
    release();
    alsoStatic();
    await expect(p.resolve('127.0.0.1', 41234)).resolves.toMatchObject({ port: 41234 });
    await expect(p.resolve('127.0.0.1', 8002)).rejects.toMatchObject({ reason: 'own_service_port' });
  });

  it('should keep denying a protected name by name when it cannot be resolved', async () => {
    const resolver = async (): Promise<ResolvedAddress[]> => {
      throw Object.assign(new Error('down'), { code: 'EAI_AGAIN' });
    };
    const p = policy({ resolver, protectedUrls: ['http://governance.internal:9001'] });
    await expect(p.refreshProtectedUrls()).resolves.toBeUndefined();
    expect(p.parse('governance.internal', 9001)).toMatchObject({ kind: 'name' });
    expect(() =>
      p.pin({ kind: 'name', name: 'governance.internal' }, [{ address: '10.0.0.9', family: 4 }], 9001),
    ).toThrow(EgressDeniedError);
  });

  it('should reject malformed hosts and ports as invalid, not as denied', async () => {
    for (const host of [
      '',
      ' ',
      'a b',
      'user@10.0.0.1',
      'localhost?sslrootcert=/etc/passwd',
      'host/path',
      'h#x',
      '[10.0.0.1]',
      'fe80::1%eth0',
      '%31%32%37.0.0.1',
    ]) {
      await expect(policy().resolve(host, 80)).rejects.toBeInstanceOf(InvalidDestinationError);
    }
    for (const port of [0, 65536, 1.5, NaN]) {
      await expect(policy().resolve('10.0.0.1', port)).rejects.toBeInstanceOf(InvalidDestinationError);
    }
  });

  it('should reject malformed CIDRs at construction', () => {
    expect(() => policy({ denyCidrs: ['10.0.0.0/33'] })).toThrow(InvalidDestinationError);
    expect(() => policy({ allowCidrs: ['nope'] })).toThrow(InvalidDestinationError);
  });
});

describe('EgressPolicy.checkBehindBastion', () => {
  it.each(METADATA_SPELLINGS)('should refuse %s behind a bastion, as written', (host) => {
    expect(() => policy().checkBehindBastion(host, 5432)).toThrow(EgressDeniedError);
  });

  it("should refuse deny-listed literals in any spelling, and allow the bastion's own network", () => {
    const guarded = policy({ denyCidrs: ['10.9.0.0/16'] });
    for (const host of [
      '169.254.169.254',
      '0xa9fea9fe',
      '2852039166',
      '[::ffff:169.254.169.254]',
      '10.9.1.1',
      'fe80::1',
    ]) {
      expect(() => guarded.checkBehindBastion(host, 5432)).toThrow(EgressDeniedError);
    }
    // Only the bastion resolves names, and its loopback is its own: both are its business.
    expect(guarded.checkBehindBastion('db.internal', 5432)).toEqual({ kind: 'name', name: 'db.internal' });
    expect(guarded.checkBehindBastion('127.0.0.1', 5432)).toEqual({
      kind: 'ip',
      address: '127.0.0.1',
      family: 4,
    });
    expect(policy({ production: true }).checkBehindBastion('10.0.0.5', 8002)).toMatchObject({
      address: '10.0.0.5',
    });
  });
});

describe(normalizeHost.name, () => {
  it('should canonicalize every IPv4 spelling and collapse IPv4-mapped IPv6', () => {
    expect(normalizeHost('2852039166')).toEqual({ kind: 'ip', address: '169.254.169.254', family: 4 });
    expect(normalizeHost('0x7f.1')).toEqual({ kind: 'ip', address: '127.0.0.1', family: 4 });
    expect(normalizeHost('[::FFFF:7f00:1]')).toEqual({ kind: 'ip', address: '127.0.0.1', family: 4 });
    expect(normalizeHost('2001:DB8:0:0::1')).toEqual({ kind: 'ip', address: '2001:db8::1', family: 6 });
    expect(normalizeHost('Db.Example.COM.')).toEqual({ kind: 'name', name: 'db.example.com' });
    expect(net.isIP(normalizeHost('0251.0376.0251.0376').kind === 'ip' ? '169.254.169.254' : '')).toBe(4);
  });
});
