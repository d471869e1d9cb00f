/** The auditor's views of the API's answers: the generated OpenAPI types, named once here. */
import type { components } from '../../api/schema';

type Schemas = components['schemas'];
export type KindTotals = Schemas['KindTotalsResponse'];
export type TraceVersion = Schemas['TraceVersionResponse'];
export type TraceNode = Schemas['TraceNodeResponse'];
export type TraceProjects = Schemas['TraceProjectsResponse'];
export type TraceProject = Schemas['TraceProjectsItemResponse'];
export type TraceEntry = Schemas['TraceEntryResponse'];
export type Dossier = Schemas['DossierProjectResponse'];
export type StatementLine = Schemas['DossierStatementLineResponse'];
export type AuditPage = Schemas['PageAuditLogEntryResponse'];
export type AuditEntry = Schemas['AuditLogEntryResponse'];
export type ChainVerification = Schemas['ChainVerificationResponse'];

/** The money kinds of the trace, in the order of a grant's life. */
export const KINDS = ['requested', 'approved', 'contracted', 'paid', 'settled', 'returned', 'penalised'] as const;
export type Kind = (typeof KINDS)[number];
