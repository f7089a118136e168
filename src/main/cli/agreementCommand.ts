// `parallax agreement`: κ and α between the coders of a library, as a table or JSON.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { UserError } from '../../shared/result';
import { resolveDatabasePath } from '../dataLocation';
import { openLibrary } from '../db/library';
import {
  agreementReport,
  type AgreementMeasures,
  type AgreementReport,
  type Coefficient,
  type ScopeAgreement,
} from '../services/agreement';
import type { CliIo } from './runCli';

/** The command's lines for the CLI's usage text. */
export const AGREEMENT_USAGE = `  agreement [--db PATH] [--version ID] [--json]
      Agreement between coders (Cohen's κ for two, Krippendorff's α for any number) over
      coded text, overall and per code, for the whole library and for each version.`;

/** Runs `parallax agreement ARGS`; returns the exit code. A UserError is the caller's to print. */
export function agreementCommand(args: string[], io: CliIo): number {
  let values: { db?: string | undefined; version?: string | undefined; json?: boolean | undefined };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        db: { type: 'string' },
        version: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
      allowPositionals: false,
      strict: true,
    }));
  } catch (error) {
    io.err(
      `parallax: ${(error as Error).message}\n\nUsage: parallax agreement [options]\n${AGREEMENT_USAGE}`,
    );
    return 2;
  }
  const path = resolveDatabasePath({ flag: values.db, env: io.env });
  // A report reads the library; it should not leave a new empty one behind.
  if (!existsSync(path)) throw new UserError(`There is no library at ${path}.`);
  const library = openLibrary(path);
  let report: AgreementReport;
  try {
    report = agreementReport(library, { versionId: values.version });
  } finally {
    library.close();
  }
  if (values.json) io.out(JSON.stringify(report, null, 2));
  else io.out(agreementTable(report, values.version === undefined));
  return 0;
}

/** The report as text: one table of codes × κ, α and units per scope, with why a value is missing. */
export function agreementTable(report: AgreementReport, withOverall = true): string {
  const lines = [
    `Agreement between ${report.coders.length} coders: ${report.coders.join(', ')}`,
    'Units are coded characters. κ compares two coders; α any number, and allows missing coders.',
  ];
  if (withOverall) {
    lines.push('', `All versions (${report.versions.length})`, ...scopeTable(report.overall));
  }
  for (const v of report.versions) {
    lines.push(
      '',
      `${v.outlet} v${v.seq}: ${v.headline}  [version ${v.versionId}]`,
      `  Coders: ${v.coders.join(', ')}`,
      ...scopeTable(v),
    );
  }
  return lines.join('\n');
}

function scopeTable(scope: ScopeAgreement): string[] {
  const rows: [string, AgreementMeasures][] = [
    ['All codes', scope.all],
    ...scope.codes.map((c): [string, AgreementMeasures] => [c.code, c]),
  ];
  const width = Math.max(4, ...rows.map(([name]) => name.length));
  const line = (name: string, kappa: string, alpha: string, units: string) =>
    `  ${name.padEnd(width)}  ${kappa.padStart(6)}  ${alpha.padStart(6)}  ${units.padStart(7)}`;
  const reasons = new Set<string>();
  const shown = (c: Coefficient) => {
    if (c.value !== null) return c.value.toFixed(3);
    reasons.add(c.reason);
    return '–';
  };
  const table = [
    line('Code', 'κ', 'α', 'Units'),
    ...rows.map(([name, m]) => line(name, shown(m.kappa), shown(m.alpha), String(m.units))),
  ];
  return [...table, ...[...reasons].map((reason) => `  – ${reason}`)];
}
