import type { RelationshipCommand } from './registry';

/**
 * Review goals: opens (or reveals) the review panel of the relationship; the panels live in
 * review/panel.ts. Reads only, so it also works in untrusted workspaces (saving does not).
 * Resolves with the relationship's id.
 */
export const reviewGoals: RelationshipCommand = {
  id: 'mentoringJournal.reviewGoals', action: 'Review goals', writes: false, target: 'relationship',
  run(ctx, target) {
    ctx.api.reviewPanel?.show(target);
    return target.relationship.id;
  },
};
