import path from 'node:path'
import type { APIRequestContext, Page } from '@playwright/test'
import { expect, test } from '../fixtures'
import { dataRows, invoke } from './grid-helpers'
import { takingScreenshots } from './screenshotMode'

interface User {
  id: number
  name: string
  role: string
  active: boolean
}
interface Lead {
  id: number
  company: string
  ownerId: number | null
  status: string
  version: number
}
interface Contact {
  id: number
  name: string
  email: string | null
  version: number
}
interface Page1<T> {
  rows: T[]
  total: number
}

/** With SCREENSHOTS (or WORKBENCH_SCREENSHOTS=1) set, the walk also writes pictures for the README. */
const shotsDir = path.resolve(import.meta.dirname, '../../docs/screenshots')
async function snap(page: Page, name: string) {
  if (takingScreenshots) await page.screenshot({ path: path.join(shotsDir, `${name}.png`), animations: 'disabled' })
}

const COMPANY = '杭州云栖数智科技有限公司'
const PHONE = '13912345678'

/** A small demo workspace through the API (quicker than the button), with rules that keep the test's lead in the pool. */
async function prepareWorkspace(request: APIRequestContext) {
  await invoke(request, 'workspace.loadDemo', { scale: 200 })
  // The automatic rules return neglected demo leads to the pool; run them now so counts hold still during the test.
  await invoke(request, 'automations.run', {})
  await invoke(request, 'assignmentRules.save', { rules: [] })
  await invoke(request, 'loopConfig.update', { leadRequiredFields: ['company', 'phoneOrEmail'] })
  const users = await invoke<User[]>(request, 'users.list', {})
  const reps = users.filter((u) => u.active && u.role === 'rep')
  return { first: reps[0]!, second: reps[1]! }
}

async function pickCurrentUser(page: Page, { id, name }: User) {
  const picker = page.getByRole('combobox', { name: '当前用户' })
  await picker.click()
  await picker.fill(name)
  await page.locator('.ant-select-item-option').filter({ hasText: name }).first().click()
  await expect(page.locator('.wb-header').getByTitle(name)).toBeVisible()
  await expect.poll(async () => (await invoke<{ currentUserId: number | null }>(page.request, 'settings.get', {})).currentUserId).toBe(id)
}

const leadByCompany = async (request: APIRequestContext) =>
  (await invoke<Page1<Lead>>(request, 'leads.list', { search: COMPANY, limit: 5 })).rows.find((l) => l.company === COMPANY)

