import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  seq: string;
  occurredAt: Date;
  actorUserId: string | null;
  actorRoles: string[];
  action: string;
  objectType: string;
  objectId: string;
  before: unknown;
  after: unknown;
  correlationId: string;
  prevHash: string;
}

/** JSON with object keys sorted at every depth, so jsonb's own key order cannot change a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** Turns a before/after summary into plain JSON (Money and Date become strings) as it will be stored. */
export function toStoredJson(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

/** Hashes exactly the chained fields (never whatever else the object carries, such as its own hash). */
export function entryHash(fields: ChainedFields): string {
  const material = canonicalJson({
    seq: fields.seq,
    occurredAt: fields.occurredAt.toISOString(),
    actorUserId: fields.actorUserId,
    actorRoles: fields.actorRoles,
    action: fields.action,
    objectType: fields.objectType,
    objectId: fields.objectId,
    before: fields.before,
    after: fields.after,
    correlationId: fields.correlationId,
    prevHash: fields.prevHash,
  });
  return createHash('sha256').update(material).digest('hex');
}
