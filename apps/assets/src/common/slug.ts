/**
 * `Customer Analytics DB` → `customer-analytics-db`: accents folded, lowercase ASCII letters and
 * digits joined by single dashes, cut to `maxLength` without a trailing dash. Empty when the name
 * has no letter or digit.
 */
export function slugOf(name: string, maxLength: number): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
}
