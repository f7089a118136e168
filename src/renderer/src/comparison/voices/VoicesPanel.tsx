import { useId, useMemo, useState, type CSSProperties } from 'react';
import type { TextComparisonResult } from '../../../../shared/engine';
import { formatCount, formatWordCount } from '../../format/counts';
import { Icon } from '../../shell/Icon';
import type { Side } from '../workspaceTypes';
import {
  describeOutletVoices,
  formatVoiceNumbers,
  quoteSnippet,
  voiceBar,
  voiceRows,
  voiceScale,
  type VoiceRow,
} from './voicesModel';
import './voices.css';

export interface VoicesPanelProps {
  analysis: TextComparisonResult;
  outlets: { a: string; b: string };
  /** Scrolls the aligned view to a quote's sentence. */
  onJump: (side: Side, sentence: number) => void;
}

/** Voices shown before "Show all": enough for the main voices, short enough to see both outlets. */
const FIRST_VOICES = 6;

const CHEVRON = 'M7.5 5l5 5-5 5';
const ONLY = 'M10 3.2l1.9 4.1 4.4.5-3.3 3 .9 4.4L10 13l-3.9 2.2.9-4.4-3.3-3 4.4-.5z';

/**
 * Who each outlet quotes and how much room each voice gets (direct and reported
 * words), with the voices only one outlet gives marked. Every quote sentence is
 * a way into the aligned view.
 */
export function VoicesPanel({ analysis, outlets, onJump }: VoicesPanelProps) {
  const headingId = useId();
  // Once per analysis: matching voices across outlets compares every pair of names.
  const scale = useMemo(() => voiceScale(analysis.voices), [analysis]);
  const rows = useMemo(
    () => ({ a: voiceRows(analysis.voices, 'a'), b: voiceRows(analysis.voices, 'b') }),
    [analysis],
  );
  return (
    <section className="voices-panel" aria-labelledby={headingId} data-testid="voices-panel">
      <h2 id={headingId} className="voices-title">
        Voices
      </h2>
      <p className="voices-intro">Who each outlet quotes, most words first.</p>
      {/* Explains the bars, which screen readers skip: the numbers are there as text. */}
      <p className="voices-legend" aria-hidden="true">
        <span className="voices-key voices-key-direct" aria-hidden="true" /> quoted directly
        <span className="voices-key voices-key-reported" aria-hidden="true" /> reported
      </p>
      {(['a', 'b'] as const).map((side) => (
        <OutletVoices
          key={side}
          side={side}
          outlet={outlets[side]}
          other={outlets[side === 'a' ? 'b' : 'a']}
          rows={rows[side]}
          scale={scale}
          sentences={analysis[side].sentences}
          onJump={onJump}
        />
      ))}
    </section>
  );
}

interface OutletVoicesProps {
  side: Side;
  outlet: string;
  other: string;
  rows: VoiceRow[];
  scale: number;
  sentences: TextComparisonResult['a']['sentences'];
  onJump: (side: Side, sentence: number) => void;
}

function OutletVoices({ side, outlet, other, rows, scale, sentences, onJump }: OutletVoicesProps) {
  const headingId = useId();
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? rows : rows.slice(0, FIRST_VOICES);
  const hidden = rows.length - shown.length;
  const hiddenOnly = rows.slice(FIRST_VOICES).filter((r) => r.onlyHere).length;
  return (
    <section
      className={`voices-outlet voices-outlet-${side}`}
      aria-labelledby={headingId}
      data-testid={`voices-${side}`}
    >
      <h3 id={headingId} className="voices-outlet-name">
        <span className={`inline-badge inline-badge-${side}`} aria-hidden="true">
          {side.toUpperCase()}
        </span>
        {outlet}
      </h3>
      <p className="voices-summary">{describeOutletVoices(rows, outlet, other)}</p>
      {rows.length > 0 && (
        <ol className="voices-list" aria-label={`Voices quoted by ${outlet}, most words first`}>
          {shown.map((row) => (
            <VoiceItem
              key={row.speaker}
              side={side}
              outlet={outlet}
              other={other}
              row={row}
              scale={scale}
              sentences={sentences}
              onJump={onJump}
            />
          ))}
        </ol>
      )}
      {(hidden > 0 || showAll) && rows.length > FIRST_VOICES && (
        <button
          type="button"
          className="button button-small button-quiet voices-more"
          aria-expanded={showAll}
          onClick={() => setShowAll((all) => !all)}
        >
          {showAll
            ? `Show the first ${FIRST_VOICES} only`
            : `Show ${hidden} more${hiddenOnly > 0 ? ` (${hiddenOnly} only in ${outlet})` : ''}`}
        </button>
      )}
    </section>
  );
}

interface VoiceItemProps {
  side: Side;
  outlet: string;
  other: string;
  row: VoiceRow;
  scale: number;
  sentences: TextComparisonResult['a']['sentences'];
  onJump: (side: Side, sentence: number) => void;
}

function VoiceItem({ side, outlet, other, row, scale, sentences, onJump }: VoiceItemProps) {
  const quotesId = useId();
  const [open, setOpen] = useState(false);
  const numbers = formatVoiceNumbers(row);
  const bar = voiceBar(row, scale);
  const first = row.sentences[0];
  // Sentence ids are their indexes in the list.
  const textOf = (id: number) => sentences[id]?.text ?? '';
  return (
    <li className="voice" data-testid="voice" data-only={row.onlyHere || undefined}>
      <div className="voice-head">
        <button
          type="button"
          className="icon-button voice-expand"
          aria-expanded={open}
          aria-controls={quotesId}
          aria-label={`Quotes from ${row.speaker} (${formatCount(row.sentences.length, 'sentence')})`}
          title={open ? 'Hide the quotes' : 'List the quotes'}
          onClick={() => setOpen((o) => !o)}
        >
          <Icon d={CHEVRON} strokeWidth={2} className="" />
        </button>
        <button
          type="button"
          className="voice-speaker"
          title="Go to the first quote"
          disabled={first === undefined}
          onClick={() => first !== undefined && onJump(side, first)}
        >
          {row.speaker}
        </button>
        <span className="voice-words">{numbers.words}</span>
      </div>
      <div
        className="voice-bar"
        aria-hidden="true"
        style={
          {
            '--direct': `${bar.direct}%`,
            '--reported': `${bar.reported}%`,
          } as CSSProperties
        }
      >
        <span className="voice-bar-direct" />
        <span className="voice-bar-reported" />
      </div>
      <p className="voice-numbers">
        <span>
          {numbers.quotes}: {numbers.split}
        </span>
        {row.onlyHere && (
          <span className="voice-only">
            <Icon d={ONLY} strokeWidth={1.6} className="" />
            Only in {outlet}
          </span>
        )}
        {row.counterpart && (
          <span
            className="voice-other"
            title={
              row.counterpart.speaker === row.speaker
                ? undefined
                : `${other} names them “${row.counterpart.speaker}”`
            }
          >
            Also in {other}: {formatWordCount(row.counterpart.words)}
          </span>
        )}
      </p>
      <ol className="voice-quotes" id={quotesId} hidden={!open}>
        {row.sentences.map((id) => (
          <li key={id}>
            <button type="button" className="voice-quote" onClick={() => onJump(side, id)}>
              {quoteSnippet(textOf(id))}
            </button>
          </li>
        ))}
      </ol>
    </li>
  );
}
