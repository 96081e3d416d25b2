// Worker threads start on plain Node: load the TypeScript session worker through tsx.
import { tsImport } from 'tsx/esm/api';

await tsImport('./session-worker.ts', import.meta.url);
