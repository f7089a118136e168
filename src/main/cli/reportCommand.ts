// `parallax report A B`: the comparison report of two library versions, with their
// annotations, as HTML, Markdown or PDF.
import { IdSchema } from '../../shared/domain';
import { printPdf as chromiumPrintPdf, type PrintPdf } from '../export/chromiumPdf';
import { libraryReportModel, renderReport, type ReportFormat } from '../services/reports';
import type { CliIo } from './runCli';
import { checkWritable, parse, withLibrary, writeOutput } from './cliSupport';
import { UsageError } from './usageError';

export const REPORT_USAGE = `  report A B [--format html|md|pdf] [--out FILE] [--db PATH]
      The comparison report of versions A and B, with their annotations: claim by claim,
      what only one outlet says, lenses, voices. HTML and Markdown go to standard output
      without --out; a PDF needs --out (and Chromium or Google Chrome: PARALLAX_CHROMIUM).`;

const FORMATS: readonly ReportFormat[] = ['html', 'md', 'pdf'];

/** `parallax report A B [--format html|md|pdf] [--out FILE] [--db PATH]` */
export async function reportCommand(
  args: string[],
  io: CliIo,
  printPdf: PrintPdf = (html) => chromiumPrintPdf(html, io.env),
): Promise<number> {
  const { values, positionals } = parse(args, {
    db: { type: 'string' },
    format: { type: 'string', default: 'html' },
    out: { type: 'string' },
  });
  if (positionals.length !== 2) {
    throw new UsageError('report needs exactly two version ids, A and B');
  }
  for (const id of positionals) {
    if (!IdSchema.safeParse(id).success) {
      throw new UsageError(`"${id}" is not a version id; \`parallax list\` shows them`);
    }
  }
  const format = values.format as ReportFormat;
  if (!FORMATS.includes(format)) {
    throw new UsageError(`--format must be html, md or pdf (got "${values.format}")`);
  }
  if (format === 'pdf' && !values.out) {
    throw new UsageError('a PDF report needs --out FILE');
  }
  if (values.out) checkWritable(values.out);
  const [aVersionId, bVersionId] = positionals as [string, string];
  const model = withLibrary(values.db, io, (library) =>
    libraryReportModel(library, { aVersionId, bVersionId }),
  );
  const bytes = await renderReport(model, format, printPdf);
  if (values.out) {
    writeOutput(values.out, bytes);
    io.err(`Wrote ${values.out}`);
  } else {
    io.out(bytes.toString('utf8').trimEnd());
  }
  return 0;
}
