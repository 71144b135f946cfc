import { RULES, type RuleInfo } from '../../src/core/rules';

/**
 * package.json's `contributes.configuration` → `mentoringJournal.rules` → `properties`, made
 * from RULES: one severity setting per rule code, in RULES' order. The block is generated
 * (`npm run generate`, also run by `npm run build`), never edited by hand; a unit test fails
 * when the committed package.json differs from what this makes.
 */
export function rulesProperties(rules: Record<string, RuleInfo> = RULES): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(rules).map(([code, info]) => [
      code,
      {
        type: 'string',
        enum: ['error', 'warning', 'info', 'off'],
        enumDescriptions: ['Show as an error.', 'Show as a warning.', 'Show as information.', 'Do not report.'],
        markdownDescription: `${info.description} Default: \`${info.severity}\`.`,
      },
    ]),
  );
}

/** package.json's text with the rules block made from RULES; everything else stays as it is. */
export function withGeneratedRules(manifestText: string): string {
  const manifest = JSON.parse(manifestText);
  manifest.contributes.configuration.properties['mentoringJournal.rules'].properties = rulesProperties();
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
