/** Milliseconds since the epoch. Injected where time decides behaviour, so tests move it instead of sleeping. */
export type Clock = () => number;
export const CLOCK = Symbol('CLOCK');
