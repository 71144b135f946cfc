import { problem } from '../rules';
import type { Problem } from '../types';
import type { CrossFileRule } from './facts';

/** Problems that already explain why a file has no type: unreadable front matter, a merge conflict, or a `type` value that is not a journal type. */
const hidesType = (p: Problem) => /^(yaml|frontmatter|file|git)\//.test(p.code) || (p.data?.kind === 'invalid-enum' && p.data.key === 'type');

/** `type/unknown`: front matter without `type` in a folder that implies none, at its opening `---`. */
export const typeUnknown: CrossFileRule = {
  code: 'type/unknown',
  check: ({ files }) =>
    files
      .filter((f) => !f.type && f.hasFrontMatter && !f.problems.some(hidesType))
      .map((f) =>
        problem(f.path, f.headRange, 'type/unknown', 'This file has front matter but no `type`, and its folder does not imply one: add `type: session` (or agreement, goal, review), or remove the front matter if it is a plain note.'),
      ),
};
