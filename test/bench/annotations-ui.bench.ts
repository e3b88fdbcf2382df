/**
 * Opening an article that holds 500 highlights, in Chromium: a long article (150 paragraphs,
 * ~60,000 characters) with 500 highlights (one in ten overlapping its neighbour, some across a
 * paragraph break) and 20 notes, stored straight into IndexedDB; then time from navigation to the
 * text on screen and to every highlight painted (anchored and rendered) and listed in the panel.
 * Also the same article with the text re-imported without tashkeel, so every highlight takes the
 * fuzzy path.
 */
import { describe, paragraphNumber } from '../../renderer/core/anchoring';
import type { Annotation, TextRange } from '../../renderer/core/model';
import { HIGHLIGHT_COLORS } from '../../renderer/core/model';
import { median, type BenchContext, type BenchRow } from './lib/context';
import { openBrowser, waitForFirstRow } from './lib/browser';

export const name = 'annotations-ui';

const HIGHLIGHTS = 500;
const RUNS = 5;
const SENTENCES = [
  'أعلنت وزارةُ الصحّةِ يوم الأربعاء أنّ حصيلة الضحايا ارتفعت إلى ٤٥ قتيلاً في القصف الأخير',
  'وقال المتحدث لوكالة Reuters إنّ فرق الإنقاذ ما زالت تبحث تحت الأنقاض في الحي الشرقي',
  'من جهته قال المرصد (SOHR) إنّ عدد القتلى بلغ 52 شخصاً حتى المساء بينهم أطفال',
  'ودعت المنظّمة إلى وقفٍ فوريٍّ لإطلاق النار وإدخال المساعدات الإنسانيّة إلى المدينة',
];

/** The article's text and paragraph ranges; `edit` rewrites each sentence (another outlet's copy). */
function makeText(paragraphs: number, edit: (s: string) => string = (x) => x): { text: string; ranges: TextRange[] } {
  const title = 'حصيلة جديدة للقصف على المدينة';
  let text = `${title}\n\n`;
  const ranges: TextRange[] = [];
  for (let p = 0; p < paragraphs; p++) {
    const body = SENTENCES.map((s, i) => edit(`${s} (${p + 1}-${i + 1})`)).join('، ') + '.';
    ranges.push({ start: text.length, end: text.length + body.length });
    text += `${body}\n\n`;
  }
  return { text, ranges };
}

function highlights(articleId: string, text: string, paragraphs: TextRange[]): Annotation[] {
  const out: Annotation[] = [];
  const step = Math.floor((paragraphs.at(-1)!.end - paragraphs[0]!.start) / HIGHLIGHTS);
  for (let i = 0; i < HIGHLIGHTS; i++) {
    // One in ten starts inside its neighbour (overlap); every 50th runs 300 characters, over a break.
    let start = paragraphs[0]!.start + i * step + (i % 10 === 9 ? -Math.floor(step / 2) : 0);
    start = Math.max(paragraphs[0]!.start, start);
    const end = Math.min(text.length, start + (i % 50 === 49 ? 300 : 20 + (i % 7) * 6));
    out.push({
      id: `h${i}`,
      articleId,
      selectors: describe(text, start, end),
      color: HIGHLIGHT_COLORS[i % 5],
      note: i % 25 === 0 ? `ملاحظة رقم ${i} compare with SOHR` : '',
      tags: [],
      paragraph: paragraphNumber(paragraphs, start),
      createdAt: 1_700_000_000_000 + i,
      updatedAt: 1_700_000_000_000 + i,
    });
  }
  return out;
}

interface Sample {
  text: number;
  marks: number;
  panel: number;
  ids: number;
}

