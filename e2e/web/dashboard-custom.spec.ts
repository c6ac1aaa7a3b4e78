import type { Page } from '@playwright/test'
import { expect, loadDemoWorkspace, test } from '../fixtures'
import { chooseOption } from './click-until'
import { invoke, pipelineGrid } from './grid-helpers'

const digits = (text: string) => Number(text.replace(/[^\d]/g, ''))

/** A custom picklist field "层级" on deals, with "伙伴" on forty deals created this quarter. */
async function tierField(page: Page): Promise<void> {
  const request = page.request
  await invoke(request, 'picklists.createList', { key: 'tier', labelZh: '客户层级', labelEn: 'Tier' })
  await invoke(request, 'picklists.saveValue', { listKey: 'tier', value: 'partner', labelZh: '伙伴', labelEn: 'Partner' })
  await invoke(request, 'picklists.saveValue', { listKey: 'tier', value: 'direct', labelZh: '直客', labelEn: 'Direct' })
  await invoke(request, 'customFields.create', { entity: 'opportunity', key: 'tier', type: 'picklist', picklistKey: 'tier', labelZh: '层级', labelEn: 'Tier' })
  const quarter = await invoke(request, 'analytics.dashboard', {})
  const created = await invoke(request, 'opportunities.list', {
    offset: 0,
    limit: 40,
    sort: [{ column: 'createdAt', desc: false }],
    filters: [{ column: 'createdAt', op: 'between', value: { from: quarter.period.from, to: quarter.period.to } }],
  })
  for (const deal of created.rows) {
    await invoke(request, 'opportunities.update', { id: deal.id, version: deal.version, patch: { custom: { tier: 'partner' } } })
  }
}

test('dashboard: a custom picklist filters every chart and breaks the pipeline down, drilling into the grid', async ({ page }) => {
  test.setTimeout(150_000)
  await page.setViewportSize({ width: 1440, height: 900 })
  await loadDemoWorkspace(page)
  await tierField(page)
  // Set up behind the screen: reload so the app reads the new list and field.
  await page.reload()
  await page.getByRole('navigation').getByText('仪表盘').click()
  await expect(page.getByTestId('kpi-won')).toBeVisible({ timeout: 60_000 })

  // Filtered by the custom field, the funnel shows what the API computes under the same filter.
  await chooseOption(page, page.getByRole('combobox', { name: '层级' }), '伙伴')
  await page.keyboard.press('Escape')
  const answer = await invoke(page.request, 'analytics.dashboard', { custom: { tier: ['partner'] } })
  expect(answer.funnel.total.count).toBe(40)
  const funnel = page.getByTestId('chart-funnel')
  await funnel.getByText('表格', { exact: true }).click()
  const pipeline = answer.funnel.layers[0]!.pipelineId
  const layers = answer.funnel.layers.filter((l) => l.pipelineId === pipeline && l.kind !== 'lost')
  const funnelRows = page.getByRole('table', { name: /销售漏斗.*（表格）/ }).locator('tbody tr.ant-table-row')
  await expect
    .poll(async () => {
      const counts: [string, number][] = []
      for (let i = 0; i < (await funnelRows.count()); i += 1) {
        const cells = funnelRows.nth(i).locator('td')
        counts.push([(await cells.nth(0).innerText()).trim(), digits(await cells.nth(1).innerText())])
      }
      return counts
    }, { timeout: 30_000 })
    .toEqual(layers.map((l) => [l.label, l.count]))

  // The breakdown by the same field: one row, its open deals drill into the grid with the field's filter.
  const breakdown = page.getByTestId('chart-breakdown')
  await breakdown.scrollIntoViewIfNeeded()
  await chooseOption(page, breakdown.getByRole('combobox', { name: '分析维度' }), '层级')
  await breakdown.getByText('在手商机', { exact: true }).click()
  await breakdown.getByText('表格', { exact: true }).click()
  const byTier = await invoke(page.request, 'analytics.breakdown', { filters: { custom: { tier: ['partner'] } }, field: 'custom.tier' })
  expect(byTier.rows.map((r) => r.key)).toEqual(['partner'])
  const open = byTier.rows[0]!.open.count
  expect(open).toBeGreaterThan(0)
  const table = page.getByRole('table', { name: /按选项分析.*（表格）/ })
  await expect(table.locator('tbody tr.ant-table-row')).toHaveCount(1)
  await table.getByRole('button', { name: /· 伙伴 · 在手数量/ }).click()
  await expect(pipelineGrid(page)).toBeVisible()
  await expect.poll(async () => digits(await page.getByTestId('grid-total').innerText()), { timeout: 30_000 }).toBe(open)
  await expect(page.getByRole('group', { name: '当前筛选' }).getByText(/层级/).first()).toBeVisible()
})
