import path from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { expect, loadDemoWorkspace, test } from '../fixtures'
import { invoke } from './grid-helpers'
import { takingScreenshots } from './screenshotMode'

interface Deal {
  id: number
  name: string
  version: number
  accountId: number | null
  amount: number | null
  stageName: string
  stageKind: string
  nextFollowUpDate: string | null
  previousOpportunityId: number | null
}
interface ContractRow {
  id: number
  version: number
  balance: number
  received: number
}
interface AuditRow {
  entityType: string
  action: string
  field: string | null
  newValue: string | null
}

const isoDay = (offsetDays = 0) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10)

/** Types a date into an antd date picker and confirms it. */
async function pickDate(field: Locator, date: string) {
  await field.click()
  await field.fill(date)
  await field.press('Enter')
}

/** The text of every page of a paginated antd table, as a person would page through it. */
async function allPagesText(panel: Locator): Promise<string> {
  let text = await panel.innerText()
  const next = panel.locator('li.ant-pagination-next')
  while ((await next.count()) > 0 && (await next.getAttribute('aria-disabled')) !== 'true') {
    await next.click()
    text += await panel.innerText()
  }
  return text
}

/** A lead captured, claimed and converted through the API, as the lead side of the app would. */
async function dealFromLead(page: Page, userId: number, company: string): Promise<Deal> {
  const phone = `139${String(Date.now()).slice(-8)}`
  let lead = await invoke<{ id: number; version: number; ownerId: number | null }>(
    page.request,
    'leads.capture',
    { company, contactName: '周敏', phone, source: 'website', duplicateAction: 'save' },
    userId,
  )
  // Assignment rules may have given it to someone: back to the pool first, so the claim is ours.
  if (lead.ownerId !== null) lead = await invoke(page.request, 'pool.release', { id: lead.id, version: lead.version }, userId)
  // The demo's reps hold many leads already; leave room for one more.
  const { pool } = await invoke<{ pool: { claimLimit: number; returnDays: number } }>(page.request, 'loopConfig.get', {})
  await invoke(page.request, 'loopConfig.update', { pool: { ...pool, claimLimit: 100_000 } })
  const claimed = await invoke<{ rows: { id: number; version: number }[] }>(page.request, 'pool.claim', { rows: [{ id: lead.id, version: lead.version }] }, userId)
  const conversion = await invoke<{ opportunityId: number }>(
    page.request,
    'leads.convert',
    { id: lead.id, version: claimed.rows[0]!.version, opportunity: { name: `${company} 客房管理系统` } },
    userId,
  )
  return invoke<Deal>(page.request, 'opportunities.get', { id: conversion.opportunityId })
}

