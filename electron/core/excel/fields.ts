import type { z } from 'zod'
import { findColumn, type ColumnDef } from '../../../shared/columns'
import { GridEntity } from '../../../shared/enums'

/** The entities a workbook can be imported into. */
export const ImportEntity = GridEntity.extract(['opportunity', 'lead', 'account', 'contact'])
export type ImportEntity = z.infer<typeof ImportEntity>

/** A field a column can be mapped to: a grid column, or an import-only field such as 备注. */
export type ImportTarget = Pick<ColumnDef, 'key' | 'type' | 'labelZh' | 'labelEn' | 'options'>

/** Fields an import fills that no grid shows as a column of that entity. */
const importOnly: Record<string, ImportTarget> = {
  contactName: { key: 'contactName', type: 'text', labelZh: '联系人', labelEn: 'Contact' },
  phone: { key: 'phone', type: 'text', labelZh: '电话', labelEn: 'Phone' },
  email: { key: 'email', type: 'text', labelZh: '邮箱', labelEn: 'Email' },
  industry: { key: 'industry', type: 'picklist', labelZh: '行业', labelEn: 'Industry', options: 'industry' },
  region: { key: 'region', type: 'picklist', labelZh: '地区', labelEn: 'Region', options: 'region' },
  signedDate: { key: 'signedDate', type: 'date', labelZh: '签约日期', labelEn: 'Signed date' },
  address: { key: 'address', type: 'text', labelZh: '地址', labelEn: 'Address' },
  notes: { key: 'notes', type: 'text', labelZh: '备注', labelEn: 'Notes' },
}

/** A header word, with how surely it names the field (1 unless it is a looser word). */
type Synonym = string | readonly [text: string, weight: number]

/**
 * What people call each kind of field in Chinese CRM templates, Excel
 * habits, and the exports of Salesforce, HubSpot and the like.
 */
export const concepts = {
  company: [
    '客户名称', '客户', '客户全称', '客户单位', '客户公司', '公司', '公司名称', '公司全称', '企业名称', '企业', '单位',
    '单位名称', '机构名称', '组织名称', 'company', 'company name', 'account', 'account name', 'customer',
    'customer name', 'client', 'client name', 'organization', 'organisation', 'organization name', 'business name',
  ],
  contactPerson: [
    '联系人', '联系人姓名', '联系人名称', '客户联系人', '对接人', ['姓名', 0.9], ['名字', 0.8], 'contact', 'contact name',
    'contact person', ['full name', 0.9],
  ],
  name: [['名称', 0.9], ['name', 0.9]],
  opportunityName: [
    '商机名称', '商机', '商机标题', '项目名称', '项目', '机会名称', '销售机会', '机会', 'opportunity', 'opportunity name',
    'deal', 'deal name', 'project', 'project name',
  ],
  phone: [
    '手机', '手机号', '手机号码', '移动电话', ['电话', 0.95], ['联系电话', 0.95], ['电话号码', 0.95], ['联系方式', 0.8],
    ['固定电话', 0.85], ['座机', 0.85], ['办公电话', 0.85], ['公司电话', 0.85], 'phone', 'mobile', 'mobile phone',
    'cell', 'cell phone', ['telephone', 0.95], ['tel', 0.95], ['phone number', 0.95], ['contact number', 0.95],
    ['business phone', 0.85],
  ],
  email: ['邮箱', '电子邮箱', '电子邮件', '邮件', '邮箱地址', 'email', 'e-mail', ['mail', 0.8], 'email address'],
  wechat: ['微信', '微信号', 'wechat', 'weixin', 'wechat id'],
  amount: [
    '金额', '预计金额', '合同金额', '商机金额', '项目金额', '预算', '预算金额', '成交金额', '销售金额', '报价金额',
    '签约金额', '总金额', '预估金额', 'amount', 'deal value', 'deal amount', 'opportunity amount', 'close value',
    'contract value', 'deal size', ['value', 0.8],
  ],
  currency: ['币种', '货币', '币别', 'currency'],
  stage: [
    '阶段', '销售阶段', '商机阶段', '项目阶段', '跟进阶段', '当前阶段', 'stage', 'stage name', 'deal stage',
    'sales stage', 'pipeline stage',
  ],
  expectedClose: [
    '预计成交日期', '预计成交时间', '预计签约日期', '预计签约时间', '预计达成时间', '预计达成日期', '预计结单日期',
    '预计结单时间', '预计完成时间', '预计成交', ['成交日期', 0.85], ['结单日期', 0.85], 'expected close',
    'expected close date', 'close date', 'closing date', 'estimated close date', 'expected closing date',
  ],
  signedDate: [
    '签约日期', '签约时间', '签单日期', '签订日期', '合同签订日期', 'signed date', 'signing date', 'contract date',
    'date signed',
  ],
  owner: [
    '负责人', '销售', '销售员', '销售人员', '销售代表', '业务员', '跟进人', '所属销售', '客户经理', '归属人', '所有人',
    '销售负责人', '项目负责人', '跟进销售', 'owner', 'sales rep', 'sales agent', 'salesperson', 'sales person',
    'account owner', 'opportunity owner', 'lead owner', 'assigned to', ['rep', 0.8],
  ],
  source: [
    '来源', '客户来源', '线索来源', '商机来源', '来源渠道', '获客渠道', ['渠道', 0.9], 'source', 'lead source',
    ['channel', 0.9], ['origin', 0.8],
  ],
  industry: ['行业', '所属行业', '行业类别', '行业分类', '行业类型', 'industry', 'sector', ['vertical', 0.8]],
  region: [
    '地区', '区域', '所属区域', '所属地区', '所在地区', '大区', '片区', ['省份', 0.9], ['所在省份', 0.9], ['省', 0.85],
    ['城市', 0.85], ['所在城市', 0.85], ['市', 0.8], ['所在地', 0.85], 'region', 'area', 'territory',
    ['province', 0.9], ['state', 0.85], ['city', 0.85], ['office location', 0.9], ['location', 0.8],
  ],
  notes: [
    '备注', '备注信息', '附注', ['说明', 0.9], ['情况说明', 0.9], ['描述', 0.9], ['详情', 0.8], ['简介', 0.8],
    'notes', 'note', 'remarks', 'remark', 'comments', 'comment', 'memo', ['description', 0.9],
  ],
  nextFollowUp: [
    '下次跟进', '下次跟进时间', '下次跟进日期', '下次联系时间', '下次联系日期', '下次回访', '下次回访时间', '计划跟进时间',
    ['回访日期', 0.8], 'next follow-up', 'next follow up', 'next follow-up date', 'follow-up date', 'next contact date',
  ],
  nextStep: [
    '下一步', '下一步计划', '下步计划', '下一步行动', '下一步工作', ['后续计划', 0.8], 'next step', 'next steps',
    'next action',
  ],
  probability: [
    '赢率', '概率', '成交概率', '赢单率', '赢单概率', '成功率', '可能性', ['把握度', 0.8], 'probability',
    'win probability', 'win rate', 'likelihood', ['chance', 0.8],
  ],
  product: ['产品', '产品线', '产品名称', '产品类别', '产品类型', 'product', 'product line', 'products', 'product name'],
  productInterest: [
    '意向产品', '感兴趣产品', '需求', '客户需求', '需求描述', ['意向', 0.9], 'product interest', 'interest',
    'interested in', 'requirement', 'requirements',
  ],
  competitor: ['竞争对手', '竞品', '竞争者', '竞争厂商', 'competitor', 'competitors', 'competition'],
  lossReason: ['输单原因', '丢单原因', '失败原因', '流失原因', '输单理由', 'loss reason', 'lost reason', 'reason lost', 'reason for loss'],
  title: ['职位', '职务', '岗位', '头衔', '职称', 'title', 'job title', 'position', 'job position', ['role', 0.8]],
  website: ['网址', '官网', '网站', '公司网址', '公司官网', '主页', 'website', 'web site', 'url', 'homepage', 'web'],
  address: [
    '地址', '详细地址', '公司地址', '联系地址', '通讯地址', '办公地址', ['注册地址', 0.8], 'address', 'street',
    'street address', 'mailing address', ['billing address', 0.9],
  ],
  birthday: ['生日', '出生日期', '出生年月', 'birthday', 'date of birth', 'birth date', 'dob'],
  leadStatus: [['状态', 0.8], '线索状态', ['跟进状态', 0.8], ['status', 0.8], 'lead status'],
} as const satisfies Record<string, readonly Synonym[]>

