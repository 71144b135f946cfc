/** Types of generate.mjs for the TypeScript tests that share its seeded generator. */

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same numbers in [0, 1). */
export declare function random(seed: number): () => number;
