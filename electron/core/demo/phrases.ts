import type { PicklistItem } from '../../../shared/entities'
import type { ActivityType } from '../../../shared/enums'

/**
 * What reps write: follow-up notes, next steps, task titles. Domestic
 * customers get Chinese text, foreign ones English, as a bilingual team would
 * write them. Templates take {contact}, {company}, {product} and {competitor}.
 */

export type Lang = 'zh' | 'en'
/** Where a conversation stands; `care` is looking after an existing customer. */
export type Phase = 'lead' | 'early' | 'middle' | 'late' | 'won' | 'lost' | 'care'
type Pool = Record<Lang, readonly string[]>

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole)
}

export const activityLabels: Record<ActivityType, Record<Lang, string>> = {
  call: { zh: '电话沟通', en: 'Call' },
  visit: { zh: '上门拜访', en: 'Visit' },
  meeting: { zh: '会议', en: 'Meeting' },
  wechat: { zh: '微信沟通', en: 'WeChat' },
  email: { zh: '邮件往来', en: 'Email' },
  other: { zh: '备注', en: 'Note' },
}

/** Which channels fit each phase: early calls and messages, later visits and meetings. */
export const activityMix: Record<Phase, readonly (readonly [ActivityType, number])[]> = {
  lead: [['call', 50], ['wechat', 25], ['email', 20], ['other', 5]],
  early: [['call', 35], ['wechat', 25], ['visit', 20], ['email', 15], ['other', 5]],
  middle: [['meeting', 30], ['visit', 30], ['call', 20], ['email', 10], ['wechat', 10]],
  late: [['meeting', 25], ['call', 25], ['email', 20], ['visit', 15], ['wechat', 15]],
  won: [['visit', 40], ['meeting', 30], ['email', 30]],
  lost: [['call', 50], ['email', 30], ['wechat', 20]],
  care: [['visit', 40], ['call', 30], ['wechat', 20], ['email', 10]],
}

export const topics: Record<Phase, Pool> = {
  lead: {
    zh: [
      '首次联系{contact}，介绍公司及{product}', '确认{contact}的联系方式和决策角色', '了解{company}目前使用的系统和痛点',
      '发送{product}资料和客户案例', '邀请{contact}参加线上产品演示', '初步了解采购时间表和预算',
    ],
    en: [
      'First contact with {contact}; introduced {product}', "Confirmed {contact}'s role in the decision",
      'Asked which systems {company} uses today and where it hurts', 'Sent {product} brochure and customer stories',
      'Invited {contact} to an online demo', 'Asked about budget and buying timeline',
    ],
  },
  early: {
    zh: [
      '与{contact}沟通项目背景和需求范围', '确认预算区间和立项时间', '了解现有流程及{product}的使用场景',
      '梳理决策链，{contact}负责技术评估', '约定下周开展需求调研', '客户内部正在评估多家供应商',
    ],
    en: [
      'Discussed project background and scope with {contact}', 'Confirmed budget range and project timing',
      'Mapped the current process and where {product} fits', 'Mapped the decision chain; {contact} leads the technical evaluation',
      'Agreed on a requirements workshop next week', 'Customer is evaluating several vendors',
    ],
  },
  middle: {
    zh: [
      '为{contact}团队演示{product}方案', '提交技术方案初稿，客户整体认可', '组织技术交流会，解答系统集成问题',
      '安排客户参观标杆案例', '根据客户反馈调整方案和实施计划', 'POC测试环境已搭建，客户开始试用',
    ],
    en: [
      "Demoed the {product} solution to {contact}'s team", 'Sent the first draft of the technical proposal',
      'Held a technical session on integration questions', 'Arranged a reference visit to an existing customer',
      'Revised the proposal and rollout plan after feedback', 'POC environment is live; customer has started testing',
    ],
  },
  late: {
    zh: [
      '发送正式报价单给{contact}', '就付款方式和折扣进行商务谈判', '客户采购部要求再降价5%',
      '客户法务正在审核合同条款', '确认签约时间和首付款比例', '与{contact}确认最终配置和数量',
    ],
    en: [
      'Sent the formal quote to {contact}', 'Negotiated payment terms and discount', 'Procurement asked for another 5% off',
      'Legal is reviewing the contract terms', 'Agreed the signing date and down payment',
      'Confirmed final configuration and quantities with {contact}',
    ],
  },
  won: {
    zh: ['合同已签署，安排项目启动会', '收到盖章合同，已转交实施团队', '客户确认采购{product}，准备交付'],
    en: ['Contract signed; scheduling the kickoff', 'Received the signed contract and handed over to delivery', 'Customer confirmed the {product} order'],
  },
  lost: {
    zh: ['客户通知选择其他方案', '项目暂停，客户预算冻结', '客户决定暂不采购{product}'],
    en: ['Customer chose another option', 'Project on hold; budget frozen', 'Customer decided not to buy {product} for now'],
  },
  care: {
    zh: ['年度客户回访，了解系统使用情况', '客户满意度调查', '拜访{contact}，介绍新版本功能', '节日问候，维护客户关系'],
    en: ['Annual check-in on how things are going', 'Customer satisfaction survey', 'Visited {contact} to present the new release', 'Season greetings'],
  },
}