export type Concept = keyof typeof concepts

/** Which concepts fill which field, per entity. */
const targetConcepts: Record<ImportEntity, readonly (readonly [key: string, concepts: readonly Concept[]])[]> = {
  opportunity: [
    ['name', ['opportunityName', 'name']],
    ['accountName', ['company']],
    ['contactName', ['contactPerson']],
    ['phone', ['phone']],
    ['email', ['email']],
    ['stageId', ['stage']],
    ['amount', ['amount']],
    ['currency', ['currency']],
    ['probability', ['probability']],
    ['expectedCloseDate', ['expectedClose']],
    ['signedDate', ['signedDate']],
    ['ownerId', ['owner']],
    ['source', ['source']],
    ['productLine', ['product']],
    ['industry', ['industry']],
    ['region', ['region']],
    ['nextStep', ['nextStep']],
    ['nextFollowUpDate', ['nextFollowUp']],
    ['competitor', ['competitor']],
    ['lossReason', ['lossReason']],
    ['notes', ['notes']],
  ],
  lead: [
    ['company', ['company', 'name']],
    ['contactName', ['contactPerson']],
    ['phone', ['phone']],
    ['email', ['email']],
    ['source', ['source']],
    ['region', ['region']],
    ['industry', ['industry']],
    ['productInterest', ['productInterest', 'product']],
    ['status', ['leadStatus']],
    ['ownerId', ['owner']],
    ['nextFollowUpDate', ['nextFollowUp']],
    ['notes', ['notes']],
  ],
  account: [
    ['name', ['company', 'name']],
    ['industry', ['industry']],
    ['region', ['region']],
    ['source', ['source']],
    ['ownerId', ['owner']],
    ['phone', ['phone']],
    ['email', ['email']],
    ['website', ['website']],
    ['address', ['address']],
    ['contactName', ['contactPerson']],
    ['notes', ['notes']],
  ],
  contact: [
    ['name', ['contactPerson', 'name']],
    ['accountName', ['company']],
    ['title', ['title']],
    ['phone', ['phone']],
    ['email', ['email']],
    ['wechat', ['wechat']],
    ['birthday', ['birthday']],
    ['ownerId', ['owner']],
    ['notes', ['notes']],
  ],
}

function targetFor(entity: ImportEntity, key: string): ImportTarget {
  const column = findColumn(entity, key) ?? importOnly[key]
  if (!column) throw new Error(`no column or import-only field ${entity}.${key}`)
  const { type, labelZh, labelEn, options } = column
  return { key, type, labelZh, labelEn, options }
}

export interface TargetConcepts {
  readonly target: ImportTarget
  readonly concepts: readonly Concept[]
}

/** The fields a column of this entity's import can be mapped to, with the words that name each. */
export function importTargets(entity: ImportEntity): readonly TargetConcepts[] {
  return targetConcepts[entity].map(([key, names]) => ({ target: targetFor(entity, key), concepts: names }))
}
