import { execFileSync } from 'node:child_process';

/**
 * Tests run the bundle exactly as pushed, so build it once before any test file runs: the
 * container-bound build (dist/) and the Marketplace build (dist-marketplace/).
 */
export default function buildOnce(): void {
  if (process.env.OPSPLAN_SKIP_BUILD === '1') return;
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/build.mjs', '--marketplace'], { stdio: 'inherit' });
}
