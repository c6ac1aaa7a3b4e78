import type { Translations } from '../../i18n/translations'

export const searchZhCN = {
  button: '搜索',
  title: '全局搜索',
  input: '搜索客户、联系人、线索和商机',
  placeholder: '输入名称、公司、电话或邮箱…',
  results: '搜索结果',
  none: '没有找到匹配的记录',
  more: '还有更多，请输入更多文字',
  groups: { account: '客户', contact: '联系人', lead: '线索', opportunity: '商机' },
}

export const searchEn: Translations<typeof searchZhCN> = {
  button: 'Search',
  title: 'Search everything',
  input: 'Search accounts, contacts, leads and deals',
  placeholder: 'Type a name, company, phone or email…',
  results: 'Search results',
  none: 'No matching records',
  more: 'more match: type more to narrow',
  groups: { account: 'Accounts', contact: 'Contacts', lead: 'Leads', opportunity: 'Deals' },
}