test('a lead goes from capture past a duplicate warning to the pool, a claim, a deal, search and history', async ({ page, request }) => {
  test.setTimeout(150_000)
  const { first, second } = await prepareWorkspace(request)
  const existing = await invoke<Contact>(request, 'contacts.create', { name: '周敏', phone: PHONE })
  await page.goto('/#/leads')
  await pickCurrentUser(page, first)

  // Capture: the phone matches the contact, so the form warns as the person types and asks before saving.
  await page.getByRole('button', { name: '新建线索' }).first().click()
  const form = page.getByRole('dialog', { name: '新建线索' })
  await form.getByLabel('公司').fill(COMPANY)
  await form.getByLabel('联系人').fill('周敏')
  await form.getByLabel('电话').fill('139 1234 5678')
  const similar = form.getByRole('region', { name: '发现相似记录' })
  await expect(similar.getByText('周敏')).toBeVisible({ timeout: 20_000 })
  await expect(similar.getByText('相同：电话')).toBeVisible()
  await snap(page, 'lead-capture-duplicates')
  await form.getByRole('button', { name: '保存线索' }).click()
  const confirm = page.getByRole('dialog', { name: '这可能是重复记录' })
  await expect(confirm).toBeVisible()
  await confirm.getByRole('button', { name: '仍然保存' }).click()
  await expect(form).toBeHidden()
  const captured = await leadByCompany(request)
  expect(captured).toMatchObject({ ownerId: null, status: 'new' })

  // Another rep claims it from the pool, up to the claim limit.
  await pickCurrentUser(page, second)
  const status = await invoke<{ held: number }>(request, 'pool.status', { userId: second.id })
  await invoke(request, 'loopConfig.update', { pool: { claimLimit: status.held + 1, returnDays: 14 } })
  await page.getByRole('tab', { name: '公海' }).click()
  const held = page.getByTestId('pool-held')
  await expect(held).toHaveText(`已持有 ${status.held} / 上限 ${status.held + 1}`)
  const poolTable = page.getByRole('table', { name: '公海线索' })
  await poolTable.getByRole('row', { name: new RegExp(COMPANY) }).getByRole('checkbox').check()
  await page.getByRole('button', { name: '领取所选（1）' }).click()
  await expect(held).toHaveText(`已持有 ${status.held + 1} / 上限 ${status.held + 1}`)
  expect((await leadByCompany(request))?.ownerId).toBe(second.id)
  await snap(page, 'lead-pool')
  // At the limit, a further claim is refused with the reason.
  await poolTable.getByRole('row').nth(1).getByRole('checkbox').check()
  await page.getByRole('button', { name: '领取所选（1）' }).click()
  await expect(page.getByText('已达到可领取线索的上限，请先跟进或释放手中的线索。')).toBeVisible()

  // The lead list's "my leads" switch shows it among the rep's own leads.
  await page.getByRole('tab', { name: '线索列表' }).click()
  await page.getByText('我的线索', { exact: true }).click()
  await page.getByRole('textbox', { name: '快速搜索' }).fill('云栖')
  const leadGrid = page.getByRole('grid', { name: '线索' })
  await expect(dataRows(leadGrid)).toHaveCount(1, { timeout: 20_000 })
  await expect(dataRows(leadGrid).first()).toContainText(COMPANY)
  await page.getByRole('tab', { name: '公海' }).click()

  // Convert: the drawer says what it reuses; the new deal opens and links back.
  await page.getByText('我持有的线索', { exact: true }).click()
  await page.getByRole('button', { name: `打开“${COMPANY}”` }).click()
  const drawer = page.getByRole('dialog', { name: new RegExp(COMPANY) })
  await drawer.getByRole('tab', { name: '转化' }).click()
  await expect(drawer.getByText(`新建客户“${COMPANY}”`)).toBeVisible()
  await expect(drawer.getByText('使用已有联系人“周敏”')).toBeVisible()
  await snap(page, 'lead-convert')
  await drawer.getByRole('button', { name: '转化为商机' }).click()
  await expect(page.getByRole('button', { name: '赢单' })).toBeVisible({ timeout: 20_000 })
  const detail = await invoke<{ lead: Lead & { convertedOpportunityId: number }; convertedAccountId: number; convertedContactId: number }>(
    request,
    'leads.detail',
    { id: captured!.id },
  )
  expect(detail.lead.status).toBe('converted')
  expect(detail.convertedContactId).toBe(existing.id)
  const deal = await invoke<{ leadId: number; accountId: number; contactId: number; ownerId: number }>(request, 'opportunities.get', {
    id: detail.lead.convertedOpportunityId,
  })
  expect(deal).toMatchObject({ leadId: captured!.id, accountId: detail.convertedAccountId, contactId: existing.id, ownerId: second.id })
  const accounts = await invoke<Page1<{ id: number; name: string }>>(request, 'accounts.list', { search: COMPANY })
  expect(accounts.rows.map((a) => a.id)).toContain(detail.convertedAccountId)
  await page.keyboard.press('Escape')
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toHaveCount(0)

  // Ctrl+K finds it by two Chinese characters; arrows and Enter open the lead.
  await page.keyboard.press('ControlOrMeta+K')
  const search = page.getByRole('combobox', { name: '搜索客户、联系人、线索和商机' })
  await search.fill('云栖')
  const leadOption = page.getByRole('group', { name: '线索' }).getByRole('option', { name: new RegExp(COMPANY) })
  await expect(leadOption).toBeVisible({ timeout: 20_000 })
  await expect(async () => {
    await search.press('ArrowDown')
    await expect(leadOption).toHaveAttribute('aria-selected', 'true', { timeout: 500 })
  }).toPass({ timeout: 15_000 })
  await snap(page, 'global-search')
  await search.press('Enter')
  const opened = page.getByRole('dialog', { name: new RegExp(COMPANY) })
  await expect(opened.getByRole('tab', { name: '变更历史' })).toBeVisible()

  // Its history lists the capture, the claim and the conversion.
  await opened.getByRole('tab', { name: '变更历史' }).click()
  const history = opened.getByRole('table', { name: '变更历史' })
  await expect(history.getByText('创建了记录')).toBeVisible()
  await expect(history.getByText(`负责人：— → ${second.name}`)).toBeVisible()
  await expect(history.getByText('状态：新线索 → 已转化')).toBeVisible()
  await snap(page, 'lead-history')
})

