import type { CallMeta } from '../../../../shared/api'
import { matchKey } from '../../../../shared/coerce'
import type { Core } from '../../core'
import { insertPicklistValue, insertUser, openStageEnd, type BatchRowKind } from '../../store/imports'
import { insertStage, stageKeyExists } from '../../store/loop/stages'
import type { Row } from '../../store/records'
import type { WriteContext } from '../../store/writeContext'
import { insertOne } from '../records'
import type { BatchFacts } from './batchFacts'

/** What a commit writes with, and how it remembers each record for undo. */
export interface Writer {
  readonly core: Core
  readonly ctx: WriteContext
  readonly meta: CallMeta
  /** What the batch's creates read once: custom fields, stages, checked references. */
  readonly facts: BatchFacts
  note(kind: BatchRowKind, id: number, action: 'create' | 'update', before?: Row | null, versionAfter?: number | null): void
}

/**
 * Something the import creates the first time a committed row needs it,
 * shared by every row that names it: an owner, a stage, a picklist value,
 * an account or a contact. A preview plans them without creating anything.
 */
export abstract class Fresh {
  private created: number | null = null

  constructor(readonly label: string) {}

  idIn(writer: Writer): number {
    return (this.created ??= this.create(writer))
  }

  /** What a field referring to it stores: its id, for everything but picklist values. */
  valueIn(writer: Writer): unknown {
    return this.idIn(writer)
  }

  protected abstract create(writer: Writer): number
}

export class FreshUser extends Fresh {
  protected create(writer: Writer): number {
    const id = insertUser(writer.core.db, this.label, writer.ctx.now)
    writer.note('user', id, 'create')
    return id
  }
}

/** A stage key from its name: Latin letters and digits, else `imported`; made unique in the pipeline. */
function stageKey(core: Core, pipelineId: number, label: string): string {
  const base = matchKey(label).replace(/[^a-z0-9]/g, '').slice(0, 40) || 'imported'
  let key = base
  for (let n = 2; stageKeyExists(core.db, pipelineId, key); n++) key = `${base}_${n}`
  return key
}

/**
 * Where a stage name sits in a typical sales process (prospecting → qualifying
 * → needs → proposal → negotiation → contract), so stages a file brings are
 * created in the order deals pass them. Unknown words rank in the middle.
 */
const stagePhases: readonly (readonly [rank: number, words: readonly string[]])[] = [
  [1, ['prospect', 'lead', 'new', 'discover', 'initial', '线索', '初步', '接洽', '潜在']],
  [1.5, ['initiat', '立项']],
  [2, ['qualif', 'engag', 'contact', '需求', '确认', '意向']],
  [3, ['need', 'analysis', 'solution', 'demo', '方案', '演示', '分析']],
  [3.5, ['value', 'proposition']],
  [4, ['decision', 'maker', '决策']],
  [4.5, ['perception']],
  [5, ['proposal', 'quote', 'price', 'bid', 'tender', '报价', '投标']],
  [6, ['negotiat', 'review', '谈判', '商务']],
  [7, ['contract', 'commit', 'closing', '合同', '签约']],
]

export function stagePhase(label: string): number {
  const key = matchKey(label)
  const ranks = stagePhases.filter(([, words]) => words.some((w) => key.includes(w))).map(([rank]) => rank)
  return ranks.length > 0 ? Math.max(...ranks) : 3
}

/** An unknown stage name becomes an open stage after the pipeline's open stages, before won and lost. */
export class FreshStage extends Fresh {
  constructor(
    label: string,
    readonly pipelineId: number,
  ) {
    super(label)
  }

  protected create(writer: Writer): number {
    const { core } = writer
    const id = insertStage(core.db, this.pipelineId, stageKey(core, this.pipelineId, this.label), openStageEnd(core.db, this.pipelineId), {
      nameZh: this.label,
      nameEn: this.label,
      probability: 10,
      rottingDays: null,
      forecastCategory: 'pipeline',
      requiredFields: [],
      entryTasks: [],
      active: true,
    })
    writer.note('stage', id, 'create')
    return id
  }
}

/** A picklist value named by a cell: by default its text is both value and label, so rows carry it before it exists. */
export class FreshPicklistValue extends Fresh {
  constructor(
    label: string,
    readonly listKey: string,
    readonly value: string = label,
    readonly labelEn: string = label,
  ) {
    super(label)
  }

  override valueIn(writer: Writer): unknown {
    this.idIn(writer)
    return this.value
  }

  protected create(writer: Writer): number {
    const id = insertPicklistValue(writer.core.db, this.listKey, this.value, this.label, this.labelEn)
    writer.note('picklist', id, 'create')
    return id
  }
}

/** Fields as the store takes them, where an owner may itself be fresh. */
export type FreshFields = Record<string, unknown>

/** Replaces fresh references with their ids, creating what has not been created yet. */
export function settle(fields: FreshFields, writer: Writer): Record<string, unknown> {
  const settled: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(fields)) settled[key] = value instanceof Fresh ? value.valueIn(writer) : value
  return settled
}

/** A record (account or contact) created on first use, with the fields the first row gave it. */
export class FreshRecord extends Fresh {
  constructor(
    label: string,
    readonly entity: 'account' | 'contact',
    readonly fields: FreshFields,
  ) {
    super(label)
  }

  protected create(writer: Writer): number {
    const id = insertOne(writer.core, writer.ctx, writer.meta, this.entity, settle(this.fields, writer), writer.facts.options(this.entity))
    writer.facts.created(this.entity, id)
    writer.note(this.entity, id, 'create', null, 1)
    return id
  }
}
