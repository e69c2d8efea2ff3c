/**
 * Runs an asynchronous step over many items a batch at a time, keeping their order. Reading
 * 10,000 files one by one waits on the disk 10,000 times; all at once opens more files than a
 * process may; a few dozen at a time keeps the disk busy and stays well within the limits.
 */
export const fileBatch = 64;

export async function mapInBatches<T, R>(
  items: readonly T[],
  step: (item: T) => Promise<R>,
  size = fileBatch,
): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size)
    results.push(...(await Promise.all(items.slice(i, i + size).map(step))));
  return results;
}
