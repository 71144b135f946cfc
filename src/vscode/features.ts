import { registerDiagnostics } from './diagnostics';
import type { Feature } from './feature';
import { registerStatusBar } from './statusBar';
import { registerRelationshipsTree } from './tree/relationshipsTree';
import { registerViewCommands } from './viewCommands';

/** Every feature of the extension, registered in this order by `activate`. One feature per file. */
export const FEATURES: Feature[] = [
  registerDiagnostics,
  registerRelationshipsTree,
  registerViewCommands,
  registerStatusBar,
];
