// Dates as the reader sees them: ISO-like and unambiguous across locales
// (yyyy-mm-dd), in the reader's own time zone for captured timestamps.

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

const pad = (n: number): string => String(n).padStart(2, '0');

function localDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** yyyy-mm-dd. A bare date is shown as written (no time-zone shift); unparseable text as is. */
export function formatDate(iso: string): string {
  if (DATE_ONLY.test(iso)) return iso;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : localDate(date);
}

/** yyyy-mm-dd hh:mm in local time; a bare date stays a date. */
export function formatDateTime(iso: string): string {
  if (DATE_ONLY.test(iso)) return iso;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${localDate(date)} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
