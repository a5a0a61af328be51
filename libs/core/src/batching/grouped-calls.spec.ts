import { GroupedCalls, type GroupedCallsOptions } from './grouped-calls.js';

/** Batches the test finishes by hand, recording what each carried; each item's result is `<item>!`. */
class ControlledWrites {
  readonly calls: { group: string; items: string[]; finish: (error?: unknown) => void }[] = [];

  write = (group: string, items: string[]): Promise<string[]> =>
    new Promise<string[]>((resolve, reject) => {
      this.calls.push({
        group,
        items,
        finish: (error) => (error ? reject(error) : resolve(items.map((item) => `${item}!`))),
      });
    });
}

class BadItem extends Error {}

/** Grouped calls over a ControlledWrites; by default no failure is an item's. */
function controlled(options: Partial<GroupedCallsOptions<string, string>> = {}) {
  const writes = new ControlledWrites();
  const grouped = new GroupedCalls({ run: writes.write, ...options });
  return { writes, grouped };
}
const badItemsOnly = { isItemError: (error: unknown) => error instanceof BadItem };

const settled = (promise: Promise<string>) =>
  promise.then(
    () => 'written',
    (error: Error) => error.message,
  );
const flush = () => new Promise((resolve) => setImmediate(resolve));

describe(GroupedCalls.name, () => {
  it('should write a lone item at once, alone', async () => {
    const { writes, grouped } = controlled();
    const done = grouped.submit('acme', 'a');
    expect(writes.calls.map((c) => c.items)).toEqual([['a']]);
    writes.calls[0].finish();
    await expect(done).resolves.toBe('a!');
    expect(grouped.pending).toBe(0);
  });

  it("should hand each caller its own item's result", async () => {
    const { writes, grouped } = controlled();
    void grouped.submit('acme', 'a');
    const later = ['b', 'c'].map((item) => grouped.submit('acme', item));
    writes.calls[0].finish();
    await flush();
    writes.calls[1].finish();
    await expect(Promise.all(later)).resolves.toEqual(['b!', 'c!']);
  });

  it('should keep up to maxInFlight batches of a group in flight, and queue the rest for the first to finish', async () => {
    const { writes, grouped } = controlled({ maxInFlight: 2 });
    const all = ['a', 'b', 'c', 'd'].map((item) => grouped.submit('acme', item));
    expect(writes.calls.map((c) => c.items)).toEqual([['a'], ['b']]);
    writes.calls[1].finish();
    await flush();
    expect(writes.calls.map((c) => c.items)).toEqual([['a'], ['b'], ['c', 'd']]);
    writes.calls[0].finish();
    writes.calls[2].finish();
    await expect(Promise.all(all)).resolves.toEqual(['a!', 'b!', 'c!', 'd!']);
    expect(grouped.pending).toBe(0);
  });

  it('should write the items that arrived during a write together in the next one, and resolve each only when its own write committed', async () => {
    const sizes: number[] = [];
    const { writes, grouped } = controlled({ onBatch: (size) => sizes.push(size) });
    const first = settled(grouped.submit('acme', 'a'));
    const later = ['b', 'c', 'd'].map((item) => settled(grouped.submit('acme', item)));
    expect(writes.calls).toHaveLength(1);
    expect(grouped.pending).toBe(4);

    writes.calls[0].finish();
    await expect(first).resolves.toBe('written');
    await flush();
    expect(writes.calls.map((c) => c.items)).toEqual([['a'], ['b', 'c', 'd']]);
    let laterSettled = false;
    void Promise.all(later).then(() => (laterSettled = true));
    await flush();
    expect(laterSettled).toBe(false);

    writes.calls[1].finish();
    await expect(Promise.all(later)).resolves.toEqual(['written', 'written', 'written']);
    expect(grouped.pending).toBe(0);
    expect(sizes).toEqual([1, 3]);
  });

  it('should gather the items submitted within one turn into one batch with gatherWithinTurn', async () => {
    const { writes, grouped } = controlled({ gatherWithinTurn: true });
    const all = ['a', 'b', 'c'].map((item) => grouped.submit('acme', item));
    await Promise.resolve();
    expect(writes.calls).toHaveLength(0);
    await flush();
    expect(writes.calls.map((c) => c.items)).toEqual([['a', 'b', 'c']]);
    writes.calls[0].finish();
    await expect(Promise.all(all)).resolves.toEqual(['a!', 'b!', 'c!']);
  });

  it('should keep groups apart: another group is written at once, in its own statement', () => {
    const { writes, grouped } = controlled();
    void grouped.submit('acme', 'a');
    void grouped.submit('globex', 'g');
    void grouped.submit('acme', 'b');
    expect(writes.calls.map((c) => [c.group, c.items])).toEqual([
      ['acme', ['a']],
      ['globex', ['g']],
    ]);
  });

  it('should split a long queue into batches of maxBatch', async () => {
    const { writes, grouped } = controlled({ maxBatch: 2 });
    const all = ['a', 'b', 'c', 'd', 'e'].map((item) => grouped.submit('acme', item));
    for (let i = 0; i < 3; i++) {
      writes.calls[i].finish();
      await flush();
    }
    await Promise.all(all);
    expect(writes.calls.map((c) => c.items)).toEqual([['a'], ['b', 'c'], ['d', 'e']]);
  });

  it("should retry a batch refused for its data item by item, so only the bad item's caller fails", async () => {
    const { writes, grouped } = controlled(badItemsOnly);
    const first = settled(grouped.submit('acme', 'a'));
    const batch = ['b', 'bad', 'c'].map((item) => settled(grouped.submit('acme', item)));
    writes.calls[0].finish();
    await first;
    await flush();
    writes.calls[1].finish(new BadItem('refused: bad'));
    for (let i = 2; i < 5; i++) {
      await flush();
      const call = writes.calls[i];
      call.finish(call.items[0] === 'bad' ? new BadItem('refused: bad') : undefined);
    }
    expect(await Promise.all(batch)).toEqual(['written', 'refused: bad', 'written']);
    expect(writes.calls.map((c) => c.items)).toEqual([['a'], ['b', 'bad', 'c'], ['b'], ['bad'], ['c']]);
  });

  it('should fail the whole batch at once when the database itself fails, without retrying each item', async () => {
    const { writes, grouped } = controlled(badItemsOnly);
    const first = settled(grouped.submit('acme', 'a'));
    const batch = ['b', 'c'].map((item) => settled(grouped.submit('acme', item)));
    writes.calls[0].finish(new Error('connection refused'));
    await expect(first).resolves.toBe('connection refused');
    await flush();
    writes.calls[1].finish(new Error('connection refused'));
    expect(await Promise.all(batch)).toEqual(['connection refused', 'connection refused']);
    expect(writes.calls).toHaveLength(2);
    expect(grouped.pending).toBe(0);
  });

  it('should turn a write that throws before returning a promise into that batch failing, and keep serving', async () => {
    let calls = 0;
    const grouped = new GroupedCalls<string, string>({
      run: (_group, items) => {
        calls += 1;
        if (calls === 1) throw new Error('sync failure');
        return Promise.resolve(items);
      },
    });
    await expect(grouped.submit('acme', 'a')).rejects.toThrow('sync failure');
    await expect(grouped.submit('acme', 'b')).resolves.toBe('b');
  });
});
