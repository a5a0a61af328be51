import { jest } from '@jest/globals';
import { getHeapSpaceStatistics } from 'node:v8';
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
  it('should run a young-generation collection when called', () => {
    const collect = youngGenerationCollector();
    expect(collect).toEqual(expect.any(Function));
    const newSpace = () => getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')!;
    collect!();
    // Dead objects that fit in what is left of the young generation, so V8 itself has no reason to collect.
    const target = Math.min(newSpace().space_available_size / 2, 2 * MiB);
    const start = newSpace().space_used_size;
    // Each array escapes into `recent` (so no optimizer can drop it) and dies when overwritten.
    const recent: number[][] = new Array<number[]>(8);
    while (newSpace().space_used_size - start < target) {
      for (let i = 0; i < 1000; i++) recent[i % 8] = [i, i + 1, i + 2, i + 3];
    }
    expect(recent[0]).toHaveLength(4);
    const before = newSpace().space_used_size;
    collect!();
    expect(before - newSpace().space_used_size).toBeGreaterThanOrEqual(target / 2);
  });

  it('should leave gc exposed nowhere: not globally, not in later contexts', () => {
    youngGenerationCollector();
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
    expect(runInNewContext('typeof gc')).toBe('undefined');
  });
});
