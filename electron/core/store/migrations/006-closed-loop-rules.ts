import type { Database } from 'better-sqlite3'
import { createSearchIndexSql } from '../loop/searchIndexSql'
import { AUTOMATIONS_LAST_RUN_KEY, defaultLoopConfig, loopSettingKeys } from '../../domain/loopDefaults'

/**
 * The rules of the closed loop that must hold whichever surface writes (form,
 * grid, kanban, import): the search index, lead rating, follow-up dates on
 * accounts and contacts, stage-entry and after-sales tasks, and account
 * lifecycles. They live in triggers, next to the data they keep in step.
 * Generated (demo) history is left as generated: the stage triggers only act
 * on moves made by a person (no batch), and the rating only fills a blank.
 */
const columns = `
ALTER TABLE accounts ADD COLUMN last_activity_at TEXT;
ALTER TABLE accounts ADD COLUMN next_follow_up_date TEXT;
ALTER TABLE contacts ADD COLUMN last_activity_at TEXT;
ALTER TABLE contacts ADD COLUMN next_follow_up_date TEXT;
-- When the assignee saw a due task in the bell list.
ALTER TABLE tasks ADD COLUMN seen_at TEXT;

-- One task per automatic rule firing: rules look their key up before creating.
CREATE UNIQUE INDEX tasks_rule_key ON tasks(rule_key) WHERE rule_key IS NOT NULL;
-- My Day: each owner's planned follow-ups by date.
CREATE INDEX leads_owner_follow_up ON leads(owner_id, next_follow_up_date) WHERE deleted_at IS NULL AND next_follow_up_date IS NOT NULL;
CREATE INDEX opps_owner_follow_up ON opportunities(owner_id, next_follow_up_date) WHERE deleted_at IS NULL AND next_follow_up_date IS NOT NULL;
CREATE INDEX accounts_owner_follow_up ON accounts(owner_id, next_follow_up_date) WHERE deleted_at IS NULL AND next_follow_up_date IS NOT NULL;
CREATE INDEX contacts_owner_follow_up ON contacts(owner_id, next_follow_up_date) WHERE deleted_at IS NULL AND next_follow_up_date IS NOT NULL;
CREATE INDEX contacts_birthday ON contacts(substr(birthday, 6, 5)) WHERE deleted_at IS NULL AND birthday IS NOT NULL;
CREATE INDEX opps_previous ON opportunities(previous_opportunity_id) WHERE previous_opportunity_id IS NOT NULL;
CREATE INDEX contracts_account ON contracts(account_id);
CREATE INDEX contracts_end_live ON contracts(end_date) WHERE deleted_at IS NULL AND end_date IS NOT NULL;

CREATE TABLE assignment_rules (
  id INTEGER PRIMARY KEY,
  sort_order INTEGER NOT NULL,
  name TEXT NOT NULL,
  match_field TEXT CHECK (match_field IN ('region','industry','source','productLine')),
  match_values TEXT NOT NULL DEFAULT '[]',
  assign_type TEXT NOT NULL CHECK (assign_type IN ('user','roundRobin')),
  user_ids TEXT NOT NULL DEFAULT '[]',
  last_assigned_user_id INTEGER,
  active INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL
);

-- What a merge changed, so that it can be undone.
CREATE TABLE merges (
  id INTEGER PRIMARY KEY,
  entity_type TEXT NOT NULL CHECK (entity_type IN ('lead','contact','account')),
  survivor_id INTEGER NOT NULL,
  merged_id INTEGER NOT NULL,
  user_id INTEGER REFERENCES users(id),
  at TEXT NOT NULL,
  survivor_version INTEGER NOT NULL DEFAULT 0,
  undo TEXT NOT NULL DEFAULT '{}',
  undone_at TEXT
);
CREATE INDEX merges_survivor ON merges(entity_type, survivor_id);
CREATE INDEX merges_merged ON merges(entity_type, merged_id);
`

/** Score and grade follow their inputs, with the rules stored in settings. */
const ratingFacts = `bant, source, industry, region, product_interest, contact_name, phone, email, notes, last_activity_at`
const rating = `(SELECT value FROM settings WHERE key = '${loopSettingKeys.leadRating}')`
const score = `wb_lead_score(${rating}, ${ratingFacts}, wb_now())`
const rate = `UPDATE leads SET score = ${score}, grade = wb_lead_grade(${rating}, bant, ${score}) WHERE id = NEW.id;`
const leadRating = `
CREATE TRIGGER leads_rating_on_insert AFTER INSERT ON leads WHEN NEW.grade IS NULL OR NEW.score IS NULL BEGIN
  ${rate}
END;
CREATE TRIGGER leads_rating_on_update AFTER UPDATE OF ${ratingFacts} ON leads BEGIN
  ${rate}
END;`

