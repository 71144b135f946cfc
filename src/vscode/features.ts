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

/**
 * What `activate` registers at once: the Relationships tree (its rows are what a person waits
 * for), every command (VS Code runs a command right after the activation it caused), and the
 * review panels (VS Code restores a panel only through a serializer registered by `activate`).
 */
export const FIRST_FEATURES: Feature[] = [
  registerRelationshipsTree,
  registerCommands,
  registerReviewPanels,
];

/**
 * What waits until the tree has its first rows (or is not shown) and the first build has started
 * (the workspace holds a journal, or a view or command asked for it): none of it is needed for
 * the rows, all of it gives the window work while it starts (providers, the Actions view, the
 * status bar, context keys), and none of it has anything to do in a workspace without a journal.
 * Registered in this order. One feature per file; every command comes from commands/index.ts.
 */
export const LATER_FEATURES: Feature[] = [
  registerDiagnostics,
  registerActionsView,
  registerStatusBar,
  registerQuickFixes,
  registerCompletion,
  registerSnippetsWhileTyping,
  registerHover,
  registerDefinitions,
  registerWalkthroughState,
  registerReminders,
];
