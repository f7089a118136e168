// The codebook as a REFI-QDA codebook (.qdc), the exchange format MAXQDA, ATLAS.ti,
// NVivo and QDA Miner read (https://www.qdasoftware.org/, Codebook.xsd). Each code
// keeps its id as its guid, so exporting twice gives the same file and a tool that
// re-imports it recognises the codes. Code groups become parent codes that cannot be
// coded themselves, which is how those tools show groups of codes.
import type { Code, Codebook } from '../../shared/domain';
import { xmlAttribute, xmlText } from './xml';

export const QDC_NAMESPACE = 'urn:QDA-XML:codebook:1.0';

function codeElement(code: Code, indent: string): string {
  // Every value is escaped, ids and colours too: a code can come from someone's bundle.
  const attributes = `guid="${xmlAttribute(code.id)}" name="${xmlAttribute(code.name)}" isCodable="true" color="${xmlAttribute(code.color.toUpperCase())}"`;
  if (!code.description) return `${indent}<Code ${attributes}/>`;
  return [
    `${indent}<Code ${attributes}>`,
    `${indent}  <Description>${xmlText(code.description)}</Description>`,
    `${indent}</Code>`,
  ].join('\n');
}

/**
 * The codebook as .qdc XML. `groupGuid` gives each group of codes its guid; it must
 * return the same UUID for the same codebook and group every time (the caller hashes
 * them, since groups have no id of their own).
 */
export function refiQdcCodebook(codebook: Codebook, groupGuid: (group: string) => string): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<CodeBook xmlns="${QDC_NAMESPACE}" origin="Parallax">`,
    '  <Codes>',
  ];
  const groups: string[] = [];
  for (const code of codebook.codes) {
    if (code.group && !groups.includes(code.group)) groups.push(code.group);
  }
  // Codes in no group first, then each group in the order its first code appears.
  for (const code of codebook.codes.filter((c) => !c.group)) lines.push(codeElement(code, '    '));
  for (const group of groups) {
    lines.push(
      `    <Code guid="${xmlAttribute(groupGuid(group))}" name="${xmlAttribute(group)}" isCodable="false">`,
    );
    for (const code of codebook.codes.filter((c) => c.group === group)) {
      lines.push(codeElement(code, '      '));
    }
    lines.push('    </Code>');
  }
  lines.push('  </Codes>', '</CodeBook>', '');
  return lines.join('\n');
}
