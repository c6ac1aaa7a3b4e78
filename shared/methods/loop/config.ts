import { z } from 'zod'
import { Stage, StageRequirementField } from '../../entities'
import { ForecastCategory, LeadGrade } from '../../enums'
import { Id, Name, Probability } from '../../primitives'
import { Empty, method } from '../define'

/** Fields the lead entry form can require; `phoneOrEmail` asks for at least one of the two. */
export const LeadFormField = z.enum([
  'company',
  'contactName',
  'phoneOrEmail',
  'phone',
  'email',
  'source',
  'region',
  'industry',
  'productInterest',
  'notes',
])
export type LeadFormField = z.infer<typeof LeadFormField>

export const BantKey = z.enum(['budget', 'authority', 'need', 'timeline'])
export type BantKey = z.infer<typeof BantKey>

/** What is known about a lead's budget, authority, need and timeline. */
export const Bant = z
  .object({
    budget: z.boolean().optional(),
    authority: z.boolean().optional(),
    need: z.boolean().optional(),
    timeline: z.boolean().optional(),
  })
  .strict()
export type Bant = z.infer<typeof Bant>

/** Answers to record: true or false, null to make an answer unknown again, absent to keep it. */
export const BantAnswers = z
  .object({
    budget: z.boolean().nullable().optional(),
    authority: z.boolean().nullable().optional(),
    need: z.boolean().nullable().optional(),
    timeline: z.boolean().nullable().optional(),
  })
  .strict()
export type BantAnswers = z.infer<typeof BantAnswers>

/** First matching rule gives the grade: enough BANT answers, the named ones, and a minimum score. */
export const GradeRule = z
  .object({
    grade: LeadGrade,
    minBant: z.number().int().min(0).max(4).default(0),
    requiredBant: z.array(BantKey).max(4).default([]),
    minScore: z.number().int().min(0).max(100).default(0),
  })
  .strict()
export type GradeRule = z.infer<typeof GradeRule>

const Points = z.number().int().min(-100).max(100)

/** Weighted scoring rules; a lead's score is their sum, kept within 0–100. */
export const ScoreRule = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('fieldEquals'),
      field: z.enum(['source', 'industry', 'region', 'productInterest']),
      value: z.string().trim().min(1).max(100),
      points: Points,
    })
    .strict(),
  z
    .object({
      kind: z.literal('filled'),
      field: z.enum(['contactName', 'phone', 'email', 'source', 'region', 'industry', 'productInterest', 'notes']),
      points: Points,
    })
    .strict(),
  z.object({ kind: z.literal('bant'), key: BantKey, points: Points }).strict(),
  z.object({ kind: z.literal('recentActivity'), withinDays: z.number().int().min(1).max(365), points: Points }).strict(),
])
export type ScoreRule = z.infer<typeof ScoreRule>

export const LeadRating = z
  .object({
    grades: z.array(GradeRule).max(20),
    /** The grade of a lead no rule matches. */
    fallbackGrade: LeadGrade,
    scoring: z.array(ScoreRule).max(100),
  })
  .strict()
export type LeadRating = z.infer<typeof LeadRating>

/** The lead pool (公海): how many open leads a rep may hold, and when a neglected one returns. */
export const PoolConfig = z
  .object({
    claimLimit: z.number().int().min(1).max(100_000),
    returnDays: z.number().int().min(1).max(365),
  })
  .strict()
export type PoolConfig = z.infer<typeof PoolConfig>

/** Windows of the automatic reminder rules. */
export const ReminderConfig = z
  .object({
    /** A next follow-up date this many days past still gets its reminder. */
    followUpLookbackDays: z.number().int().min(0).max(60),
    /** A claimed lead with no follow-up after this many hours gets a reminder. */
    uncontactedHours: z.number().int().min(1).max(24 * 60),
    /** A contract ending within this many days gets a renewal task and a renewal deal. */
    renewalDays: z.number().int().min(1).max(365),
    /** Birthday care reminders are created this many days ahead. */
    birthdayDaysAhead: z.number().int().min(0).max(30),
  })
  .strict()