test('two contacts merge with a per-field choice, and the merge can be undone', async ({ page, request }) => {
  test.setTimeout(150_000)
  await prepareWorkspace(request)
  const a = await invoke<Contact>(request, 'contacts.create', { name: '欧阳合并', email: 'ouyang@old.cn' })
  const b = await invoke<Contact>(request, 'contacts.create', { name: '欧阳合并', email: 'ouyang@new.cn', title: '采购经理' })
  await page.goto('/#/contacts')
  const grid = page.getByRole('grid', { name: '联系人' })
  await page.getByRole('textbox', { name: '快速搜索' }).fill('欧阳合并')
  await expect(dataRows(grid)).toHaveCount(2, { timeout: 20_000 })

  // Row numbers select whole rows; shift+click takes the second; the merge action needs exactly two.
  await dataRows(grid).nth(0).locator('[data-gutter]').click()
  await dataRows(grid).nth(1).locator('[data-gutter]').click({ modifiers: ['Shift'] })
  await page.getByRole('button', { name: '合并', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: '合并联系人' })
  await dialog.getByRole('radio', { name: '邮箱 使用“ouyang@new.cn”' }).check()
  await snap(page, 'merge-contacts')
  await dialog.getByRole('button', { name: '合并', exact: true }).click()
  await expect(dialog.getByText(/已将 #\d+ 合并到 #\d+/)).toBeVisible()

  const afterMerge = await invoke<Page1<Contact>>(request, 'contacts.list', { search: '欧阳合并' })
  expect(afterMerge.total).toBe(1)
  expect(afterMerge.rows[0]).toMatchObject({ email: 'ouyang@new.cn' })
  expect([a.id, b.id]).toContain(afterMerge.rows[0]!.id)

  await dialog.getByRole('button', { name: '撤销合并' }).click()
  await expect(page.getByText('合并已撤销')).toBeVisible()
  const afterUndo = await invoke<Page1<Contact>>(request, 'contacts.list', { search: '欧阳合并' })
  expect(afterUndo.total).toBe(2)
  expect(afterUndo.rows.map((c) => c.email).sort()).toEqual(['ouyang@new.cn', 'ouyang@old.cn'])
})

test('settings: assignment rules reorder by dragging, lead rules save, the trash restores', async ({ page, request }) => {
  test.setTimeout(150_000)
  const { first, second } = await prepareWorkspace(request)
  await invoke(request, 'assignmentRules.save', {
    rules: [
      { name: '华东给甲', matchField: 'region', matchValues: ['east'], assignTo: { type: 'user', userId: first.id } },
      { name: '轮流', matchField: null, assignTo: { type: 'roundRobin', userIds: [first.id, second.id] } },
    ],
  })
  const trashed = await invoke<{ id: number; version: number; company: string }>(request, 'leads.capture', {
    company: '回收站测试有限公司',
    phone: '13700000001',
    duplicateAction: 'save',
  })
  await invoke(request, 'grid.delete', { entity: 'lead', rows: [{ id: trashed.id, version: trashed.version }] })
  await page.goto('/#/settings')

  // Dragging the second rule's grip above the first puts it first.
  await page.getByRole('tab', { name: '分配规则' }).click()
  const from = (await page.getByRole('button', { name: '拖动排序：轮流' }).boundingBox())!
  const to = (await page.getByRole('button', { name: '拖动排序：华东给甲' }).boundingBox())!
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
  await page.mouse.down()
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 - 10, { steps: 3 })
  await page.mouse.move(to.x + to.width / 2, to.y - 10, { steps: 10 })
  await page.mouse.up()
  await snap(page, 'lead-assignment-rules')
  await page.getByRole('button', { name: '保存规则' }).click()
  await expect(page.getByText('分配规则已保存')).toBeVisible()
  const rules = await invoke<{ name: string }[]>(request, 'assignmentRules.list', {})
  expect(rules.map((r) => r.name)).toEqual(['轮流', '华东给甲'])

  await page.getByRole('tab', { name: '线索设置' }).click()
  await page.getByLabel('每人最多持有线索数').fill('7')
  await snap(page, 'lead-rules')
  await page.getByRole('button', { name: '保存设置' }).click()
  await expect(page.getByText('线索设置已保存')).toBeVisible()
  expect((await invoke<{ pool: { claimLimit: number } }>(request, 'loopConfig.get', {})).pool.claimLimit).toBe(7)

  await page.getByRole('tab', { name: '回收站' }).click()
  await page.getByRole('button', { name: '恢复“回收站测试有限公司”' }).click()
  await expect(page.getByText('已恢复“回收站测试有限公司”')).toBeVisible()
  const restored = await invoke<Page1<Lead>>(request, 'leads.list', { search: '回收站测试' })
  expect(restored.rows.map((l) => l.id)).toEqual([trashed.id])
})
