import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { OnDrain } from '@app/core';
import { PeriodicPass } from './periodic-pass.js';

/**
 * A provider that runs `pass()` every `intervalMs` (0 = only when `runOnce()` is called, as tests
 * do), starts with the app, and on drain or shutdown takes no new pass and waits for the one in
 * flight. A pass checks `stopping` between its items.
 */
export abstract class BackgroundPass<T> implements OnApplicationBootstrap, OnDrain, OnModuleDestroy {
  private readonly periodic = new PeriodicPass<T>(() => this.pass());

  protected abstract get intervalMs(): number;
  protected abstract pass(): Promise<T>;

  /** True once draining: finish the current item, take no other. */
  protected get stopping(): boolean {
    return this.periodic.stopping;
  }

  onApplicationBootstrap(): void {
    this.periodic.start(this.intervalMs);
  }

  onDrain(): Promise<void> {
    return this.periodic.stop();
  }

  onModuleDestroy(): Promise<void> {
    return this.periodic.stop();
  }

  /** One pass; concurrent calls in this process share the pass in flight. */
  runOnce(): Promise<T> {
    return this.periodic.run();
  }
}
