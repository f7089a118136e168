import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { Codebook } from '../../shared/domain';
import { codebookCsv } from './codebookCsv';
import { parseCsv } from './csv';
import { QDC_NAMESPACE, refiQdcCodebook } from './refiQdc';

const codebook: Codebook = {
  id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  name: 'Framing',
  description: '',
  codes: [
    {
      id: '7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b',
      codebookId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
      name: 'Word choice / "labels" & <tags>',
      description: 'Loaded words ("aggression" / "airstrikes"),\nor a label: 制裁 🙊',
      color: '#c46a00',
      group: 'Framing devices',
    },
    {
      id: '8f9a0b1c-2d3e-4f4a-9b5c-6d7e8f9a0b1c',
      codebookId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
      name: 'Economic',
      description: '',
      color: '#2F7D32',
      group: '',
    },
    {
      id: '9a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d',
      codebookId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
      name: 'Omission',
      description: 'Left out.',
      color: '#b23b3b',
      group: 'Framing devices',
    },
  ],
};
const groupGuid = (group: string) =>
  group === 'Framing devices' ? '0f1e2d3c-4b5a-4968-8776-655443322110' : 'unexpected';

describe('refiQdcCodebook', () => {
  it('writes a REFI-QDA codebook an XML parser reads back: guids, names, colours, groups', () => {
    const xml = refiQdcCodebook(codebook, groupGuid);
    const doc = new JSDOM(xml, { contentType: 'application/xml' }).window.document;
    expect(doc.querySelector('parsererror')).toBeNull();
    const root = doc.documentElement;
    expect([root.localName, root.namespaceURI]).toEqual(['CodeBook', QDC_NAMESPACE]);
    const codes = [...doc.getElementsByTagNameNS(QDC_NAMESPACE, 'Code')].map((el) => ({
      guid: el.getAttribute('guid'),
      name: el.getAttribute('name'),
      isCodable: el.getAttribute('isCodable'),
      color: el.getAttribute('color'),
      parent: (el.parentElement as Element).getAttribute('name'),
      description: [...el.children].find((c) => c.localName === 'Description')?.textContent ?? null,
    }));
    expect(codes).toEqual([
      {
        guid: codebook.codes[1]!.id,
        name: 'Economic',
        isCodable: 'true',
        color: '#2F7D32',
        parent: null,
        description: null,
      },
      {
        guid: '0f1e2d3c-4b5a-4968-8776-655443322110',
        name: 'Framing devices',
        isCodable: 'false',
        color: null,
        parent: null,
        description: null,
      },
      {
        guid: codebook.codes[0]!.id,
        name: 'Word choice / "labels" & <tags>',
        isCodable: 'true',
        color: '#C46A00',
        parent: 'Framing devices',
        description: 'Loaded words ("aggression" / "airstrikes"),\nor a label: 制裁 🙊',
      },
      {
        guid: codebook.codes[2]!.id,
        name: 'Omission',
        isCodable: 'true',
        color: '#B23B3B',
        parent: 'Framing devices',
        description: 'Left out.',
      },
    ]);
  });

  it('escapes every attribute, ids and colours too, which a bundle could have forged', () => {
    const forged = '" isCodable="false"><Injected/><Code guid="x';
    const odd = { ...codebook, codes: [{ ...codebook.codes[0]!, id: forged, color: forged }] };
    const doc = new JSDOM(
      refiQdcCodebook(odd, () => forged),
      { contentType: 'application/xml' },
    ).window.document;
    expect(doc.getElementsByTagName('Injected')).toHaveLength(0);
    const codes = [...doc.getElementsByTagNameNS(QDC_NAMESPACE, 'Code')];
    expect(codes.map((c) => c.getAttribute('guid'))).toEqual([forged, forged]);
    expect(codes[1]!.getAttribute('color')).toBe(forged.toUpperCase());
  });

  it('drops characters XML cannot hold instead of writing a broken file', () => {
    const odd = {
      ...codebook,
      codes: [
        { ...codebook.codes[1]!, name: 'Bell\u0007 tab\tnew\nline', description: 'x\u0000y' },
      ],
    };
    const doc = new JSDOM(refiQdcCodebook(odd, groupGuid), { contentType: 'application/xml' })
      .window.document;
    const code = doc.getElementsByTagNameNS(QDC_NAMESPACE, 'Code')[0]!;
    expect(code.getAttribute('name')).toBe('Bell tab\tnew\nline');
    expect(code.firstElementChild?.textContent).toBe('xy');
  });
});

describe('codebookCsv', () => {
  it('lists code, description, colour and group, one code per row', () => {
    const parsed = parseCsv(codebookCsv(codebook));
    expect(parsed).toEqual({
      ok: true,
      rows: [
        ['code', 'description', 'color', 'group'],
        ...codebook.codes.map((c) => [c.name, c.description, c.color, c.group]),
      ],
    });
  });
});
