import type { Database } from 'better-sqlite3'

/**
 * Custom fields, editable picklists, pipelines that can be switched off, and
 * form layouts. Custom values stay where migration 001 put them, in each
 * record's `custom` JSON column; a field gets an expression index on
 * json_extract(custom, '$.<key>') when it is created (see store/customFields.ts).
 */
const schema = `
CREATE TABLE custom_fields (
  id INTEGER PRIMARY KEY,
  entity TEXT NOT NULL CHECK (entity IN ('account','contact','lead','opportunity','activity')),
  key TEXT NOT NULL,
  label_zh TEXT NOT NULL,
  label_en TEXT NOT NULL,
  type TEXT NOT NULL,
  picklist_key TEXT,
  required INTEGER NOT NULL DEFAULT 0,
  required_stage_ids TEXT NOT NULL DEFAULT '[]',
  default_value TEXT,
  help_text TEXT,
  position INTEGER NOT NULL DEFAULT 0,
  deleted_at TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (entity, key)
);

CREATE TABLE picklist_lists (
  key TEXT PRIMARY KEY,
  label_zh TEXT NOT NULL,
  label_en TEXT NOT NULL,
  builtin INTEGER NOT NULL DEFAULT 0,
  fixed_values INTEGER NOT NULL DEFAULT 0
);
INSERT INTO picklist_lists (key, label_zh, label_en, builtin, fixed_values) VALUES
  ('source', '来源', 'Sources', 1, 0),
  ('industry', '行业', 'Industries', 1, 0),
  ('region', '地区', 'Regions', 1, 0),
  ('product_line', '产品线', 'Product lines', 1, 0),
  ('loss_reason', '输单原因', 'Loss reasons', 1, 0),
  ('activity_type', '跟进方式', 'Follow-up types', 1, 1);
INSERT OR IGNORE INTO picklists (list_key, value, label_zh, label_en, sort_order, color) VALUES
  ('activity_type', 'call', '电话', 'Call', 1, NULL),
  ('activity_type', 'visit', '拜访', 'Visit', 2, NULL),
  ('activity_type', 'meeting', '会议', 'Meeting', 3, NULL),
  ('activity_type', 'wechat', '微信', 'WeChat', 4, NULL),
  ('activity_type', 'email', '邮件', 'Email', 5, NULL),
  ('activity_type', 'other', '其他', 'Other', 6, NULL);

ALTER TABLE pipelines ADD COLUMN active INTEGER NOT NULL DEFAULT 1;

CREATE TABLE form_layouts (
  entity TEXT PRIMARY KEY,
  sections TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
`

export function addCustomFields(db: Database): void {
  db.exec(schema)
}
