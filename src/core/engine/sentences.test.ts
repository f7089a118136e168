import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanupText } from '../cleanup';
import { segmentSentences, splitParagraphOffsets } from './sentences';
import type { Sentence } from './types';

const samples = join(__dirname, '../../../resources/samples');
/** Bodies of the articles on a seed page, paragraphs joined by blank lines. */
const seedBodies = (file: string): string[] =>
  cleanupText(readFileSync(join(samples, file), 'utf8'), { mode: 'page' }).articles.map((a) =>
    a.paragraphs.join('\n\n'),
  );
const cgtn = seedBodies('cgtn-article.txt')[0]!;
const tehranTimes = seedBodies('tehran-times-page.txt');

const texts = (body: string): string[] => segmentSentences(body).map((s) => s.text);

/** The invariants every segmentation must keep, whatever the text. */
function expectWellFormed(body: string, sentences: Sentence[]): void {
  let previousEnd = 0;
  sentences.forEach((s, i) => {
    expect(s.id).toBe(i);
    expect(body.slice(s.start, s.end)).toBe(s.text);
    expect(s.text).toBe(s.text.trim());
    expect(s.text.length).toBeGreaterThan(0);
    expect(s.start).toBeGreaterThanOrEqual(previousEnd);
    previousEnd = s.end;
  });
}

describe('splitParagraphOffsets', () => {
  it('returns trimmed blocks separated by blank lines', () => {
    const body = '  One.\nStill one.\n\n \nTwo.  \r\n\r\nThree.';
    expect(splitParagraphOffsets(body).map((p) => body.slice(p.start, p.end))).toEqual([
      'One.\nStill one.',
      'Two.',
      'Three.',
    ]);
  });
});

describe('segmentSentences: abbreviations', () => {
  it('keeps "U.S." mid-sentence before a lower-case word', () => {
    expect(
      texts('So far, the U.S. side has not issued any statement. Iran has yet to comment.'),
    ).toEqual(['So far, the U.S. side has not issued any statement.', 'Iran has yet to comment.']);
  });

  it('keeps "U.N." and "U.K." before a capitalised name', () => {
    expect(texts('The U.N. Security Council met. The U.K. Foreign Office agreed.')).toEqual([
      'The U.N. Security Council met.',
      'The U.K. Foreign Office agreed.',
    ]);
  });

  it('splits after an initialism that ends a sentence before a sentence starter', () => {
    expect(texts('Iran held talks with the U.S. The talks were indirect.')).toEqual([
      'Iran held talks with the U.S.',
      'The talks were indirect.',
    ]);
    expect(texts('He met envoys from the U.K. Meanwhile, others waited.')).toHaveLength(2);
  });

  it('splits after an initialism that ends a quotation', () => {
    expect(texts('"We will talk to the U.S." He left.')).toEqual([
      '"We will talk to the U.S."',
      'He left.',
    ]);
  });

  it('keeps titles with the name that follows', () => {
    for (const title of [
      'Adm.',
      'Dr.',
      'Mr.',
      'Gen.',
      'Sen.',
      'Rep.',
      'Gov.',
      'Lt.',
      'Col.',
      'Prof.',
    ]) {
      expect(
        texts(`The talks were attended by ${title} Brad Cooper of the command. He spoke.`),
      ).toEqual([`The talks were attended by ${title} Brad Cooper of the command.`, 'He spoke.']);
    }
  });

  it('keeps plural titles with the names that follow ("Reps. Steny Hoyer …", from the BASIL gold)', () => {
    for (const title of ['Reps.', 'Sens.', 'Govs.'])
      expect(
        texts(
          `Also re-elected were ${title} Steny Hoyer, Maryland, and Jim Clyburn. Both ran unopposed.`,
        ),
      ).toEqual([
        `Also re-elected were ${title} Steny Hoyer, Maryland, and Jim Clyburn.`,
        'Both ran unopposed.',
      ]);
  });

  it('keeps "St." before a place name', () => {
    expect(texts('He flew to St. Petersburg on Monday. Talks began.')).toHaveLength(2);
  });

  it('keeps month abbreviations with their day', () => {
    expect(
      texts('Talks took place on Feb. 6 in Muscat. Another round followed on Sept. 12 in Rome.'),
    ).toEqual([
      'Talks took place on Feb. 6 in Muscat.',
      'Another round followed on Sept. 12 in Rome.',
    ]);
  });

  it('keeps initials with the name', () => {
    expect(texts('J. R. R. Tolkien wrote it. Donald J. Trump read it.')).toEqual([
      'J. R. R. Tolkien wrote it.',
      'Donald J. Trump read it.',
    ]);
  });

  it('keeps decimals and number abbreviations', () => {
    expect(texts('Growth was 3.5 percent at No. 10 this year. See v. 2 of the report.')).toEqual([
      'Growth was 3.5 percent at No. 10 this year.',
      'See v. 2 of the report.',
    ]);
  });
});

