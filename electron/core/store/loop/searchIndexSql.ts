import type { CustomFieldType } from '../../../../shared/entities'
import type { RecordType } from '../../../../shared/methods/loop'

/**
 * The SQL that keeps the search index in step with its records: one
 * contentless FTS5 table per record type, its text pre-tokenised by
 * wb_search_text (CJK bigrams, digit trigrams, words; see domain/searchText.ts).
 * The title column holds names, so a search can rank name hits first.
 * Trashed records leave the index and come back on restore. Migration 006 wrote it
 * without custom fields; migration 009 rewrote the triggers so that the
 * values of a record's text-like custom fields are indexed too, and the
 * custom-field store re-enters the records of a field whose searchability
 * changes (created, retyped, trashed, restored).
 */

/** Custom field types whose values are text a person would search for. */
export const SEARCHABLE_CUSTOM_TYPES: readonly CustomFieldType[] = ['text', 'longText', 'phone', 'email', 'url']

/** One indexed table; `title` and `extra` give the indexed values of a row, its columns prefixed by `r` (NEW. or nothing). */
interface Indexed {
  entity: RecordType
  table: string
  index: string
  /** The columns whose change rewrites the entry. */
  watched: string
  title: (r: string) => string
  /** `account` is the SQL of the name of the record's account. */
  extra: (r: string, account: string) => string
}

const accountName = (r: string) => `(SELECT name FROM accounts WHERE id = ${r}account_id)`

const indexed: Indexed[] = [
  {
    entity: 'account',
    table: 'accounts',
    index: 'search_accounts',
    watched: 'name, phone, email',
    title: (r) => `${r}name`,
    extra: (r) => `${r}phone, ${r}email`,
  },
  {
    entity: 'contact',
    table: 'contacts',
    index: 'search_contacts',
    watched: 'name, account_id, phone, email',
    title: (r) => `${r}name`,
    extra: (r, account) => `${account}, ${r}phone, ${r}email`,
  },
  {
    entity: 'lead',
    table: 'leads',
    index: 'search_leads',
    watched: 'company, contact_name, phone, email',
    title: (r) => `${r}company, ${r}contact_name`,
    extra: (r) => `${r}phone, ${r}email`,
  },
  {
    entity: 'opportunity',
    table: 'opportunities',
    index: 'search_opportunities',
    watched: 'name, account_id',
    title: (r) => `${r}name`,
    extra: (_r, account) => account,
  },
]

const quoted = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ')

/** The text values of a row's live searchable custom fields, space-separated (NULL for a row without custom values). */
const customText = (entity: RecordType, r: string) => `CASE WHEN ${r}custom = '{}' THEN NULL ELSE (
    SELECT group_concat(j.value, ' ') FROM json_each(${r}custom) j WHERE j.type = 'text' AND j.key IN (
      SELECT key FROM custom_fields WHERE entity = '${entity}' AND deleted_at IS NULL AND type IN (${quoted(SEARCHABLE_CUSTOM_TYPES)}))) END`

export interface SearchIndexOptions {
  /** Index custom field values (migration 009 onwards). */
  custom: boolean
}

function entryValues(t: Indexed, r: string, account: string, options: SearchIndexOptions): string {
  const extra = options.custom ? `${t.extra(r, account)}, ${customText(t.entity, r)}` : t.extra(r, account)
  return `wb_search_text(${t.title(r)}), wb_search_text(${extra})`
}

const values = (t: Indexed, r: string, options: SearchIndexOptions) => entryValues(t, r, accountName(r), options)

function entryTriggers(t: Indexed, options: SearchIndexOptions): string {
  const watched = options.custom ? `${t.watched}, custom` : t.watched
  return `
CREATE TRIGGER ${t.index}_on_insert AFTER INSERT ON ${t.table} WHEN NEW.deleted_at IS NULL BEGIN
  DELETE FROM ${t.index} WHERE rowid = NEW.id;
  INSERT INTO ${t.index} (rowid, title, extra) VALUES (NEW.id, ${values(t, 'NEW.', options)});
END;
CREATE TRIGGER ${t.index}_on_update AFTER UPDATE OF ${watched}, deleted_at ON ${t.table} BEGIN
  DELETE FROM ${t.index} WHERE rowid = OLD.id;
  INSERT INTO ${t.index} (rowid, title, extra) SELECT NEW.id, ${values(t, 'NEW.', options)} WHERE NEW.deleted_at IS NULL;
END;
CREATE TRIGGER ${t.index}_on_delete AFTER DELETE ON ${t.table} BEGIN
  DELETE FROM ${t.index} WHERE rowid = OLD.id;
END;`
}

