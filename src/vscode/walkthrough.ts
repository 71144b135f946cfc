import { setContextKey } from './contextKeys';
import type { Feature } from './feature';
import type { JournalService } from './journalService';

/**
 * The journal's state as context keys, so that the walkthrough ticks a step that was done before
 * it was first opened (its `completionEvents` name `onContext:<key>` besides the command):
 * a relationship exists (`mentoringJournal.hasJournal`, set by the service), an agreement is signed
 * by both, a session is written, a review is saved.
 */
export const WALKTHROUGH_KEYS = {
  hasSignedAgreement: 'mentoringJournal.hasSignedAgreement',
  hasSession: 'mentoringJournal.hasSession',
  hasReview: 'mentoringJournal.hasReview',
} as const;

export type WalkthroughState = Record<(typeof WALKTHROUGH_KEYS)[keyof typeof WALKTHROUGH_KEYS], boolean>;

export interface WalkthroughApi {
  /** The values last given to the context keys (through `setContext`). */
  state(): Partial<WalkthroughState>;
}

function journalState(service: JournalService): WalkthroughState {
  const relationships = service.relationships().map((r) => r.relationship);
  return {
    [WALKTHROUGH_KEYS.hasSignedAgreement]: relationships.some((r) => !!(r.agreement?.signed.mentor && r.agreement.signed.mentee)),
    [WALKTHROUGH_KEYS.hasSession]: relationships.some((r) => r.sessions.length > 0),
    [WALKTHROUGH_KEYS.hasReview]: relationships.some((r) => r.reviews.length > 0),
  };
}

export const registerWalkthroughState: Feature = ({ service, api }) => {
  let last: Partial<WalkthroughState> = {};
  const update = () => {
    const now = journalState(service);
    for (const [key, value] of Object.entries(now) as Array<[keyof WalkthroughState, boolean]>) {
      void setContextKey(key, value, last[key]);
    }
    last = now;
  };
  api.walkthrough = { state: () => ({ ...last }) };
  // Registered after the tree's first rows (extension.ts): the journal may be read by then.
  update();
  return service.onDidChange(update);
};
