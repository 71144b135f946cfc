import type { Feature } from './feature';

/** Every feature of the extension, registered in this order by `activate`. One feature per file. */
export const FEATURES: Feature[] = [];
