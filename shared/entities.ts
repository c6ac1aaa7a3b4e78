import { z } from 'zod'
import { ViewState } from './query'
import {
  AccountLifecycle,
  ActivityType,
  AuditAction,
  GridEntity,
  Currency,
  EntityType,
  ForecastCategory,
  LeadGrade,
  LeadStatus,
  StageKind,
  TaskPriority,
  TaskStatus,
  UserRole,
} from './enums'
import { Email, Id, IsoDate, IsoDateTime, Money, Name, OptionalText, Phone, Probability, Version } from './primitives'

/** The types a custom field can have. */
export const CustomFieldType = z.enum([
  'text',
  'longText',
  'number',
  'currency',
  'percent',
  'date',
  'datetime',
  'picklist',
  'multiPicklist',
  'user',
  'checkbox',
  'phone',
  'email',
  'url',
])
export type CustomFieldType = z.infer<typeof CustomFieldType>

/** Entities that can carry custom fields (activity = a follow-up). */
export const CustomFieldEntity = z.enum(['account', 'contact', 'lead', 'opportunity', 'activity'])
export type CustomFieldEntity = z.infer<typeof CustomFieldEntity>

/**
 * One stored custom value, typed by its field: text kinds, dates ('YYYY-MM-DD'), date-times (ISO) and
 * picklist values are strings; number, currency, percent and user (a user id) are numbers; checkbox is a
 * boolean; multi-select is a list of picklist values.
 */
export const CustomValue = z.union([z.string().max(10_000), z.number().finite(), z.boolean(), z.array(z.string().max(200)).max(100)])
export type CustomValue = z.infer<typeof CustomValue>

/** A record's custom values by field key. */
export const CustomValues = z.record(z.string(), CustomValue)
export type CustomValues = z.infer<typeof CustomValues>

/**
 * Custom values a create or edit sends, by field key. Null clears a value; keys not sent stay as they are.
 * Values are checked and coerced by the field's type (a '12.5%' string becomes 12.5 for a percent field).
 */
export const CustomValuesInput = z.record(z.string().max(40), z.union([CustomValue, z.null()]))
export type CustomValuesInput = z.infer<typeof CustomValuesInput>

/** A custom field's definition. Values live on the records, under `custom[key]`. */
export const CustomField = z.object({
  id: Id,
  entity: CustomFieldEntity,
  /** Stable key (a-z, 0-9, _), used in `custom.<key>` grid columns, imports and config files. */
  key: z.string(),
  labelZh: z.string(),
  labelEn: z.string(),
  type: CustomFieldType,
  /** The picklist the values come from (picklist and multi-select fields only). */
  picklistKey: z.string().nullable(),
  /** Required on every save. */
  required: z.boolean(),
  /** Required before an opportunity may enter these stages (opportunity fields only). */
  requiredStageIds: z.array(Id),
  /** Filled in on create when the caller gives no value. */
  defaultValue: CustomValue.nullable(),
  helpText: z.string().nullable(),
  position: z.number().int(),
  /** Set while the field is in the trash: hidden everywhere, its values kept until the trash is emptied. */
  deletedAt: IsoDateTime.nullable(),
  version: Version,
})
export type CustomField = z.infer<typeof CustomField>

const nullableDate = IsoDate.nullable()
const nullableId = Id.nullable()
const nullableText = z.string().nullable()

const Stamps = {
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  version: Version,
}

export const User = z.object({
  id: Id,
  name: Name,
  nameEn: nullableText,
  email: nullableText,
  role: UserRole,
  team: nullableText,
  active: z.boolean(),
})
export type User = z.infer<typeof User>

export const Pipeline = z.object({
  id: Id,
  key: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  sortOrder: z.number().int(),
  /** An inactive pipeline takes no new deals; its deals stay where they are. */
  active: z.boolean(),
})
export type Pipeline = z.infer<typeof Pipeline>

/** Fields an opportunity must carry before it may enter a stage. */
export const StageRequirementField = z.enum([
  'amount',
  'expectedCloseDate',
  'signedDate',
  'lossReason',
  'competitor',
  'contactId',
  'nextStep',
])
export type StageRequirementField = z.infer<typeof StageRequirementField>

export const Stage = z.object({
  id: Id,
  pipelineId: Id,
  key: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  sortOrder: z.number().int(),
  probability: Probability,
  kind: StageKind,
  rottingDays: z.number().int().min(0).nullable(),
  forecastCategory: ForecastCategory,
  requiredFields: z.array(StageRequirementField),
  entryTasks: z.array(z.string()),
  active: z.boolean(),
})
export type Stage = z.infer<typeof Stage>

export const PicklistItem = z.object({
  id: Id,
  listKey: z.string(),
  value: z.string(),
  labelZh: z.string(),
  labelEn: z.string(),
  sortOrder: z.number().int(),
  color: nullableText,
  active: z.boolean(),
})
export type PicklistItem = z.infer<typeof PicklistItem>

