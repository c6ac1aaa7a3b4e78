import fs from 'node:fs'
import path from 'node:path'
import type { CallMeta } from '../../../../shared/api'
import type { AssignmentRuleInput } from '../../../../shared/methods/loop'
import type { ConfigChange, ConfigImportReport, LayoutSection } from '../../../../shared/methods/config'
import type { WrittenFile } from '../../../../shared/methods/imports'
import type { Core } from '../../core'
import { AppError } from '../../errors'
import {
  insertPicklistValue,
  insertStageRow,
  listPicklistLists,
  reorderPipelines,
  updatePicklistValue,
  updatePipeline,
  upsertPicklistList,
} from '../../store/config'
import { insertField, listFields, materializeField, updateField } from '../../store/customFields'
import { insertTemplate, listTemplates, templateNamed, updateTemplate } from '../../store/imports'
import { readLayout, writeLayout } from '../../store/layouts'
import { listAssignmentRules, readLoopConfig, replaceAssignmentRules, rerateLeads, writeLoopConfig } from '../../store/loop/config'
import { reorderStages, updateStage } from '../../store/loop/stages'
import { listPicklists, listPipelines, listStages, listUsers } from '../../store/reference'
import { inTransaction, writeContext } from '../context'
import { outputPath } from '../exports/files'
import { CONFIG_FORMAT_VERSION, ConfigDocument } from './document'
import { insertPipelineWithStages } from './pipelines'

/** Equal as data: objects compare by their keys' values, whatever order the keys came in. */
const canonical = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(canonical)
    : value !== null && typeof value === 'object'
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, canonical(v)]))
      : value
const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b))

/** The workspace's configuration as a document: keys and names, never ids. */
export function configDocument(core: Core): ConfigDocument {
  const db = core.db
  const pipelines = listPipelines(db)
  const stageRef = new Map(listStages(db).map((s) => [s.id, `${pipelines.find((p) => p.id === s.pipelineId)?.key}/${s.key}`]))
  const userName = new Map(listUsers(db).map((u) => [u.id, u.name]))
  const items = listPicklists(db)
  return {
    format: 'workbench-config',
    version: CONFIG_FORMAT_VERSION,
    exportedAt: core.clock().toISOString(),
    picklists: listPicklistLists(db).map((list) => ({
      key: list.key,
      labelZh: list.labelZh,
      labelEn: list.labelEn,
      values: items
        .filter((item) => item.listKey === list.key)
        .map(({ value, labelZh, labelEn, sortOrder, color, active }) => ({ value, labelZh, labelEn, sortOrder, color, active })),
    })),
    pipelines: pipelines.map((p) => ({
      key: p.key,
      nameZh: p.nameZh,
      nameEn: p.nameEn,
      sortOrder: p.sortOrder,
      active: p.active,
      stages: listStages(db, p.id).map(({ id: _id, pipelineId: _p, ...stage }) => stage),
    })),
    customFields: listFields(db).map((f) => ({
      entity: f.entity,
      key: f.key,
      labelZh: f.labelZh,
      labelEn: f.labelEn,
      type: f.type,
      picklistKey: f.picklistKey,
      required: f.required,
      requiredStages: f.requiredStageIds.map((id) => stageRef.get(id)).filter((ref): ref is string => ref !== undefined),
      defaultValue: f.defaultValue,
      helpText: f.helpText,
      position: f.position,
    })),
    layouts: (['account', 'contact', 'lead', 'opportunity', 'activity'] as const).flatMap((entity) => {
      const sections = readLayout(db, entity)
      return sections ? [{ entity, sections }] : []
    }),
    rules: {
      loop: readLoopConfig(db),
      assignment: listAssignmentRules(db).map((r) => ({
        name: r.name,
        matchField: r.matchField,
        matchValues: r.matchValues,
        active: r.active,
        assignTo:
          r.assignTo.type === 'user'
            ? { type: 'user' as const, user: userName.get(r.assignTo.userId) ?? '' }
            : { type: 'roundRobin' as const, users: r.assignTo.userIds.map((id) => userName.get(id) ?? '') },
      })),
    },
    templates: listTemplates(db).map((t) => ({
      entity: t.entity as ConfigDocument['templates'][number]['entity'],
      name: t.name,
      fingerprint: t.fingerprint,
      mapping: JSON.parse(t.mapping),
    })),
  }
}

