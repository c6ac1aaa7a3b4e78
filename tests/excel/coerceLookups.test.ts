import { describe, expect, it } from 'vitest'
import type { ColumnType } from '../../shared/columns'
import { Locale } from '../../shared/enums'
import {
  CoerceReason,
  coerceForColumn,
  coerceMessage,
  currencyOptions,
  matchOption,
  matchStage,
  matchUser,
  type StageRef,
} from '../../shared/coerce'

const sources = [
  { value: 'website', labelZh: '官网', labelEn: 'Website' },
  { value: 'referral', labelZh: '客户推荐', labelEn: 'Referral' },
  { value: 'exhibition', labelZh: '展会', labelEn: 'Trade show' },
  { value: 'cold_call', labelZh: '电话开发', labelEn: 'Cold call' },
]

/** The default 新客户 pipeline, plus the won and lost stages of 项目. */
const newBusiness: StageRef[] = [
  { id: 1, key: 'discovery', nameZh: '初步接洽', nameEn: 'Discovery', kind: 'open' },
  { id: 2, key: 'qualified', nameZh: '需求确认', nameEn: 'Qualified', kind: 'open' },
  { id: 4, key: 'quote', nameZh: '报价', nameEn: 'Quote', kind: 'open' },
  { id: 6, key: 'won', nameZh: '赢单', nameEn: 'Won', kind: 'won' },
  { id: 7, key: 'lost', nameZh: '输单', nameEn: 'Lost', kind: 'lost' },
]
const project: StageRef[] = [
  { id: 14, key: 'contracting', nameZh: '签约跟进', nameEn: 'Contracting', kind: 'open' },
  { id: 15, key: 'won', nameZh: '中标', nameEn: 'Won', kind: 'won' },
  { id: 16, key: 'lost', nameZh: '未中标', nameEn: 'Lost', kind: 'lost' },
]

describe('picklist and enum labels', () => {
  it.each([
    ['website', 'website'],
    ['WEBSITE', 'website'],
    ['官网', 'website'],
    [' 官网 ', 'website'],
    ['Ｗｅｂｓｉｔｅ', 'website'],
    ['trade show', 'exhibition'],
    ['TradeShow', 'exhibition'],
    ['cold-call', 'cold_call'],
    ['Cold Call', 'cold_call'],
  ])('%s is %s', (raw, value) => {
    expect(matchOption(raw, sources)).toEqual({ ok: true, value })
  })

  it('refuses unknown labels and blanks nothing', () => {
    expect(matchOption('抖音', sources)).toEqual({ ok: false, reason: 'OPTION_UNKNOWN' })
    expect(matchOption('', sources)).toEqual({ ok: true, value: null })
  })

  it('prefers an item’s own value to another item’s label, and calls a tie ambiguous', () => {
    const tricky = [
      { value: 'A', labelZh: '甲', labelEn: 'B' },
      { value: 'B', labelZh: '乙', labelEn: 'Bee' },
      { value: 'C', labelZh: '丙', labelEn: 'Same' },
      { value: 'D', labelZh: '丁', labelEn: 'same' },
    ]
    expect(matchOption('b', tricky)).toEqual({ ok: true, value: 'B' })
    expect(matchOption('same', tricky)).toEqual({ ok: false, reason: 'OPTION_AMBIGUOUS' })
  })

  it('matches currencies by code and by name', () => {
    expect(matchOption('人民币', currencyOptions)).toEqual({ ok: true, value: 'CNY' })
    expect(matchOption('usd', currencyOptions)).toEqual({ ok: true, value: 'USD' })
    expect(matchOption('港币', currencyOptions)).toEqual({ ok: true, value: 'HKD' })
  })
})

