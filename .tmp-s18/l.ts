import { suggestFolderName } from '../src/core/scaffold';
import { caseFixedGoalId } from '../src/core/fields';
console.log(suggestFolderName('Ħanna Borg', 'Ŋora X'), suggestFolderName('Ŧove', 'ŀlum'), caseFixedGoalId('ŀlum talk'), caseFixedGoalId('Col·lega'));
