import { problem } from '../rules';
import type { CrossFileRule } from './facts';

/** `agreement/duplicate`: a second file of type agreement in one relationship, at its opening `---`. */
export const agreementDuplicate: CrossFileRule = {
  code: 'agreement/duplicate',
  check: ({ files, primary, agreementFile, local }) =>
    files
      .filter((f) => f.type === 'agreement' && f !== primary)
      .map((f) => problem(f.path, f.headRange, 'agreement/duplicate', `This relationship already has an agreement (${local(agreementFile)}); a relationship has exactly one. Merge it into that one, or move it to a folder of its own as \`agreement.md\` (with that relationship's goals and sessions).`)),
};
