/**
 * Is a word a well-formed Vietnamese syllable? Used to tell legacy text from Unicode: a cell is
 * read in the encoding under which its accented words become real syllables. The test is the
 * spelling rule, not a dictionary: an optional initial consonant, a rhyme from the closed list of
 * Vietnamese rhymes, at most one tone, and a stop ending (-c, -ch, -p, -t) only with the acute or
 * the dot-below tone. The loanword rhymes "oong", "ooc" ("xoong", "soóc") are left out: VNI
 * writes ô as "oâ", and "Coâng" must not read as TCVN3 "Coõng".
 */

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
// The class lists combining marks on purpose: a tone mark right after a letter other than a vowel.
// eslint-disable-next-line no-misleading-character-class
const TONE_ON_CONSONANT = /(?:^|[^aeiouy\u0302\u0306\u031b])[\u0300\u0301\u0303\u0309\u0323]/;
const ACUTE = '\u0301';
const DOT = '\u0323';

const ONSETS = ['ngh', 'ng', 'gh', 'gi', 'kh', 'ph', 'th', 'tr', 'ch', 'nh', 'qu', 'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x', ''];

/** Every rhyme (vowel nucleus and ending) of the language, without tone. */
const RHYMES = new Set(
  (
    'a ai ao au ay ac ach am an ang anh ap at ' +
    'ăc ăm ăn ăng ăp ăt ' +
    'âc âm ân âng âp ât âu ây ' +
    'e ec em en eng eo ep et ' +
    'ê êch êm ên ênh êp êt êu ' +
    'i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu ' +
    'o oc oi om on ong op ot ' +
    'oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt oe oen oeo oet ' +
    'ô ôc ôi ôm ôn ông ôp ôt ' +
    'ơ ơi ơm ơn ơp ơt ' +
    'u ua uc ui um un ung up ut uơ uân uâng uât uây uê uêch uênh ' +
    'uy uya uych uyên uyêt uynh uyp uyt uyu uôc uôi uôm uôn uông uôt ' +
    'ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu ' +
    'y yêm yên yêng yêt yêu'
  ).split(' '),
);

/** The initials a bare "y" follows ("ý", "kỹ", "lý", "mỹ", "tỷ", "quy"…): after the others
 * Vietnamese writes "i" ("phí", "chỉ", "trị"). */
const Y_ONSETS = new Set(['', 'd', 'h', 'k', 'l', 'm', 'n', 's', 't', 'th', 'v', 'qu']);

const LETTERS = /^[a-zăâđêôơư]+$/;

const cache = new Map<string, boolean>();

/** The word (any case, NFC or NFD) is one well-formed Vietnamese syllable. */
export function isVietnameseSyllable(word: string): boolean {
  let known = cache.get(word);
  if (known === undefined) {
    known = check(word);
    // Cells repeat words endlessly; the set of distinct words is small.
    if (cache.size < 50_000) cache.set(word, known);
  }
  return known;
}

function check(word: string): boolean {
  const decomposed = word.toLowerCase().normalize('NFD');
  const tones = decomposed.match(TONES);
  if (tones && tones.length > 1) return false;
  const tone = tones?.[0] ?? '';
  // A tone sits on a vowel: "ñ" is n + tilde, not a Vietnamese letter.
  if (tone && TONE_ON_CONSONANT.test(decomposed)) return false;
  const bare = decomposed.replace(TONES, '').normalize('NFC');
  if (!LETTERS.test(bare)) return false;
  for (const onset of ONSETS) {
    if (!bare.startsWith(onset)) continue;
    const rhyme = bare.slice(onset.length);
    // "qu" spells /kw/: "quỳnh", "quyết" are qu + the rhymes of "huỳnh", "khuyết".
    const fitsRhyme =
      (RHYMES.has(rhyme) && (rhyme !== 'y' || Y_ONSETS.has(onset))) || (onset === 'qu' && rhyme.startsWith('y') && rhyme !== 'yu' && RHYMES.has(`u${rhyme}`));
    if (fitsRhyme && toneFits(rhyme, tone)) return true;
  }
  return false;
}

function toneFits(rhyme: string, tone: string): boolean {
  if (!/(?:c|ch|p|t)$/.test(rhyme)) return true;
  return tone === ACUTE || tone === DOT;
}
