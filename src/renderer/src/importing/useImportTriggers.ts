import { useEffect, useRef, useState } from 'react';

export type ImportInput = { kind: 'files'; files: File[] } | { kind: 'text'; text: string };

/** True when the event happened in a field where pasting means editing that field. */
function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color'].includes(
      target.type,
    );
  }
  return false;
}

function carriesImport(data: DataTransfer | null): boolean {
  if (!data) return false;
  const types = [...data.types];
  return types.includes('Files') || types.includes('text/plain');
}

function inputFrom(data: DataTransfer | null): ImportInput | null {
  if (!data) return null;
  const files = [...data.files];
  if (files.length > 0) return { kind: 'files', files };
  const text = data.getData('text/plain');
  return text === '' ? null : { kind: 'text', text };
}

/**
 * Files or text dropped anywhere on the window, and text pasted while no field
 * has focus, become an import. Returns whether something importable is being
 * dragged over the window (for the drop overlay). Drags that start inside the
 * page (selecting and dragging article text) are left alone.
 */
export function useImportTriggers(options: {
  onImport: (input: ImportInput) => void;
  /** Pasting is taken over only while this is true (not while the import dialog is open). */
  pasteEnabled: boolean;
}): boolean {
  const [dragging, setDragging] = useState(false);
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  useEffect(() => {
    // dragenter/dragleave fire for every element crossed; count them to know when the drag left.
    let depth = 0;
    let internal = false;
    const reset = (): void => {
      depth = 0;
      internal = false;
      setDragging(false);
    };
    const onDragStart = (): void => {
      internal = true;
    };
    const onDragEnter = (event: DragEvent): void => {
      if (internal || !carriesImport(event.dataTransfer)) return;
      event.preventDefault();
      depth++;
      setDragging(true);
    };
    const onDragOver = (event: DragEvent): void => {
      if (internal || !carriesImport(event.dataTransfer)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onDragLeave = (): void => {
      if (internal) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDrop = (event: DragEvent): void => {
      const wasInternal = internal;
      reset();
      if (wasInternal) return;
      const input = inputFrom(event.dataTransfer);
      // Text dropped into a field goes into that field, as anywhere else.
      if (input?.kind === 'text' && isEditable(event.target)) return;
      // Never let the browser navigate to a dropped file.
      event.preventDefault();
      if (input) latest.current.onImport(input);
    };
    const onPaste = (event: ClipboardEvent): void => {
      if (!latest.current.pasteEnabled || isEditable(event.target)) return;
      const input = inputFrom(event.clipboardData);
      if (!input) return;
      event.preventDefault();
      latest.current.onImport(input);
    };
    const listeners: [string, (event: never) => void][] = [
      ['dragstart', onDragStart],
      ['dragend', reset],
      ['dragenter', onDragEnter],
      ['dragover', onDragOver],
      ['dragleave', onDragLeave],
      ['drop', onDrop],
      ['blur', reset],
      ['paste', onPaste],
    ];
    for (const [type, listener] of listeners)
      window.addEventListener(type, listener as EventListener);
    return () => {
      for (const [type, listener] of listeners)
        window.removeEventListener(type, listener as EventListener);
    };
  }, []);

  return dragging;
}
