import type { Locale } from '../../../shared/enums'

/**
 * Titles of the tasks the automatic rules create, in the workspace's
 * language (they are stored, so they are written once, not per reader).
 */
const texts = {
  rotting: { 'zh-CN': '商机停滞，请跟进：{name}', en: 'Stale deal, follow up: {name}' },
  followUp: { 'zh-CN': '跟进提醒：{name}', en: 'Follow-up due: {name}' },
  uncontacted: { 'zh-CN': '领取后尚未联系：{name}', en: 'Claimed but not yet contacted: {name}' },
  renewal: { 'zh-CN': '合同 {number} 将于 {date} 到期，跟进续约：{name}', en: 'Contract {number} ends on {date}; work the renewal: {name}' },
  birthday: { 'zh-CN': '生日关怀：{name}（{date}）', en: 'Birthday care: {name} ({date})' },
  renewalDeal: { 'zh-CN': '{name}（续约）', en: '{name} (renewal)' },
  repurchaseDeal: { 'zh-CN': '{name}（复购）', en: '{name} (repurchase)' },
} as const

export type ReminderText = keyof typeof texts

export function reminderText(key: ReminderText, locale: Locale, values: Record<string, string>): string {
  return texts[key][locale].replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '')
}