/** A follow-up logged on an account or contact moves its dates, as it does on leads and deals. */
const followUpDates = `
CREATE TRIGGER activities_follow_up_dates AFTER INSERT ON activities
WHEN NEW.entity_type IN ('account', 'contact') AND NEW.deleted_at IS NULL BEGIN
  UPDATE accounts SET last_activity_at = max(coalesce(last_activity_at, ''), NEW.occurred_at),
    next_follow_up_date = coalesce(NEW.next_date, next_follow_up_date)
  WHERE NEW.entity_type = 'account' AND id = NEW.entity_id;
  UPDATE contacts SET last_activity_at = max(coalesce(last_activity_at, ''), NEW.occurred_at),
    next_follow_up_date = coalesce(NEW.next_date, next_follow_up_date)
  WHERE NEW.entity_type = 'contact' AND id = NEW.entity_id;
END;`

/**
 * An account's lifecycle from its deals and contracts: no win is a prospect,
 * one win a customer, more a repeat customer; a customer whose last contract
 * has ended, with nothing open and no win since, has churned.
 */
const lifecycleView = `
CREATE VIEW account_lifecycles AS
SELECT id,
  CASE
    WHEN won = 0 THEN 'prospect'
    WHEN open_deals = 0 AND last_end < date(wb_now()) AND coalesce(last_win, '') <= last_end THEN 'churned'
    WHEN won = 1 THEN 'customer'
    ELSE 'repeat_customer'
  END AS lifecycle
FROM (
  SELECT a.id,
    (SELECT count(*) FROM opportunities o JOIN stages s ON s.id = o.stage_id
      WHERE o.account_id = a.id AND o.deleted_at IS NULL AND s.kind = 'won') AS won,
    (SELECT count(*) FROM opportunities o JOIN stages s ON s.id = o.stage_id
      WHERE o.account_id = a.id AND o.deleted_at IS NULL AND s.kind = 'open') AS open_deals,
    (SELECT max(coalesce(o.signed_date, substr(o.closed_at, 1, 10))) FROM opportunities o JOIN stages s ON s.id = o.stage_id
      WHERE o.account_id = a.id AND o.deleted_at IS NULL AND s.kind = 'won') AS last_win,
    (SELECT max(c.end_date) FROM contracts c WHERE c.account_id = a.id AND c.deleted_at IS NULL) AS last_end
  FROM accounts a
);`

/**
 * A deal entering a stage gets the stage's checklist as tasks; entering a won
 * stage also gets the after-sales care plan. Both are audited like any
 * created task, and the account's lifecycle follows the move.
 */
const stageEntry = `
CREATE TRIGGER stage_entry_rules AFTER INSERT ON stage_history WHEN NEW.batch_id IS NULL BEGIN
  INSERT INTO tasks (title, due_date, assignee_id, entity_type, entity_id, priority, rule_key, created_at, updated_at)
    SELECT e.value, date(NEW.changed_at), o.owner_id, 'opportunity', o.id, 'normal',
      'stage:' || NEW.id || ':entry:' || e.key, NEW.changed_at, NEW.changed_at
    FROM stages s, json_each(s.entry_tasks) e, opportunities o
    WHERE s.id = NEW.to_stage_id AND o.id = NEW.opportunity_id;
  INSERT INTO tasks (title, due_date, assignee_id, entity_type, entity_id, priority, rule_key, created_at, updated_at)
    SELECT json_extract(c.value, '$.title'), date(NEW.changed_at, '+' || json_extract(c.value, '$.offsetDays') || ' days'),
      o.owner_id, 'opportunity', o.id, 'normal', 'stage:' || NEW.id || ':care:' || c.key, NEW.changed_at, NEW.changed_at
    FROM stages s, opportunities o,
      json_each(coalesce((SELECT value FROM settings WHERE key = '${loopSettingKeys.carePlan}'), '[]')) c
    WHERE s.id = NEW.to_stage_id AND s.kind = 'won' AND o.id = NEW.opportunity_id;
  INSERT INTO audit_log (at, user_id, entity_type, entity_id, action)
    SELECT NEW.changed_at, NEW.changed_by, 'task', id, 'create' FROM tasks
    WHERE rule_key >= 'stage:' || NEW.id || ':' AND rule_key < 'stage:' || NEW.id || ';';
  UPDATE accounts SET lifecycle = (SELECT v.lifecycle FROM account_lifecycles v WHERE v.id = accounts.id)
    WHERE id = (SELECT account_id FROM opportunities WHERE id = NEW.opportunity_id)
      AND lifecycle IS NOT (SELECT v.lifecycle FROM account_lifecycles v WHERE v.id = accounts.id);
END;`

function seedSettings(db: Database): void {
  const insert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING')
  for (const [part, key] of Object.entries(loopSettingKeys)) {
    insert.run(key, JSON.stringify(defaultLoopConfig[part as keyof typeof loopSettingKeys]))
  }
  // Time-based rules start counting from the moment the rules arrived.
  insert.run(AUTOMATIONS_LAST_RUN_KEY, JSON.stringify(db.prepare('SELECT wb_now()').pluck().get()))
}

export function addClosedLoopRules(db: Database): void {
  db.exec(columns)
  seedSettings(db)
  db.exec([createSearchIndexSql({ custom: false }), leadRating, followUpDates, lifecycleView, stageEntry].join('\n'))
}
