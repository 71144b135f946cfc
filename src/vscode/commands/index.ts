import type { Feature } from '../feature';
import { allActions, completeAction, onlyMine } from './actions';
import { advanceStage } from './advanceStage';
import { exportCalendar } from './exportCalendar';
import { getStarted } from './getStarted';
import { markGoalAchieved } from './markGoalAchieved';
import { newGoal } from './newGoal';
import { newRelationship } from './newRelationship';
import { newSession } from './newSession';
import { openAgreement } from './openAgreement';
import { registerCommandTable, type CommandDefinition } from './registry';
import { reviewGoals } from './reviewGoals';
import { setGoalProgress } from './setGoalProgress';
import { hideClosed, openFormatDocs, openItem, refresh, revealActiveFile, showClosed, sortByName, sortByUrgency } from './view';

/**
 * Every command of the extension, registered from this one table (package.json declares each
 * id under `contributes.commands`, with its title, icon and `when` clauses). The journal
 * commands take a Mentoring view node, an argument object, or nothing (then they ask).
 */
export const COMMANDS: readonly CommandDefinition[] = [
  newRelationship,
  newSession,
  newGoal,
  markGoalAchieved,
  setGoalProgress,
  advanceStage,
  openAgreement,
  reviewGoals,
  refresh,
  hideClosed,
  showClosed,
  sortByUrgency,
  sortByName,
  revealActiveFile,
  openFormatDocs,
  openItem,
  // Actions view (issue 14)
  completeAction,
  onlyMine,
  allActions,
  // Calendar export (issue 14).
  exportCalendar,
  getStarted,
];

export const registerCommands: Feature = (ctx) => registerCommandTable(ctx, COMMANDS);
