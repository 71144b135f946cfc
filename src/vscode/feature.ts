import type * as vscode from 'vscode';
import type { EditingApi } from './editing';
import type { GitHistoryApi } from './gitHistory';
import type { JournalService } from './journalService';
import type { RemindersApi } from './reminders';
import type { ReviewPanelApi } from './review/panel';
import type { RelationshipStatus } from './statusBar';
import type { ActionsViewApi } from './tree/actionsTree';
import type { RelationshipsTreeApi } from './tree/relationshipsTree';
import type { WalkthroughApi } from './walkthrough';

/** What every feature gets when it registers. */
export interface FeatureContext {
  readonly extension: vscode.ExtensionContext;
  readonly service: JournalService;
  /** Shared with features that need to talk to each other (the tree, for reveal). */
  readonly api: MentoringJournalApi;
}

/** A feature registers itself and returns what must be disposed on deactivation. */
export type Feature = (ctx: FeatureContext) => vscode.Disposable;

/**
 * What `activate` returns: used by the extension-host tests and open to other extensions.
 * `activate` sets the first part; each feature fills in its own part when it registers: the
 * tree, the commands and the review panels before `activate` returns, the others once
 * `registered` has resolved.
 */
export interface MentoringJournalApi {
  readonly service: JournalService;
  /** Fixes "today" for the model, for tests and demos. */
  setToday(date: string | undefined): void;
  /** Messages commands showed, and the trust override for tests (editing.ts). */
  readonly editing: EditingApi;
  /**
   * Resolves once every feature is registered: those the tree's first rows do not need are
   * registered after them (extension.ts), so their parts of this api are set only then.
   */
  registered?: Promise<void>;
  /** How long `activate` itself took, in ms (the budget is 50). */
  activationMs?: number;
  /** File accesses made during `activate` (none: indexing starts after it returns). */
  indexedAtActivation?: number;
  /** The Mentoring view (tree/relationshipsTree.ts). */
  tree?: RelationshipsTreeApi;
  /** The status bar entry (statusBar.ts). */
  statusBar?: RelationshipStatus;
  /** The review panels (review/panel.ts). */
  reviewPanel?: ReviewPanelApi;
  /** The journal's state behind the walkthrough's context keys (walkthrough.ts). */
  walkthrough?: WalkthroughApi;
  /** The Actions view (tree/actionsTree.ts). */
  actions?: ActionsViewApi;
  /** The daily reminder (reminders.ts). */
  reminders?: RemindersApi;
  /** The git history of goals and sessions (gitHistory.ts), read in the background through the git extension. */
  readonly gitHistory: GitHistoryApi;
  /** The Problems panel entries (diagnostics.ts). */
  diagnostics?: vscode.DiagnosticCollection;
}
