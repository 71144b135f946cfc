import { registerJournalCommands } from './commands';
import { registerCompletion } from './completion';
import { registerDiagnostics } from './diagnostics';
import type { Feature } from './feature';
import { registerHover } from './hover';
import { registerQuickFixes } from './quickFixes';
import { registerReviewGoals } from './review/panel';
import { registerStatusBar } from './statusBar';
import { registerRelationshipsTree } from './tree/relationshipsTree';
import { registerViewCommands } from './viewCommands';

/** Every feature of the extension, registered in this order by `activate`. One feature per file. */
export const FEATURES: Feature[] = [
  registerDiagnostics,
  registerRelationshipsTree,
  registerViewCommands,
  registerStatusBar,
  registerJournalCommands,
  registerReviewGoals,
  registerQuickFixes,
  registerCompletion,
  registerHover,
];
