// `npm test`: lint (layering rules), type-check, unit tests in Node, then end-to-end tests in Chromium.
// Without a Chromium the e2e step prints how to get one and is skipped, except under CI (CI=true),
// where a missing browser is an error so CI never skips them.
import { spawn } from 'node:child_process';
import { findChromium, HOW_TO_GET_CHROMIUM } from './chromium.mjs';

const steps = [
  ['lint (import rules, security rules)', 'npx', ['eslint', '.', '--max-warnings=0']],
  ['format (Prettier)', 'npx', ['prettier', '--check', '.']],
  ['type-check', 'npm', ['run', '-s', 'typecheck']],
  ['build', 'node', ['scripts/build.mjs']],
  ['unit tests (Node)', 'npx', ['vitest', 'run'], 'vitest'],
];
const results = [];
const tests = { passed: 0, failed: 0, skipped: 0, flaky: 0 };
// Strips colour codes, then reads vitest's "Tests  N passed | M failed | K skipped" and Playwright's
// "N passed", "N failed", "N skipped" summary lines, so the last line counts tests, not steps.
function count(output, runner) {
  // eslint-disable-next-line no-control-regex -- ANSI colour codes are exactly what this strips
  const text = output.replace(/\u001b\[[0-9;]*m/g, '');
  const grab = (re) => Number(re.exec(text)?.[1] ?? 0);
  if (runner === 'vitest') {
    const line = /^\s*Tests\s+(.*)$/m.exec(text)?.[1] ?? '';
    tests.passed += Number(/(\d+) passed/.exec(line)?.[1] ?? 0);
    tests.failed += Number(/(\d+) failed/.exec(line)?.[1] ?? 0);
    tests.skipped += Number(/(\d+) skipped/.exec(line)?.[1] ?? 0);
  } else if (runner === 'playwright') {
    tests.passed += grab(/^\s+(\d+) passed/m);
    tests.failed += grab(/^\s+(\d+) failed/m);
    // Playwright's "flaky": failed once, passed on its configured retry (the run's exit code is 0).
    tests.flaky += grab(/^\s+(\d+) flaky/m);
    tests.passed += grab(/^\s+(\d+) flaky/m);
    tests.skipped += grab(/^\s+(\d+) skipped/m);
  }
}
function run(name, cmd, args, runner) {
  console.log(`\n▶ ${name}`);
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['inherit', 'pipe', 'inherit'], env: process.env });
    let out = '';
    child.stdout.on('data', (d) => {
      process.stdout.write(d);
      out += d;
    });
    child.on('close', (code) => {
      count(out, runner);
      results.push([name, code === 0]);
      resolve(code === 0);
    });
  });
}
let ok = true;
for (const [name, cmd, args, runner] of steps) ok = (await run(name, cmd, args, runner)) && ok;

if (findChromium()) {
  ok = (await run('end-to-end tests (Chromium)', 'npx', ['playwright', 'test'], 'playwright')) && ok;
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
console.log(`steps: ${passed} of ${results.length} passed`);
if (tests.flaky) console.log(`note: ${tests.flaky} test(s) passed only on retry (see "flaky" above)`);
console.log(`tests: ${tests.passed} passed, ${tests.failed} failed, ${tests.skipped} skipped`);
process.exit(ok ? 0 : 1);
