import { jest } from '@jest/globals';
import { runInNewContext } from 'node:vm';
import { StreamedGarbage, youngGenerationCollector } from './streamed-garbage.js';

const MiB = 1024 * 1024;

describe(StreamedGarbage.name, () => {
  it('should collect once per budget of noted bytes, carrying nothing over', () => {
    const collect = jest.fn();
    const garbage = new StreamedGarbage(4 * MiB, collect);
    for (let i = 0; i < 7; i++) garbage.note(MiB);
    expect(collect).toHaveBeenCalledTimes(1);
    garbage.note(MiB);
    expect(collect).toHaveBeenCalledTimes(2);
    garbage.note(16 * MiB);
    expect(collect).toHaveBeenCalledTimes(3);
  });

  it('should do nothing where the runtime gives no collector', () => {
    expect(() => new StreamedGarbage(1, undefined).note(10)).not.toThrow();
  });
});

describe(youngGenerationCollector.name, () => {
  it('should free dead buffers with a young-generation collection', async () => {
    const collect = youngGenerationCollector();
    expect(collect).toEqual(expect.any(Function));
    collect!();
    const held = Array.from({ length: 256 }, (_, i) => Buffer.allocUnsafeSlow(64 * 1024).fill(i));
    const heldBytes = process.memoryUsage().arrayBuffers;
    held.length = 0;
    collect!();
    // The backing stores are released just after the scavenge; V8 alone keeps them until its own
    // threshold, as nothing else allocates here.
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(heldBytes - process.memoryUsage().arrayBuffers).toBeGreaterThanOrEqual(12 * MiB);
  });

  it('should leave gc exposed nowhere: not globally, not in later contexts', () => {
    youngGenerationCollector();
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
    expect(runInNewContext('typeof gc')).toBe('undefined');
  });
});
