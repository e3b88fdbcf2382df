/**
 * The Arabic analysis pipeline as labelled lunr pipeline stages. lunr's own trimmer, stemmer and
 * stop-word filter are never used: the trimmer deletes Arabic letters (SEARCH.md).
 *
 *   tokenizer (strict folding, letter runs / numbers)
 *   → warraqStopWord (drops function words by their exact spelling)
 *   → warraqFold     (loose folding: alef, hamza seats, ى/ی, ة, ک, digits)
 *   → warraqNumber   (adds `34502` beside `34,502`)
 *   → warraqStem     (adds clitic-stripped stems beside the surface form)
 */
import lunr from 'lunr';
import { foldText } from '../arabic/normalize';
import { scanTokens, numberWithoutSeparators } from '../arabic/tokenize';
import { isStopWord } from '../arabic/stopwords';
import { stemForms, withTehMarbuta } from '../arabic/stem';

/** Metadata of tokens a stage adds beside the surface form; shared, never mutated. */
export const STEM_META: Readonly<Record<string, unknown>> = Object.freeze({ stem: true });
export const SUFFIX_META: Readonly<Record<string, unknown>> = Object.freeze({ suffix: true });
/**
 * Marks index terms made by removing suffixes. They live apart from surfaces and clitic-free forms,
 * so a query can weigh "same word with other clitics" above "same stem, other ending".
 */
export const SUFFIX_MARK = '~';
const ALT_META: Readonly<Record<string, unknown>> = Object.freeze({ alt: true });

/** Splits text into strict-folded word tokens (lunr tokenizer signature); empty for no words. */
export function arabicTokenizer(obj?: unknown): lunr.Token[] {
  if (obj === null || obj === undefined) return [];
  const text = foldText(String(obj), { strict: true });
  const bounds = scanTokens(text);
  const out: lunr.Token[] = [];
  for (let i = 0; i < bounds.length; i += 2) out.push(new lunr.Token(text.slice(bounds[i], bounds[i + 1]), {}));
  return out;
}

/** Drops Arabic and English stop words, matched on the strict spelling. */
export const warraqStopWord: lunr.PipelineFunction = (token) => (isStopWord(token.toString()) ? null : token);

interface TokenMeta {
  /** The folded word with ة kept where the text wrote ة (the stemmer needs to tell ة from ه). */
  stemBase?: string;
}

const metaOf = (token: lunr.Token): TokenMeta => (token as unknown as { metadata: TokenMeta }).metadata;

/** Applies loose folding to a strict token (and remembers ة for the stemmer). */
export const warraqFold: lunr.PipelineFunction = (token) => {
  const strict = token.toString();
  const folded = foldText(strict);
  if (folded === strict) return token;
  const base = withTehMarbuta(strict, folded);
  if (base !== folded) metaOf(token).stemBase = base;
  return token.update(() => folded);
};

/** Adds the separator-free form of a grouped number so `34502` finds `34,502`. */
export const warraqNumber: lunr.PipelineFunction = (token) => {
  const bare = numberWithoutSeparators(token.toString());
  return bare === null ? token : [token, new lunr.Token(bare, ALT_META as object)];
};

/** Adds clitic-free forms and (marked) suffix-free forms beside the surface form. */
export const warraqStem: lunr.PipelineFunction = (token) => {
  const forms = stemForms(metaOf(token).stemBase ?? token.toString());
  if (forms.clitic.length === 0 && forms.suffix.length === 0) return token;
  const out = [token];
  for (const s of forms.clitic) out.push(new lunr.Token(s, STEM_META as object));
  for (const s of forms.suffix) out.push(new lunr.Token(SUFFIX_MARK + s, SUFFIX_META as object));
  return out;
};

const STAGES: Array<[lunr.PipelineFunction, string]> = [
  [warraqStopWord, 'warraqStopWord'],
  [warraqFold, 'warraqFold'],
  [warraqNumber, 'warraqNumber'],
  [warraqStem, 'warraqStem'],
];

// Registered so a serialized lunr pipeline can name them; lunr warns on re-registration (HMR, tests).
const registered = (lunr.Pipeline as unknown as { registeredFunctions: Record<string, unknown> }).registeredFunctions;
for (const [fn, label] of STAGES) {
  if (!(label in registered)) lunr.Pipeline.registerFunction(fn, label);
}

/** A fresh lunr pipeline with the Arabic stages, for indexing and for query words. */
export function createArabicPipeline(): lunr.Pipeline {
  const p = new lunr.Pipeline();
  p.add(...STAGES.map(([fn]) => fn));
  return p;
}

/** Index terms of a text (after every stage), in token order; empty for no words. */
export function analyze(text: string, pipeline: lunr.Pipeline = createArabicPipeline()): string[] {
  return pipeline.run(arabicTokenizer(text)).map((t) => t.toString());
}
