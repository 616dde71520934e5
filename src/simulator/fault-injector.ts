import { mulberry32 } from './prng';
import type { FaultKind, FaultSettings } from './simulator-options';

const PROBABILITIES = ['reset', 'slow', 'throttle', 'unavailable', 'malformed'] as const;

/** Checks fault settings from a caller (or the /_sim/faults body); throws with a readable reason. */
export function validateFaults(input: unknown): FaultSettings {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new Error('fault settings must be a JSON object');
  const raw = input as Record<string, unknown>;
  const known = new Set<string>([
    ...PROBABILITIES,
    'retryAfterSeconds',
    'slowMs',
    'entra',
    'failWrites',
    'failWritesAfter',
  ]);
  const unknown = Object.keys(raw).filter((k) => !known.has(k));
  if (unknown.length > 0) throw new Error(`unknown fault settings: ${unknown.join(', ')}`);
  const settings: FaultSettings = {};
  for (const name of PROBABILITIES) {
    const value = raw[name];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !(value >= 0 && value <= 1))
      throw new Error(`${name} must be a probability between 0 and 1`);
    settings[name] = value;
  }
  for (const name of ['retryAfterSeconds', 'slowMs', 'failWrites', 'failWritesAfter'] as const) {
    const value = raw[name];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
      throw new Error(`${name} must be a whole number >= 0`);
    settings[name] = value;
  }
  if (raw.entra !== undefined) {
    if (typeof raw.entra !== 'boolean') throw new Error('entra must be true or false');
    settings.entra = raw.entra;
  }
  return settings;
}

/**
 * Decides, with a seeded PRNG, which requests misbehave. Setting new faults reseeds, so a test
 * that sets its faults gets the same pattern whatever traffic came before.
 */
export class FaultInjector {
  private settings: FaultSettings = {};
  private random: () => number;
  /** Graph writes seen since the faults were last set. */
  private writes = 0;

  constructor(private readonly seed: number) {
    this.random = mulberry32(seed);
  }

  set(settings: FaultSettings): void {
    this.settings = validateFaults(settings);
    this.random = mulberry32(this.seed);
    this.writes = 0;
  }

  current(): FaultSettings {
    return { ...this.settings };
  }

  get retryAfterSeconds(): number {
    return this.settings.retryAfterSeconds ?? 1;
  }

  get slowMs(): number {
    return this.settings.slowMs ?? 15_000;
  }

  private roll(kind: FaultKind): boolean {
    const p = this.settings[kind] ?? 0;
    return p > 0 && this.random() < p;
  }

  /** The fault for a whole request, if any; Entra is only affected when `entra` is set. */
  decide(area: 'graph' | 'entra'): FaultKind | undefined {
    if (area === 'entra' && this.settings.entra !== true) return undefined;
    return PROBABILITIES.find((kind) => this.roll(kind));
  }

  /** For a Graph write: 'unavailable' while inside the failWritesAfter / failWrites window. */
  decideWrite(): 'unavailable' | undefined {
    const index = this.writes++;
    const after = this.settings.failWritesAfter ?? 0;
    const count = this.settings.failWrites ?? 0;
    return index >= after && index < after + count ? 'unavailable' : undefined;
  }

  /** The fault for one $batch item: only the ones an item can carry (its own status and headers). */
  decideItem(): 'throttle' | 'unavailable' | undefined {
    if (this.roll('throttle')) return 'throttle';
    if (this.roll('unavailable')) return 'unavailable';
    return undefined;
  }
}
