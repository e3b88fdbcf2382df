// `npm test`: lint (layering rules), type-check, unit tests in Node, then end-to-end tests in Chromium.
// Without a Chromium the e2e step prints how to get one and is skipped, except under CI (CI=true),
// where a missing browser is an error so CI never skips them.
import { spawnSync } from 'node:child_process';
import { findChromium, HOW_TO_GET_CHROMIUM } from './chromium.mjs';

const steps = [
  ['lint (import rules, security rules)', 'npx', ['eslint', '.', '--max-warnings=0']],
  ['type-check', 'npm', ['run', '-s', 'typecheck']],
  ['build', 'node', ['scripts/build.mjs']],
  ['unit tests (Node)', 'npx', ['vitest', 'run']],
];
const results = [];
function run(name, cmd, args) {
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  results.push([name, r.status === 0]);
  return r.status === 0;
}
let ok = true;
for (const [name, cmd, args] of steps) ok = run(name, cmd, args) && ok;

if (findChromium()) {
  ok = run('end-to-end tests (Chromium)', 'npx', ['playwright', 'test']) && ok;
} else if (process.env.CI) {
  console.error(`\n✖ end-to-end tests: ${HOW_TO_GET_CHROMIUM}`);
  results.push(['end-to-end tests (Chromium)', false]);
  ok = false;
} else {
  console.log(`\n⚠ end-to-end tests skipped. ${HOW_TO_GET_CHROMIUM}`);
}
const passed = results.filter((r) => r[1]).length;
console.log('\nsteps:');
for (const [name, good] of results) console.log(`  ${good ? '✔' : '✖'} ${name}`);
console.log(`steps: ${passed} passed, ${results.length - passed} failed`);
process.exit(ok ? 0 : 1);
