import * as vscode from 'vscode';
import { setContextKey } from './contextKeys';
import type { Feature } from './feature';
import type { JournalService } from './journalService';

/** The walkthrough's id as `workbench.action.openWalkthrough` takes it: the extension's id, `#`, its id in package.json. */
export const WALKTHROUGH_ID = 'mentoring-journal.mentoring-journal#getStarted';

/** Turned on once Mentoring: Get started has opened the walkthrough (see WALKTHROUGH_KEYS). */
export const WALKTHROUGH_OPENED = 'mentoringJournal.walkthroughOpened';

/**
 * The journal's state as context keys, so that the walkthrough ticks a step that was done before
 * it was first opened (its `completionEvents` name `onContext:<key>` besides the command):
 * a relationship exists, an agreement is signed by both, a session is written, a review is saved.
 *
 * VS Code counts such a key only when it turns true while the walkthroughs are loaded in the
 * window: they are loaded with the Welcome page (shown at start-up by default), or when a
 * walkthrough is first opened; a key already true then never ticks its step. So each step also
 * completes on `<key> && mentoringJournal.walkthroughOpened`, and **Mentoring: Get started** opens
 * the walkthrough with that key off and turns it on once it is open: the steps the journal shows
 * done are ticked however the window started.
 */
export const WALKTHROUGH_KEYS = {
  hasRelationship: 'mentoringJournal.hasRelationship',
  hasSignedAgreement: 'mentoringJournal.hasSignedAgreement',
  hasSession: 'mentoringJournal.hasSession',
  hasReview: 'mentoringJournal.hasReview',
} as const;

export type WalkthroughState = Record<(typeof WALKTHROUGH_KEYS)[keyof typeof WALKTHROUGH_KEYS], boolean>;

export interface WalkthroughApi {
  /** The values last given to the context keys (through `setContext`). */
  state(): Partial<WalkthroughState>;
  /** Opens the walkthrough with its steps ticked as the journal shows them done (see WALKTHROUGH_KEYS). */
  open(): Promise<void>;
}

function journalState(service: JournalService): WalkthroughState {
  const relationships = service.relationships().map((r) => r.relationship);
  return {
    [WALKTHROUGH_KEYS.hasRelationship]: relationships.length > 0,
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
  const open = async () => {
    await vscode.commands.executeCommand('setContext', WALKTHROUGH_OPENED, false);
    await openWalkthrough();
    await vscode.commands.executeCommand('setContext', WALKTHROUGH_OPENED, true);
  };
  api.walkthrough = { state: () => ({ ...last }), open };
  // Registered after the tree's first rows (extension.ts): the journal may be read by then.
  update();
  return service.onDidChange(update);
};

/** Opens the walkthrough in the Welcome editor, beside nothing else. */
export function openWalkthrough(): Thenable<unknown> {
  return vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, false);
}
