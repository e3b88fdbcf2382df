/**
 * Story detection on written fixtures (no corpus text): a table of pairs, each with the relation a
 * reader would give, decided inside a small library that also holds unrelated items and a run of
 * template bulletins (so the library knows its boilerplate, as a real one does).
 */
import { describe, it, expect } from 'vitest';
import { docFeatures } from '../../../../renderer/core/stories/shingles';
import { StoryIndex } from '../../../../renderer/core/stories/index';
import { compare } from '../../../../renderer/core/stories/compare';
import { ROUNDUP, ROUNDUP_TITLE, WIRE, WIRE_TITLE } from '../../support/stories-fixtures';

const CITIES = [
  'الرياض',
  'جدة',
  'مكة',
  'المدينة',
  'الدمام',
  'أبها',
  'تبوك',
  'حائل',
  'بريدة',
  'نجران',
  'جازان',
  'الطائف',
  'ينبع',
  'الجوف',
  'عرعر',
  'سكاكا',
  'القطيف',
  'الخبر',
  'الباحة',
  'القنفذة',
  'رابغ',
  'الأحساء',
];
const WINDS = ['شمالية', 'جنوبية', 'شرقية', 'غربية', 'شمالية غربية', 'جنوبية شرقية'];
function bulletin(i: number): [string, string] {
  const c = CITIES[i]!;
  return [
    `الأرصاد: طقس ${c} غدا`,
    [
      `توقعت الرئاسة العامة للأرصاد وحماية البيئة في نشرتها الجوية الصادرة اليوم أن يكون الطقس في ${c} غدا مشمسا مع رياح ${WINDS[i % WINDS.length]} نشطة السرعة.`,
      `وتبلغ درجة الحرارة العظمى في ${c} ${30 + i} درجة مئوية والصغرى ${18 + (i % 7)} درجة مئوية، فيما تصل نسبة الرطوبة إلى ${20 + i * 2} في المئة.`,
      'ودعت الرئاسة المواطنين والمقيمين إلى متابعة النشرات الجوية والتقيد بالتعليمات الصادرة عن الجهات المختصة حفاظا على سلامتهم.',
    ].join('\n'),
  ];
}

const UNRELATED: [string, string][] = [
  [
    'الهلال يتعاقد مع مدافع برازيلي',
    'أعلن نادي الهلال التعاقد مع المدافع البرازيلي لمدة ثلاثة مواسم بعد اجتيازه الفحص الطبي بنجاح.\nوسينضم اللاعب إلى معسكر الفريق في النمسا الأسبوع المقبل.',
  ],
  [
    'ارتفاع أسعار الذهب',
    'ارتفعت أسعار الذهب في الأسواق العالمية اليوم مع تراجع الدولار وتزايد المخاوف من تباطؤ النمو الاقتصادي في الصين وأوروبا.',
  ],
  [
    'مهرجان للتمور في بريدة',
    'انطلق مهرجان التمور السنوي في بريدة بمشاركة مئات المزارعين الذين عرضوا أصنافا متعددة من التمور الفاخرة للبيع بالمزاد.',
  ],
];

const edit = (text: string, f: (ps: string[]) => string[]): string => f(text.split('\n')).join('\n');

type Case = [name: string, a: [string, string], b: [string, string], expected: 'same' | 'partial' | 'different'];
const CASES: Case[] = [
  ['verbatim copy', [WIRE_TITLE, WIRE], [WIRE_TITLE, WIRE], 'same'],
  ['trimmed to its first paragraphs', [WIRE_TITLE, WIRE], [WIRE_TITLE, edit(WIRE, (p) => p.slice(0, 4))], 'same'],
  [
    'rewritten headline and lead',
    [WIRE_TITLE, WIRE],
    [
      'افتتاح مستشفى الخرج',
      edit(WIRE, (p) => [
        'دشن وزير الصحة صباح اليوم في محافظة الخرج مستشفى عاما جديدا يستوعب مئات المرضى.',
        ...p.slice(1),
      ]),
    ],
    'same',
  ],
  [
    'Farsi yeh and keheh',
    [WIRE_TITLE, WIRE],
    [WIRE_TITLE.replace(/ي/g, 'ی'), WIRE.replace(/ي/g, 'ی').replace(/ك/g, 'ک')],
    'same',
  ],
  [
    'switched digits and a changed figure',
    [WIRE_TITLE, WIRE],
    [WIRE_TITLE.replace('300', '٣٠٠'), WIRE.replace('300', '٣٠٠').replace('120', '١٢٠').replace('400', '٣٥٠')],
    'same',
  ],
  ['a roundup containing the wire', [ROUNDUP_TITLE, ROUNDUP], [WIRE_TITLE, WIRE], 'partial'],
  ['template bulletins with different facts', bulletin(0), bulletin(1), 'different'],
  ['another pair of template bulletins', bulletin(5), bulletin(12), 'different'],
  ['unrelated items', UNRELATED[0]!, UNRELATED[1]!, 'different'],
];

function library(): StoryIndex {
  const idx = new StoryIndex();
  CITIES.forEach((_, i) => {
    const [t, b] = bulletin(i);
    idx.insert(`bulletin-${i}`, docFeatures(t, b));
  });
  UNRELATED.forEach(([t, b], i) => idx.insert(`other-${i}`, docFeatures(t, b)));
  return idx;
}

describe('story detection: pairs', () => {
  const idx = library();
  it.each(CASES)('%s → %s', (_name, [ta, ba], [tb, bb], expected) => {
    const verdict = compare(docFeatures(ta, ba), docFeatures(tb, bb), idx);
    expect(verdict.relation).toBe(expected);
  });

  it('finds a copy among the library as a candidate and reports it when added', () => {
    const lib = library();
    lib.add('wire', docFeatures(WIRE_TITLE, WIRE));
    const found = lib.add(
      'copy',
      docFeatures(
        WIRE_TITLE.replace(/ي/g, 'ی'),
        edit(WIRE, (p) => p.slice(0, 5)),
      ),
    );
    expect(found.map((r) => [r.id, r.verdict.relation])).toEqual([['wire', 'same']]);
    expect(
      lib
        .add('roundup', docFeatures(ROUNDUP_TITLE, ROUNDUP))
        .map((r) => r.verdict.relation)
        .sort(),
    ).toEqual(['partial', 'partial']);
  });
});