export const Account = z.object({
  id: Id,
  name: z.string(),
  industry: nullableText,
  region: nullableText,
  source: nullableText,
  ownerId: nullableId,
  ownerName: nullableText,
  lifecycle: AccountLifecycle,
  phone: nullableText,
  email: nullableText,
  website: nullableText,
  address: nullableText,
  satisfaction: z.number().int().min(1).max(5).nullable(),
  notes: nullableText,
  custom: CustomValues,
  ...Stamps,
})
export type Account = z.infer<typeof Account>

export const Contact = z.object({
  id: Id,
  accountId: nullableId,
  accountName: nullableText,
  name: z.string(),
  title: nullableText,
  phone: nullableText,
  email: nullableText,
  wechat: nullableText,
  birthday: nullableDate,
  ownerId: nullableId,
  ownerName: nullableText,
  notes: nullableText,
  custom: CustomValues,
  ...Stamps,
})
export type Contact = z.infer<typeof Contact>

export const Lead = z.object({
  id: Id,
  company: z.string(),
  contactName: nullableText,
  phone: nullableText,
  email: nullableText,
  source: nullableText,
  region: nullableText,
  industry: nullableText,
  productInterest: nullableText,
  status: LeadStatus,
  grade: LeadGrade.nullable(),
  score: z.number().int().nullable(),
  ownerId: nullableId,
  ownerName: nullableText,
  claimedAt: IsoDateTime.nullable(),
  lastActivityAt: IsoDateTime.nullable(),
  nextFollowUpDate: nullableDate,
  convertedOpportunityId: nullableId,
  notes: nullableText,
  custom: CustomValues,
  ...Stamps,
})
export type Lead = z.infer<typeof Lead>

export const Opportunity = z.object({
  id: Id,
  name: z.string(),
  accountId: nullableId,
  accountName: nullableText,
  contactId: nullableId,
  leadId: nullableId,
  pipelineId: Id,
  stageId: Id,
  stageName: z.string(),
  stageKind: StageKind,
  amount: Money.nullable(),
  currency: Currency,
  probability: Probability,
  weightedAmount: Money.nullable(),
  expectedCloseDate: nullableDate,
  ownerId: nullableId,
  ownerName: nullableText,
  source: nullableText,
  productLine: nullableText,
  nextStep: nullableText,
  nextFollowUpDate: nullableDate,
  lastActivityAt: IsoDateTime.nullable(),
  lossReason: nullableText,
  competitor: nullableText,
  lossNote: nullableText,
  signedDate: nullableDate,
  forecastCategory: ForecastCategory.nullable(),
  previousOpportunityId: nullableId,
  stageEnteredAt: IsoDateTime,
  closedAt: IsoDateTime.nullable(),
  /** No activity for longer than the stage's rotting days. */
  isRotting: z.boolean(),
  custom: CustomValues,
  ...Stamps,
})
export type Opportunity = z.infer<typeof Opportunity>

export const Activity = z.object({
  id: Id,
  entityType: EntityType,
  entityId: Id,
  type: ActivityType,
  occurredAt: IsoDateTime,
  content: z.string(),
  feedback: nullableText,
  nextPlan: nullableText,
  nextDate: nullableDate,
  ownerId: nullableId,
  ownerName: nullableText,
  custom: CustomValues,
  createdAt: IsoDateTime,
})
export type Activity = z.infer<typeof Activity>

export const Task = z.object({
  id: Id,
  title: z.string(),
  dueDate: nullableDate,
  assigneeId: nullableId,
  assigneeName: nullableText,
  entityType: EntityType.nullable(),
  entityId: nullableId,
  priority: TaskPriority,
  status: TaskStatus,
  doneAt: IsoDateTime.nullable(),
  ...Stamps,
})
export type Task = z.infer<typeof Task>

export const StageHistoryEntry = z.object({
  id: Id,
  opportunityId: Id,
  fromStageId: nullableId,
  toStageId: Id,
  fromStageName: nullableText,
  toStageName: z.string(),
  changedAt: IsoDateTime,
  changedBy: nullableId,
  changedByName: nullableText,
})
export type StageHistoryEntry = z.infer<typeof StageHistoryEntry>

export const AuditEntry = z.object({
  id: Id,
  at: IsoDateTime,
  userId: nullableId,
  userName: nullableText,
  entityType: EntityType,
  entityId: Id,
  action: AuditAction,
  field: nullableText,
  oldValue: nullableText,
  newValue: nullableText,
  batchId: z.string().nullable(),
})
export type AuditEntry = z.infer<typeof AuditEntry>

export const TrashItem = z.object({
  entityType: EntityType,
  entityId: Id,
  title: z.string(),
  deletedAt: IsoDateTime,
})
export type TrashItem = z.infer<typeof TrashItem>

