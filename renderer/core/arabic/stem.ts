/**
 * Clitic-aware light stemmer on folded words (أ already ا, ى already ي; ة kept where written).
 * It strips at most one proclitic group and two suffix layers (pronoun, then plural/dual), and
 * never leaves fewer than 3 letters after a single-letter proclitic or a suffix (2 after an
 * ال-group): names and short words (بيت، وقت، علي) survive. The index keeps the surface form beside
 * the stems and a surface match weighs double, so an aggressive strip costs ranking, not recall.
 */

/** ال-groups, longest first; the remainder must keep ≥ 2 letters. */
const ARTICLE_PREFIXES = ['وبال', 'فبال', 'وكال', 'فكال', 'ولل', 'فلل', 'وال', 'فال', 'بال', 'كال', 'لل', 'ال'];
/** Conjunction + preposition pairs and single letters; the remainder must keep ≥ 3 letters. */
const LETTER_PREFIXES = ['وب', 'ول', 'فب', 'فل', 'وك', 'فك', 'و', 'ف', 'ب', 'ك', 'ل'];
/** Attached pronouns, longest first. */
const PRONOUN_SUFFIXES = ['هما', 'كما', 'هم', 'ها', 'كم', 'كن', 'هن', 'نا', 'ه'];
/**
 * Plural and dual endings. Teh marbuta is NOT one (مدرسة and مدرس are different words; ه after
 * folding is ambiguous, so stemming reads ة from the strict spelling), and neither is a bare ي
 * (يتعدى ≠ يتعد); the nisba ية only loses its ة (سعودية → سعودي, like سعوديين → سعودي).
 */
const NOUN_SUFFIXES = ['ات', 'ين', 'ون', 'ان'];

const MIN_AFTER_ARTICLE = 2;
const MIN_STEM = 3;

function isArabicWord(word: string): boolean {
  const c = word.charCodeAt(0);
  return c >= 0x0620 && c <= 0x06ff;
}

function stripArticle(word: string): string {
  for (const p of ARTICLE_PREFIXES) {
    if (word.startsWith(p) && word.length - p.length >= MIN_AFTER_ARTICLE) return word.slice(p.length);
  }
  return word;
}

function stripLetterPrefix(word: string): string {
  for (const p of LETTER_PREFIXES) {
    if (word.startsWith(p) && word.length - p.length >= MIN_STEM) return word.slice(p.length);
  }
  return word;
}

function stripOne(word: string, suffixes: readonly string[]): string {
  for (const s of suffixes) {
    if (word.endsWith(s) && word.length - s.length >= MIN_STEM) return word.slice(0, -s.length);
  }
  return word;
}

function stripNoun(word: string): string {
  if (word.endsWith('ية') && word.length - 1 >= MIN_STEM) return word.slice(0, -1);
  return stripOne(word, NOUN_SUFFIXES);
}

/** The pronoun-stripped form (ت restored to ة) and the fully stripped form of a word. */
function suffixForms(word: string): string[] {
  const bare = stripOne(word, PRONOUN_SUFFIXES);
  if (bare === word) return [stripNoun(word)];
  // ة is written ت before a pronoun (حكومتهم ← حكومة): add the ة form so both meet at حكومة; keep
  // the ت form too, which is what a user typing the word without its pronoun writes (اهانت).
  if (bare.endsWith('ت') && !bare.endsWith('ات') && bare.length > MIN_STEM) return [bare, `${bare.slice(0, -1)}ة`];
  return [bare, stripNoun(bare)];
}

/** Stems of a word in two kinds: only clitics before it removed, or suffixes removed too. */
export interface StemForms {
  /** The word without its proclitics (والتحالف → التحالف's form تحالف); a surface in its own right. */
  clitic: string[];
  /** Forms without pronoun or plural suffixes (ملبوساتهم → ملبوسات, ملبوس). */
  suffix: string[];
}

/**
 * Returns the stems of a word, without the word itself: none for short or non-Arabic words.
 * `word` is folded except that ة is kept where the text wrote ة (see withTehMarbuta); stems come
 * back fully folded (ة → ه). A leading و ف ب ك ل may be a clitic (وتحالف) or a root letter
 * (وزارة), so such a word gets forms with and without that letter and query and index share both;
 * ال-groups (وال، بال، لل …) are unambiguous and give one. Never throws.
 */
export function stemForms(word: string): StemForms {
  const forms: StemForms = { clitic: [], suffix: [] };
  if (word.length <= MIN_STEM || !isArabicWord(word)) return forms;
  const surface = word.replace(/ة/g, 'ه');
  const seen = new Set([surface]);
  const push = (list: string[], stem: string): void => {
    const folded = stem.replace(/ة/g, 'ه');
    if (!seen.has(folded)) {
      seen.add(folded);
      list.push(folded);
    }
  };
  const article = stripArticle(word);
  const bases = article !== word ? [article] : [word, stripLetterPrefix(word)];
  for (const base of bases) push(forms.clitic, base);
  for (const base of bases) for (const form of suffixForms(base)) push(forms.suffix, form);
  return forms;
}

/** Every stem of a word (clitic forms, then suffix forms); see stemForms. */
export function lightStems(word: string): string[] {
  const f = stemForms(word);
  return [...f.clitic, ...f.suffix];
}

/**
 * The loosely folded word with ة put back where the strict spelling has it (same length: folding
 * maps letters one to one), or `folded` itself when the strict form has no ة.
 */
export function withTehMarbuta(strict: string, folded: string): string {
  if (!strict.includes('ة') || strict.length !== folded.length) return folded;
  let out = '';
  for (let i = 0; i < folded.length; i++) out += strict[i] === 'ة' ? 'ة' : folded[i];
  return out;
}
