import { agreementDuplicate } from './agreementDuplicate';
import type { CrossFileRule } from './facts';
import { goalDueBeforeStart } from './goalDueBeforeStart';
import { goalDuplicateId } from './goalDuplicateId';
import { goalAchievedIncomplete, goalProgressDecreased } from './goalProgress';
import { goalReferencesUnchecked, goalUnknownId } from './goalUnknownId';
import { sessionNextBeforeDate } from './sessionNextBeforeDate';
import { sessionOutsidePartnership } from './sessionOutsidePartnership';
import { typeUnknown } from './typeUnknown';

export type { CrossFileRule, RelationshipFacts } from './facts';

/** The rules that look across one relationship's files, in the order their problems are listed. One rule per code. */
export const CROSS_FILE_RULES: readonly CrossFileRule[] = [
  agreementDuplicate,
  typeUnknown,
  goalDuplicateId,
  goalUnknownId,
  goalReferencesUnchecked,
  sessionOutsidePartnership,
  sessionNextBeforeDate,
  goalDueBeforeStart,
  goalProgressDecreased,
  goalAchievedIncomplete,
];
