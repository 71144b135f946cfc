import { registerCommands } from './commands';
import { registerCompletion } from './completion';
import { registerDefinitions } from './definition';
import { registerDiagnostics } from './diagnostics';
import type { Feature } from './feature';
import { registerHover } from './hover';
import { registerQuickFixes } from './quickFixes';
import { registerReminders } from './reminders';
import { registerReviewPanels } from './review/panel';
import { registerSnippetsWhileTyping } from './snippets';
import { registerStatusBar } from './statusBar';
import { registerActionsView } from './tree/actionsTree';
import { registerRelationshipsTree } from './tree/relationshipsTree';
import { registerWalkthroughState } from './walkthrough';

/** Every feature of the extension, registered in this order by `activate`. One feature per file; every command comes from commands/index.ts. */
export const FEATURES: Feature[] = [
  registerDiagnostics,
  registerRelationshipsTree,
  registerActionsView,
  registerStatusBar,
  registerReviewPanels,
  registerCommands,
  registerQuickFixes,
  registerCompletion,
  registerSnippetsWhileTyping,
  registerHover,
  registerDefinitions,
  registerWalkthroughState,
  registerReminders,
];