describe('stages', () => {
  it.each([
    ['discovery', 1],
    ['初步接洽', 1],
    ['Quote', 4],
    ['赢单', 6],
    ['Won', 6],
    ['Closed Won', 6],
    ['closed-won', 6],
    ['成交', 6],
    ['已成交', 6],
    ['签约', 6],
    ['Lost', 7],
    ['Closed Lost', 7],
    ['丢单', 7],
    ['输单', 7],
    ['失败', 7],
  ])('%s is stage %s', (raw, id) => {
    expect(matchStage(raw, newBusiness)).toEqual({ ok: true, value: id })
  })

  it('leaves unknown stages to the caller', () => {
    expect(matchStage('Prospecting', newBusiness)).toEqual({ ok: false, reason: 'STAGE_UNKNOWN' })
  })

  it('matches a name before a meaning: 签约跟进 is an open stage, 签约 the won one', () => {
    expect(matchStage('签约跟进', project)).toEqual({ ok: true, value: 14 })
    expect(matchStage('签约', project)).toEqual({ ok: true, value: 15 })
  })

  it('will not pick between two pipelines’ won stages', () => {
    expect(matchStage('Closed Won', [...newBusiness, ...project])).toEqual({ ok: false, reason: 'STAGE_AMBIGUOUS' })
    expect(matchStage('中标', [...newBusiness, ...project])).toEqual({ ok: true, value: 15 })
  })
})

describe('team members', () => {
  const users = [
    { id: 1, name: '李娜', nameEn: 'Li Na', email: 'lina@example.com' },
    { id: 2, name: '王伟', nameEn: 'Wang Wei', email: 'wangwei@example.com' },
    { id: 3, name: '王伟', nameEn: null, email: 'wangwei2@example.com' },
  ]

  it('finds people by name, English name or e-mail', () => {
    expect(matchUser('李娜', users)).toEqual({ ok: true, value: 1 })
    expect(matchUser('li na', users)).toEqual({ ok: true, value: 1 })
    expect(matchUser('WANGWEI2@example.com', users)).toEqual({ ok: true, value: 3 })
  })

  it('will not guess between namesakes', () => {
    expect(matchUser('王伟', users)).toEqual({ ok: false, reason: 'USER_AMBIGUOUS' })
    expect(matchUser('张三', users)).toEqual({ ok: false, reason: 'USER_UNKNOWN' })
  })
})

describe('coerceForColumn', () => {
  const context = {
    utcOffsetMinutes: 480,
    unitMultiplier: 10_000,
    options: sources,
    stages: newBusiness,
    users: [{ id: 9, name: '李娜', nameEn: 'Li Na', email: null }],
    pipelines: [{ id: 1, key: 'new_business', nameZh: '新客户', nameEn: 'New business' }],
  }

  it.each<[ColumnType, unknown, unknown]>([
    ['text', ' 02152534888\t', { ok: true, value: '02152534888' }],
    ['text', 13800138000, { ok: true, value: '13800138000' }],
    ['text', 0.5, { ok: true, value: '0.5' }],
    ['text', true, { ok: true, value: 'TRUE' }],
    ['text', new Date(Date.UTC(2019, 0, 1)), { ok: true, value: '2019-01-01' }],
    ['account', '满记甜品（上海）有限公司', { ok: true, value: '满记甜品（上海）有限公司' }],
    ['number', '2,822', { ok: true, value: 2822 }],
    ['currency', 680, { ok: true, value: 6_800_000 }],
    ['currency', '$3,000.50', { ok: true, value: 30_005_000, currency: 'USD' }],
    ['currency', '12万美元', { ok: true, value: 120_000, currency: 'USD' }],
    ['percent', '12.6%', { ok: true, value: 13 }],
    ['date', '2026-05-30', { ok: true, value: '2026-05-30' }],
    ['datetime', '2026-05-30 09:00', { ok: true, value: '2026-05-30T01:00:00.000Z' }],
    ['picklist', '展会', { ok: true, value: 'exhibition' }],
    ['enum', 'Referral', { ok: true, value: 'referral' }],
    ['stage', 'Closed Won', { ok: true, value: 6 }],
    ['user', 'Li Na', { ok: true, value: 9 }],
    ['pipeline', '新客户', { ok: true, value: 1 }],
    ['boolean', '是', { ok: true, value: true }],
    ['date', { error: '#REF!' }, { ok: false, reason: 'CELL_ERROR' }],
    ['text', '#N/A', { ok: false, reason: 'CELL_ERROR' }],
    ['currency', null, { ok: true, value: null }],
  ])('%s: %j', (type, raw, expected) => {
    expect(coerceForColumn(type, raw as never, context)).toEqual(expected)
  })
})

describe('reason messages', () => {
  it('has a sentence in each language for every code', () => {
    for (const reason of CoerceReason.options) {
      for (const locale of Locale.options) expect(coerceMessage(reason, locale).length).toBeGreaterThan(4)
    }
  })
})
