import type * as vscode from 'vscode';
import type { JournalService } from './journalService';

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
 * Features fill in their parts when they register.
 */
export interface MentoringJournalApi {
  readonly service: JournalService;
  /** Fixes "today" for the model, for tests and demos. */
  setToday(date: string | undefined): void;
  [feature: string]: unknown;
}
