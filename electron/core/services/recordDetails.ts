import type { Account, Activity, Contact, Task } from '../../../shared/entities'
import type { AccountDetail, ContactDetail } from '../../../shared/methods/records'
import type { Core } from '../core'
import { dealsOfAccount, dealsOfContact } from '../store/recordDeals'
import { contactsOfAccount, getGridRow, rowsAttachedTo } from '../store/rows'

/** Everything an account's drawer shows besides its contracts. */
export function accountDetail(core: Core, id: number): AccountDetail {
  const db = core.db
  return {
    account: getGridRow<Account>(db, 'account', id),
    contacts: contactsOfAccount<Contact>(db, id),
    opportunities: dealsOfAccount(db, id),
    activities: rowsAttachedTo<Activity>(db, 'activity', 'account', id),
    tasks: rowsAttachedTo<Task>(db, 'task', 'account', id),
  }
}

/** Everything a contact's drawer shows. */
export function contactDetail(core: Core, id: number): ContactDetail {
  const db = core.db
  const contact = getGridRow<Contact>(db, 'contact', id)
  return {
    contact,
    account: contact.accountId === null ? null : getGridRow<Account>(db, 'account', contact.accountId),
    opportunities: dealsOfContact(db, id),
    activities: rowsAttachedTo<Activity>(db, 'activity', 'contact', id),
    tasks: rowsAttachedTo<Task>(db, 'task', 'contact', id),
  }
}
