/**
 * One header, by case-insensitive name, from a plain record (Graph `$batch` items, parsed answers)
 * or a headers object with `get` (fetch `Headers`, the Bot Connector pipeline's `HttpHeaders`).
 */
export function headerValue(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== 'object') return undefined;
  const bag = headers as Record<string, unknown>;
  if (typeof bag.get === 'function') {
    const value: unknown = (bag.get as (key: string) => unknown).call(headers, name);
    return typeof value === 'string' ? value : undefined;
  }
  const wanted = name.toLowerCase();
  const key = Object.keys(bag).find((k) => k.toLowerCase() === wanted);
  const value = key === undefined ? undefined : bag[key];
  return typeof value === 'string' ? value : undefined;
}
