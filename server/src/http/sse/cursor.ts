/**
 * Event ids and Last-Event-ID resume.
 *
 * Drop stream: `id = "<dropVersion>.<entryVersion>"` on every `drop` and `entry` event,
 * both being the highest versions this connection has sent (entryVersion 0 = none yet).
 * One id thus says everything the client holds, so a resume sends the drop only if the
 * current version is newer, and the entry only if its version is newer (or unknown).
 *
 * Active-drops stream: `id = "<dropId>:<version>"` of the event. It names one drop, so on
 * resume that drop is skipped unless newer, and every other active drop is sent again in
 * its current state. Nothing is missed; a repeat is harmless because clients keep the
 * highest version per drop (and so does the server, per connection).
 *
 * Internally "none" is -1, so version 0 is still delivered to a fresh client.
 */
export interface DropCursor {
  drop: number;
  entry: number;
}

export interface ActiveCursor {
  dropId: string;
  version: number;
}

const dropIdPattern = /^(\d{1,15})\.(\d{1,15})$/;
const activeIdPattern = /^([A-Za-z0-9_-]{1,64}):(\d{1,15})$/;

export const freshCursor = (): DropCursor => ({ drop: -1, entry: -1 });

/** Unparseable or absent ids mean "send everything" (never "send nothing"). */
export function parseDropCursor(id: string | undefined): DropCursor {
  const m = id ? dropIdPattern.exec(id) : null;
  if (!m) return freshCursor();
  const entry = Number(m[2]);
  return { drop: Number(m[1]), entry: entry === 0 ? -1 : entry };
}

export function dropEventId(dropVersion: number, entryVersion: number): string {
  return `${Math.max(dropVersion, 0)}.${Math.max(entryVersion, 0)}`;
}

export function parseActiveCursor(id: string | undefined): ActiveCursor | null {
  const m = id ? activeIdPattern.exec(id) : null;
  return m ? { dropId: m[1]!, version: Number(m[2]) } : null;
}

export const activeEventId = (dropId: string, version: number): string => `${dropId}:${version}`;
