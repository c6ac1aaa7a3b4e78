import type { SeedActivity, SeedTask } from '../store/seed'
import {
  activityLabels,
  activityMix,
  feedback,
  fill,
  nextPlans,
  taskTitles,
  topics,
  type Lang,
  type Phase,
} from './phrases'
import type { Random } from './random'
import { addDays, daysBetween, isoDate, isoMoment, momentsBetween, officeMoment } from './time'

/** The record that follow-ups and tasks hang on, and what their text may mention. */
export interface Subject {
  entityType: 'lead' | 'account' | 'opportunity'
  entityId: number
  lang: Lang
  /** Template values: contact, company, product. */
  values: Record<string, string>
  ownerId: number | null
  /** The owner's manager, who sometimes comes along to visits and meetings. */
  managerId: number | null
}

/**
 * One follow-up. With `nextMs` it ends with a plan for that day (the record's
 * next follow-up date); otherwise it sometimes plans a next contact itself.
 */
export function followUp(rng: Random, subject: Subject, phase: Phase, atMs: number, nextMs?: number): SeedActivity {
  const { lang, values } = subject
  const type = rng.weighted(activityMix[phase])
  const separator = lang === 'zh' ? '：' : ': '
  const planned = nextMs !== undefined || rng.chance(0.6)
  const nextDate = nextMs ?? addDays(atMs, rng.int(2, 10))
  const withManager = subject.managerId !== null && (type === 'visit' || type === 'meeting') && rng.chance(0.2)
  const at = isoMoment(atMs)
  return {
    entityType: subject.entityType,
    entityId: subject.entityId,
    type,
    occurredAt: at,
    content: activityLabels[type][lang] + separator + fill(rng.pick(topics[phase][lang]), values),
    feedback: rng.chance(0.7) ? fill(rng.pick(feedback[lang]), values) : null,
    nextPlan: planned ? rng.pick(nextPlans[phase][lang]) : null,
    nextDate: planned ? isoDate(nextDate) : null,
    ownerId: withManager ? subject.managerId : subject.ownerId,
    createdAt: at,
    updatedAt: at,
  }
}

export interface Cadence {
  /** About one follow-up this many days apart. */
  everyDays: number
  min?: number
  max?: number
  /** When given, the last follow-up plans the next contact for the day this returns. */
  nextAfter?: (atMs: number) => number
}

/** Follow-ups over [fromMs, toMs] at the given cadence, in time order. */
export function followUpsBetween(
  rng: Random,
  subject: Subject,
  phase: Phase,
  fromMs: number,
  toMs: number,
  cadence: Cadence,
): SeedActivity[] {
  const { everyDays, min = 0, max = 10, nextAfter } = cadence
  const expected = daysBetween(fromMs, toMs) / (everyDays * rng.between(0.7, 1.5))
  const count = Math.min(max, Math.max(min, Math.floor(expected + rng.next())))
  return momentsBetween(rng, fromMs, toMs, count).map((at, i) =>
    followUp(rng, subject, phase, at, i === count - 1 ? nextAfter?.(at) : undefined),
  )
}

const priorityMix: Record<Phase, readonly (readonly [SeedTask['priority'], number])[]> = {
  lead: [['low', 30], ['normal', 60], ['high', 10]],
  early: [['low', 20], ['normal', 65], ['high', 15]],
  middle: [['low', 10], ['normal', 65], ['high', 25]],
  late: [['low', 5], ['normal', 50], ['high', 45]],
  won: [['normal', 60], ['high', 40]],
  lost: [['low', 70], ['normal', 30]],
  care: [['low', 40], ['normal', 60]],
}

/**
 * A task created at `createdMs` and due on `dueMs`. A task due before the
 * anchor is usually done by then; one that is not is overdue, as in life.
 */
export function task(
  rng: Random,
  subject: Subject,
  phase: Phase,
  createdMs: number,
  dueMs: number,
  anchorMs: number,
  doneChance: number,
): SeedTask {
  const done = dueMs <= anchorMs && rng.chance(doneChance)
  const doneMs = Math.max(createdMs, Math.min(anchorMs, officeMoment(rng, addDays(dueMs, rng.int(-2, 1)))))
  const created = isoMoment(createdMs)
  return {
    title: fill(rng.pick(taskTitles[phase][subject.lang]), subject.values),
    dueDate: isoDate(dueMs),
    assigneeId: subject.ownerId,
    entityType: subject.entityType,
    entityId: subject.entityId,
    priority: rng.weighted(priorityMix[phase]),
    status: done ? 'done' : 'open',
    doneAt: done ? isoMoment(doneMs) : null,
    createdAt: created,
    updatedAt: done ? isoMoment(doneMs) : created,
  }
}

/** The latest moment among follow-ups, as stored in last_activity_at. */
export function lastActivityAt(activities: readonly SeedActivity[]): string | null {
  return activities.reduce<string | null>((latest, a) => (latest === null || a.occurredAt > latest ? a.occurredAt : latest), null)
}
