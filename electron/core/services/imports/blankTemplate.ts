import path from 'node:path'
import type { Locale } from '../../../../shared/enums'
import type { ImportEntity, WrittenFile } from '../../../../shared/methods/imports'
import type { Core } from '../../core'
import { writeWorkbook, type SheetColumn } from '../../excel/write'
import { listPicklists, listPipelines, listStages, listUsers } from '../../store/reference'
import { outputPath } from '../exports/files'
import { enumOptions, findTarget } from './targets'

/** The columns of each entity's template, in order, with an example value in each language. */
const layouts: Record<ImportEntity, readonly (readonly [key: string, zh: unknown, en: unknown])[]> = {
  opportunity: [
    ['name', '华东制造 ERP 升级项目', 'East China Manufacturing ERP upgrade'],
    ['accountName', '上海华东制造有限公司', 'East China Manufacturing Co., Ltd.'],
    ['contactName', '张伟', 'Zhang Wei'],
    ['phone', '138 0013 8000', '+86 138 0013 8000'],
    ['email', 'zhang.wei@example.com', 'zhang.wei@example.com'],
    ['stageId', null, null],
    ['amount', 1_200_000, 1_200_000],
    ['currency', null, null],
    ['expectedCloseDate', '2026-12-31', '2026-12-31'],
    ['ownerId', null, null],
    ['source', null, null],
    ['productLine', null, null],
    ['industry', null, null],
    ['region', null, null],
    ['nextStep', '安排方案演示', 'Schedule a solution demo'],
    ['nextFollowUpDate', '2026-12-01', '2026-12-01'],
    ['notes', '客户预算已批复', 'Budget approved'],
  ],
  lead: [
    ['company', '深圳南方物流有限公司', 'Southern Logistics Ltd.'],
    ['contactName', '李娜', 'Li Na'],
    ['phone', '139 2233 4455', '+86 139 2233 4455'],
    ['email', 'li.na@example.com', 'li.na@example.com'],
    ['source', null, null],
    ['region', null, null],
    ['industry', null, null],
    ['productInterest', 'CRM 软件', 'CRM software'],
    ['ownerId', null, null],
    ['nextFollowUpDate', '2026-12-01', '2026-12-01'],
    ['notes', '展会上留的名片', 'Met at the trade show'],
  ],
  account: [
    ['name', '北京中科信息技术有限公司', 'Zhongke Information Technology Co., Ltd.'],
    ['industry', null, null],
    ['region', null, null],
    ['source', null, null],
    ['ownerId', null, null],
    ['phone', '010-6288 8888', '+86 10 6288 8888'],
    ['email', 'info@example.com', 'info@example.com'],
    ['website', 'www.example.com', 'www.example.com'],
    ['address', '北京市海淀区中关村大街 1 号', '1 Zhongguancun Street, Haidian, Beijing'],
    ['contactName', '王强', 'Wang Qiang'],
    ['notes', '重点客户', 'Key account'],
  ],
  contact: [
    ['name', '陈静', 'Chen Jing'],
    ['accountName', '北京中科信息技术有限公司', 'Zhongke Information Technology Co., Ltd.'],
    ['title', '采购经理', 'Purchasing manager'],
    ['phone', '137 1234 5678', '+86 137 1234 5678'],
    ['email', 'chen.jing@example.com', 'chen.jing@example.com'],
    ['wechat', 'chenjing_88', 'chenjing_88'],
    ['birthday', '1988-06-18', '1988-06-18'],
    ['ownerId', null, null],
    ['notes', '决策人之一', 'One of the decision makers'],
  ],
}

const sheetNames: Record<ImportEntity, Record<Locale, string>> = {
  opportunity: { 'zh-CN': '商机导入模板', en: 'Opportunities' },
  lead: { 'zh-CN': '线索导入模板', en: 'Leads' },
  account: { 'zh-CN': '客户导入模板', en: 'Accounts' },
  contact: { 'zh-CN': '联系人导入模板', en: 'Contacts' },
}

const fileNames: Record<ImportEntity, Record<Locale, string>> = {
  opportunity: { 'zh-CN': '商机导入模板', en: 'opportunity-import-template' },
  lead: { 'zh-CN': '线索导入模板', en: 'lead-import-template' },
  account: { 'zh-CN': '客户导入模板', en: 'account-import-template' },
  contact: { 'zh-CN': '联系人导入模板', en: 'contact-import-template' },
}

/**
 * The downloadable import template: the headers the import maps without
 * help, one example row, and dropdowns with the workspace's own stages (of
 * the first pipeline), sources, lists and people.
 */
export async function writeBlankTemplate(core: Core, entity: ImportEntity, chosen: string | undefined, locale: Locale): Promise<WrittenFile> {
  const en = locale === 'en'
  const label = (item: { labelZh: string; labelEn: string }) => (en ? item.labelEn : item.labelZh)
  const firstPipeline = listPipelines(core.db)[0]
  const stages = firstPipeline ? listStages(core.db, firstPipeline.id).filter((s) => s.active) : []
  const picklists = listPicklists(core.db).filter((p) => p.active)
  const users = listUsers(core.db).filter((u) => u.active)
  const optionsOf = (type: string, list: string | undefined): string[] | undefined => {
    if (type === 'stage') return stages.map((s) => (en ? s.nameEn : s.nameZh))
    if (type === 'picklist') return picklists.filter((p) => p.listKey === list).map(label)
    if (type === 'enum') return enumOptions(list).map(label)
    if (type === 'user' && users.length > 0) return users.map((u) => u.name)
    return undefined
  }
  const columns: SheetColumn[] = []
  const example: Record<string, unknown> = {}
  for (const [key, zh, english] of layouts[entity]) {
    const target = findTarget(entity, key)!
    const options = optionsOf(target.type, target.options)
    const type = target.type === 'date' || target.type === 'currency' ? target.type : 'text'
    columns.push({ key, header: label(target), type, options, width: Math.max(12, label(target).length * 2 + 4) })
    example[key] = (en ? english : zh) ?? options?.[0] ?? null
  }
  const file = outputPath(core, chosen, fileNames[entity][locale], 'xlsx')
  await writeWorkbook([{ name: sheetNames[entity][locale], columns, rows: [example] }], file)
  return { path: file, fileName: path.basename(file), rows: 1 }
}