test('a converted deal: follow-up, stage rules, win with a plan, a payment, renewal, the bell and its history', async ({ page }) => {
  test.setTimeout(240_000)
  await loadDemoWorkspace(page)
  // Who I am, picked as a person would (the bell and My Day are per user).
  const userPicker = page.getByRole('combobox', { name: '当前用户' })
  await userPicker.click()
  await userPicker.press('Enter')
  await expect.poll(async () => (await invoke<{ currentUserId: number | null }>(page.request, 'settings.get', {})).currentUserId).not.toBeNull()
  const me = (await invoke<{ currentUserId: number }>(page.request, 'settings.get', {})).currentUserId

  const company = `东方明珠酒店 ${Date.now()}`
  const deal = await dealFromLead(page, me, company)
  const today = isoDay()

  // Open it from the pipeline grid.
  await page.evaluate("window.location.hash = '/pipeline'")
  await page.getByRole('textbox', { name: '快速搜索' }).fill(deal.name)
  await page.getByRole('button', { name: `打开“${deal.name}”` }).click()
  const drawer = page.getByRole('dialog', { name: deal.name })
  await expect(drawer).toBeVisible()

  // A follow-up with a next date, from the drawer: the deal's next follow-up date moves.
  await drawer.getByRole('button', { name: '记录跟进' }).click()
  const entry = page.getByRole('dialog', { name: `记录跟进：${deal.name}` })
  await entry.getByLabel('跟进内容').fill('电话沟通客房系统需求，客户希望下周看演示')
  await entry.getByLabel('客户反馈').fill('预算已批，关注上线周期')
  await entry.getByLabel('下一步计划').fill('安排产品演示')
  await pickDate(entry.getByLabel('下次跟进日期'), today)
  await entry.getByRole('button', { name: '保存跟进' }).click()
  await expect(entry).toBeHidden()
  await expect.poll(async () => (await invoke<Deal>(page.request, 'opportunities.get', { id: deal.id })).nextFollowUpDate).toBe(today)
  // The rules turn today's follow-up date into a reminder (run here: the e2e hosts keep the timer off).
  await invoke(page.request, 'automations.run', {})
  await drawer.getByRole('tab', { name: /跟进记录/ }).click()
  await expect(drawer.getByTestId('follow-up-timeline')).toContainText('电话沟通客房系统需求')
  await page.keyboard.press('Escape')
  await expect(drawer).toBeHidden()

  // Moving to 报价 without an amount is stopped: the form asks for it first.
  await page.getByText('看板', { exact: true }).click()
  const card = page.locator(`[data-card-id="${deal.id}"]`)
  await expect(card).toBeVisible()
  await card.getByRole('button', { name: `“${deal.name}”的操作` }).click()
  await page.getByRole('menuitem', { name: '移至阶段' }).hover()
  await page.getByRole('menuitem', { name: '报价', exact: true }).click()
  const missing = page.getByRole('dialog', { name: '进入“报价”前还需填写' })
  await expect(missing).toBeVisible()
  await expect(missing.getByLabel('金额')).toBeVisible()
  expect((await invoke<Deal>(page.request, 'opportunities.get', { id: deal.id })).stageName).not.toBe('报价')
  await missing.getByLabel('金额').fill('100000')
  const closeDate = missing.getByLabel('预计成交日期')
  if (await closeDate.count()) await pickDate(closeDate, isoDay(30))
  await missing.getByRole('button', { name: '保存并移动' }).click()
  await expect.poll(async () => (await invoke<Deal>(page.request, 'opportunities.get', { id: deal.id })).stageName).toBe('报价')

  // Win it with a contract and a two-instalment plan.
  await card.getByRole('button', { name: deal.name, exact: true }).click()
  await expect(drawer).toBeVisible()
  await drawer.getByRole('button', { name: '赢单' }).click()
  const win = page.getByRole('dialog', { name: `赢单：${deal.name}` })
  await win.getByLabel('合同编号').fill(`HT-${deal.id}`)
  await expect(win.getByLabel('成交金额')).toHaveValue('100000')
  await win.getByRole('button', { name: '添加分期' }).click()
  await win.getByRole('button', { name: '添加分期' }).click()
  await pickDate(win.getByLabel('第 1 期到期日'), today)
  await win.getByLabel('第 1 期金额').fill('40000')
  await pickDate(win.getByLabel('第 2 期到期日'), isoDay(30))
  await win.getByLabel('第 2 期金额').fill('60000')
  await win.getByRole('button', { name: '确认赢单' }).click()
  await expect(win).toBeHidden()
  const won = await invoke<Deal>(page.request, 'opportunities.get', { id: deal.id })
  expect(won.stageKind).toBe('won')
  expect(won.amount).toBe(100000)
  const contracts = await invoke<{ items: ContractRow[] }>(page.request, 'contracts.list', { opportunityId: deal.id })
  expect(contracts.items).toHaveLength(1)
  const plan = await invoke<{ plan: { amount: number }[] }>(page.request, 'contracts.get', { id: contracts.items[0]!.id })
  expect(plan.plan.map((p) => p.amount)).toEqual([40000, 60000])

  // Record a payment on the contract tab: the outstanding amount drops.
  await drawer.getByRole('tab', { name: '合同与回款' }).click()
  const contractCard = drawer.getByTestId('contract-card')
  await expect(contractCard).toContainText('100,000')
  await contractCard.getByRole('button', { name: '登记回款' }).click()
  const payment = page.getByRole('dialog', { name: `登记回款：合同 HT-${deal.id}` })
  await expect(payment.getByLabel('金额')).toHaveValue('40000')
  await payment.getByRole('button', { name: '登记回款' }).click()
  await expect(payment).toBeHidden()
  await expect.poll(async () => (await invoke<{ items: ContractRow[] }>(page.request, 'contracts.list', { opportunityId: deal.id })).items[0]!.balance).toBe(60000)
  await expect(contractCard.getByTestId('contract-balance')).toContainText('60,000')

  // The contract ends soon: the rules create the renewal task and the renewal deal.
  const contract = (await invoke<{ items: ContractRow[] }>(page.request, 'contracts.list', { opportunityId: deal.id })).items[0]!
  await invoke(page.request, 'contracts.update', { id: contract.id, version: contract.version, patch: { startDate: isoDay(-300), endDate: isoDay(20) } })
  const report = await invoke<{ renewalOpportunities: number; followUpReminders: number }>(page.request, 'automations.run', {})
  expect(report.renewalOpportunities).toBeGreaterThanOrEqual(1)
  const related = await invoke<{ rows: Deal[] }>(page.request, 'opportunities.list', { search: company, limit: 50 })
  const renewal = related.rows.find((row) => row.previousOpportunityId === deal.id)
  expect(renewal).toBeDefined()
  expect(renewal!.accountId).toBe(won.accountId)

  // The bell shows the follow-up reminder; it opens its record.
  const reminders = await invoke<{ unseen: number; items: { taskId: number; title: string; entityId: number | null }[] }>(page.request, 'notifications.list', {}, me)
  const reminder = reminders.items.find((item) => item.entityId === deal.id)
  expect(reminder).toBeDefined()
  await page.keyboard.press('Escape')
  await expect(drawer).toBeHidden()
  const bell = page.getByTestId('notification-bell')
  await expect(bell).toHaveAccessibleName(`提醒（${reminders.unseen} 条未读）`)
  await bell.click()
  const popover = page.locator('.wb-bell-panel')
  await popover.getByText(reminder!.title).click()
  await expect(drawer).toBeVisible()
  await expect.poll(async () => (await invoke<{ items: { taskId: number }[] }>(page.request, 'notifications.list', {}, me)).items.some((i) => i.taskId === reminder!.taskId)).toBe(false)

  // The deal's history lists the follow-up, the stage moves, the win and the payment.
  await drawer.getByRole('tab', { name: '变更历史' }).click()
  const historyPanel = drawer.getByRole('tabpanel', { name: '变更历史' })
  // The table shows its empty state until the history has loaded: wait for a real row.
  await expect(historyPanel.locator('tbody tr').filter({ hasNotText: '暂无数据' }).first()).toBeVisible()
  const historyText = await allPagesText(historyPanel)
  for (const words of ['创建跟进', '阶段：初步接洽 → 报价', '阶段：报价 → 赢单', '创建合同']) expect(historyText).toContain(words)
  expect(historyText).toMatch(/(回款|payment)：.*40000/)
  const trail = await invoke<AuditRow[]>(page.request, 'history.list', { entityType: 'opportunity', entityId: deal.id })
  expect(trail.some((row) => row.entityType === 'activity' && row.action === 'create')).toBe(true)
  expect(trail.filter((row) => row.action === 'stage').length).toBeGreaterThanOrEqual(2)
  expect(trail.some((row) => row.entityType === 'contract' && row.action === 'create')).toBe(true)
  expect(trail.some((row) => row.entityType === 'contract' && row.field === 'payment' && row.newValue?.includes('40000'))).toBe(true)

  if (takingScreenshots) {
    await page.keyboard.press('Escape')
    await page.evaluate("window.location.hash = '/my-day'")
    await expect(page.getByRole('region', { name: '今日' }).getByText('今天到期')).toBeVisible()
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.screenshot({ path: path.resolve(import.meta.dirname, '../../docs/screenshots/my-day.png') })
  }
})