/** What a person may type when creating or editing an opportunity. */
export const OpportunityInput = z.object({
  name: Name,
  accountId: Id.nullable().optional(),
  contactId: Id.nullable().optional(),
  stageId: Id,
  amount: Money.min(0).nullable().optional(),
  currency: Currency.default('CNY'),
  probability: Probability.nullable().optional(),
  expectedCloseDate: IsoDate.nullable().optional(),
  ownerId: Id.nullable().optional(),
  source: OptionalText(100),
  productLine: OptionalText(100),
  nextStep: OptionalText(500),
  nextFollowUpDate: IsoDate.nullable().optional(),
  lossReason: OptionalText(100),
  competitor: OptionalText(200),
  lossNote: OptionalText(2000),
  signedDate: IsoDate.nullable().optional(),
  forecastCategory: ForecastCategory.nullable().optional(),
  custom: CustomValuesInput.optional(),
})
export type OpportunityInput = z.infer<typeof OpportunityInput>
export const OpportunityPatch = OpportunityInput.partial().omit({ currency: true }).extend({
  currency: Currency.optional(),
})
export type OpportunityPatch = z.infer<typeof OpportunityPatch>

export const AccountInput = z.object({
  name: Name,
  industry: OptionalText(100),
  region: OptionalText(100),
  source: OptionalText(100),
  ownerId: Id.nullable().optional(),
  phone: Phone.nullable().optional(),
  email: Email.nullable().optional(),
  website: OptionalText(500),
  address: OptionalText(500),
  notes: OptionalText(),
  custom: CustomValuesInput.optional(),
})
export type AccountInput = z.infer<typeof AccountInput>

export const ContactInput = z.object({
  name: Name,
  accountId: Id.nullable().optional(),
  title: OptionalText(100),
  phone: Phone.nullable().optional(),
  email: Email.nullable().optional(),
  wechat: OptionalText(100),
  birthday: IsoDate.nullable().optional(),
  ownerId: Id.nullable().optional(),
  notes: OptionalText(),
  custom: CustomValuesInput.optional(),
})
export type ContactInput = z.infer<typeof ContactInput>

export const LeadInput = z.object({
  company: Name,
  contactName: OptionalText(100),
  phone: Phone.nullable().optional(),
  email: Email.nullable().optional(),
  source: OptionalText(100),
  region: OptionalText(100),
  industry: OptionalText(100),
  productInterest: OptionalText(200),
  ownerId: Id.nullable().optional(),
  notes: OptionalText(),
  custom: CustomValuesInput.optional(),
})
export type LeadInput = z.infer<typeof LeadInput>

export const ActivityInput = z.object({
  entityType: z.enum(['lead', 'account', 'contact', 'opportunity']),
  entityId: Id,
  type: ActivityType,
  occurredAt: IsoDateTime.optional(),
  content: z.string().trim().min(1).max(5000),
  feedback: OptionalText(5000),
  nextPlan: OptionalText(2000),
  nextDate: IsoDate.nullable().optional(),
  custom: CustomValuesInput.optional(),
})
export type ActivityInput = z.infer<typeof ActivityInput>

export const TaskInput = z.object({
  title: Name,
  dueDate: IsoDate.nullable().optional(),
  assigneeId: Id.nullable().optional(),
  entityType: z.enum(['lead', 'account', 'contact', 'opportunity']).nullable().optional(),
  entityId: Id.nullable().optional(),
  priority: TaskPriority.default('normal'),
})
export type TaskInput = z.infer<typeof TaskInput>

export const SavedView = z.object({
  id: Id,
  entity: GridEntity,
  name: z.string(),
  /** Built-in views have a key and no owner; they can be copied, not changed. */
  builtinKey: z.string().nullable(),
  ownerId: nullableId,
  shared: z.boolean(),
  state: ViewState,
  updatedAt: IsoDateTime,
})
export type SavedView = z.infer<typeof SavedView>

export const SavedViewInput = z.object({
  id: Id.optional(),
  entity: GridEntity,
  name: Name,
  shared: z.boolean().default(false),
  state: ViewState,
})
export type SavedViewInput = z.infer<typeof SavedViewInput>

/** What a grid cell edit, paste, fill or bulk edit may change, per entity. */
export const GridPatches = {
  opportunity: OpportunityPatch,
  lead: LeadInput.partial(),
  account: AccountInput.partial(),
  contact: ContactInput.partial(),
  task: TaskInput.partial().extend({ status: z.enum(['open', 'done']).optional() }),
  activity: ActivityInput.pick({
    type: true,
    occurredAt: true,
    content: true,
    feedback: true,
    nextPlan: true,
    nextDate: true,
    custom: true,
  }).partial(),
} as const

/** What a paste past the last row may create, per entity. */
export const GridInputs = {
  opportunity: OpportunityInput,
  lead: LeadInput,
  account: AccountInput,
  contact: ContactInput,
  task: TaskInput,
} as const
