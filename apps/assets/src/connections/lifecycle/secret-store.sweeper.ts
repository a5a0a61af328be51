import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { SystemScope } from '@app/core';
import { BackgroundPass } from '../../common/index.js';
import { SecretSweepRepository } from '../persistence/secret-sweep.repository.js';
import { GovernanceSecretInventory } from '../../governance/index.js';
import { planSweep, type SweepDeletionReason, type SweepKeepReason } from './secret-sweep.planner.js';

export interface SecretSweepOptions {
  /** SECRETS_SWEEP_INTERVAL_MS; 0 = never on a timer (tests call runOnce). */
  intervalMs: number;
  /** SECRETS_SWEEP_GRACE_MS: nothing written more recently is deleted. */
  graceMs: number;
  /** How long a replica holds an org; renewed after every page. */
  leaseMs?: number;
  /** A completed sweep of an org is not repeated by any replica for this long; default half the interval. */
  resweepAfterMs?: number;
  /** Injectable clock (tests). */
  now?: () => number;
}

export interface SweepSummary {
  orgs: number;
  /** Orgs another replica was sweeping, or had swept recently. */
  orgsSkipped: number;
  orgsFailed: number;
  listed: number;
  deleted: number;
  deletedConnectionGone: number;
  deletedVersionSuperseded: number;
  kept: Record<SweepKeepReason, number>;
  /** Deletions that failed (retried on the next sweep). */
  failed: number;
  /** The backend's own leftovers (Infisical's empty removal folders). */
  leftoversRemoved: number;
}

const DEFAULT_LEASE_MS = 5 * 60_000;
/** The sweep reads every org's credentials state: a system job, one org at a time. */
const SWEEP = SystemScope.of('secret-sweep');

const emptySummary = (): SweepSummary => ({
  orgs: 0,
  orgsSkipped: 0,
  orgsFailed: 0,
  listed: 0,
  deleted: 0,
  deletedConnectionGone: 0,
  deletedVersionSuperseded: 0,
  kept: { current: 0, reserved: 0, in_grace: 0, young: 0, unresolved: 0, foreign: 0, not_ours: 0 },
  failed: 0,
  leftoversRemoved: 0,
});

/**
 * Secret-store reconciliation: the last line against orphaned credentials, whatever left them (a
 * write that landed after its caller gave up, an interrupted cleanup, a crash). Periodically, for
 * every org that has had connections, it lists what the secrets backend holds under resource
 * paths (through Governance, for any backend), compares it with the connection rows and pending
 * operations, and deletes what `planSweep` says is an orphan older than the grace period, each
 * deletion audited by Governance as the service account. Safe on several replicas: an org is swept
 * by one replica at a time under a lease in the Assets database, and every step is idempotent.
 */
/** SecretSweepOptions from the config (SECRETS_SWEEP_INTERVAL_MS, SECRETS_SWEEP_GRACE_MS). */
export const SECRETS_SWEEP_OPTIONS = Symbol('SECRETS_SWEEP_OPTIONS');

@Injectable()
export class SecretStoreSweeper extends BackgroundPass<SweepSummary> {
  private readonly logger = new Logger(SecretStoreSweeper.name);
  private readonly holder = randomUUID();
  private readonly now: () => number;
  private readonly leaseMs: number;
  private readonly resweepAfterMs: number;

  protected get intervalMs(): number {
    return this.options.intervalMs;
  }

  constructor(
    private readonly repository: SecretSweepRepository,
    private readonly inventory: GovernanceSecretInventory,
    @Inject(SECRETS_SWEEP_OPTIONS) private readonly options: SecretSweepOptions,
  ) {
    super();
    this.now = options.now ?? Date.now;
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.resweepAfterMs = options.resweepAfterMs ?? Math.floor(options.intervalMs / 2);
  }

  protected async pass(): Promise<SweepSummary> {
    const summary = emptySummary();
    for (const orgId of await this.repository.orgsWithCredentials(SWEEP)) {
      if (this.stopping) break;
      if (
        !(await this.repository.claim(
          SWEEP.inOrg(orgId),
          this.holder,
          new Date(this.now()),
          this.leaseMs,
          this.resweepAfterMs,
        ))
      ) {
        summary.orgsSkipped += 1;
        continue;
      }
      summary.orgs += 1;
      let completed = false;
      try {
        completed = await this.sweepOrg(orgId, summary);
      } catch (error) {
        summary.orgsFailed += 1;
        this.logger.warn(
          { org_id: orgId, err: (error as Error)?.name },
          'Secret-store sweep of an org failed; retrying on the next pass',
        );
      } finally {
        await this.repository
          .release(SWEEP.inOrg(orgId), this.holder, new Date(this.now()), completed)
          .catch(() => undefined);
      }
    }
    const { kept, ...counts } = summary;
    this.logger.log({ ...counts, kept }, 'Secret-store sweep finished');
    return summary;
  }

  /**
   * Lists every page first and decides per page (the rows are read after the page), then deletes:
   * deleting while paging could make a backend's page tokens skip entries. False when the lease
   * was lost (another replica took the org over) or a deletion failed.
   */
  private async sweepOrg(orgId: string, summary: SweepSummary): Promise<boolean> {
    const scope = SWEEP.inOrg(orgId);
    const orphans: Array<{ uri: string; name: string; reason: SweepDeletionReason }> = [];
    let uriByKey: Map<string, string> | null = null;
    let cursor: string | null = null;
    do {
      if (this.stopping) return false;
      const page = await this.inventory.list(orgId, cursor);
      summary.listed += page.data.length;
      if (page.data.some((e) => e.resource_uri === null)) {
        uriByKey ??= await this.inventory.keysOf(orgId, await this.repository.knownResourceUris(scope));
      }
      const entries = page.data.map((e) => ({
        resourceUri: e.resource_uri ?? uriByKey?.get(e.resource_key) ?? null,
        name: e.name,
        createdAt: e.created_at,
        updatedAt: e.updated_at,
      }));
      const uris = [...new Set(entries.map((e) => e.resourceUri).filter((u): u is string => u !== null))];
      const state = await this.repository.credentialsState(scope, uris);
      const now = this.now();
      for (const entry of entries) {
        const decision = planSweep(entry, orgId, state, now, this.options.graceMs);
        if (decision.action === 'keep') summary.kept[decision.reason] += 1;
        else orphans.push({ uri: entry.resourceUri!, name: entry.name, reason: decision.reason });
      }
      cursor = page.next_cursor;
      if (!(await this.repository.renew(scope, this.holder, new Date(this.now()), this.leaseMs)))
        return false;
    } while (cursor);

    let clean = true;
    for (const [i, orphan] of orphans.entries()) {
      // Draining: the org is released unfinished (not marked swept), so another replica takes it.
      if (this.stopping) return false;
      if (
        i > 0 &&
        i % 20 === 0 &&
        !(await this.repository.renew(scope, this.holder, new Date(this.now()), this.leaseMs))
      )
        return false;
      try {
        await this.inventory.delete(orgId, orphan.uri, orphan.name, orphan.reason);
        summary.deleted += 1;
        if (orphan.reason === 'orphan_connection_gone') summary.deletedConnectionGone += 1;
        else summary.deletedVersionSuperseded += 1;
      } catch (error) {
        clean = false;
        summary.failed += 1;
        this.logger.warn(
          { org_id: orgId, resource_uri: orphan.uri, name: orphan.name, err: (error as Error)?.name },
          'Orphaned secret not deleted; retrying on the next pass',
        );
      }
    }
    summary.leftoversRemoved += await this.inventory.removeLeftovers(orgId);
    return clean;
  }
}
