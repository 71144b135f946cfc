/** The review model: stage inference, goal reports, cadence health, signals and their renderings. */
export * from './types';
export { analyzeRelationship, analyzeJournal } from './analyze';
export { changesSince, latestReview } from './changes';
export { inferStage, sessionsThinning, THINNING_FACTOR } from './stage';
export { cadenceHealth } from './cadence';
export { openActions } from './goals';
export { AT_RISK_PROGRESS, AT_RISK_WINDOW_DAYS, CLOSURE_WINDOW_DAYS, TOO_BROAD_SHARE, UNSIGNED_LONG_DAYS } from './signals';
