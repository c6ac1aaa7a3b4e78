import type { Translations } from '../../i18n/translations'

export const notificationsZhCN = {
  title: '提醒',
  bell: '提醒（{{count}} 条未读）',
  empty: '没有新的提醒',
  due: '{{date}} 到期',
  high: '紧急',
  markAllSeen: '全部标为已读',
}

export const notificationsEn: Translations<typeof notificationsZhCN> = {
  title: 'Reminders',
  bell: 'Reminders ({{count}} unread)',
  empty: 'No new reminders',
  due: 'due {{date}}',
  high: 'Urgent',
  markAllSeen: 'Mark all as seen',
}