export const feedback: Pool = {
  zh: [
    '客户反馈积极，认可产品功能', '对价格较为敏感，需要再沟通', '决策人尚未参与，需要推动高层会面', '客户关注实施周期和售后服务',
    '整体进展顺利', '竞争对手报价更低，需突出差异化优势', '客户对数据安全有顾虑', '{contact}表示会在内部推动',
  ],
  en: [
    'Positive feedback on the features', 'Price-sensitive; needs another round', 'Decision maker not involved yet; push for an exec meeting',
    'Concerned about rollout time and support', 'Going well overall', 'A competitor quoted lower; stress our differentiators',
    'Has data security concerns', '{contact} will champion it internally',
  ],
}

/** Next plans double as an open deal's "next step". */
export const nextPlans: Record<Phase, Pool> = {
  lead: {
    zh: ['下周再次电话跟进', '发送客户案例资料', '约线上产品演示', '确认是否有明确采购计划'],
    en: ['Call again next week', 'Send customer stories', 'Book an online demo', 'Check whether there is a buying plan'],
  },
  early: {
    zh: ['安排需求调研会', '整理需求清单发给客户确认', '约见技术负责人', '确认预算审批流程'],
    en: ['Run a requirements workshop', 'Send the requirements list for sign-off', 'Meet the technical lead', 'Confirm the budget approval path'],
  },
  middle: {
    zh: ['提交修订方案', '安排POC测试', '邀请客户参观案例', '准备方案评审会材料'],
    en: ['Send the revised proposal', 'Set up the POC', 'Invite the customer to a reference visit', 'Prepare the proposal review'],
  },
  late: {
    zh: ['跟进合同审批进度', '准备最终报价', '约客户高层敲定签约', '提交合同盖章版'],
    en: ['Chase contract approval', 'Prepare the final quote', 'Meet the exec sponsor to close', 'Send the contract for signature'],
  },
  won: {
    zh: ['召开项目启动会', '跟进首付款到账'],
    en: ['Hold the kickoff meeting', 'Follow up the down payment'],
  },
  lost: {
    zh: ['半年后再回访', '保持关系，关注下次采购机会'],
    en: ['Check back in six months', 'Keep in touch for the next buying cycle'],
  },
  care: {
    zh: ['了解增购需求', '邀请参加客户大会'],
    en: ['Ask about expansion needs', 'Invite to the customer conference'],
  },
}

