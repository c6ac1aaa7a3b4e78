import type { Locator, Page } from '@playwright/test'
import type { PicklistItem } from '../../shared/entities'
import { expect, loadDemoWorkspace, test } from '../fixtures'
import { chooseOption, clickUntil } from './click-until'
import { cellOf, dataRows, expectActiveCell, gridKeys, invoke, pasteTsv, pipelineGrid, rowId } from './grid-helpers'

/**
 * Issue 8: custom fields work where built-in fields do — the lead capture
 * form and lead drawer (required values refused by the core, marked on the
 * field), a multi-select edited and pasted in the grid, and a stage that
 * requires a custom field asking for it when a deal is dragged into it.
 */

test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

async function goTo(page: Page, hash: string) {
  await page.evaluate((to) => ((globalThis as unknown as { location: { hash: string } }).location.hash = to), hash)
}

const leadByCompany = async (page: Page, company: string) =>
  (await invoke(page.request, 'leads.list', { search: company, limit: 5 })).rows.find((l) => l.company === company)

test('a required lead custom field: the capture form asks for it, the core refuses a field added meanwhile, the drawer shows both', async ({ page }) => {
  test.setTimeout(180_000)
  await loadDemoWorkspace(page)
  const COMPANY = '自定义字段测试有限公司'

  // Settings → 自定义字段 → 线索: a required text field with help text.
  await goTo(page, '/settings')
  await page.getByRole('tab', { name: '自定义字段', exact: true }).click()
  await page.getByRole('tab', { name: '线索', exact: true }).click()
  await page.getByRole('button', { name: '添加字段' }).click()
  const dialog = page.getByRole('dialog', { name: '添加字段' })
  await dialog.getByLabel('中文显示名').fill('采购编号')
  await dialog.getByLabel('英文显示名').fill('PO number')
  await dialog.getByLabel('标识').fill('po_number')
  await dialog.getByLabel('始终必填').check()
  await dialog.getByLabel('帮助说明').fill('客户采购系统里的编号')
  await dialog.getByRole('button', { name: '保存' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('table', { name: '线索的自定义字段' }).getByText('采购编号')).toBeVisible()

  // The capture form shows it, required; saving without it is stopped on the field.
  await goTo(page, '/leads')
  await page.getByRole('button', { name: '新建线索' }).first().click()
  const form = page.getByRole('dialog', { name: '新建线索' })
  // The demo workspace's lead rules ask for a phone or an e-mail, and a source.
  const source = (await invoke(page.request, 'picklists.list', {})).find((i) => i.listKey === 'source' && i.active)!
  await form.getByLabel('公司').fill(COMPANY)
  await form.getByLabel('电话').fill('021 6888 0417')
  await chooseOption(page, form.getByLabel('来源'), source.labelZh)
  const po = form.getByLabel('采购编号')
  await expect(po).toBeVisible()
  await form.getByRole('button', { name: '保存线索' }).click()
  await expect(form.getByText('请填写“采购编号”')).toBeVisible()
  expect(await leadByCompany(page, COMPANY)).toBeUndefined()

  // A colleague makes a second field required while the form is open: the core refuses, and the form shows that field, marked.
  await invoke(page.request, 'customFields.create', { entity: 'lead', key: 'budget_owner', type: 'text', labelZh: '预算负责人', labelEn: 'Budget owner', required: true })
  // Follow-ups get one too (a default value and help text), for the follow-up dialog below.
  await invoke(page.request, 'customFields.create', { entity: 'activity', key: 'visit_kind', type: 'text', labelZh: '拜访方式', labelEn: 'Visit kind', defaultValue: '电话', helpText: '电话、上门或视频' })
  await po.fill('PO-2026-001')
  await form.getByRole('button', { name: '保存线索' }).click()
  await expect(form.getByRole('alert')).toContainText('请先填写必填的自定义字段')
  const owner = form.getByLabel('预算负责人')
  await expect(owner).toBeVisible()
  await expect(form.locator('.ant-form-item-has-error')).toContainText('预算负责人')
  expect(await leadByCompany(page, COMPANY)).toBeUndefined()

  await owner.fill('王经理')
  await form.getByRole('button', { name: '保存线索' }).click()
  await expect(form).toBeHidden()
  const lead = await leadByCompany(page, COMPANY)
  expect(lead?.custom).toEqual({ po_number: 'PO-2026-001', budget_owner: '王经理' })

  // The lead drawer shows the values under 自定义字段, and saves an edit.
  await page.getByRole('radio', { name: '全部线索' }).check({ force: true })
  await page.getByLabel('快速搜索').fill(COMPANY)
  await page.getByRole('button', { name: `打开“${COMPANY}”` }).click()
  const drawer = page.getByRole('dialog').filter({ hasText: COMPANY })
  await drawer.getByRole('tab', { name: '自定义字段' }).click()
  await expect(drawer.getByLabel('采购编号')).toHaveValue('PO-2026-001')
  await expect(drawer.getByLabel('预算负责人')).toHaveValue('王经理')
  await drawer.getByLabel('采购编号').fill('PO-2026-002')
  await drawer.getByRole('button', { name: '保存自定义字段' }).click()
  await expect(page.getByText('自定义字段已保存')).toBeVisible()
  await expect.poll(async () => (await leadByCompany(page, COMPANY))?.custom.po_number).toBe('PO-2026-002')

  // The follow-up dialog carries the follow-up's custom fields, with their defaults.
  await drawer.getByRole('button', { name: '记录跟进' }).click()
  const entry = page.getByRole('dialog', { name: `记录跟进：${COMPANY}` })
  await entry.getByLabel('跟进内容').fill('电话确认了采购流程')
  await expect(entry.getByLabel('拜访方式')).toHaveValue('电话')
  await entry.getByLabel('拜访方式').fill('上门')
  await entry.getByRole('button', { name: '保存跟进' }).click()
  await expect(entry).toBeHidden()
  const detail = await invoke(page.request, 'leads.detail', { id: lead!.id })
  expect(detail.activities.find((a) => a.content === '电话确认了采购流程')?.custom).toEqual({ visit_kind: '上门' })
})

test('a multi-select custom field is edited in a grid cell, pasted into in either language, and cleared', async ({ page }) => {
  test.setTimeout(180_000)
  await loadDemoWorkspace(page)
  const items = (await invoke(page.request, 'picklists.list', {})).filter((i) => i.listKey === 'industry' && i.active)
  const [a, b, c] = items as [PicklistItem, PicklistItem, PicklistItem]
  await invoke(page.request, 'customFields.create', { entity: 'opportunity', key: 'industries', type: 'multiPicklist', picklistKey: 'industry', labelZh: '涉及行业', labelEn: 'Industries' })
  await page.reload()
  await goTo(page, '/pipeline')
  const grid = pipelineGrid(page)
  const rows = dataRows(grid)
  await expect(rows.first()).toBeVisible()
  const ids = [await rowId(rows.nth(0)), await rowId(rows.nth(1)), await rowId(rows.nth(2))]
  const stored = async (i: number) => (await invoke(page.request, 'opportunities.get', { id: ids[i]! })).custom.industries ?? null

  // Enter opens a multiple choice in the cell; two picks, Tab writes them.
  await (await cellOf(grid, rows.nth(0), '涉及行业')).click()
  await expectActiveCell(page, '涉及行业', 1)
  await gridKeys(page).press('Enter')
  const editor = grid.getByRole('combobox', { name: /涉及行业/ })
  await expect(editor).toBeFocused()
  await chooseOption(page, editor, a.labelZh)
  await chooseOption(page, editor, b.labelZh)
  await editor.press('Tab')
  await expect.poll(() => stored(0)).toEqual([a.value, b.value])
  await expect(await cellOf(grid, rows.nth(0), '涉及行业')).toContainText(a.labelZh)

  // Paste: Chinese and English labels, separated by 、 and ；, one list per row.
  await (await cellOf(grid, rows.nth(1), '涉及行业')).click()
  await expectActiveCell(page, '涉及行业', 2)
  await pasteTsv(page, `${c.labelZh}、${a.labelEn}\r\n${b.labelEn}；${c.labelZh}`)
  await expect(page.getByText(/已粘贴，修改 2 条记录/)).toBeVisible()
  expect(await stored(1)).toEqual([c.value, a.value])
  expect(await stored(2)).toEqual([b.value, c.value])

  // Fill down from the first row over the second, then clear the third.
  await (await cellOf(grid, rows.nth(0), '涉及行业')).click()
  await (await cellOf(grid, rows.nth(1), '涉及行业')).click({ modifiers: ['Shift'] })
  await gridKeys(page).press('ControlOrMeta+D')
  await expect.poll(() => stored(1)).toEqual([a.value, b.value])
  await (await cellOf(grid, rows.nth(2), '涉及行业')).click()
  await expectActiveCell(page, '涉及行业', 3)
  await gridKeys(page).press('Delete')
  await expect.poll(() => stored(2)).toBeNull()
})

function column(page: Page, stage: string): Locator {
  return page.getByTestId('kanban-column').filter({ has: page.locator('.wb-kanban-stage', { hasText: new RegExp(`^${stage}$`) }) })
}

/** Drags a card with the mouse, letting go once the board shows the target column as the drop target. */
async function drag(page: Page, from: Locator, to: Locator) {
  await from.scrollIntoViewIfNeeded()
  const box = (await from.boundingBox())!
  await page.mouse.move(box.x + box.width / 2, box.y + box.height - 20)
  await page.mouse.down()
  await page.mouse.move(box.x + box.width / 2 + 10, box.y + box.height - 10, { steps: 4 })
  await expect(page.locator('.wb-kanban-card-overlay')).toBeVisible()
  const target = (await to.boundingBox())!
  await page.mouse.move(target.x + target.width / 2, target.y + 120, { steps: 12 })
  await expect(to).toHaveClass(/wb-kanban-column-over/)
  await page.mouse.up()
}

test('dragging a deal into a stage that requires a custom field asks for it, then moves the deal', async ({ page }) => {
  test.setTimeout(180_000)
  await loadDemoWorkspace(page)
  const stage = (await invoke(page.request, 'stages.list', {})).find((s) => s.nameZh === '需求确认')!
  await invoke(page.request, 'customFields.create', {
    entity: 'opportunity',
    key: 'decision_maker',
    type: 'text',
    labelZh: '决策人',
    labelEn: 'Decision maker',
    requiredStageIds: [stage.id],
    helpText: '进入需求确认前须明确',
  })
  await page.reload()
  await page.getByRole('navigation').getByText('销售看板').click()
  await expect(page.getByTestId('kanban')).toBeVisible()

  const card = column(page, '初步接洽').getByTestId('kanban-card').first()
  await expect(card).toBeVisible()
  const id = Number(await card.getAttribute('data-card-id'))
  await drag(page, card, column(page, '需求确认'))
  const prompt = page.getByRole('dialog', { name: '进入“需求确认”前还需填写' })
  await expect(prompt).toBeVisible()
  // A click while the dialog still opens can be lost (seen in CI): click until the form answers.
  const save = prompt.getByRole('button', { name: '保存并移动' })
  await clickUntil(save, prompt.getByText('此项为必填'))
  await prompt.getByLabel('决策人').fill('李总')
  await clickUntil(save, page.getByText(/已移至“需求确认”/))
  const deal = await invoke(page.request, 'opportunities.get', { id })
  expect(deal.stageName).toBe('需求确认')
  expect(deal.custom.decision_maker).toBe('李总')
})
