import fs from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import * as XLSX from 'xlsx'
import { expect, loadDemoWorkspace, test } from '../fixtures'
import { chooseOption } from './click-until'
import { invoke, pipelineGrid } from './grid-helpers'
import { takingScreenshots } from './screenshotMode'

const shotsDir = path.resolve(import.meta.dirname, '../../docs/screenshots')
const screenshot = async (page: Page, name: string) => {
  if (!takingScreenshots) return
  await page.mouse.move(0, 0)
  await page.waitForTimeout(800)
  await page.screenshot({ path: path.join(shotsDir, `${name}.png`) })
}

const digits = (text: string) => Number(text.replace(/[^\d]/g, ''))
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

async function openDashboard(page: Page): Promise<void> {
  await page.getByRole('navigation').getByText('仪表盘').click()
  await expect(page.getByTestId('kpi-won')).toBeVisible({ timeout: 60_000 })
}

/** The funnel's figures as its table view shows them, in layer order: [label, count]. */
async function funnelCounts(page: Page): Promise<[string, number][]> {
  const rows = page.getByRole('table', { name: /销售漏斗.*（表格）/ }).locator('tbody tr.ant-table-row')
  const counts: [string, number][] = []
  for (let i = 0; i < (await rows.count()); i += 1) {
    const cells = rows.nth(i).locator('td')
    counts.push([(await cells.nth(0).innerText()).trim(), digits(await cells.nth(1).innerText())])
  }
  return counts
}

test('dashboard: filters match the API, a funnel layer drills down to exactly its deals', async ({ page }) => {
  test.setTimeout(150_000)
  await page.setViewportSize({ width: 1440, height: 900 })
  await loadDemoWorkspace(page)
  await openDashboard(page)

  // This quarter for everyone, as the API computes it.
  const all = await invoke(page.request, 'analytics.dashboard', {})
  await expect(page.getByTestId('kpi-won').getByRole('button')).toHaveAccessibleName(`期间赢单: ${all.dealSize.won}`)
  await screenshot(page, 'dashboard')

  // One owner: the figures change to that owner's.
  const users = await invoke(page.request, 'users.list', {})
  const answers = await Promise.all(
    users.filter((u) => u.active).map(async (u) => ({ user: u, answer: await invoke(page.request, 'analytics.dashboard', { ownerIds: [u.id] }) })),
  )
  const { user, answer } = answers.sort((a, b) => b.answer.funnel.total.count - a.answer.funnel.total.count)[0]!
  expect(answer.funnel.total.count).toBeLessThan(all.funnel.total.count)
  const owners = page.getByRole('combobox', { name: '负责人' })
  await owners.fill(user.name)
  await owners.press('Enter')
  await owners.press('Escape')
  await expect(page.getByRole('group', { name: '仪表盘筛选' }).getByTitle(user.name)).toBeVisible()
  await expect(page.getByTestId('kpi-won').getByRole('button')).toHaveAccessibleName(`期间赢单: ${answer.dealSize.won}`)

  const funnel = page.getByTestId('chart-funnel')
  await funnel.getByText('表格', { exact: true }).click()
  // The funnel shows the first pipeline's open stages and won, as the API gives them.
  const layers = answer.funnel.layers.filter((l) => l.pipelineId === answer.funnel.layers[0]!.pipelineId && l.kind !== 'lost')
  await expect
    .poll(() => funnelCounts(page), { timeout: 30_000 })
    .toEqual(layers.map((l) => [l.label, l.count]))

  // The biggest layer opens the grid on exactly its deals, with its filters visible (and removable).
  const layer = [...layers].sort((a, b) => b.count - a.count)[0]!
  await funnel.getByRole('button', { name: new RegExp(`· ${escape(layer.label)} · 数量`) }).click()
  const grid = pipelineGrid(page)
  await expect(grid).toBeVisible()
  await expect.poll(async () => digits(await page.getByTestId('grid-total').innerText()), { timeout: 30_000 }).toBe(layer.count)
  const chips = page.getByRole('group', { name: '当前筛选' })
  await expect(chips.getByText(/阶段/)).toBeVisible()
  await expect(chips.getByText(/负责人/)).toBeVisible()
  await expect(chips.getByText(/创建时间/)).toBeVisible()
})

