// Validates reports against docs/report.schema.json, so every test that produces a report can prove it matches
// the documented contract.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as ajvModule from 'ajv/dist/2020.js';
import type { Report } from '../../src/report/model.js';

const schemaPath = fileURLToPath(new URL('../../docs/report.schema.json', import.meta.url));
export const reportSchema: Record<string, unknown> = JSON.parse(readFileSync(schemaPath, 'utf8'));

// ajv ships CommonJS; depending on the loader the class is the default export or that export's default.
type Ajv2020Class = typeof ajvModule.Ajv2020;
const loaded = ajvModule as unknown as { default: Ajv2020Class | { default: Ajv2020Class } };
const Ajv2020: Ajv2020Class = 'default' in loaded.default ? loaded.default.default : loaded.default;
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(reportSchema);

/** Validation errors of a value against the report schema, one readable line each; empty when valid. */
export function reportSchemaErrors(value: unknown): string[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

/** Throws, listing every violation, unless `report` (object or JSON text) validates against docs/report.schema.json. */
export function assertValidReport(report: Report | unknown): void {
  const value = typeof report === 'string' ? JSON.parse(report) : report;
  const errors = reportSchemaErrors(value);
  if (errors.length > 0) throw new Error(`Report does not match docs/report.schema.json:\n${errors.join('\n')}`);
}

const packSchemaPath = fileURLToPath(new URL('../../docs/audit-pack.schema.json', import.meta.url));
const validatePack = ajv.compile(JSON.parse(readFileSync(packSchemaPath, 'utf8')));

/** Throws, listing every violation, unless `pack` validates against docs/audit-pack.schema.json. */
export function assertValidAuditPack(pack: unknown): void {
  if (validatePack(pack)) return;
  const errors = (validatePack.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
  throw new Error(`Audit pack does not match docs/audit-pack.schema.json:\n${errors.join('\n')}`);
}

const fleetSchemaPath = fileURLToPath(new URL('../../docs/fleet-report.schema.json', import.meta.url));
const validateFleet = ajv.compile(JSON.parse(readFileSync(fleetSchemaPath, 'utf8')));

/** Throws, listing every violation, unless `fleet` validates against docs/fleet-report.schema.json. */
export function assertValidFleetReport(fleet: unknown): void {
  if (validateFleet(fleet)) return;
  const errors = (validateFleet.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
  throw new Error(`Fleet report does not match docs/fleet-report.schema.json:\n${errors.join('\n')}`);
}
