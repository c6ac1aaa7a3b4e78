import type { Database } from 'better-sqlite3'

interface StageSeed {
  key: string
  zh: string
  en: string
  probability: number
  kind: 'open' | 'won' | 'lost'
  rotting: number | null
  forecast: string
  required?: string[]
}

/** 新客户 / 续约 / 项目: the three pipelines a team starts with. */
const pipelines: { key: string; zh: string; en: string; stages: StageSeed[] }[] = [
  {
    key: 'new_business',
    zh: '新客户',
    en: 'New business',
    stages: [
      { key: 'discovery', zh: '初步接洽', en: 'Discovery', probability: 10, kind: 'open', rotting: 14, forecast: 'pipeline' },
      { key: 'qualified', zh: '需求确认', en: 'Qualified', probability: 25, kind: 'open', rotting: 21, forecast: 'pipeline' },
      { key: 'solution', zh: '方案演示', en: 'Solution', probability: 40, kind: 'open', rotting: 21, forecast: 'best_case' },
      {
        key: 'quote', zh: '报价', en: 'Quote', probability: 60, kind: 'open', rotting: 14, forecast: 'best_case',
        required: ['amount', 'expectedCloseDate'],
      },
      {
        key: 'negotiation', zh: '商务谈判', en: 'Negotiation', probability: 80, kind: 'open', rotting: 10, forecast: 'commit',
        required: ['amount', 'expectedCloseDate'],
      },
      {
        key: 'won', zh: '赢单', en: 'Won', probability: 100, kind: 'won', rotting: null, forecast: 'closed',
        required: ['amount', 'signedDate'],
      },
      { key: 'lost', zh: '输单', en: 'Lost', probability: 0, kind: 'lost', rotting: null, forecast: 'omitted', required: ['lossReason'] },
    ],
  },
  {
    key: 'renewal',
    zh: '续约',
    en: 'Renewal',
    stages: [
      { key: 'renewal_due', zh: '待续约', en: 'Renewal due', probability: 50, kind: 'open', rotting: 14, forecast: 'best_case' },
      {
        key: 'renewal_quote', zh: '续约报价', en: 'Renewal quote', probability: 75, kind: 'open', rotting: 10, forecast: 'commit',
        required: ['amount', 'expectedCloseDate'],
      },
      {
        key: 'won', zh: '已续约', en: 'Renewed', probability: 100, kind: 'won', rotting: null, forecast: 'closed',
        required: ['amount', 'signedDate'],
      },
      { key: 'lost', zh: '未续约', en: 'Churned', probability: 0, kind: 'lost', rotting: null, forecast: 'omitted', required: ['lossReason'] },
    ],
  },
  {
    key: 'project',
    zh: '项目',
    en: 'Project',
    stages: [
      { key: 'initiation', zh: '立项', en: 'Initiation', probability: 20, kind: 'open', rotting: 30, forecast: 'pipeline' },
      { key: 'bidding', zh: '投标', en: 'Bidding', probability: 50, kind: 'open', rotting: 21, forecast: 'best_case', required: ['amount'] },
      {
        key: 'contracting', zh: '签约跟进', en: 'Contracting', probability: 80, kind: 'open', rotting: 14, forecast: 'commit',
        required: ['amount', 'expectedCloseDate'],
      },
      {
        key: 'won', zh: '中标', en: 'Won', probability: 100, kind: 'won', rotting: null, forecast: 'closed',
        required: ['amount', 'signedDate'],
      },
      { key: 'lost', zh: '未中标', en: 'Lost', probability: 0, kind: 'lost', rotting: null, forecast: 'omitted', required: ['lossReason'] },
    ],
  },
]

type Pick = [value: string, zh: string, en: string, color?: string]

const picklists: Record<string, Pick[]> = {
  source: [
    ['website', '官网', 'Website', '#1677ff'],
    ['referral', '客户推荐', 'Referral', '#52c41a'],
    ['exhibition', '展会', 'Trade show', '#fa8c16'],
    ['cold_call', '电话开发', 'Cold call', '#8c8c8c'],
    ['partner', '渠道伙伴', 'Partner', '#722ed1'],
    ['wechat', '微信', 'WeChat', '#13c2c2'],
    ['advertising', '广告投放', 'Advertising', '#eb2f96'],
  ],
  industry: [
    ['manufacturing', '制造业', 'Manufacturing'],
    ['retail', '零售', 'Retail'],
    ['finance', '金融', 'Finance'],
    ['healthcare', '医疗', 'Healthcare'],
    ['education', '教育', 'Education'],
    ['it', '信息技术', 'IT'],
    ['logistics', '物流', 'Logistics'],
    ['energy', '能源', 'Energy'],
  ],
  region: [
    ['north', '华北', 'North China'],
    ['east', '华东', 'East China'],
    ['south', '华南', 'South China'],
    ['central', '华中', 'Central China'],
    ['west', '西部', 'West China'],
    ['overseas', '海外', 'Overseas'],
  ],
  product_line: [
    ['crm', 'CRM 软件', 'CRM software'],
    ['erp', 'ERP 系统', 'ERP system'],
    ['hardware', '硬件设备', 'Hardware'],
    ['services', '实施服务', 'Services'],
    ['training', '培训', 'Training'],
  ],
  loss_reason: [
    ['price', '价格过高', 'Price too high'],
    ['competitor', '输给竞争对手', 'Lost to competitor'],
    ['no_budget', '无预算', 'No budget'],
    ['no_decision', '客户无决策', 'No decision'],
    ['timing', '时机不对', 'Bad timing'],
    ['product_fit', '产品不匹配', 'Product fit'],
  ],
}

export function seedDefaultConfiguration(db: Database): void {
  const insertPipeline = db.prepare('INSERT INTO pipelines (key, name_zh, name_en, sort_order) VALUES (?, ?, ?, ?)')
  const insertStage = db.prepare(
    `INSERT INTO stages (pipeline_id, key, name_zh, name_en, sort_order, probability, kind, rotting_days,
       forecast_category, required_fields)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  pipelines.forEach((p, pi) => {
    const pipelineId = insertPipeline.run(p.key, p.zh, p.en, pi + 1).lastInsertRowid
    p.stages.forEach((s, si) =>
      insertStage.run(
        pipelineId, s.key, s.zh, s.en, si + 1, s.probability, s.kind, s.rotting, s.forecast,
        JSON.stringify(s.required ?? []),
      ),
    )
  })
  const insertPick = db.prepare(
    'INSERT INTO picklists (list_key, value, label_zh, label_en, sort_order, color) VALUES (?, ?, ?, ?, ?, ?)',
  )
  for (const [listKey, items] of Object.entries(picklists)) {
    items.forEach(([value, zh, en, color], i) => insertPick.run(listKey, value, zh, en, i + 1, color ?? null))
  }
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('baseCurrency', JSON.stringify('CNY'))
}
