// Test support: real PDFs built with pdfkit at test time, so fixtures are
// readable code rather than opaque binaries. pdfkit's standard fonts encode
// WinAnsi only; keep fixture text to `isWinAnsiText` (no "●", no CJK).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';

export type PdfPainter = (doc: PDFKit.PDFDocument) => void;

export interface PdfOptions {
  /** The document information dictionary's Title. */
  title?: string;
  /** pdfkit page size name ('A4', 'A5', …) or [width, height] in points. */
  size?: string | [number, number];
  margin?: number;
  /** Encrypts the file; a reader needs this password to open it. */
  userPassword?: string;
  /** Encrypts the file with permissions only; anyone can open it. */
  ownerPassword?: string;
}

/** A PDF drawn by `paint` on its first page (paint may add more), as bytes. */
export function makePdf(paint: PdfPainter, options: PdfOptions = {}): Promise<Uint8Array> {
  const encrypted = options.userPassword !== undefined || options.ownerPassword !== undefined;
  const doc = new PDFDocument({
    size: options.size ?? 'A4',
    margin: options.margin ?? 50,
    info: options.title === undefined ? {} : { Title: options.title },
    // pdfkit encrypts only from PDF 1.4 on.
    ...(encrypted
      ? {
          pdfVersion: '1.7' as const,
          userPassword: options.userPassword,
          ownerPassword: options.ownerPassword ?? 'owner',
        }
      : {}),
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  paint(doc);
  doc.end();
  return done;
}

export interface ColumnArticle {
  headline: string;
  /** Body paragraphs, flowed through the columns in order. */
  paragraphs: string[];
  columns: number;
  title?: string;
  size?: string | [number, number];
  fontSize?: number;
}

/**
 * A print-style article: a full-width bold headline, then the paragraphs
 * flowed top to bottom through `columns` columns, page after page. Paragraphs
 * are separated by a little extra space, as in most print layouts.
 */
export function makeColumnArticlePdf(article: ColumnArticle): Promise<Uint8Array> {
  const margin = 40;
  return makePdf(
    (doc) => {
      const width = doc.page.width - 2 * margin;
      doc.font('Helvetica-Bold').fontSize(20).text(article.headline, { width });
      doc.moveDown(0.5);
      doc
        .font('Helvetica')
        .fontSize(article.fontSize ?? 10)
        .text(article.paragraphs.join('\n'), {
          width,
          columns: article.columns,
          columnGap: 18,
          paragraphGap: 6,
        });
    },
    { title: article.title, size: article.size, margin },
  );
}

/** A PDF with only drawn shapes: what a scan without OCR looks like to a text reader. */
export function makeShapesOnlyPdf(): Promise<Uint8Array> {
  return makePdf((doc) => {
    doc.rect(50, 50, 200, 120).fill('#336699');
    doc.circle(300, 400, 60).stroke();
    doc.addPage();
    doc.moveTo(50, 50).lineTo(500, 700).stroke();
  });
}

/** Writes `bytes` as `name` in `dir` and returns the file's path. */
export function savePdf(bytes: Uint8Array, dir: string, name: string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

// The characters of Windows-1252 beyond Latin-1, which pdfkit's standard fonts can also draw.
const WIN_ANSI_EXTRAS = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';

/** Whether pdfkit's standard fonts can draw every character of `text`. */
export function isWinAnsiText(text: string): boolean {
  return [...text].every((ch) => {
    const code = ch.codePointAt(0) ?? 0;
    return (
      (code >= 0x20 && code <= 0x7e) ||
      (code >= 0xa0 && code <= 0xff) ||
      WIN_ANSI_EXTRAS.includes(ch)
    );
  });
}
