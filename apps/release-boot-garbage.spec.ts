import { releaseBootGarbage } from './release-boot-garbage.js';

/** About 40 MiB of objects that are garbage as soon as this returns. */
const leaveGarbage = () => Array.from({ length: 400 }, () => new Array<number>(12_500).fill(1.5)).length;

describe('releaseBootGarbage', () => {
  it('collects garbage left behind and leaves no gc function exposed', () => {
    expect(leaveGarbage()).toBe(400);
    const withGarbage = process.memoryUsage().heapUsed;
    releaseBootGarbage();
    expect(withGarbage - process.memoryUsage().heapUsed).toBeGreaterThan(30 * 1024 * 1024);
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
  });
});
