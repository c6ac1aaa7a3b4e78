import type { DemoCounts } from './context'
import { streamFor, type Random } from './random'

/**
 * Who belongs to whom, decided up front in flat integer arrays (a few bytes
 * per record even at 100k deals), so every record can then be generated on
 * its own while still pointing at the right account, contact and lead.
 */
export interface Plan {
  /** Account index of each deal. */
  opportunityAccount: Int32Array
  /** Each account's first deal, or -1 for prospects without deals. */
  firstOpportunity: Int32Array
  /** The lead a deal was converted from, or -1. */
  opportunityLead: Int32Array
  /** The deal a lead was converted into, or -1. */
  leadOpportunity: Int32Array
  /** Account index of each contact. Contact #a is account #a's primary contact. */
  contactAccount: Int32Array
  /** Contacts of account a are accountContacts[contactsFrom[a] .. contactsFrom[a + 1]). */
  contactsFrom: Int32Array
  accountContacts: Int32Array
}

/** Share of accounts that ever get a deal; the rest stay plain prospects. */
const ACTIVE_ACCOUNTS = 0.85
/** Above 1 a few accounts get many deals and most get a handful. */
const CONCENTRATION = 1.3
/** Share of leads that were converted into a deal. */
const CONVERTED_LEADS = 0.2

export function planWorkspace(seed: number, counts: DemoCounts): Plan {
  const rng = streamFor(seed, 'plan', 0)
  const popularAccount = accountPopularity(rng, counts.accounts)

  const opportunityAccount = Int32Array.from({ length: counts.opportunities }, popularAccount)
  const firstOpportunity = new Int32Array(counts.accounts).fill(-1)
  for (let j = counts.opportunities - 1; j >= 0; j--) firstOpportunity[opportunityAccount[j]!] = j

  const contactAccount = Int32Array.from({ length: counts.contacts }, (_, c) => (c < counts.accounts ? c : popularAccount()))
  const { contactsFrom, accountContacts } = groupByAccount(contactAccount, counts.accounts)

  const { opportunityLead, leadOpportunity } = convertedLeads(rng, counts, firstOpportunity)
  return { opportunityAccount, firstOpportunity, opportunityLead, leadOpportunity, contactAccount, contactsFrom, accountContacts }
}

/** Draws account indices so that some accounts are big customers and some never buy. */
function accountPopularity(rng: Random, accounts: number): () => number {
  const ranking = shuffled(rng, accounts)
  const active = Math.max(1, Math.ceil(accounts * ACTIVE_ACCOUNTS))
  return () => ranking[Math.floor(active * rng.next() ** CONCENTRATION)]!
}

/**
 * A converted lead became a new account together with that account's first
 * deal, so only first deals are matched with leads.
 */
function convertedLeads(rng: Random, counts: DemoCounts, firstOpportunity: Int32Array) {
  const opportunityLead = new Int32Array(counts.opportunities).fill(-1)
  const leadOpportunity = new Int32Array(counts.leads).fill(-1)
  const firstDeals = shuffled(rng, counts.accounts).filter((a) => firstOpportunity[a]! >= 0).map((a) => firstOpportunity[a]!)
  const leads = shuffled(rng, counts.leads)
  const converted = Math.min(firstDeals.length, Math.round(counts.leads * CONVERTED_LEADS))
  for (let i = 0; i < converted; i++) {
    opportunityLead[firstDeals[i]!] = leads[i]!
    leadOpportunity[leads[i]!] = firstDeals[i]!
  }
  return { opportunityLead, leadOpportunity }
}

/** Compressed rows: the contacts of each account, primary contact first. */
function groupByAccount(contactAccount: Int32Array, accounts: number) {
  const contactsFrom = new Int32Array(accounts + 1)
  for (const a of contactAccount) contactsFrom[a + 1]!++
  for (let a = 0; a < accounts; a++) contactsFrom[a + 1]! += contactsFrom[a]!
  const next = contactsFrom.slice(0, accounts)
  const accountContacts = new Int32Array(contactAccount.length)
  contactAccount.forEach((a, c) => (accountContacts[next[a]!++] = c))
  return { contactsFrom, accountContacts }
}

/** 0..n-1 in a seeded random order (Fisher–Yates). */
function shuffled(rng: Random, n: number): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i)
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(0, i)
    ;[order[i], order[j]] = [order[j]!, order[i]!]
  }
  return order
}