export async function run(_ctx: BenchContext): Promise<BenchRow[]> {
  const { text, ranges } = makeText(150);
  const fuzzy = makeText(150, (x) => x.replace(/[\u064B-\u0652]/g, ''));
  const notes = highlights('bench-500', text, ranges);
  const s = await openBrowser();
  try {
    await s.page.goto(s.url);
    await waitForFirstRow(s.page);
    await s.page.evaluate(
      async (items) => {
        const db = await new Promise<IDBDatabase>((res, rej) => {
          const r = indexedDB.open('warraq');
          r.onsuccess = () => res(r.result);
          r.onerror = () => rej(r.error);
        });
        const tx = db.transaction(['articles', 'texts', 'annotations'], 'readwrite');
        for (const it of items) {
          tx.objectStore('articles').put({
            id: it.id,
            title: `مقالة ${it.id}`,
            outlet: 'وكالة',
            length: it.text.length,
            words: 9000,
            importedAt: Date.now(),
            source: { kind: 'text' },
            tags: [],
          });
          tx.objectStore('texts').put({ id: it.id, text: it.text, paragraphs: it.paragraphs });
          for (const a of it.notes)
            tx.objectStore('annotations').put({ ...a, id: `${it.id}:${a.id}`, articleId: it.id });
        }
        await new Promise((res, rej) => {
          tx.oncomplete = res;
          tx.onerror = () => rej(tx.error);
        });
        db.close();
      },
      [
        { id: 'bench-500', text, paragraphs: ranges, notes },
        { id: 'bench-500-fuzzy', text: fuzzy.text, paragraphs: fuzzy.ranges, notes },
      ],
    );
    await s.page.reload();
    await waitForFirstRow(s.page);
    const rows: BenchRow[] = [];
    for (const id of ['bench-500', 'bench-500-fuzzy']) {
      const samples: Sample[] = [];
      for (let i = 0; i < RUNS; i++) samples.push(await openOnce(s.page, id));
      const label = id.endsWith('fuzzy') ? ' (text re-imported without tashkeel: fuzzy anchoring)' : '';
      rows.push(
        {
          group: 'annotations-ui',
          metric: `open article with 500 highlights: paragraphs in the DOM${label}`,
          value: median(samples.map((x) => x.text)),
          unit: 'ms',
          n: RUNS,
        },
        {
          group: 'annotations-ui',
          metric: `open article with 500 highlights: all painted${label}`,
          value: median(samples.map((x) => x.marks)),
          unit: 'ms',
          n: RUNS,
          note: `${samples[0]!.ids} highlights placed`,
        },
        {
          group: 'annotations-ui',
          metric: `open article with 500 highlights: panel listed${label}`,
          value: median(samples.map((x) => x.panel)),
          unit: 'ms',
          n: RUNS,
        },
      );
    }
    return rows;
  } finally {
    await s.close();
  }
}

/**
 * Library → article: ms from navigation to the paragraphs in the DOM, to all 500 highlights in the
 * DOM, and to the panel's 500 items, each seen at the first animation frame after it happened
 * (so within ~16 ms, and before that frame's layout of the 60,000 characters).
 */
async function openOnce(page: import('playwright-core').Page, id: string): Promise<Sample> {
  await page.evaluate(() => {
    location.hash = '#/';
  });
  await waitForFirstRow(page);
  return page.evaluate(
    async ({ id, expected }) => {
      // No named helpers in here: tsx would wrap them in a __name() call the page does not have.
      const t0 = performance.now();
      location.hash = `#/article/${id}`;
      const out = { text: 0, marks: 0, panel: 0, ids: 0 };
      for (let guard = 0; guard < 3000; guard++) {
        await new Promise((r) => requestAnimationFrame(() => r(null)));
        const root = document.querySelector('warraq-app')?.shadowRoot?.querySelector('warraq-reader')?.shadowRoot;
        const now = performance.now() - t0;
        if (!root) continue;
        if (!out.text && root.querySelector('p[data-p]')) out.text = now;
        if (!out.marks) {
          const ids = new Set<string>();
          root
            .querySelectorAll('mark.hl')
            .forEach((m) => (m.getAttribute('data-ids') ?? '').split(' ').forEach((x) => x && ids.add(x)));
          if (ids.size >= expected) {
            out.marks = now;
            out.ids = ids.size;
          }
        }
        const panel = root.querySelector('warraq-annotations-panel')?.shadowRoot;
        if (!out.panel && (panel?.querySelectorAll('li.hl').length ?? 0) >= expected) out.panel = now;
        if (out.text && out.marks && out.panel) break;
      }
      return out;
    },
    { id, expected: HIGHLIGHTS },
  );
}