describe('segmentSentences: quotations', () => {
  it('does not split at an ellipsis inside a quote', () => {
    const body =
      '"We must first overcome this, one that can... secure the interests of the Iranian people," Araghchi pointed out.';
    expect(texts(body)).toEqual([body]);
  });

  it('does not split at an ellipsis inside a quote even before a capital', () => {
    const body = '"We will talk... Iran is ready," he said.';
    expect(texts(body)).toEqual([body]);
  });

  it('keeps a closing quote and its attribution with the last quoted sentence', () => {
    expect(
      texts(
        '"We have to see what that deal is. But I think Iran looks like they want to make a deal very badly," Trump said.',
      ),
    ).toEqual([
      '"We have to see what that deal is.',
      'But I think Iran looks like they want to make a deal very badly," Trump said.',
    ]);
  });

  it('splits after a closing quote before a new sentence', () => {
    expect(
      texts('"We\'re going to meet again early next week." Meanwhile, he warned of the cost.'),
    ).toEqual([
      '"We\'re going to meet again early next week."',
      'Meanwhile, he warned of the cost.',
    ]);
  });

  it('keeps a question in quotes with its attribution', () => {
    expect(texts('"Is there a deal?" Trump asked. "No," he said.')).toEqual([
      '"Is there a deal?" Trump asked.',
      '"No," he said.',
    ]);
    expect(texts('“Will they come back?” he asked. They did.')).toEqual([
      '“Will they come back?” he asked.',
      'They did.',
    ]);
  });
});

describe('segmentSentences: paragraphs and scripts', () => {
  it('never lets a sentence span paragraphs and numbers paragraphs', () => {
    const sentences = segmentSentences('A heading\n\nFirst sentence. Second one\n\nThird.');
    expect(sentences.map((s) => [s.text, s.paragraph])).toEqual([
      ['A heading', 0],
      ['First sentence.', 1],
      ['Second one', 1],
      ['Third.', 2],
    ]);
  });

  it('segments Chinese at 。！？', () => {
    expect(
      texts('伊朗和美国在阿曼举行了会谈。特朗普说：“会谈非常好！”下周将继续谈判吗？是的。'),
    ).toEqual([
      '伊朗和美国在阿曼举行了会谈。',
      '特朗普说：“会谈非常好！”',
      '下周将继续谈判吗？',
      '是的。',
    ]);
  });

  it('segments Persian at ؟ and .', () => {
    const body =
      'آیا مذاکرات ادامه خواهد یافت؟ عراقچی گفت که مذاکرات شروع خوبی بود. دور بعدی به زودی است.';
    expect(texts(body)).toEqual([
      'آیا مذاکرات ادامه خواهد یافت؟',
      'عراقچی گفت که مذاکرات شروع خوبی بود.',
      'دور بعدی به زودی است.',
    ]);
  });

  it('handles empty and whitespace-only bodies', () => {
    expect(segmentSentences('')).toEqual([]);
    expect(segmentSentences(' \n\n \t')).toEqual([]);
  });
});

describe('segmentSentences on the seeds', () => {
  it('keeps the CGTN quote "We\'re going to meet again early next week." whole', () => {
    expect(texts(cgtn)).toContain('"We\'re going to meet again early next week."');
    expect(texts(cgtn)).toContain(
      'Meanwhile, he warned that if Iran fails to reach a deal over its nuclear program, "the consequences are very steep."',
    );
  });

  it('keeps the Tehran Times "Adm. Brad Cooper" sentence whole', () => {
    expect(texts(tehranTimes[0]!)).toContain(
      'Adm. Brad Cooper, commander of US Central Command (CENTCOM) also attended the negotiations in Oman.',
    );
  });

  it('keeps the Tehran Times ellipsis quote whole', () => {
    expect(texts(tehranTimes[0]!)).toContain(
      '"We must first overcome this prevailing atmosphere of distrust, and only then can we design a framework for a new dialogue, one that can... secure the interests of the Iranian people," Araghchi pointed out.',
    );
  });

  it('keeps "the U.S. side" and headings as sentences of their own', () => {
    const got = texts(cgtn);
    expect(got).toContain(
      "So far, the U.S. side has not issued any official statement regarding the talks, but Washington's subsequent moves have sent signals somewhat contradictory to Tehran's relatively positive rhetoric.",
    );
    expect(got).toContain('U.S. imposes new sanctions');
  });

  it('gives exact, ordered, non-overlapping offsets for every sentence of both seeds', () => {
    for (const body of [cgtn, ...tehranTimes]) {
      const sentences = segmentSentences(body);
      expect(sentences.length).toBeGreaterThan(5);
      expectWellFormed(body, sentences);
    }
  });

  it('segments the CGTN body into the expected number of sentences', () => {
    // 30 paragraphs (3 headings), 6 of them with two sentences; checked by hand.
    expect(segmentSentences(cgtn)).toHaveLength(36);
  });
});

describe('segmentSentences properties', () => {
  const piece = fc.oneof(
    fc.constantFrom(
      'U.S.',
      'Adm.',
      'Feb.',
      '6',
      '3.5',
      '...',
      '…',
      '"',
      '“',
      '”',
      "'",
      '.',
      '?',
      '!',
      ',',
      'The',
      'said',
      'he',
      'J.',
      'No.',
      '。',
      '؟',
      'مذاکرات',
      '会谈',
      '\n',
      '\n\n',
      ' ',
      '  ',
    ),
    fc.string({ maxLength: 6 }),
  );
  const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(' '));
  const nonSpace = (s: string) => s.replace(/\s+/g, '');

  it('never throws, loses or duplicates a non-space character, and keeps offsets exact', () => {
    fc.assert(
      fc.property(text, (body) => {
        const sentences = segmentSentences(body);
        expectWellFormed(body, sentences);
        expect(sentences.map((s) => nonSpace(s.text)).join('')).toBe(nonSpace(body));
      }),
      { numRuns: 500 },
    );
  });

  it('holds on arbitrary unicode strings too', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (body) => {
        const sentences = segmentSentences(body);
        expectWellFormed(body, sentences);
        expect(sentences.map((s) => nonSpace(s.text)).join('')).toBe(nonSpace(body));
      }),
      { numRuns: 300 },
    );
  });
});