export type ReminderConfig = z.infer<typeof ReminderConfig>

/** One step of the after-sales care plan, created as a task when a deal is won. */
export const CarePlanStep = z.object({ title: Name, offsetDays: z.number().int().min(0).max(3650) }).strict()
export type CarePlanStep = z.infer<typeof CarePlanStep>

export const LoopConfig = z
  .object({
    leadRequiredFields: z.array(LeadFormField).max(20),
    leadRating: LeadRating,
    pool: PoolConfig,
    reminders: ReminderConfig,
    carePlan: z.array(CarePlanStep).max(20),
  })
  .strict()
export type LoopConfig = z.infer<typeof LoopConfig>

export const AssignmentMatchField = z.enum(['region', 'industry', 'source', 'productLine'])
export type AssignmentMatchField = z.infer<typeof AssignmentMatchField>

export const AssignTo = z.discriminatedUnion('type', [
  z.object({ type: z.literal('user'), userId: Id }).strict(),
  z.object({ type: z.literal('roundRobin'), userIds: z.array(Id).min(1).max(200) }).strict(),
])
export type AssignTo = z.infer<typeof AssignTo>

/** A lead assignment rule; rules apply in order and the first that matches assigns. */
export const AssignmentRuleInput = z
  .object({
    id: Id.optional(),
    name: Name,
    /** Null matches every lead (a catch-all at the end of the list). */
    matchField: AssignmentMatchField.nullable(),
    matchValues: z.array(z.string().trim().min(1).max(100)).max(200).default([]),
    assignTo: AssignTo,
    active: z.boolean().default(true),
  })
  .strict()
export type AssignmentRuleInput = z.infer<typeof AssignmentRuleInput>

export const AssignmentRule = z.object({
  id: Id,
  name: z.string(),
  matchField: AssignmentMatchField.nullable(),
  matchValues: z.array(z.string()),
  assignTo: AssignTo,
  active: z.boolean(),
  sortOrder: z.number().int(),
  /** Where the round robin stands: the member who got the last lead. */
  lastAssignedUserId: Id.nullable(),
})
export type AssignmentRule = z.infer<typeof AssignmentRule>

const StageSettings = z.object({
  nameZh: Name,
  nameEn: Name,
  probability: Probability,
  rottingDays: z.number().int().min(0).max(3650).nullable(),
  forecastCategory: ForecastCategory,
  requiredFields: z.array(StageRequirementField).max(10),
  entryTasks: z.array(z.string().trim().min(1).max(200)).max(20),
})

export const StageCreate = StageSettings.partial({
  rottingDays: true,
  forecastCategory: true,
  requiredFields: true,
  entryTasks: true,
})
  .extend({
    pipelineId: Id,
    /** Where the new open stage goes; by default after the last open stage. */
    afterStageId: Id.optional(),
  })
  .strict()

export const StagePatch = StageSettings.partial().extend({ active: z.boolean().optional() }).strict()

/** Settings for the closed loop: lead form, rating, pool, reminders, care plan, assignment, stages. */
export const loopConfigMethods = {
  'loopConfig.get': method(Empty, LoopConfig),
  /** Saving new rating rules re-rates every lead. */
  'loopConfig.update': method(LoopConfig.partial().strict(), LoopConfig),
  'assignmentRules.list': method(Empty, z.array(AssignmentRule)),
  /** Replaces the ordered list; rules keep their id (and round-robin position) when sent with it. */
  'assignmentRules.save': method(z.object({ rules: z.array(AssignmentRuleInput).max(200) }).strict(), z.array(AssignmentRule)),
  'stages.create': method(StageCreate, Stage),
  'stages.update': method(z.object({ id: Id, patch: StagePatch }).strict(), Stage),
  /** The pipeline's stages in their new order; every stage of the pipeline, once. */
  'stages.reorder': method(z.object({ pipelineId: Id, stageIds: z.array(Id).min(1).max(100) }).strict(), z.array(Stage)),
} as const
