import type { PlainCommand } from './registry';
import { openWalkthrough } from '../walkthrough';

/**
 * Mentoring: Get started: opens the walkthrough, with the steps the journal already shows done
 * ticked (WalkthroughApi.open). Before the journal is read, it just opens it: the steps are
 * ticked as the journal is read.
 */
export const getStarted: PlainCommand = {
  id: 'mentoringJournal.getStarted', action: 'Get started', writes: false,
  async run(ctx) {
    if (ctx.api.walkthrough) await ctx.api.walkthrough.open();
    else await openWalkthrough();
  },
};
