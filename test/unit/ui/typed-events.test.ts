// Fails if a component dispatches or listens to an event that is not a class declared in HTMLElementEventMap
// with a `warraq-*` name (issue 18: "every custom event is a class declared in HTMLElementEventMap, named
// with one scheme"). A source scan over renderer/ui, like no-glyph-icons.test.ts.
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '../../../renderer/ui');
const NAME = /^warraq-[a-z]+(-[a-z]+)*$/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

interface Scan {
  /** Event classes: class name → the event name its constructor passes to super(). */
  classes: Map<string, string>;
  /** HTMLElementEventMap entries: event name → class name. */
  declared: Map<string, string>;
  /** Problems found in the sources. */
  problems: string[];
}

/** Scans `sources` (file name → text). Exported shape kept small so the self-test can feed it samples. */
function scan(sources: Map<string, string>): Scan {
  const classes = new Map<string, string>();
  const declared = new Map<string, string>();
  const problems: string[] = [];
  for (const [, s] of sources) {
    for (const m of s.matchAll(/class (\w+) extends (?:CustomEvent\b|Event\b)[^{]*\{[\s\S]*?super\(\s*'([^']+)'/g))
      classes.set(m[1]!, m[2]!);
    for (const block of s.matchAll(/interface HTMLElementEventMap \{([^}]*)\}/g))
      for (const e of block[1]!.matchAll(/'([^']+)':\s*(\w+)/g)) declared.set(e[1]!, e[2]!);
  }
  for (const [file, s] of sources) {
    for (const m of s.matchAll(/new (CustomEvent|Event)\s*[<(]/g))
      problems.push(`${file}: a plain ${m[1]} (declare a class in HTMLElementEventMap instead)`);
    for (const m of s.matchAll(/dispatchEvent\(\s*([^)]{0,40})/g)) {
      const made = /^new (\w+)\(/.exec(m[1]!);
      if (!made) problems.push(`${file}: dispatches a value, not \`new SomeEvent(…)\`: ${m[1]}`);
      else if (!classes.has(made[1]!)) problems.push(`${file}: dispatches ${made[1]}, which is not an event class`);
    }
    // Listeners for app events (`@warraq-x=` in templates, addEventListener('warraq-x')) must be declared names.
    for (const m of s.matchAll(/@(warraq-[a-z-]+)=|addEventListener\(\s*'(warraq-[a-z-]+)'/g)) {
      const name = m[1] ?? m[2]!;
      if (!declared.has(name)) problems.push(`${file}: listens to ${name}, which no HTMLElementEventMap declares`);
    }
  }
  for (const [cls, name] of classes) {
    if (!NAME.test(name)) problems.push(`event class ${cls} is named '${name}', not warraq-*`);
    if (declared.get(name) !== cls)
      problems.push(`event class ${cls} ('${name}') is not declared in HTMLElementEventMap`);
  }
  return { classes, declared, problems };
}

const sources = new Map(files(root).map((f) => [relative(root, f), readFileSync(f, 'utf8')]));

describe('custom events are declared classes with warraq-* names', () => {
  it('finds the event classes (the scan works on the real tree)', () => {
    const { classes } = scan(sources);
    expect(classes.get('NavigateEvent')).toBe('warraq-navigate');
    expect(classes.get('AnnotateEvent')).toBe('warraq-annotate');
    expect(classes.size).toBeGreaterThan(15);
  });

  it('every dispatched and listened-to event under renderer/ui is a declared warraq-* class', () => {
    expect(scan(sources).problems).toEqual([]);
  });

  it('catches plain events, undeclared classes, wrong names and unknown listeners (self-test)', () => {
    const bad = new Map([
      ['a.ts', "this.dispatchEvent(new CustomEvent('note-save', { detail, bubbles: true }));"],
      ['b.ts', "this.dispatchEvent(new Event('change'));"],
      ['c.ts', "class OddEvent extends CustomEvent<number> { constructor() { super('odd-thing', { detail: 1 }); } }"],
      ['d.ts', 'this.dispatchEvent(ev);'],
      ['e.ts', 'html`<x-y @warraq-unknown=${f}></x-y>`'],
      ['f.ts', 'this.dispatchEvent(new Mystery());'],
    ]);
    const problems = scan(bad).problems.join('\n');
    expect(problems).toContain('a.ts: a plain CustomEvent');
    expect(problems).toContain('b.ts: a plain Event');
    expect(problems).toContain("OddEvent is named 'odd-thing'");
    expect(problems).toContain('OddEvent');
    expect(problems).toContain('d.ts: dispatches a value');
    expect(problems).toContain('e.ts: listens to warraq-unknown');
    expect(problems).toContain('f.ts: dispatches Mystery');
  });
});
