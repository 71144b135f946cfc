/** Types of generate.mjs for the TypeScript tests that share its seeded generator. */

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same numbers in [0, 1). */
export declare function random(seed: number): () => number;

/**
 * Writes a seeded journal into `dir` (replacing it): per relationship an agreement, `goalsPer` goal
 * files and `sessionsPer` weekly sessions. Returns the number of files written.
 */
export declare function generateJournal(dir: string, options?: { relationships?: number; sessionsPer?: number; goalsPer?: number; seed?: number; style?: 'block' | 'flow' | 'mixed' }): number;