test('what changed: a snapshot, then a deal changed behind the screen lands in its bucket', async ({ page }) => {
  test.setTimeout(150_000)
  await page.setViewportSize({ width: 1440, height: 900 })
  await loadDemoWorkspace(page)
  await openDashboard(page)
  await page.getByRole('tab', { name: '变化追踪' }).click()
  const changes = page.getByTestId('what-changed')

  await changes.getByRole('button', { name: '立即拍快照' }).click()
  await expect(page.getByText('已保存快照')).toBeVisible()
  const [snapshot] = await invoke(page.request, 'snapshots.list', {})
  expect(snapshot!.kind).toBe('manual')
  await chooseOption(page, changes.getByRole('combobox', { name: '对比起点' }), /手动/)
  await page.keyboard.press('Escape')

  // Nothing has changed since the snapshot yet.
  const increased = changes.getByRole('button', { name: /查看“金额增加”/ })
  await expect(increased).toHaveCount(0)

  const open = await invoke(page.request, 'opportunities.list', {
    offset: 0,
    limit: 1,
    sort: [{ column: 'amount', desc: true }],
    filters: [{ column: 'stageKind', op: 'in', value: ['open'] }],
  })
  const deal = open.rows[0]!
  await invoke(page.request, 'opportunities.update', { id: deal.id, version: deal.version, patch: { amount: (deal.amount ?? 0) + 10_000 } })

  await expect(increased).toHaveAccessibleName(/1 条/, { timeout: 30_000 })
  const answer = await invoke(page.request, 'analytics.changes', {
    fromSnapshotId: snapshot!.id,
  })
  expect(answer.buckets.find((b) => b.key === 'increased')!.deals.map((d) => d.opportunityId)).toEqual([deal.id])
  await increased.click()
  const list = page.getByTestId('bucket-deals')
  await expect(list.getByRole('button', { name: deal.name })).toBeVisible()
  await list.scrollIntoViewIfNeeded()
  await screenshot(page, 'what-changed')

  // Each deal opens its record.
  await list.getByRole('button', { name: deal.name }).click()
  await expect(page.getByRole('heading', { name: '阶段历史' })).toBeVisible()
})

test('weekly review: the exported workbook has its sheets and the API’s figures', async ({ page }) => {
  test.setTimeout(150_000)
  await loadDemoWorkspace(page)
  await openDashboard(page)
  await page.getByRole('button', { name: '导出周报' }).click()
  const dialog = page.getByRole('dialog', { name: '导出销售周报' })
  const downloading = page.waitForEvent('download')
  await dialog.getByRole('button', { name: '导出' }).click()
  const download = await downloading
  const file = test.info().outputPath(download.suggestedFilename())
  await download.saveAs(file)

  const week = /(\d{4}-W\d{2})/.exec(download.suggestedFilename())![1]!
  const book = XLSX.read(fs.readFileSync(file))
  expect(book.SheetNames.slice(0, 9)).toEqual(['摘要', '按阶段', '本周变化', '新商机', '赢单', '输单', '停滞与逾期', '预测与目标', '回款'])
  const summary = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['摘要']!, { header: 1 })
  const newDeals = summary.find((row) => row[0] === '新增商机')!

  const monday = mondayOf(week)
  const sunday = new Date(Date.parse(`${monday}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10)
  const thisWeek = await invoke(page.request, 'analytics.dashboard', { period: { from: monday, to: sunday } })
  expect(newDeals[1]).toBe(thisWeek.funnel.total.count)
})

/** The Monday of an ISO week ('2026-W47'). */
function mondayOf(week: string): string {
  const [year, w] = week.split('-W').map(Number) as [number, number]
  const jan4 = new Date(Date.UTC(year, 0, 4))
  const firstMonday = jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000
  return new Date(firstMonday + (w - 1) * 7 * 86_400_000).toISOString().slice(0, 10)
}
