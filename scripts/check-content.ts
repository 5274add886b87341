/**
 * `npm run check`: validate all content in seconds, without building pages: MDX pitfalls in
 * prose, every schema (Astro's own content sync, the build's messages), and the cross-entry rules
 * (references, phrases, ids, collisions), with the same messages the build gives.
 */
import { spawnSync } from 'node:child_process';
import { contentDir } from '../src/lib/env.ts';
import { contentPitfalls, contentRuleProblems } from './content-files.ts';

const root = contentDir(process.env);
const started = performance.now();
const problems = [...contentPitfalls(root)];
const sync = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'sync'], { encoding: 'utf8', env: process.env });
if (sync.status !== 0) problems.push(`schema: ${(sync.stderr || sync.stdout).trim()}`);
else problems.push(...contentRuleProblems(root));
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (problems.length > 0) {
  console.error(`Content problems (${problems.length}) in ${root}/:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`${root}/ is valid (schemas, references, phrases, ids, collisions) — checked in ${seconds} s.`);
