import { describe, expect, it } from 'vitest';
import type { Annotation, Code } from '../../shared/domain';
import type { AnnotationInContext } from './annotationInContext';
import { ANNO_CONTEXT, readWebAnnotations, webAnnotationCollection } from './webAnnotation';

const code: Code = {
  id: '7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b',
  codebookId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  name: 'Word choice / labels',
  description: '',
  color: '#c46a00',
  group: 'Framing devices',
};
const coded: Annotation = {
  id: '3f1c2a9e-4b7d-4c1e-9a2b-1d2e3f4a5b6c',
  versionId: '0b6f9d4e-8c2a-4f3b-9d1e-2a3b4c5d6e7f',
  comparisonId: '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f',
  codeId: code.id,
  note: 'Calls it "aggression", not "strikes",\nand quotes no US official 🙊. Тегеран, طهران',
  selectors: [
    { type: 'TextQuoteSelector', exact: '“fresh sanctions”', prefix: 'imposed ', suffix: '' },
    { type: 'TextPositionSelector', start: 120, end: 137 },
  ],
  pairId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  annotator: 'Zoë Ahmadi',
  createdAt: '2026-02-07T09:15:00.000Z',
  updatedAt: '2026-02-07T09:20:00.000Z',
  carriedFrom: null,
};
const plain: Annotation = {
  ...coded,
  id: '4a5b6c7d-8e9f-4a0b-8c1d-2e3f4a5b6c7d',
  comparisonId: null,
  codeId: null,
  note: '',
  pairId: null,
  annotator: '',
  selectors: [{ type: 'TextQuoteSelector', exact: 'next week' }],
};
const inContext = (annotation: Annotation): AnnotationInContext => ({
  annotation,
  outlet: 'CGTN',
  headline: 'Talks',
  versionSeq: 1,
  code: annotation.codeId ? code : null,
});
const exported = () =>
  webAnnotationCollection([coded, plain].map(inContext), {
    id: 'urn:uuid:5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e',
    label: 'Parallax annotations',
  });

describe('webAnnotationCollection', () => {
  it('writes an AnnotationCollection of W3C annotations: code as tag, note as comment', () => {
    const doc = JSON.parse(exported());
    expect(doc['@context'][0]).toBe(ANNO_CONTEXT);
    expect(doc).toMatchObject({ type: 'AnnotationCollection', total: 2 });
    expect(doc.first.type).toBe('AnnotationPage');
    expect(doc.first.items[0]).toEqual({
      id: `urn:uuid:${coded.id}`,
      type: 'Annotation',
      motivation: 'tagging',
      body: [
        {
          type: 'TextualBody',
          purpose: 'tagging',
          value: 'Word choice / labels',
          id: `urn:uuid:${code.id}`,
        },
        { type: 'TextualBody', purpose: 'commenting', value: coded.note },
      ],
      target: { source: `urn:uuid:${coded.versionId}`, selector: coded.selectors },
      creator: { type: 'Person', name: 'Zoë Ahmadi' },
      created: coded.createdAt,
      modified: coded.updatedAt,
      'parallax:pairId': `urn:uuid:${coded.pairId}`,
      'parallax:comparisonId': `urn:uuid:${coded.comparisonId}`,
    });
    expect(doc.first.items[1]).toMatchObject({ motivation: 'highlighting' });
    expect(doc.first.items[1]).not.toHaveProperty('body');
    expect(doc.first.items[1]).not.toHaveProperty('creator');
  });
});

