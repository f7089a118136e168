// Agreement between coders, read from the library: annotations grouped by annotator
// per version, measured on coded characters (see core/agreement). Annotations
// without a code are notes, not coding: they add no units, but they show that
// their annotator worked on that version (so that coder counts as "none" there,
// not as missing).
import {
  codedText,
  coderOf,
  isCoded,
  measureAgreement,
  type AgreementMeasures,
  type CodedText,
  type Coefficient,
} from '../../core/agreement';
import { UserError } from '../../shared/result';
import type { Library } from '../db/library';
import { versionView } from './libraryQueries';

export interface CodeAgreement extends AgreementMeasures {
  codeId: string;
  code: string;
}

export interface ScopeAgreement {
  /** The coders compared here; in one version, those who worked on it. */
  coders: string[];
  /** Over all coded text, with each coder's code as the value. */
  all: AgreementMeasures;
  /** Per code, by name: gave this code or not, over the text anyone gave it. */
  codes: CodeAgreement[];
}

export interface VersionAgreement extends ScopeAgreement {
  versionId: string;
  outlet: string;
  headline: string;
  seq: number;
}

export interface AgreementReport {
  /** Every coder with a coded annotation, by name. */
  coders: string[];
  /** All versions together; a coder who did not work on a version is missing there. */
  overall: ScopeAgreement;
  /** Each version with coded text, in library order. */
  versions: VersionAgreement[];
}

export type { AgreementMeasures, Coefficient };

/**
 * κ and α between the coders of the whole library, or of one version; refuses
 * (with the reason) when there are not two coders to compare.
 */
export function agreementReport(
  library: Library,
  options: { versionId?: string | undefined } = {},
): AgreementReport {
  const versionIds =
    options.versionId === undefined
      ? library.versions.listAll().map((v) => v.id)
      : [versionView(library, options.versionId).version.id];
  const annotations = library.annotations.listByVersions(versionIds);
  const coded = annotations.filter(isCoded);
  const coders = [...new Set(coded.map(coderOf))].sort((a, b) => a.localeCompare(b));
  const where = options.versionId === undefined ? 'in this library' : 'on this version';
  if (coders.length === 0) {
    throw new UserError(
      `There are no coded annotations ${where}, so there is no agreement to measure.`,
    );
  }
  if (coders.length === 1) {
    throw new UserError(
      `Agreement needs at least two coders, but every coded annotation ${where} is by ${coders[0]}.`,
    );
  }
  const codeNames = new Map<string, string>();
  for (const a of coded) {
    const id = a.codeId!;
    if (!codeNames.has(id)) codeNames.set(id, library.codebooks.getCode(id)?.name ?? id);
  }
  const texts = versionIds.flatMap((versionId) => {
    const text = codedText(annotations.filter((a) => a.versionId === versionId));
    return text.spans.length > 0 ? [{ versionId, text }] : [];
  });
  const scope = (scopeCoders: string[], scopeTexts: CodedText[]): ScopeAgreement => {
    const summary = measureAgreement(scopeCoders, scopeTexts);
    return {
      coders: scopeCoders,
      all: summary.overall,
      codes: summary.codes
        .map(({ code, ...measures }) => ({ codeId: code, code: codeNames.get(code)!, ...measures }))
        .sort((a, b) => a.code.localeCompare(b.code)),
    };
  };
  return {
    coders,
    overall: scope(
      coders,
      texts.map((t) => t.text),
    ),
    versions: texts.map(({ versionId, text }) => {
      const { version, outlet } = versionView(library, versionId);
      const present = coders.filter((coder) => text.present.includes(coder));
      return {
        versionId,
        outlet: outlet.name,
        headline: version.headline,
        seq: version.seq,
        ...scope(present, [text]),
      };
    }),
  };
}
