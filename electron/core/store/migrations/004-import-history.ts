import type { Database } from 'better-sqlite3'

/**
 * What an import needs to be undone and repeated: every record a batch
 * created or changed (with the values it replaced), saved column mappings
 * recognised by their layout, and the key another system gave each record.
 */
const schema = `
ALTER TABLE import_batches ADD COLUMN fingerprint TEXT;
ALTER TABLE import_batches ADD COLUMN undone_by INTEGER REFERENCES users(id);
ALTER TABLE import_batches ADD COLUMN undo_counts TEXT;
CREATE INDEX import_batches_created ON import_batches(created_at);

CREATE TABLE import_batch_rows (
  batch_id TEXT NOT NULL REFERENCES import_batches(id),
  seq INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('opportunity','lead','account','contact','user','stage','picklist')),
  entity_id INTEGER NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('create','update')),
  -- The columns an update changed, as they were before it (JSON); null for creations.
  before TEXT,
  -- The version the batch left the record at; any other version means it was edited since.
  version_after INTEGER,
  PRIMARY KEY (batch_id, seq)
) WITHOUT ROWID;
CREATE INDEX import_batch_rows_entity ON import_batch_rows(kind, entity_id);

CREATE TABLE import_templates (
  id INTEGER PRIMARY KEY,
  entity TEXT NOT NULL,
  name TEXT NOT NULL,
  fingerprint TEXT,
  mapping TEXT NOT NULL,
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (entity, name)
);
CREATE INDEX import_templates_fingerprint ON import_templates(entity, fingerprint);

ALTER TABLE opportunities ADD COLUMN external_id TEXT;
ALTER TABLE leads ADD COLUMN external_id TEXT;
ALTER TABLE accounts ADD COLUMN external_id TEXT;
ALTER TABLE contacts ADD COLUMN external_id TEXT;
CREATE INDEX opps_external_id ON opportunities(external_id) WHERE external_id IS NOT NULL;
CREATE INDEX leads_external_id ON leads(external_id) WHERE external_id IS NOT NULL;
CREATE INDEX accounts_external_id ON accounts(external_id) WHERE external_id IS NOT NULL;
CREATE INDEX contacts_external_id ON contacts(external_id) WHERE external_id IS NOT NULL;

-- Deleting a contact, account or stage checks the rows that point at it; without these
-- indexes each check scans a whole table, and undoing a 100k-row import deletes thousands.
CREATE INDEX opps_contact ON opportunities(contact_id) WHERE contact_id IS NOT NULL;
CREATE INDEX leads_converted_account ON leads(converted_account_id) WHERE converted_account_id IS NOT NULL;
CREATE INDEX leads_converted_contact ON leads(converted_contact_id) WHERE converted_contact_id IS NOT NULL;
CREATE INDEX stage_history_from ON stage_history(from_stage_id) WHERE from_stage_id IS NOT NULL;
`

export function addImportHistory(db: Database): void {
  db.exec(schema)
}
