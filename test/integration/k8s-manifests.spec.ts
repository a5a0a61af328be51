// Renders every Kustomize overlay under deploy/k8s with `kubectl kustomize`, validates each object
// against the Kubernetes API schemas (kubernetes-models), and checks the deployment policy: non-root,
// read-only root filesystems, probes, resources, replicas, secrets by reference, and who reaches Governance.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadAll } from 'js-yaml';

type Obj = Record<string, any>;

const ROOT = path.resolve(import.meta.dirname, '../..');
const K8S = path.join(ROOT, 'deploy/k8s');
const OVERLAYS = ['dev', 'production', 'production-gcp'];
const PRODUCTION = ['production', 'production-gcp'];
const APPS = { governance: { port: 8001, metrics: 9464 }, assets: { port: 8002, metrics: 9465 } };

function findKubectl(): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, 'kubectl');
    if (dir && existsSync(candidate)) return candidate;
  }
  return null;
}

const kubectl = findKubectl();
if (!kubectl && process.env.CI !== 'true') {
  // Outside CI the suite is optional; in CI a missing kubectl fails the run below.
  console.warn(
    'k8s-manifests: kubectl not found on PATH, skipping (install the `kubectl` package to run it)',
  );
}
const describeK8s = kubectl || process.env.CI === 'true' ? describe : describe.skip;

function render(overlay: string): Obj[] {
  if (!kubectl) throw new Error('kubectl is required in CI (CI=true) to render deploy/k8s overlays');
  const out = execFileSync(kubectl, ['kustomize', path.join(K8S, 'overlays', overlay)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return loadAll(out).filter((doc): doc is Obj => doc !== null && typeof doc === 'object');
}

/** `kubernetes-models/<group>/<version>` (core: `kubernetes-models/v1`), class named after the kind. */
async function validateAgainstSchema(obj: Obj): Promise<void> {
  const [group, version] = String(obj.apiVersion).includes('/')
    ? String(obj.apiVersion).split('/')
    : [null, String(obj.apiVersion)];
  const modulePath = `kubernetes-models/${group ? `${group}/` : ''}${version}`;
  const models = (await import(modulePath)) as Record<string, new (data: Obj) => { validate(): void }>;
  const Model = models[obj.kind];
  if (!Model) throw new Error(`${modulePath} has no model for kind ${obj.kind}`);
  new Model(obj.kind === 'Secret' ? unwrapSecretData(obj) : obj).validate();
}

/**
 * Kustomize wraps long base64 values at 70 characters (a `|` block); the API server's decoder skips
 * those line breaks, the schema's "byte" format does not, so they are removed before validating.
 */
function unwrapSecretData(secret: Obj): Obj {
  const data = Object.fromEntries(
    Object.entries<string>(secret.data ?? {}).map(([k, v]) => [k, v.replace(/[\r\n]/g, '')]),
  );
  return { ...secret, data };
}

/**
 * kubernetes-models has no ServiceMonitor (a CRD; @kubernetes-models/prometheus-operator is not
 * installed), so its required fields are checked by hand: a selector and endpoints each naming a port.
 */
function validateServiceMonitor(obj: Obj): void {
  expect(obj.apiVersion).toBe('monitoring.coreos.com/v1');
  expect(typeof obj.metadata?.name).toBe('string');
  const selector = obj.spec?.selector;
  expect(selector && (selector.matchLabels || selector.matchExpressions)).toBeTruthy();
  expect(Array.isArray(obj.spec.endpoints) && obj.spec.endpoints.length).toBeTruthy();
  for (const endpoint of obj.spec.endpoints) expect(typeof endpoint.port).toBe('string');
}

const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'Job']);
const podSpecOf = (obj: Obj): Obj => obj.spec.template.spec;
const containersOf = (obj: Obj): Obj[] => [
  ...(podSpecOf(obj).initContainers ?? []),
  ...podSpecOf(obj).containers,
];
const named = (objs: Obj[], kind: string, name: string): Obj | undefined =>
  objs.find((o) => o.kind === kind && o.metadata.name === name);

