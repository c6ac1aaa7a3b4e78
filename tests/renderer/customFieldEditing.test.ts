import type { TFunction } from 'i18next'
import { afterEach, describe, expect, it } from 'vitest'
import type { PicklistItem } from '../../shared/entities'
import { ApiCallError } from '../../renderer/src/api/ApiCallError'
import { customColumnsOf, flattenCustom, nestCustom } from '../../renderer/src/modules/customFields/utils/customColumns'
import { setCustomFieldsForTest } from '../../renderer/src/modules/customFields/utils/customFieldStore'
import { toActivityInput } from '../../renderer/src/modules/followUps/utils/followUpInput'
import { serverFieldErrors } from '../../renderer/src/modules/forms/utils/serverFieldErrors'
import { changedFields, coerceCellText, patchFor, type CellLabels } from '../../renderer/src/modules/grid/utils/cellModel'
import { planPaste } from '../../renderer/src/modules/grid/utils/pastePlan'
import { missingForStage, needsOfRefusal } from '../../renderer/src/modules/grid/utils/stageRules'
import { toCaptureInput } from '../../renderer/src/modules/leads/utils/captureInput'
import { field } from './customFieldFactory'

let nextItemId = 1
function item(value: string, labelZh: string, labelEn: string): PicklistItem {
  return { id: nextItemId++, listKey: 'channel', value, labelZh, labelEn, sortOrder: 0, color: null, active: true }
}

const channels = [item('wechat', '微信', 'WeChat'), item('phone', '电话', 'Phone'), item('email', '邮件', 'E-mail')]
const context = { options: channels }
const labels: CellLabels = {
  userName: () => undefined,
  stageName: () => undefined,
  pipelineName: () => undefined,
  picklistLabel: (_list, value) => channels.find((c) => c.value === value)?.labelZh,
  enumLabel: () => undefined,
  yes: '是',
  no: '否',
}
const t = ((key: string) => key) as unknown as TFunction

const tags = field({ key: 'channels', type: 'multiPicklist', picklistKey: 'channel' })

afterEach(() => setCustomFieldsForTest([]))

function tagsColumn() {
  setCustomFieldsForTest([tags])
  return customColumnsOf('opportunity')[0]!
}

describe('multi-select cells', () => {
  it('reads labels in either language, split by any of , ， ; ； 、 and new lines', () => {
    const column = tagsColumn()
    for (const text of ['微信, Phone', '微信，电话', 'wechat;phone', '微信；Phone', '微信、电话', '微信\nphone', ' WeChat ,, phone ']) {
      expect(coerceCellText(column, text, context)).toEqual({ ok: true, value: ['wechat', 'phone'] })
    }
    expect(coerceCellText(column, '电话、电话', context)).toEqual({ ok: true, value: ['phone'] })
    expect(coerceCellText(column, '', context)).toEqual({ ok: true, value: null })
  })

  it('refuses a label the picklist does not have', () => {
    expect(coerceCellText(tagsColumn(), '微信, 传真', context)).toEqual({ ok: false, reason: 'OPTION_UNKNOWN' })
  })

  it('writes nothing when the same values come back in the same order, and nests the list under custom', () => {
    const column = tagsColumn()
    const row = flattenCustom({ id: 1, custom: { channels: ['wechat', 'phone'] } })
    expect(changedFields(row, patchFor('opportunity', column, { value: ['wechat', 'phone'] }))).toEqual({})
    const changed = changedFields(row, patchFor('opportunity', column, { value: ['phone'] }))
    expect(changed).toEqual({ 'custom.channels': ['phone'] })
    expect(nestCustom(changed)).toEqual({ custom: { channels: ['phone'] } })
  })

  it('plans a paste into a multi-select column as lists, and flags a bad label on its cell', () => {
    const column = tagsColumn()
    const rows = [flattenCustom({ id: 1, version: 3, custom: {} }), flattenCustom({ id: 2, version: 5, custom: { channels: ['email'] } })]
    const plan = (matrix: string[][]) =>
      planPaste({
        entity: 'opportunity',
        matrix,
        columns: [column],
        rows,
        contextFor: () => context,
        accounts: new Map(),
        labels,
        creatable: false,
        newRowDefaults: {},
      })
    const ok = plan([['微信，电话'], ['E-mail']])
    expect(ok.problems).toEqual([])
    expect(ok.changes).toEqual([{ r: 0, id: 1, version: 3, patch: { 'custom.channels': ['wechat', 'phone'] }, before: { 'custom.channels': null } }])
    const bad = plan([['微信、传真'], ['']])
    expect(bad.problems).toMatchObject([{ r: 0, c: 0, column: 'custom.channels', reason: 'OPTION_UNKNOWN' }])
  })
})

describe('custom fields a stage requires', () => {
  const po = field({ key: 'po_number', type: 'text', requiredStageIds: [7] })
  const always = field({ key: 'region', type: 'picklist', required: true })
  const stage = { id: 7, kind: 'open' as const, requiredFields: ['amount' as const] }

  it('lists missing built-in fields first, then custom fields required always or for the stage', () => {
    expect(missingForStage(stage, { amount: null, custom: {} }, [po, always])).toEqual(['amount', 'custom.po_number', 'custom.region'])
    expect(missingForStage(stage, { amount: 5, 'custom.po_number': 'PO-1', custom: { region: 'east' } }, [po, always])).toEqual([])
    expect(missingForStage({ ...stage, id: 8 }, { amount: 5 }, [po])).toEqual([])
  })

  it('reads what a refused move lacks from either refusal', () => {
    const move = { stageId: 7, facts: { custom: {} }, customFields: [po] }
    expect(needsOfRefusal('STAGE_REQUIREMENTS', { stageId: 7, missing: ['amount'] }, move)).toEqual(['amount', 'custom.po_number'])
    expect(needsOfRefusal('CUSTOM_FIELD_REQUIRED', { missing: ['po_number'] }, move)).toEqual(['custom.po_number'])
    expect(needsOfRefusal('CONFLICT', {}, move)).toBeNull()
  })
})

describe('custom values in the lead and follow-up forms', () => {
  it('marks refused custom fields on the form by their key', () => {
    const required = new ApiCallError({ code: 'CUSTOM_FIELD_REQUIRED', message: '请先填写', details: { missing: ['po_number'] } })
    expect(serverFieldErrors(required, t, 'stage')).toEqual([{ name: ['custom', 'po_number'], errors: ['validation.required'] }])
    const invalid = new ApiCallError({ code: 'CUSTOM_VALUE_INVALID', message: 'x', details: { field: 'budget' } })
    expect(serverFieldErrors(invalid, t, 'stage')).toEqual([{ name: ['custom', 'budget'], errors: ['validation.invalid'] }])
  })

  it('sends a captured lead and a follow-up with their custom values, blanks cleared', () => {
    expect(toCaptureInput({ company: ' ACME ', custom: { budget: 5, tags: [] } }, 'check')).toMatchObject({
      company: 'ACME',
      custom: { budget: 5, tags: null },
    })
    expect(toCaptureInput({ company: 'ACME' }, 'check')).not.toHaveProperty('custom')
    expect(toActivityInput({ entityType: 'lead', entityId: 3 }, { type: 'call', content: 'hi', custom: { mood: 'good', note: '' } })).toMatchObject({
      custom: { mood: 'good', note: null },
    })
  })
})