export function exportConfig(core: Core, input: { outPath?: string }): WrittenFile {
  const file = outputPath(core, input.outPath, 'workbench-config', 'json')
  const doc = configDocument(core)
  fs.writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`, 'utf8')
  const parts = doc.picklists.length + doc.pipelines.length + doc.customFields.length + doc.layouts.length + doc.templates.length
  return { path: file, fileName: path.basename(file), rows: parts }
}

function readDocument(core: Core, file: string): ConfigDocument {
  const checked = core.paths.check(file)
  let text: string
  try {
    text = fs.readFileSync(checked, 'utf8')
  } catch {
    throw new AppError('CONFIG_FILE_INVALID', { reason: 'unreadable' })
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new AppError('CONFIG_FILE_INVALID', { reason: 'not JSON' })
  }
  const parsed = ConfigDocument.safeParse(json)
  if (!parsed.success) {
    throw new AppError('CONFIG_FILE_INVALID', { issues: parsed.error.issues.slice(0, 20).map((i) => ({ path: i.path, message: i.message })) })
  }
  return parsed.data
}

/**
 * Reads a configuration file and reports what it would create, update or
 * leave; unless it is a dry run, applies it in one transaction. Parts are
 * matched by key (fields by entity and key, stages by pipeline and key,
 * templates by entity and name); nothing in the workspace is deleted.
 */
export function importConfig(core: Core, input: { path: string; dryRun: boolean }, meta: CallMeta): ConfigImportReport {
  const doc = readDocument(core, input.path)
  const run = () => new ConfigApplier(core, doc, !input.dryRun, writeContext(core, meta).now, meta.userId).run()
  const changes = input.dryRun ? run() : inTransaction(core, run)
  if (!input.dryRun) {
    core.events.emit('data-changed', { entities: ['account', 'contact', 'lead', 'opportunity', 'activity'], reason: 'config-import' })
  }
  const count = (action: ConfigChange['action']) => changes.filter((c) => c.action === action).length
  return {
    applied: !input.dryRun,
    schemaVersion: doc.version,
    changes,
    counts: { create: count('create'), update: count('update'), unchanged: count('unchanged'), skip: count('skip') },
  }
}

class ConfigApplier {
  private readonly changes: ConfigChange[] = []

  constructor(
    private readonly core: Core,
    private readonly doc: ConfigDocument,
    private readonly apply: boolean,
    private readonly now: string,
    private readonly userId: number | null,
  ) {}

  run(): ConfigChange[] {
    this.picklists()
    this.pipelines()
    this.customFields()
    this.layouts()
    this.rules()
    this.templates()
    return this.changes
  }

  private note(part: ConfigChange['part'], key: string, action: ConfigChange['action'], note: string | null = null): boolean {
    this.changes.push({ part, key, action, note })
    return this.apply && (action === 'create' || action === 'update')
  }

  private picklists(): void {
    const db = this.core.db
    const lists = new Map(listPicklistLists(db).map((l) => [l.key, l]))
    const items = listPicklists(db)
    for (const list of this.doc.picklists) {
      const current = lists.get(list.key)
      const action = !current ? 'create' : current.labelZh === list.labelZh && current.labelEn === list.labelEn ? 'unchanged' : 'update'
      if (this.note('picklist', list.key, action)) upsertPicklistList(db, list.key, list.labelZh, list.labelEn)
      for (const value of list.values) {
        const existing = items.find((i) => i.listKey === list.key && i.value === value.value)
        const item = { listKey: list.key, ...value }
        const { id: _id, ...comparable } = existing ?? { id: 0 }
        const valueAction = !existing ? 'create' : same(comparable, item) ? 'unchanged' : 'update'
        if (this.note('picklistValue', `${list.key}/${value.value}`, valueAction)) {
          if (existing) updatePicklistValue(db, item)
          else insertPicklistValue(db, item)
        }
      }
    }
  }

  private pipelines(): void {
    const db = this.core.db
    for (const doc of this.doc.pipelines) {
      const current = listPipelines(db).find((p) => p.key === doc.key)
      if (!current) {
        if (this.note('pipeline', doc.key, 'create')) insertPipelineWithStages(this.core, doc.key, doc.nameZh, doc.nameEn, doc.stages)
        continue
      }
      const settled = current.nameZh === doc.nameZh && current.nameEn === doc.nameEn && current.active === doc.active
      if (this.note('pipeline', doc.key, settled ? 'unchanged' : 'update')) {
        updatePipeline(db, current.id, { nameZh: doc.nameZh, nameEn: doc.nameEn, active: doc.active })
      }
      this.stages(current.id, doc)
    }
    if (this.apply) {
      const order = [...listPipelines(db)].sort((a, b) => {
        const rank = (key: string) => this.doc.pipelines.find((p) => p.key === key)?.sortOrder ?? Number.MAX_SAFE_INTEGER
        return rank(a.key) - rank(b.key) || a.sortOrder - b.sortOrder
      })
      reorderPipelines(db, order.map((p) => p.id))
    }
  }

  private stages(pipelineId: number, doc: ConfigDocument['pipelines'][number]): void {
    const db = this.core.db
    const existing = listStages(db, pipelineId)
    for (const stage of doc.stages) {
      const key = `${doc.key}/${stage.key}`
      const current = existing.find((s) => s.key === stage.key)
      if (!current) {
        if (this.note('stage', key, 'create')) insertStageRow(db, pipelineId, { ...stage, sortOrder: existing.length + stage.sortOrder })
        continue
      }
      if (current.kind !== stage.kind) {
        this.note('stage', key, 'skip', `kind ${current.kind} here, ${stage.kind} in the file`)
        continue
      }
      const { id: _id, pipelineId: _p, sortOrder: _s, key: _k, kind: _kind, ...settings } = current
      const { sortOrder: _so, key: _key, kind: _kd, ...wanted } = stage
      if (this.note('stage', key, same(settings, wanted) ? 'unchanged' : 'update')) updateStage(db, current.id, wanted)
    }
    if (this.apply) {
      const all = listStages(db, pipelineId)
      const rank = (key: string) => doc.stages.find((s) => s.key === key)?.sortOrder ?? Number.MAX_SAFE_INTEGER
      reorderStages(db, [...all].sort((a, b) => rank(a.key) - rank(b.key) || a.sortOrder - b.sortOrder).map((s) => s.id))
    }
  }

  private stageIds(refs: readonly string[]): number[] {
    const pipelines = listPipelines(this.core.db)
    return refs.flatMap((ref) => {
      const [pipelineKey, stageKey] = ref.split('/')
      const pipeline = pipelines.find((p) => p.key === pipelineKey)
      const stage = pipeline && listStages(this.core.db, pipeline.id).find((s) => s.key === stageKey)
      return stage ? [stage.id] : []
    })
  }

  private customFields(): void {
    const db = this.core.db
    const existing = listFields(db, undefined, true)
    for (const doc of this.doc.customFields) {
      const key = `${doc.entity}.${doc.key}`
      const current = existing.find((f) => f.entity === doc.entity && f.key === doc.key)
      const { requiredStages, ...rest } = doc
      const values = { ...rest, requiredStageIds: this.stageIds(requiredStages) }
      if (!current) {
        if (this.note('customField', key, 'create')) {
          insertField(db, values, this.now)
          materializeField(db, doc.entity, doc.key)
        }
        continue
      }
      if (current.type !== doc.type || current.deletedAt !== null) {
        const why = current.deletedAt !== null ? 'the field is in the trash here; restore it first' : `type ${current.type} here, ${doc.type} in the file: change the type first`
        this.note('customField', key, 'skip', why)
        continue
      }
      const { id: _id, deletedAt: _d, version, ...settings } = current
      if (this.note('customField', key, same(settings, values) ? 'unchanged' : 'update')) updateField(db, current.id, version, values, this.now)
    }
  }

  private layouts(): void {
    for (const layout of this.doc.layouts) {
      const current = readLayout(this.core.db, layout.entity)
      const action = !current ? 'create' : same(current, layout.sections) ? 'unchanged' : 'update'
      if (this.note('layout', layout.entity, action)) writeLayout(this.core.db, layout.entity, layout.sections as LayoutSection[], this.now)
    }
  }

  private rules(): void {
    const db = this.core.db
    const loop = readLoopConfig(db)
    if (this.note('rules', 'loop', same(loop, this.doc.rules.loop) ? 'unchanged' : 'update')) {
      writeLoopConfig(db, this.doc.rules.loop)
      if (!same(loop.leadRating, this.doc.rules.loop.leadRating)) rerateLeads(db)
    }
    const userIds = new Map(listUsers(db).map((u) => [u.name, u.id]))
    const rules: AssignmentRuleInput[] = []
    for (const rule of this.doc.rules.assignment) {
      const names = rule.assignTo.type === 'user' ? [rule.assignTo.user] : rule.assignTo.users
      const ids = names.map((name) => userIds.get(name))
      if (ids.some((id) => id === undefined)) {
        this.note('rules', `assignment/${rule.name}`, 'skip', `no user named ${names.filter((n) => !userIds.has(n)).join(', ')}`)
        continue
      }
      const assignTo =
        rule.assignTo.type === 'user' ? { type: 'user' as const, userId: ids[0]! } : { type: 'roundRobin' as const, userIds: ids as number[] }
      rules.push({ name: rule.name, matchField: rule.matchField, matchValues: rule.matchValues, active: rule.active, assignTo })
    }
    const current = listAssignmentRules(db).map(({ name, matchField, matchValues, assignTo, active }) => ({ name, matchField, matchValues, active, assignTo }))
    if (this.note('rules', 'assignment', same(current, rules) ? 'unchanged' : 'update')) replaceAssignmentRules(db, rules, this.now)
  }

  private templates(): void {
    for (const template of this.doc.templates) {
      const current = templateNamed(this.core.db, template.entity, template.name)
      const action = !current ? 'create' : same(JSON.parse(current.mapping), template.mapping) && current.fingerprint === template.fingerprint ? 'unchanged' : 'update'
      if (!this.note('template', `${template.entity}/${template.name}`, action)) continue
      if (current) updateTemplate(this.core.db, current.id, template, this.now)
      else insertTemplate(this.core.db, template, this.userId, this.now)
    }
  }
}

