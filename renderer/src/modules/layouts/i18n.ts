import type { Translations } from '../../i18n/translations'

/** The form layout editor. */
export const layoutsZhCN = {
  help: '拖动字段调整顺序，或拖到另一个分组。商机的新建表单和详情抽屉按此布局显示自定义字段。',
  entities: { account: '客户', contact: '联系人', lead: '线索', opportunity: '商机', activity: '跟进记录' },
  addSection: '添加分组',
  renameSection: '重命名分组',
  renameOf: '重命名分组“{{name}}”',
  removeOf: '删除分组“{{name}}”（字段移到第一个分组）',
  drag: '拖动字段：{{name}}',
  dropHere: '把字段拖到这里',
  custom: '自定义',
  save: '保存布局',
  saved: '表单布局已保存',
  reset: '恢复默认',
  wasReset: '已恢复默认布局',
}

export const layoutsEn: Translations<typeof layoutsZhCN> = {
  help: 'Drag fields to reorder them or into another section. The opportunity create form and record drawer show custom fields in this layout.',
  entities: { account: 'Accounts', contact: 'Contacts', lead: 'Leads', opportunity: 'Opportunities', activity: 'Follow-ups' },
  addSection: 'Add section',
  renameSection: 'Rename section',
  renameOf: 'Rename section "{{name}}"',
  removeOf: 'Remove section "{{name}}" (its fields go to the first section)',
  drag: 'Drag field: {{name}}',
  dropHere: 'Drop fields here',
  custom: 'Custom',
  save: 'Save layout',
  saved: 'Form layout saved',
  reset: 'Restore default',
  wasReset: 'Default layout restored',
}
