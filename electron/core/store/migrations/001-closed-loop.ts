/**
 * The first schema covers the whole closed loop (capture → nurture → convert
 * → close → repurchase) so that later work adds to it rather than reshaping it.
 * Dates are ISO text: 'YYYY-MM-DD' for calendar dates, full ISO for moments.
 */
export const closedLoopSchema = `
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  name_en TEXT,
  email TEXT,
  role TEXT NOT NULL DEFAULT 'rep' CHECK (role IN ('rep','manager','admin')),
  team TEXT,
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);

CREATE TABLE pipelines (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  sort_order INTEGER NOT NULL
);

CREATE TABLE stages (
  id INTEGER PRIMARY KEY,
  pipeline_id INTEGER NOT NULL REFERENCES pipelines(id),
  key TEXT NOT NULL,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  sort_order INTEGER NOT NULL,
  probability INTEGER NOT NULL CHECK (probability BETWEEN 0 AND 100),
  kind TEXT NOT NULL CHECK (kind IN ('open','won','lost')),
  rotting_days INTEGER,
  forecast_category TEXT NOT NULL DEFAULT 'pipeline',
  required_fields TEXT NOT NULL DEFAULT '[]',
  entry_tasks TEXT NOT NULL DEFAULT '[]',
  active INTEGER NOT NULL DEFAULT 1,
  UNIQUE (pipeline_id, key)
);

CREATE TABLE picklists (
  id INTEGER PRIMARY KEY,
  list_key TEXT NOT NULL,
  value TEXT NOT NULL,
  label_zh TEXT NOT NULL,
  label_en TEXT NOT NULL,
  sort_order INTEGER NOT NULL,
  color TEXT,
  active INTEGER NOT NULL DEFAULT 1,
  UNIQUE (list_key, value)
);

CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  name_norm TEXT NOT NULL,
  industry TEXT,
  region TEXT,
  source TEXT,
  owner_id INTEGER REFERENCES users(id),
  lifecycle TEXT NOT NULL DEFAULT 'prospect'
    CHECK (lifecycle IN ('prospect','customer','repeat_customer','churned')),
  phone TEXT,
  email TEXT,
  website TEXT,
  address TEXT,
  satisfaction INTEGER CHECK (satisfaction BETWEEN 1 AND 5),
  notes TEXT,
  custom TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX accounts_name_norm ON accounts(name_norm);
CREATE INDEX accounts_name ON accounts(name);
CREATE INDEX accounts_owner ON accounts(owner_id);
CREATE INDEX accounts_updated ON accounts(updated_at) WHERE deleted_at IS NULL;

CREATE TABLE contacts (
  id INTEGER PRIMARY KEY,
  account_id INTEGER REFERENCES accounts(id),
  name TEXT NOT NULL,
  title TEXT,
  phone TEXT,
  phone_norm TEXT,
  email TEXT,
  email_norm TEXT,
  wechat TEXT,
  birthday TEXT,
  owner_id INTEGER REFERENCES users(id),
  notes TEXT,
  custom TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX contacts_account ON contacts(account_id);
CREATE INDEX contacts_phone_norm ON contacts(phone_norm);
CREATE INDEX contacts_email_norm ON contacts(email_norm);
CREATE INDEX contacts_name ON contacts(name);

CREATE TABLE leads (
  id INTEGER PRIMARY KEY,
  company TEXT NOT NULL,
  company_norm TEXT NOT NULL,
  contact_name TEXT,
  phone TEXT,
  phone_norm TEXT,
  email TEXT,
  email_norm TEXT,
  source TEXT,
  region TEXT,
  industry TEXT,
  product_interest TEXT,
  status TEXT NOT NULL DEFAULT 'new'
    CHECK (status IN ('new','contacted','qualified','converted','disqualified')),
  grade TEXT CHECK (grade IN ('A','B','C')),
  score INTEGER,
  bant TEXT NOT NULL DEFAULT '{}',
  owner_id INTEGER REFERENCES users(id),
  claimed_at TEXT,
  last_activity_at TEXT,
  next_follow_up_date TEXT,
  converted_account_id INTEGER REFERENCES accounts(id),
  converted_contact_id INTEGER REFERENCES contacts(id),
  converted_opportunity_id INTEGER,
  notes TEXT,
  custom TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX leads_company ON leads(company) WHERE deleted_at IS NULL;
CREATE INDEX leads_company_norm ON leads(company_norm);
CREATE INDEX leads_phone_norm ON leads(phone_norm);
CREATE INDEX leads_email_norm ON leads(email_norm);
CREATE INDEX leads_owner ON leads(owner_id);
CREATE INDEX leads_created ON leads(created_at) WHERE deleted_at IS NULL;
CREATE INDEX leads_next_follow_up ON leads(next_follow_up_date) WHERE deleted_at IS NULL;

CREATE TABLE opportunities (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  account_id INTEGER REFERENCES accounts(id),
  contact_id INTEGER REFERENCES contacts(id),
  lead_id INTEGER REFERENCES leads(id),
  pipeline_id INTEGER NOT NULL REFERENCES pipelines(id),
  stage_id INTEGER NOT NULL REFERENCES stages(id),
  amount REAL,
  currency TEXT NOT NULL DEFAULT 'CNY',
  probability INTEGER NOT NULL DEFAULT 0 CHECK (probability BETWEEN 0 AND 100),
  expected_close_date TEXT,
  owner_id INTEGER REFERENCES users(id),
  source TEXT,
  product_line TEXT,
  next_step TEXT,
  next_follow_up_date TEXT,
  last_activity_at TEXT,
  loss_reason TEXT,
  competitor TEXT,
  loss_note TEXT,
  signed_date TEXT,
  forecast_category TEXT,
  previous_opportunity_id INTEGER REFERENCES opportunities(id),
  stage_entered_at TEXT NOT NULL,
  closed_at TEXT,
  sort_stage INTEGER,
  sort_owner TEXT,
  sort_account TEXT,
  custom TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX opps_account ON opportunities(account_id);
CREATE INDEX opps_lead ON opportunities(lead_id);
CREATE INDEX opps_stage ON opportunities(stage_id, amount) WHERE deleted_at IS NULL;
CREATE INDEX opps_owner ON opportunities(owner_id, amount) WHERE deleted_at IS NULL;
CREATE INDEX opps_live_id ON opportunities(id) WHERE deleted_at IS NULL;
CREATE INDEX opps_sort_stage ON opportunities(sort_stage) WHERE deleted_at IS NULL;
CREATE INDEX opps_sort_stage_amount ON opportunities(sort_stage, amount DESC) WHERE deleted_at IS NULL;
CREATE INDEX opps_sort_owner ON opportunities(sort_owner) WHERE deleted_at IS NULL;
CREATE INDEX opps_sort_account ON opportunities(sort_account) WHERE deleted_at IS NULL;
CREATE INDEX opps_amount ON opportunities(amount) WHERE deleted_at IS NULL;
CREATE INDEX opps_name ON opportunities(name) WHERE deleted_at IS NULL;
CREATE INDEX opps_close ON opportunities(expected_close_date) WHERE deleted_at IS NULL;
CREATE INDEX opps_created ON opportunities(created_at) WHERE deleted_at IS NULL;
CREATE INDEX opps_updated ON opportunities(updated_at) WHERE deleted_at IS NULL;
CREATE INDEX opps_closed ON opportunities(closed_at) WHERE deleted_at IS NULL;
CREATE INDEX opps_next_follow_up ON opportunities(next_follow_up_date) WHERE deleted_at IS NULL;
CREATE INDEX opps_last_activity ON opportunities(last_activity_at) WHERE deleted_at IS NULL;
CREATE INDEX opps_source ON opportunities(source) WHERE deleted_at IS NULL;
CREATE INDEX opps_product_line ON opportunities(product_line) WHERE deleted_at IS NULL;

-- Sort keys for columns that live in other tables (stage order, owner and
-- account names), kept by triggers so that every writer keeps them right and
-- a grid can sort 100,000 deals by them through an index.
CREATE TRIGGER opps_sort_keys_on_insert AFTER INSERT ON opportunities BEGIN
  UPDATE opportunities SET
    sort_stage = (SELECT p.sort_order * 1000 + s.sort_order FROM stages s JOIN pipelines p ON p.id = s.pipeline_id
                  WHERE s.id = NEW.stage_id),
    sort_owner = (SELECT name FROM users WHERE id = NEW.owner_id),
    sort_account = (SELECT name FROM accounts WHERE id = NEW.account_id)
  WHERE id = NEW.id;
END;
CREATE TRIGGER opps_sort_keys_on_update AFTER UPDATE OF stage_id, owner_id, account_id ON opportunities BEGIN
  UPDATE opportunities SET
    sort_stage = (SELECT p.sort_order * 1000 + s.sort_order FROM stages s JOIN pipelines p ON p.id = s.pipeline_id
                  WHERE s.id = NEW.stage_id),
    sort_owner = (SELECT name FROM users WHERE id = NEW.owner_id),
    sort_account = (SELECT name FROM accounts WHERE id = NEW.account_id)
  WHERE id = NEW.id;
END;
CREATE TRIGGER accounts_name_sort_key AFTER UPDATE OF name ON accounts BEGIN
  UPDATE opportunities SET sort_account = NEW.name WHERE account_id = NEW.id;
END;
CREATE TRIGGER users_name_sort_key AFTER UPDATE OF name ON users BEGIN
  UPDATE opportunities SET sort_owner = NEW.name WHERE owner_id = NEW.id;
END;
CREATE TRIGGER stages_order_sort_key AFTER UPDATE OF sort_order, pipeline_id ON stages BEGIN
  UPDATE opportunities SET sort_stage = (SELECT p.sort_order * 1000 + NEW.sort_order FROM pipelines p WHERE p.id = NEW.pipeline_id)
  WHERE stage_id = NEW.id;
END;
CREATE TRIGGER pipelines_order_sort_key AFTER UPDATE OF sort_order ON pipelines BEGIN
  UPDATE opportunities SET sort_stage = NEW.sort_order * 1000 + (SELECT sort_order FROM stages WHERE id = opportunities.stage_id)
  WHERE pipeline_id = NEW.id;
END;

CREATE TABLE stage_history (
  id INTEGER PRIMARY KEY,
  opportunity_id INTEGER NOT NULL REFERENCES opportunities(id),
  from_stage_id INTEGER REFERENCES stages(id),
  to_stage_id INTEGER NOT NULL REFERENCES stages(id),
  changed_at TEXT NOT NULL,
  changed_by INTEGER REFERENCES users(id),
  batch_id TEXT
);
CREATE INDEX stage_history_opp ON stage_history(opportunity_id, changed_at);
CREATE INDEX stage_history_to ON stage_history(to_stage_id, changed_at);

CREATE TABLE activities (
  id INTEGER PRIMARY KEY,
  entity_type TEXT NOT NULL,
  entity_id INTEGER NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('call','visit','meeting','wechat','email','other')),
  occurred_at TEXT NOT NULL,
  content TEXT NOT NULL,
  feedback TEXT,
  next_plan TEXT,
  next_date TEXT,
  owner_id INTEGER REFERENCES users(id),
  custom TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX activities_entity ON activities(entity_type, entity_id, occurred_at);
CREATE INDEX activities_occurred ON activities(occurred_at) WHERE deleted_at IS NULL;
CREATE INDEX activities_owner ON activities(owner_id, occurred_at);

CREATE TABLE tasks (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  due_date TEXT,
  assignee_id INTEGER REFERENCES users(id),
  entity_type TEXT,
  entity_id INTEGER,
  priority TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('low','normal','high')),
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','done')),
  done_at TEXT,
  rule_key TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX tasks_due ON tasks(status, due_date);
CREATE INDEX tasks_due_date ON tasks(due_date) WHERE deleted_at IS NULL;
CREATE INDEX tasks_assignee ON tasks(assignee_id, status, due_date);
CREATE INDEX tasks_entity ON tasks(entity_type, entity_id);

CREATE TABLE contracts (
  id INTEGER PRIMARY KEY,
  opportunity_id INTEGER NOT NULL REFERENCES opportunities(id),
  account_id INTEGER REFERENCES accounts(id),
  number TEXT NOT NULL,
  amount REAL NOT NULL,
  currency TEXT NOT NULL DEFAULT 'CNY',
  signed_date TEXT NOT NULL,
  start_date TEXT,
  end_date TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX contracts_opp ON contracts(opportunity_id);
CREATE INDEX contracts_end ON contracts(end_date);

CREATE TABLE payment_plans (
  id INTEGER PRIMARY KEY,
  contract_id INTEGER NOT NULL REFERENCES contracts(id),
  due_date TEXT NOT NULL,
  amount REAL NOT NULL,
  note TEXT
);
CREATE INDEX payment_plans_contract ON payment_plans(contract_id, due_date);

CREATE TABLE payments (
  id INTEGER PRIMARY KEY,
  contract_id INTEGER NOT NULL REFERENCES contracts(id),
  received_date TEXT NOT NULL,
  amount REAL NOT NULL,
  note TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX payments_contract ON payments(contract_id, received_date);

CREATE TABLE tags (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  color TEXT
);
CREATE TABLE entity_tags (
  tag_id INTEGER NOT NULL REFERENCES tags(id),
  entity_type TEXT NOT NULL,
  entity_id INTEGER NOT NULL,
  PRIMARY KEY (tag_id, entity_type, entity_id)
);
CREATE INDEX entity_tags_entity ON entity_tags(entity_type, entity_id);

CREATE TABLE import_batches (
  id TEXT PRIMARY KEY,
  entity TEXT NOT NULL,
  file_name TEXT NOT NULL,
  file_hash TEXT NOT NULL,
  sheet TEXT,
  mapping TEXT NOT NULL DEFAULT '{}',
  policy TEXT NOT NULL DEFAULT '{}',
  counts TEXT NOT NULL DEFAULT '{}',
  user_id INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL,
  undone_at TEXT
);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user_id INTEGER REFERENCES users(id),
  entity_type TEXT NOT NULL,
  entity_id INTEGER NOT NULL,
  action TEXT NOT NULL,
  field TEXT,
  old_value TEXT,
  new_value TEXT,
  batch_id TEXT
);
CREATE INDEX audit_entity ON audit_log(entity_type, entity_id, id);
CREATE INDEX audit_batch ON audit_log(batch_id) WHERE batch_id IS NOT NULL;

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`
