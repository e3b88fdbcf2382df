/**
 * Stop words: function words too frequent to help ranking (في، من، على … fill the worst phrase queries,
 * SEARCH.md). Matched on a key that folds every variant (أ/ا, Farsi ی, ک, ة, tashkeel) EXCEPT ى, so
 * the preposition على is dropped but the name علي is kept, and التی is التي. They stay in the token
 * sequence, so phrases still match them.
 */
import { foldText } from './normalize';
const ARABIC = `
في من على الى إلى إلي عن مع ان أن إن لا ما لم لن قد هذا هذه ذلك تلك هذان هاتان هؤلاء اولئك أولئك
التي الذي الذين اللتي اللذين اللواتي اللاتي او أو ثم بل لكن لكنه ولكن حتى اذا إذا كما كان كانت يكون تكون
وفي ومن وعلى والى وإلى وعن ومع وان وأن وإن ولا وما ولم ولن وقد وهذا وهذه وذلك والتي والذي والذين وكان وكانت
فى فيه فيها منه منها عليه عليها اليه إليه اليها إليها عنه عنها به بها له لها لهم هو هي هم هن انه أنه إنه انها أنها إنها
بين بعد قبل عند منذ خلال حيث ضمن عبر لدى نحو ايضا أيضا وايضا وأيضا كل بعض غير اي أي هناك هنا التى الذى وهو وهي
`;

const ENGLISH = `
a an and are as at be but by for from has have he her his in is it its of on or that the their
there they this to was were which will with
`;

const words = (list: string): string[] => list.split(/\s+/).filter((w) => w.length > 0);

/** The matching key of a word: loosely folded, but alef maqsura ى kept apart from ي. */
export function stopKey(word: string): string {
  const folded = foldText(word);
  if (!word.includes('ى') || folded.length !== word.length) return folded;
  let out = '';
  for (let i = 0; i < folded.length; i++) out += word[i] === 'ى' ? 'ى' : folded[i];
  return out;
}

/** Arabic stop words, as keys (see stopKey). */
export const ARABIC_STOP_WORDS: ReadonlySet<string> = new Set(words(ARABIC).map(stopKey));
/** English stop words, lower case. */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(words(ENGLISH));

/** True when a token (strict or folded spelling, ى kept) is a stop word. */
export function isStopWord(token: string): boolean {
  return ENGLISH_STOP_WORDS.has(token) || ARABIC_STOP_WORDS.has(stopKey(token));
}