/** Mebibytes of a quantity such as 512Mi or 1Gi. */
function mebibytes(quantity: string): number {
  const match = /^(\d+)(Mi|Gi)$/.exec(quantity);
  if (!match) throw new Error(`unexpected memory quantity ${quantity}`);
  return Number(match[1]) * (match[2] === 'Gi' ? 1024 : 1);
}

function matchesSelector(selector: Obj | undefined, labels: Record<string, string>): boolean {
  if (!selector) return false;
  return Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
}

/** Whether a NetworkPolicy admits a pod of the same namespace with these labels on this port. */
function admits(policy: Obj, fromLabels: Record<string, string>, port: number): boolean {
  return (policy.spec.ingress ?? []).some((rule: Obj) => {
    const portOk = !rule.ports || rule.ports.some((p: Obj) => p.port === port);
    const peers: Obj[] | undefined = rule.from;
    const peerOk =
      !peers ||
      peers.some(
        (peer) => !peer.namespaceSelector && !peer.ipBlock && matchesSelector(peer.podSelector, fromLabels),
      );
    return portOk && peerOk;
  });
}

describeK8s('deploy/k8s manifests', () => {
  const rendered = new Map<string, Obj[]>();
  beforeAll(() => {
    for (const overlay of OVERLAYS) rendered.set(overlay, render(overlay));
  });
  const objects = (overlay: string): Obj[] => rendered.get(overlay)!;

  it('the validator rejects a malformed object (so a pass below means something)', async () => {
    await expect(
      validateAgainstSchema({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'broken' },
        spec: { replicas: 'two', selector: {}, template: {} },
      }),
    ).rejects.toThrow(/replicas/);
  });

  describe.each(OVERLAYS)('overlay %s', (overlay) => {
    it('renders and every object validates against its API schema', async () => {
      const objs = objects(overlay);
      expect(objs.length).toBeGreaterThan(8);
      for (const obj of objs) {
        if (obj.kind === 'ServiceMonitor') validateServiceMonitor(obj);
        else
          await validateAgainstSchema(obj).catch((error: Error) => {
            throw new Error(`${obj.kind}/${obj.metadata?.name}: ${error.message}`);
          });
      }
    });

    it('every container runs non-root on a read-only root filesystem with nothing extra', () => {
      const workloads = objects(overlay).filter((o) => WORKLOADS.has(o.kind));
      expect(workloads.length).toBeGreaterThan(0);
      for (const workload of workloads) {
        const pod = podSpecOf(workload);
        expect(pod.securityContext?.runAsNonRoot).toBe(true);
        expect(pod.securityContext?.seccompProfile?.type).toBe('RuntimeDefault');
        for (const c of containersOf(workload)) {
          const where = `${workload.kind}/${workload.metadata.name} ${c.name}`;
          const sc = c.securityContext ?? {};
          expect({ where, runAsNonRoot: sc.runAsNonRoot }).toEqual({ where, runAsNonRoot: true });
          expect(sc.runAsUser ?? pod.securityContext.runAsUser).toBeGreaterThan(0);
          expect({ where, ro: sc.readOnlyRootFilesystem }).toEqual({ where, ro: true });
          expect({ where, escalation: sc.allowPrivilegeEscalation }).toEqual({ where, escalation: false });
          expect(sc.capabilities?.drop).toEqual(['ALL']);
          expect(sc.capabilities?.add).toBeUndefined();
          expect(sc.seccompProfile?.type).toBe('RuntimeDefault');
        }
      }
    });

    it('every container has resource requests and limits, and Node heaps fit in the memory limit', () => {
      for (const workload of objects(overlay).filter((o) => WORKLOADS.has(o.kind))) {
        for (const c of containersOf(workload)) {
          for (const key of ['requests', 'limits'])
            for (const resource of ['cpu', 'memory'])
              expect({ c: c.name, key, resource, set: Boolean(c.resources?.[key]?.[resource]) }).toEqual({
                c: c.name,
                key,
                resource,
                set: true,
              });
          const nodeOptions = (c.env ?? []).find((e: Obj) => e.name === 'NODE_OPTIONS')?.value;
          const heap = /--max-old-space-size=(\d+)/.exec(nodeOptions ?? '');
          if (!c.image.includes('assets-platform/')) continue; // PostgreSQL in dev
          expect(heap).not.toBeNull();
          // Old space at most 75% of the limit: the rest is code, buffers, stacks and the young generation.
          expect(Number(heap![1])).toBeLessThanOrEqual(mebibytes(c.resources.limits.memory) * 0.75);
        }
      }
    });

    it('long-running containers have liveness and readiness probes; the apps probe /health/live and /health/ready', () => {
      const running = objects(overlay).filter((o) => o.kind === 'Deployment' || o.kind === 'StatefulSet');
      for (const workload of running) {
        for (const c of podSpecOf(workload).containers) {
          expect(c.livenessProbe).toBeDefined();
          expect(c.readinessProbe).toBeDefined();
          if (c.image.includes('assets-platform/')) {
            expect(c.livenessProbe.httpGet.path).toBe('/health/live');
            expect(c.readinessProbe.httpGet.path).toBe('/health/ready');
          }
        }
      }
    });

    it('secrets are referenced, and every reference resolves (externally in production, generated in dev)', () => {
      const objs = objects(overlay);
      const secrets = objs.filter((o) => o.kind === 'Secret');
      const refs = new Set<string>();
      for (const workload of objs.filter((o) => WORKLOADS.has(o.kind))) {
        for (const c of containersOf(workload)) {
          for (const from of c.envFrom ?? []) if (from.secretRef) refs.add(from.secretRef.name);
          for (const e of c.env ?? []) {
            if (e.valueFrom?.secretKeyRef) refs.add(e.valueFrom.secretKeyRef.name);
            // A plain value for a credential-shaped variable would be an inlined secret.
            if (e.value !== undefined)
              expect(e.name).not.toMatch(/(SECRET|PASSWORD|_TOKEN|DATABASE_URL|_KEY)$/);
          }
        }
      }
      for (const map of objs.filter((o) => o.kind === 'ConfigMap'))
        for (const key of Object.keys(map.data ?? {}))
          expect(key).not.toMatch(/(SECRET|PASSWORD|_TOKEN|DATABASE_URL|_KEY)$/);
      expect(refs.size).toBeGreaterThan(0);
      if (PRODUCTION.includes(overlay)) {
        expect(secrets).toEqual([]);
        expect([...refs].sort()).toEqual(['assets-secrets', 'governance-secrets']);
      } else {
        for (const ref of refs) expect(secrets.map((s) => s.metadata.name)).toContain(ref);
        for (const secret of secrets) {
          // Dev-only throwaway values, and labelled as such.
          expect(secret.metadata.labels?.['assets-platform/dev-only']).toBe('true');
          for (const value of Object.values<string>(secret.data ?? {})) {
            const plain = Buffer.from(value, 'base64').toString('utf8');
            // SECRETS_MASTER_KEY is itself base64 (of a dev-only phrase).
            const inner = Buffer.from(plain, 'base64').toString('utf8');
            expect(`${plain} ${inner}`).toMatch(/dev-only/);
          }
        }
      }
    });

    it('migrations run as a Job: governance first, then assets, with the script it mounts', () => {
      const objs = objects(overlay);
      const job = objs.find((o) => o.kind === 'Job');
      expect(job).toBeDefined();
      const steps = containersOf(job!).map((c) => [c.name, c.env.find((e: Obj) => e.name === 'APP').value]);
      expect(steps).toEqual([
        ['migrate-governance', 'governance'],
        ['migrate-assets', 'assets'],
      ]);
      for (const c of containersOf(job!)) expect(c.command).toEqual(['node', '/migrate/migrate.mjs']);
      const volume = podSpecOf(job!).volumes.find((v: Obj) => v.name === 'migrate');
      const script = named(objs, 'ConfigMap', volume.configMap.name);
      expect(script?.data['migrate.mjs']).toBe(readFileSync(path.join(K8S, 'base/migrate.mjs'), 'utf8'));
    });

    it('the ServiceMonitor scrapes a port named metrics that every app Service exposes', () => {
      const objs = objects(overlay);
      const monitor = objs.find((o) => o.kind === 'ServiceMonitor')!;
      expect(monitor.spec.endpoints.map((e: Obj) => e.port)).toEqual(['metrics']);
      const values = monitor.spec.selector.matchExpressions[0].values;
      for (const [app, { metrics }] of Object.entries(APPS)) {
        expect(values).toContain(app);
        const service = named(objs, 'Service', app)!;
        expect(service.spec.ports.find((p: Obj) => p.name === 'metrics')?.port).toBe(metrics);
      }
    });
  });

  describe.each(PRODUCTION)('production overlay %s', (overlay) => {
    it('runs 2 replicas of each app, with a PodDisruptionBudget and an HPA that never go below them', () => {
      const objs = objects(overlay);
      for (const app of Object.keys(APPS)) {
        const deployment = named(objs, 'Deployment', app)!;
        expect(deployment.spec.replicas).toBe(2);
        expect(deployment.spec.strategy.rollingUpdate.maxUnavailable).toBe(0);
        const pdb = named(objs, 'PodDisruptionBudget', app)!;
        expect(pdb.spec.maxUnavailable).toBe(1);
        expect(pdb.spec.selector.matchLabels).toEqual(deployment.spec.selector.matchLabels);
        const hpa = named(objs, 'HorizontalPodAutoscaler', app)!;
        expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: app });
        expect(hpa.spec.minReplicas).toBe(2);
        expect(hpa.spec.maxReplicas).toBeGreaterThan(2);
      }
    });

    it('only Assets reaches the Governance API; Prometheus only the metrics port', () => {
      const objs = objects(overlay);
      const policies = objs.filter((o) => o.kind === 'NetworkPolicy');
      const governanceLabels = named(objs, 'Deployment', 'governance')!.spec.template.metadata.labels;
      const guarding = policies.filter((p) => matchesSelector(p.spec.podSelector, governanceLabels));
      expect(guarding.map((p) => p.metadata.name)).toEqual(['governance']);
      const policy = guarding[0];
      expect(policy.spec.policyTypes).toEqual(expect.arrayContaining(['Ingress', 'Egress']));
      const assetsLabels = named(objs, 'Deployment', 'assets')!.spec.template.metadata.labels;
      expect(admits(policy, assetsLabels, APPS.governance.port)).toBe(true);
      for (const other of ['migrations', 'governance', 'postgres', 'anything'])
        expect(admits(policy, { 'app.kubernetes.io/name': other }, APPS.governance.port)).toBe(false);
      // Every ingress rule names its peers and ports: the API port only from Assets, the rest is metrics.
      for (const rule of policy.spec.ingress) {
        expect(rule.from?.length).toBeGreaterThan(0);
        expect(rule.ports?.length).toBeGreaterThan(0);
        for (const peer of rule.from) expect(peer.ipBlock).toBeUndefined();
        const ports = rule.ports.map((p: Obj) => p.port);
        if (ports.includes(APPS.governance.port)) {
          expect(rule.from).toEqual([
            { podSelector: { matchLabels: { 'app.kubernetes.io/name': 'assets' } } },
          ]);
        } else {
          expect(ports).toEqual([APPS.governance.metrics]);
        }
      }
      // Assets may leave for Governance (and, for verification, the data systems on any TCP port).
      const assetsPolicy = named(objs, 'NetworkPolicy', 'assets')!;
      const toGovernance = assetsPolicy.spec.egress.some(
        (rule: Obj) =>
          rule.to?.some((peer: Obj) => matchesSelector(peer.podSelector, governanceLabels)) &&
          rule.ports.some((p: Obj) => p.port === APPS.governance.port),
      );
      expect(toGovernance).toBe(true);
    });

    it('points at the external systems and its secrets backend', () => {
      const config = named(objects(overlay), 'ConfigMap', 'assets-platform-config')!.data;
      expect(config.NODE_ENV).toBe('production');
      expect(config.OPENFGA_API_URL).toMatch(/^https?:\/\//);
      expect(config.AUTH_KEYCLOAK_URL).toMatch(/^https?:\/\//);
      expect(config.EMBEDDED_OPENFGA_PORT).toBe('0');
      expect(config.SECRETS_BACKEND).toBe(overlay === 'production-gcp' ? 'gcp' : 'infisical');
    });
  });
});
