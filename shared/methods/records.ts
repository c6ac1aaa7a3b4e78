import { z } from 'zod'
import { Account, Activity, Contact, Opportunity, Task } from '../entities'
import { ById, method } from './define'

/** An account's record drawer: the account with its people, deals, follow-ups and tasks (contracts: contracts.list). */
export const AccountDetail = z.object({
  account: Account,
  contacts: z.array(Contact),
  opportunities: z.array(Opportunity),
  activities: z.array(Activity),
  tasks: z.array(Task),
})
export type AccountDetail = z.infer<typeof AccountDetail>

/** A contact's record drawer: the contact, its account, the deals it is the contact of, its follow-ups and tasks. */
export const ContactDetail = z.object({
  contact: Contact,
  account: Account.nullable(),
  opportunities: z.array(Opportunity),
  activities: z.array(Activity),
  tasks: z.array(Task),
})
export type ContactDetail = z.infer<typeof ContactDetail>

/** The record drawers of accounts and contacts. */
export const recordsMethods = {
  'accounts.detail': method(ById, AccountDetail),
  'contacts.detail': method(ById, ContactDetail),
} as const