export const taskTitles: Record<Phase, Pool> = {
  lead: {
    zh: ['回访{company}', '发送产品资料给{contact}', '确认{contact}的采购需求'],
    en: ['Call back {company}', 'Send product material to {contact}', "Confirm {contact}'s needs"],
  },
  early: {
    zh: ['准备需求调研提纲', '整理{company}需求清单', '预约{contact}面谈'],
    en: ['Prepare the discovery questions', 'Write up the {company} requirements', 'Book a meeting with {contact}'],
  },
  middle: {
    zh: ['准备{product}演示环境', '提交技术方案', '安排案例参观'],
    en: ['Prepare the {product} demo', 'Send the technical proposal', 'Arrange a reference visit'],
  },
  late: {
    zh: ['发送正式报价单', '跟进合同审批', '确认付款条款'],
    en: ['Send the formal quote', 'Chase contract approval', 'Confirm payment terms'],
  },
  won: {
    zh: ['安排项目启动会', '催收首付款'],
    en: ['Schedule the kickoff', 'Chase the down payment'],
  },
  lost: {
    zh: ['复盘输单原因'],
    en: ['Write the loss review'],
  },
  care: {
    zh: ['回访{company}使用情况'],
    en: ['Check in with {company}'],
  },
}

/** Keyed by loss_reason picklist value; anything else uses `other`. */
export const lossNotes: Record<string, Pool> = {
  price: { zh: ['客户最终选择了更低价的方案', '预算只够我们报价的七成'], en: ['Customer went with a cheaper offer', 'Their budget covered only 70% of our quote'] },
  competitor: { zh: ['{competitor}报价更低并承诺免费实施', '客户高层与{competitor}有长期合作'], en: ['{competitor} quoted lower and offered free rollout', 'Their management has a long relationship with {competitor}'] },
  no_budget: { zh: ['客户年度预算被削减', '预算转投其他项目'], en: ['Annual budget was cut', 'Budget moved to another project'] },
  no_decision: { zh: ['客户内部迟迟无法决策，项目搁置', '关键联系人离职，项目无人推动'], en: ['No decision internally; project shelved', 'Our champion left; nobody drives it'] },
  timing: { zh: ['客户计划明年再启动', '客户正在组织架构调整'], en: ['Customer plans to restart next year', 'Customer is reorganising'] },
  product_fit: { zh: ['客户需要的定制功能我们暂不支持', '客户要求私有化部署'], en: ['They need custom features we do not offer', 'They require on-premise deployment'] },
  other: { zh: ['客户选择暂缓'], en: ['Customer put it on hold'] },
}

export const leadNotes: Pool = {
  zh: ['展会上交换名片', '官网留言咨询价格', '老客户介绍', '对移动端功能感兴趣', '希望月底前拿到报价', '通过公众号文章联系'],
  en: ['Met at the trade show', 'Asked for pricing on the website', 'Introduced by a customer', 'Interested in the mobile app', 'Wants a quote by month end'],
}

export const accountNotes: Pool = {
  zh: ['行业标杆客户，可作为案例', '采购流程较长，需提前立项', '集团统一采购', '对服务响应速度要求高'],
  en: ['Reference customer in its industry', 'Long procurement cycle', 'Buys centrally for the group', 'Expects fast support'],
}

export const installmentNotes: Record<Lang, { only: string; first: string; middle: string; last: string }> = {
  zh: { only: '全款', first: '首付款', middle: '进度款', last: '验收尾款' },
  en: { only: 'Full payment', first: 'Down payment', middle: 'Progress payment', last: 'Final payment on acceptance' },
}

/** A product line as a rep would write it, or a generic word where the workspace has no product lines. */
export function productLabel(lang: Lang, product: PicklistItem | null): string {
  if (!product) return lang === 'zh' ? '产品' : 'our products'
  return lang === 'zh' ? product.labelZh : product.labelEn
}

export function opportunityName(
  lang: Lang,
  pipelineKey: string,
  company: string,
  product: string,
  year: number,
): string {
  if (pipelineKey === 'renewal') return lang === 'zh' ? `${company} - ${year}年度续约` : `${company} - ${year} renewal`
  if (pipelineKey === 'project') return lang === 'zh' ? `${company} - ${product}实施项目` : `${company} - ${product} rollout`
  return `${company} - ${product}`
}
