import { z } from 'zod'
import { Activity, Lead, LeadInput, OpportunityInput, Task } from '../../entities'
import { Id, Version } from '../../primitives'
import { ById, method } from '../define'
import { Bant, BantAnswers } from './config'

export const DuplicateEntity = z.enum(['lead', 'contact', 'account'])
export type DuplicateEntity = z.infer<typeof DuplicateEntity>

/** What the lead form has typed so far; values are normalised like the import does. */
export const DuplicateQuery = z
  .object({
    company: z.string().max(200).optional(),
    phone: z.string().max(60).optional(),
    email: z.string().max(320).optional(),
    /** The record being edited, which is not its own duplicate. */
    exclude: z.object({ entityType: DuplicateEntity, id: Id }).strict().optional(),
    limit: z.number().int().min(1).max(50).default(10),
  })
  .strict()

export const DuplicateMatch = z.object({
  entityType: DuplicateEntity,
  id: Id,
  title: z.string(),
  subtitle: z.string().nullable(),
  matchedOn: z.array(z.enum(['company', 'phone', 'email'])),
  /** Same normalised phone, email or company: saving needs an explicit choice. Otherwise a company that starts alike. */
  exact: z.boolean(),
})
export type DuplicateMatch = z.infer<typeof DuplicateMatch>

/** The lead entry form. `check` refuses a likely duplicate with DUPLICATE_FOUND; `save` saves anyway. */
export const LeadCapture = LeadInput.extend({
  bant: Bant.optional(),
  duplicateAction: z.enum(['check', 'save']).default('check'),
}).strict()

export const LeadDetail = z.object({
  lead: Lead,
  bant: Bant,
  convertedAccountId: Id.nullable(),
  convertedContactId: Id.nullable(),
  activities: z.array(Activity),
  tasks: z.array(Task),
})
export type LeadDetail = z.infer<typeof LeadDetail>

/** The deal a conversion creates; everything has a default drawn from the lead. */
export const ConversionDeal = OpportunityInput.omit({ accountId: true, contactId: true }).partial().strict()

export const LeadConversion = z.object({
  lead: Lead,
  accountId: Id,
  contactId: Id.nullable(),
  opportunityId: Id,
  /** Whether an existing account / contact was used instead of a new one. */
  reusedAccount: z.boolean(),
  reusedContact: z.boolean(),
})
export type LeadConversion = z.infer<typeof LeadConversion>

export const PoolStatus = z.object({
  userId: Id,
  claimLimit: z.number().int(),
  /** Open leads the rep holds now (new, contacted or qualified). */
  held: z.number().int(),
  returnDays: z.number().int(),
})
export type PoolStatus = z.infer<typeof PoolStatus>

const Rows = z.array(z.object({ id: Id, version: Version }).strict()).min(1).max(500)
const RowVersions = z.object({ rows: z.array(z.object({ id: Id, version: Version })) })

/** 发现: capture, qualify, assign, pool, convert. */
export const loopLeadMethods = {
  'duplicates.find': method(DuplicateQuery, z.array(DuplicateMatch)),
  'leads.capture': method(LeadCapture, Lead),
  'leads.detail': method(ById, LeadDetail),
  'leads.qualify': method(z.object({ id: Id, version: Version, bant: BantAnswers }).strict(), Lead),
  /** Gives leads to a rep (or back to the pool with null), audited as assignments. */
  'leads.assign': method(z.object({ rows: Rows, ownerId: Id.nullable() }).strict(), RowVersions),
  'leads.convert': method(
    z
      .object({
        id: Id,
        version: Version,
        /** Use this account; by default one whose normalised name matches the lead's company, else a new one. */
        accountId: Id.optional(),
        /** Use this contact; by default one with the lead's phone or email, else a new one. */
        contactId: Id.optional(),
        opportunity: ConversionDeal.default({}),
      })
      .strict(),
    LeadConversion,
  ),
  'pool.status': method(z.object({ userId: Id.optional() }).strict(), PoolStatus),
  /** The calling user claims leads from the pool, within the claim limit. */
  'pool.claim': method(z.object({ rows: Rows }).strict(), RowVersions),
  'pool.release': method(z.object({ id: Id, version: Version }).strict(), Lead),
} as const