/** Contacts and deals are found by their account's name too: a rename rewrites their entries. */
function accountRenameTrigger(options: SearchIndexOptions): string {
  const rewrite = (t: Indexed) => `
  DELETE FROM ${t.index} WHERE rowid IN (SELECT id FROM ${t.table} WHERE account_id = NEW.id);
  INSERT INTO ${t.index} (rowid, title, extra)
    SELECT id, ${entryValues(t, '', 'NEW.name', options)} FROM ${t.table}
    WHERE account_id = NEW.id AND deleted_at IS NULL;`
  const linked = indexed.filter((t) => t.entity === 'contact' || t.entity === 'opportunity')
  return `
CREATE TRIGGER search_account_renamed AFTER UPDATE OF name ON accounts BEGIN${linked.map(rewrite).join('')}
END;`
}

/** The index tables, filled from the live records, and the triggers that keep them (migration 006). */
export function createSearchIndexSql(options: SearchIndexOptions): string {
  const fts = (index: string) =>
    `CREATE VIRTUAL TABLE ${index} USING fts5(title, extra, tokenize = 'unicode61 remove_diacritics 0',
    prefix = '1 2', content = '', contentless_delete = 1);`
  const tables = indexed.map(
    (t) => `
${fts(t.index)}
INSERT INTO ${t.index} (rowid, title, extra) SELECT id, ${values(t, '', options)} FROM ${t.table} WHERE deleted_at IS NULL;`,
  )
  return [...tables, ...indexed.map((t) => entryTriggers(t, options)), accountRenameTrigger(options)].join('\n')
}

/** Replaces every trigger of the index with the given options' version. */
export function replaceSearchTriggersSql(options: SearchIndexOptions): string {
  const drops = indexed.flatMap((t) => ['on_insert', 'on_update', 'on_delete'].map((when) => `DROP TRIGGER ${t.index}_${when};`))
  return [...drops, 'DROP TRIGGER search_account_renamed;', ...indexed.map((t) => entryTriggers(t, options)), accountRenameTrigger(options)].join('\n')
}

/**
 * Re-enters the records of one type that hold a value under a JSON path
 * (bound as `path` in both statements), so that their entries
 * follow a change in which custom fields are searchable. Empty for types
 * without an index.
 */
export function reindexRecordsSql(entity: string): string[] {
  const t = indexed.find((candidate) => candidate.entity === entity)
  if (!t) return []
  const holders = `SELECT id FROM ${t.table} WHERE custom <> '{}' AND json_type(custom, @path) IS NOT NULL`
  return [
    `DELETE FROM ${t.index} WHERE rowid IN (${holders})`,
    `INSERT INTO ${t.index} (rowid, title, extra) SELECT id, ${values(t, '', { custom: true })} FROM ${t.table}
      WHERE deleted_at IS NULL AND id IN (${holders})`,
  ]
}

/** What a bulk write needs to keep one table's search entries at its end instead of row by row (see store/bulkSearch.ts). */
export interface DeferredSearchSql {
  readonly entity: RecordType
  /** The per-row triggers a bulk write sets aside. */
  readonly triggers: readonly string[]
  /** A temporary trigger (named `noteName`) that notes the rows whose indexed values an update may change, in temp.wb_search_pending. */
  readonly noteName: string
  readonly noteUpdates: string
  /** Rewrites the entries of the rows above @max (the table's largest id before the write) and of the noted ones. */
  readonly rewrite: readonly string[]
}

/** The rows noted by `noteUpdates`, by table, during one bulk write. */
export const pendingTableSql = {
  create: 'CREATE TEMP TABLE wb_search_pending (tbl TEXT NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (tbl, id)) WITHOUT ROWID',
  drop: 'DROP TABLE temp.wb_search_pending',
}

export function deferredSearchSql(): DeferredSearchSql[] {
  const options = { custom: true }
  return indexed.map((t) => {
    const rows = `SELECT id FROM ${t.table} WHERE id > @max UNION SELECT id FROM temp.wb_search_pending WHERE tbl = '${t.table}'`
    const noteName = `wb_search_note_${t.table}`
    return {
      entity: t.entity,
      triggers: [`${t.index}_on_insert`, `${t.index}_on_update`],
      noteName,
      noteUpdates: `CREATE TEMP TRIGGER ${noteName} AFTER UPDATE OF ${t.watched}, custom, deleted_at ON main.${t.table} BEGIN
  INSERT OR IGNORE INTO wb_search_pending (tbl, id) VALUES ('${t.table}', NEW.id);
END`,
      rewrite: [
        `DELETE FROM ${t.index} WHERE rowid IN (${rows})`,
        `INSERT INTO ${t.index} (rowid, title, extra) SELECT id, ${values(t, '', options)} FROM ${t.table} WHERE deleted_at IS NULL AND id IN (${rows})`,
      ],
    }
  })
}