interface AgendaLine {
  kind: 'followUp' | 'task'
  taskId: number | null
  title: string
}
interface MyDayAnswer {
  overdue: { items: AgendaLine[] }
  dueToday: { items: AgendaLine[] }
  upcoming: { items: AgendaLine[] }
  staleDeals: { items: Deal[] }
}

test('the app opens on My Day: a task ticked done, a stale deal opened, a follow-up logged from a grid row', async ({ page }) => {
  test.setTimeout(180_000)
  await loadDemoWorkspace(page)
  const userPicker = page.getByRole('combobox', { name: '当前用户' })
  await userPicker.click()
  await userPicker.press('Enter')
  await expect.poll(async () => (await invoke<{ currentUserId: number | null }>(page.request, 'settings.get', {})).currentUserId).not.toBeNull()
  const me = (await invoke<{ currentUserId: number }>(page.request, 'settings.get', {})).currentUserId

  await page.goto('/')
  const myDay = page.getByRole('region', { name: '今日' })
  await expect(myDay.getByText('已逾期', { exact: true })).toBeVisible()
  const day = await invoke<MyDayAnswer>(page.request, 'myDay.get', {}, me)

  // Tick a task done where it is listed.
  const lines = [...day.overdue.items, ...day.dueToday.items, ...day.upcoming.items]
  const task = lines.find((line) => line.kind === 'task' && lines.filter((other) => other.title === line.title).length === 1)!
  await myDay.getByRole('checkbox', { name: `完成“${task.title}”` }).check()
  await expect(page.getByText(`任务“${task.title}”已完成`)).toBeVisible()
  const found = await invoke<{ rows: { id: number; status: string }[] }>(page.request, 'tasks.list', { search: task.title, limit: 50 })
  expect(found.rows.find((row) => row.id === task.taskId)?.status).toBe('done')

  // A stale deal opens its drawer in one click.
  const stale = day.staleDeals.items[0]!
  await myDay.getByLabel('停滞商机').getByText(stale.name, { exact: true }).click()
  const drawer = page.getByRole('dialog', { name: stale.name })
  await expect(drawer).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(drawer).toBeHidden()

  // A grid row's context menu logs a follow-up against that row.
  await page.getByRole('menuitem', { name: '商机' }).click()
  const grid = page.getByRole('grid', { name: '商机' })
  const row = grid.locator('[role="row"][data-row-id]').first()
  const dealId = Number(await row.getAttribute('data-row-id'))
  const cell = row.getByRole('gridcell').first()
  await cell.click()
  await cell.click({ button: 'right' })
  await page.getByRole('menuitem', { name: '记录跟进' }).click()
  const entry = page.getByRole('dialog', { name: /^记录跟进：/ })
  await entry.getByLabel('跟进内容').fill('表格里右键记录的跟进')
  await entry.getByRole('button', { name: '保存跟进' }).click()
  await expect(entry).toBeHidden()
  const detail = await invoke<{ activities: { content: string }[] }>(page.request, 'opportunities.detail', { id: dealId })
  expect(detail.activities.map((a) => a.content)).toContain('表格里右键记录的跟进')

  // Settings → 跟进与提醒: the renewal window is saved to the rules.
  await page.getByRole('menuitem', { name: '设置' }).click()
  await page.getByRole('tab', { name: '跟进与提醒' }).click()
  const renewalDays = page.getByRole('spinbutton', { name: '合同到期前多少天创建续约任务和续约商机' })
  await renewalDays.fill('45')
  await page.getByRole('button', { name: '保存规则' }).click()
  await expect(page.getByText('跟进与提醒规则已保存')).toBeVisible()
  const config = await invoke<{ reminders: { renewalDays: number } }>(page.request, 'loopConfig.get', {})
  expect(config.reminders.renewalDays).toBe(45)
})