describe('readWebAnnotations', () => {
  it('reads back exactly what was exported: ids, selectors, code, note, annotator, times', () => {
    const read = readWebAnnotations(exported());
    expect(read).toEqual({
      ok: true,
      annotations: [
        {
          position: 1,
          id: coded.id,
          versionId: coded.versionId,
          code: { id: code.id, name: code.name },
          note: coded.note,
          selectors: coded.selectors,
          annotator: 'Zoë Ahmadi',
          createdAt: coded.createdAt,
          updatedAt: coded.updatedAt,
          pairId: coded.pairId,
          comparisonId: coded.comparisonId,
        },
        {
          position: 2,
          id: plain.id,
          versionId: plain.versionId,
          code: null,
          note: '',
          selectors: plain.selectors,
          annotator: '',
          createdAt: plain.createdAt,
          updatedAt: plain.updatedAt,
          pairId: null,
          comparisonId: null,
        },
      ],
    });
  });

  it('reads a single annotation, a bare list and a page, as other tools write them', () => {
    const one = {
      '@context': ANNO_CONTEXT,
      id: `urn:uuid:${plain.id}`,
      type: 'Annotation',
      motivation: 'commenting',
      bodyValue: 'Who says so?',
      target: {
        source: `urn:uuid:${plain.versionId}`,
        selector: [
          { type: 'CssSelector', value: '#p3' },
          { type: 'TextPositionSelector', start: 4, end: 9 },
        ],
      },
      creator: 'teacher',
      created: '2026-02-07T10:00:00+03:30',
    };
    const page = { '@context': ANNO_CONTEXT, type: 'AnnotationPage', items: [one] };
    for (const doc of [one, [one], page]) {
      const read = readWebAnnotations(JSON.stringify(doc));
      expect(read).toMatchObject({
        ok: true,
        annotations: [
          {
            note: 'Who says so?',
            annotator: 'teacher',
            selectors: [{ type: 'TextPositionSelector', start: 4, end: 9 }],
            updatedAt: '2026-02-07T10:00:00+03:30',
          },
        ],
      });
    }
  });

  it('says what is wrong with the file as a whole', () => {
    expect(readWebAnnotations('{"items": [').ok).toBe(false);
    expect(readWebAnnotations('{"items": [')).toMatchObject({
      problems: [expect.stringMatching(/^The file is not valid JSON/)],
    });
    expect(readWebAnnotations('{"type": "Annotation"}')).toEqual({
      ok: false,
      problems: [
        `The file is not W3C Web Annotation JSON-LD: it needs an "@context" of "${ANNO_CONTEXT}".`,
      ],
    });
    const linked = { '@context': ANNO_CONTEXT, type: 'AnnotationCollection', first: 'http://x/p1' };
    expect(readWebAnnotations(JSON.stringify(linked))).toMatchObject({
      problems: [expect.stringContaining('links to its pages')],
    });
  });

  it('names each malformed annotation and what is wrong with it', () => {
    const doc = JSON.parse(exported());
    const [first, second] = doc.first.items;
    const items = [
      { ...first, id: 'http://example.org/anno/1' },
      {
        ...second,
        target: {
          ...second.target,
          selector: [{ type: 'TextPositionSelector', start: -1, end: 3 }],
        },
      },
      { ...second, created: 'yesterday' },
      {
        ...second,
        target: {
          source: second.target.source,
          selector: [{ type: 'XPathSelector', value: '/p' }],
        },
      },
      {
        ...first,
        body: [...first.body, { type: 'TextualBody', purpose: 'tagging', value: 'Omission' }],
      },
      second,
    ];
    const read = readWebAnnotations(JSON.stringify({ ...doc, first: { ...doc.first, items } }));
    expect(read).toEqual({
      ok: false,
      problems: [
        'Annotation 1 (http://example.org/anno/1): id must be a urn:uuid: address.',
        `Annotation 2 (urn:uuid:${plain.id}): target.selector.0.start Too small: expected number to be >=0.`,
        `Annotation 3 (urn:uuid:${plain.id}): created must be a date and time such as 2026-02-06T12:00:00Z.`,
        `Annotation 4 (urn:uuid:${plain.id}): has no TextQuoteSelector or TextPositionSelector, so it cannot be anchored.`,
        `Annotation 5 (urn:uuid:${coded.id}): has 2 tagging bodies ("Word choice / labels", "Omission"); a Parallax annotation has one code.`,
      ],
    });
  });
});
