import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../shared/result';
import {
  isWinAnsiText,
  makeColumnArticlePdf,
  makePdf,
  makeShapesOnlyPdf,
  savePdf,
} from '../testing/makePdf';
import { sampleFolder, tempDir } from '../testing/tempLibrary';
import { extractPdfText } from './pdfText';

const HEADLINE = 'Iran and US agree to keep talking after a "good start" in Muscat';

/** The CGTN seed's paragraphs (one per line) that pdfkit's standard fonts can draw. */
function seedParagraphs(): string[] {
  return readFileSync(join(sampleFolder(), 'cgtn-article.txt'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && isWinAnsiText(line));
}

const blocksOf = (text: string): string[] => text.split('\n\n');

/**
 * Whitespace-insensitive; a line break kept after a hyphen counts as nothing,
 * and so does a space after a slash: pdfkit breaks "/VCG" after the slash, and
 * no reader can tell that line break from a space.
 */
const normalize = (text: string): string =>
  text.replace(/-\n/g, '-').replace(/\s+/g, ' ').replace(/\/ /g, '/').trim();

/**
 * Merges consecutive blocks back into the expected paragraphs. A paragraph may
 * arrive in pieces where it runs over a column or page break (a block boundary
 * by design), but only there; text read out of order cannot be regrouped.
 */
function regroup(blocks: string[], paragraphs: string[]): string[] {
  const expected = paragraphs.map(normalize);
  const regrouped: string[] = [];
  let b = 0;
  for (const paragraph of expected) {
    let joined = normalize(blocks[b++] ?? '');
    while (joined !== paragraph && b < blocks.length && paragraph.startsWith(joined)) {
      // As a line break: a piece may end in a hyphen that the next piece's word continues.
      joined = normalize(`${joined}\n${blocks[b++]!}`);
    }
    regrouped.push(joined);
  }
  return [...regrouped, ...blocks.slice(b).map(normalize)];
}

/** pdfkit writes page objects uncompressed: count them to know the fixture's shape. */
const pageCount = (pdf: Uint8Array): number =>
  Buffer.from(pdf)
    .toString('latin1')
    .split(/\/Type \/Page\b(?!s)/).length - 1;

async function extractionError(bytes: Uint8Array, name: string): Promise<UserError> {
  const error: unknown = await extractPdfText(bytes, name).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe('extractPdfText: reading order', () => {
  it('reads a two-column article column by column, page by page, headline first', async () => {
    const paragraphs = seedParagraphs();
    const pdf = await makeColumnArticlePdf({
      headline: HEADLINE,
      paragraphs,
      columns: 2,
      size: 'A5',
      title: 'Iran talks',
    });
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    // Read back from a file as an import would: a Node Buffer, which pdf.js itself refuses.
    const bytes = readFileSync(savePdf(pdf, tempDir(), 'two-columns.pdf'));

    const doc = await extractPdfText(bytes, 'two-columns.pdf');

    const [headline, ...body] = blocksOf(doc.text);
    expect(headline).toBe(HEADLINE);
    expect(regroup(body, paragraphs)).toEqual(paragraphs.map(normalize));
    // Pieces only where a column ends: at most one per column break.
    const columnBreaks = pages * 2 - 1;
    expect(body.length - paragraphs.length).toBeLessThanOrEqual(columnBreaks);
    expect(doc.title).toBe('Iran talks');
    expect(doc.warnings).toEqual([]);
  });

  it('reads a three-column article one column after another', async () => {
    const paragraphs = seedParagraphs();
    const pdf = await makeColumnArticlePdf({
      headline: HEADLINE,
      paragraphs,
      columns: 3,
      size: 'A4',
      fontSize: 9,
    });
    const pages = pageCount(pdf);

    const doc = await extractPdfText(pdf, 'three-columns.pdf');

    const [headline, ...body] = blocksOf(doc.text);
    expect(headline).toBe(HEADLINE);
    expect(regroup(body, paragraphs)).toEqual(paragraphs.map(normalize));
    expect(body.length - paragraphs.length).toBeLessThanOrEqual(pages * 3 - 1);
  });

  it('reads a page of two articles: each headline, then its own columns', async () => {
    const [first, second] = [seedParagraphs().slice(1, 5), seedParagraphs().slice(16, 19)];
    const headlines = ['Iran and US agree to continue talks', 'U.S. imposes new sanctions'];
    const pdf = await makePdf(
      (doc) => {
        const columns = { width: 515, height: 170, columns: 2, columnGap: 18, paragraphGap: 6 };
        doc.font('Helvetica-Bold').fontSize(20).text(headlines[0]!, 40, 40);
        doc.font('Helvetica').fontSize(10).text(first.join('\n'), 40, 75, columns);
        doc.font('Helvetica-Bold').fontSize(20).text(headlines[1]!, 40, 270);
        doc.font('Helvetica').fontSize(10).text(second.join('\n'), 40, 305, columns);
      },
      { margin: 40 },
    );

    const doc = await extractPdfText(pdf, 'page.pdf');

    const expected = [headlines[0]!, ...first, headlines[1]!, ...second];
    expect(regroup(blocksOf(doc.text), expected)).toEqual(expected.map(normalize));
  });

  it('reads a column to its foot past a photo and its caption before the next column', async () => {
    const CAPTION = 'Iranian Foreign Minister Abbas Araghchi in Muscat. /VCG';
    const paragraphs = seedParagraphs();
    const [above, below, right] = [
      paragraphs.slice(1, 3),
      paragraphs.slice(3, 5),
      paragraphs.slice(9, 14),
    ];
    const pdf = await makePdf((doc) => {
      const column = { width: 240, paragraphGap: 6 };
      doc.font('Helvetica').fontSize(10);
      doc.text(above.join('\n'), 40, 60, column);
      const photoTop = doc.y + 12;
      doc.rect(40, photoTop, 240, 150).fill('#777777').fillColor('black');
      doc
        .fontSize(8)
        .text(CAPTION, 40, photoTop + 154, column)
        .fontSize(10);
      doc.text(below.join('\n'), 40, photoTop + 180, column);
      doc.text(right.join('\n'), 300, 60, column);
    });

    const doc = await extractPdfText(pdf, 'photo.pdf');

    expect(blocksOf(doc.text)).toEqual([...above, CAPTION, ...below, ...right].map(normalize));
  });

  it('closes a band of columns at a caption spanning them', async () => {
    const [upper, lower] = [seedParagraphs().slice(1, 4), seedParagraphs().slice(9, 12)];
    const caption = seedParagraphs()[8]!;
    const pdf = await makePdf(
      (doc) => {
        const columns = { width: 515, height: 160, columns: 2, columnGap: 18, paragraphGap: 6 };
        doc.font('Helvetica').fontSize(10).text(upper.join('\n'), 40, 40, columns);
        doc.font('Helvetica-Oblique').fontSize(9).text(caption, 40, 215, { width: 515 });
        doc.font('Helvetica').fontSize(10).text(lower.join('\n'), 40, 255, columns);
      },
      { margin: 40 },
    );

    const doc = await extractPdfText(pdf, 'band.pdf');

    const expected = [...upper, caption, ...lower];
    expect(regroup(blocksOf(doc.text), expected)).toEqual(expected.map(normalize));
  });

  it('keeps the line break after a hyphen at a line end, and joins other lines with a space', async () => {
    const pdf = await makePdf((doc) => {
      doc.font('Helvetica').fontSize(11);
      doc.text('According to the Iranian offi-');
      doc.text('cials more than 3,100 people');
      doc.text('have lost their lives in the protests.');
    });

    const doc = await extractPdfText(pdf, 'hyphen.pdf');

    expect(doc.text).toBe(
      'According to the Iranian offi-\ncials more than 3,100 people have lost their lives in the protests.',
    );
  });

  it('starts a block at a first-line indent, even after a one-line paragraph', async () => {
    const paragraphs = [
      'As the indirect talks between the United States and Iran ended in Muscat, the Trump administration announced new sanctions.',
      'Iran has yet to comment.',
      'Regional and international leaders welcomed the talks and called for continued efforts to reduce tensions.',
    ];
    const pdf = await makePdf((doc) => {
      doc.font('Helvetica').fontSize(10);
      doc.text(paragraphs.join('\n'), { width: 250, indent: 15, paragraphGap: 0 });
    });

    const doc = await extractPdfText(pdf, 'indents.pdf');

    expect(blocksOf(doc.text)).toEqual(paragraphs);
  });

  it('starts a block where the font size changes, with no extra space', async () => {
    const body =
      'As the indirect talks between the United States and Iran ended in Muscat, the Trump administration announced new sanctions.';
    const pdf = await makePdf((doc) => {
      // Set tight under the subhead: only the change of size tells them apart.
      doc.font('Helvetica-Bold').fontSize(16).text('U.S. imposes new sanctions', 50, 50);
      doc.font('Helvetica').fontSize(10).text(body, 50, 66, { width: 250 });
    });

    const doc = await extractPdfText(pdf, 'subhead.pdf');

    expect(blocksOf(doc.text)).toEqual(['U.S. imposes new sanctions', body]);
  });

  it('keeps the lines of a centred headline together', async () => {
    const headline = 'Aliyev: Azerbaijani territory not to be used for anti-Tehran threats';
    const pdf = await makePdf((doc) => {
      doc.font('Helvetica-Bold').fontSize(18).text(headline, { width: 320, align: 'center' });
      doc.font('Helvetica').fontSize(10).text('Iran has yet to comment.', { width: 320 });
    });

    const doc = await extractPdfText(pdf, 'centred.pdf');

    expect(blocksOf(doc.text)).toEqual([headline, 'Iran has yet to comment.']);
  });

  it('reads text printed twice for a fake bold once', async () => {
    const pdf = await makePdf((doc) => {
      doc.font('Helvetica').fontSize(18);
      doc.text('Global optimism', 50, 50, { lineBreak: false });
      doc.text('Global optimism', 50.4, 50, { lineBreak: false });
    });

    const doc = await extractPdfText(pdf, 'fake-bold.pdf');

    expect(doc.text).toBe('Global optimism');
  });
});

describe('extractPdfText: metadata and warnings', () => {
  it('has no title without a Title entry, and never takes dates or bylines from the file', async () => {
    const pdf = await makePdf((doc) => doc.text('Iran has yet to comment.'));

    const doc = await extractPdfText(pdf, 'plain.pdf');

    expect(doc).toEqual({
      text: 'Iran has yet to comment.',
      captions: [],
      subheads: [],
      title: null,
      byline: null,
      publishedAt: null,
      siteName: null,
      url: null,
      warnings: [],
    });
  });

  it('warns about a page without text in a PDF that has text', async () => {
    const pdf = await makePdf((doc) => {
      doc.text('Iran has yet to comment.');
      doc.addPage();
      doc.rect(50, 50, 300, 200).fill('#888888');
    });

    const doc = await extractPdfText(pdf, 'photo-page.pdf');

    expect(doc.text).toBe('Iran has yet to comment.');
    expect(doc.warnings).toEqual(['page 2 has no text (an image?)']);
  });

  it('puts rotated text after the page, with a warning', async () => {
    const pdf = await makePdf((doc) => {
      doc.text('Iran has yet to comment.', 50, 50);
      doc.rotate(-90, { origin: [30, 700] }).text('Photo: IRNA', 30, 700, { lineBreak: false });
    });

    const doc = await extractPdfText(pdf, 'rotated.pdf');

    expect(blocksOf(doc.text)).toEqual(['Iran has yet to comment.', 'Photo: IRNA']);
    expect(doc.warnings).toEqual([
      "page 1 has rotated text; it is placed after the page's other text.",
    ]);
  });

  it("leaves the caller's bytes intact", async () => {
    // pdf.js transfers a plain Uint8Array to its worker, which would empty it.
    const bytes = new Uint8Array(await makePdf((doc) => doc.text('Iran has yet to comment.')));
    const before = Buffer.from(bytes).toString('base64');

    await extractPdfText(bytes, 'kept.pdf');

    expect(Buffer.from(bytes).toString('base64')).toBe(before);
  });

  it('reads a PDF encrypted with an owner password only, as every viewer does', async () => {
    const pdf = await makePdf((doc) => doc.text('Iran has yet to comment.'), {
      ownerPassword: 'no-copying',
    });

    expect((await extractPdfText(pdf, 'restricted.pdf')).text).toBe('Iran has yet to comment.');
  });
});

describe('extractPdfText: unreadable input', () => {
  it('refuses a PDF without a text layer', async () => {
    const error = await extractionError(await makeShapesOnlyPdf(), 'scan.pdf');

    expect(error.message).toBe(
      'scan.pdf has no text layer (it is probably a scan); Parallax cannot read its words — run OCR on it first.',
    );
  });

  it('refuses bytes that are not a PDF', async () => {
    const bytes = new TextEncoder().encode('Iran and the United States agreed to continue talks.');

    const error = await extractionError(bytes, 'notes.pdf');

    expect(error.message).toBe(
      'notes.pdf is not a readable PDF: it is damaged or not a PDF at all.',
    );
  });

  it('refuses a truncated PDF', async () => {
    const pdf = await makeColumnArticlePdf({
      headline: HEADLINE,
      paragraphs: seedParagraphs(),
      columns: 2,
    });

    const error = await extractionError(pdf.slice(0, pdf.length / 2), 'half.pdf');

    expect(error.message).toBe(
      'half.pdf is not a readable PDF: it is damaged or not a PDF at all.',
    );
  });

  it('refuses an empty file', async () => {
    const error = await extractionError(new Uint8Array(), 'empty.pdf');

    expect(error.message).toBe('empty.pdf is not a readable PDF: the file is empty.');
  });

  it('refuses a PDF that needs a password to open', async () => {
    const pdf = await makePdf((doc) => doc.text('Iran has yet to comment.'), {
      userPassword: 'secret',
    });

    const error = await extractionError(pdf, 'locked.pdf');

    expect(error.message).toBe('locked.pdf is not a readable PDF: it is protected by a password.');
  });
});
