// `npm run deploy` reads the developer's own .clasp.json (kept out of git); without a usable one it
// stops before testing, building or pushing, and says what to do.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

function deployCheck(claspJson?: string) {
  const dir = mkdtempSync(join(tmpdir(), 'opsplan-clasp-'));
  if (claspJson !== undefined) writeFileSync(join(dir, '.clasp.json'), claspJson);
  const run = spawnSync(process.execPath, ['scripts/clasp-config.mjs', dir], { encoding: 'utf8' });
  return { status: run.status, output: run.stdout + run.stderr };
}

describe('deploy reads the real .clasp.json', () => {
  it('stops with what to do when .clasp.json is missing, the example copied unchanged, or broken', () => {
    const example = readFileSync('.clasp.json.example', 'utf8');
    for (const [config, why] of [
      [undefined, /there is no \.clasp\.json/],
      [example, /has no Script ID/],
      ['{ "scriptId": ', /not valid JSON/],
      ['{ "scriptId": "1AbC_dEf-123", "rootDir": "src" }', /"rootDir": "dist"/],
    ] as const) {
      const { status, output } = deployCheck(config);
      expect(status, output).toBe(1);
      expect(output).toMatch(why);
      expect(output).toMatch(/Copy \.clasp\.json\.example to \.clasp\.json/);
    }
  });

  it('goes ahead with a Script ID and rootDir dist', () => {
    expect(deployCheck('{ "scriptId": "1AbC_dEf-123", "rootDir": "dist" }')).toMatchObject({ status: 0 });
  });

  it('keeps .clasp.json itself out of git', () => {
    expect(readFileSync('.gitignore', 'utf8').split('\n')).toContain('.clasp.json');
  });
});
