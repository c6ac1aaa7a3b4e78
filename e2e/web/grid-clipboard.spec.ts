import type { Page } from '@playwright/test'
import type { Opportunity } from '../../shared/entities'
import { expect, loadDemoWorkspace, test } from '../fixtures'
import { clickUntil } from './click-until'
import { cellOf, dataRows, expectActiveCell, getDeal, gridKeys, invoke, pasteTsv, pipelineGrid, readClipboard, rowId } from './grid-helpers'

test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

/** Amount, currency, probability and expected close side by side: hide the computed weighted amount between them. */
async function showAmountBlock(page: Page) {
  await page.getByRole('button', { name: '列设置' }).click()
  await page.getByTestId('columns-menu').getByRole('checkbox', { name: '加权金额' }).uncheck()
  await page.keyboard.press('Escape')
  await expect(pipelineGrid(page).getByRole('columnheader', { name: '加权金额' })).toHaveCount(0)
}

const excelBlock = [
  ['12万', 'CNY', '30%', '2025年3月1日'],
  ['¥1,200,000', 'CNY', '45%', '2025/3/2'],
  ['$3,000.50', 'USD', '0.6', '45719'],
]
  .map((row) => row.join('\t'))
  .join('\r\n')

async function firstThree(page: Page): Promise<Opportunity[]> {
  const rows = dataRows(pipelineGrid(page))
  const ids = [await rowId(rows.nth(0)), await rowId(rows.nth(1)), await rowId(rows.nth(2))]
  return Promise.all(ids.map((id) => getDeal(page.request, id)))
}

test('pasting a 3×4 block from Excel stores 12万, ¥, $ and Chinese dates as values, and one undo takes it back', async ({ page }) => {
  test.setTimeout(120_000)
  await loadDemoWorkspace(page)
  await showAmountBlock(page)
  const grid = pipelineGrid(page)
  const rows = dataRows(grid)
  const before = await firstThree(page)

  await (await cellOf(grid, rows.first(), '金额')).click()
  await expectActiveCell(page, '金额', 1)
  await pasteTsv(page, excelBlock)
  await expect(page.getByText(/已粘贴，修改 3 条记录/)).toBeVisible()

  // What the screen shows…
  await expect(await cellOf(grid, rows.nth(0), '金额')).toHaveText('¥120,000')
  await expect(await cellOf(grid, rows.nth(1), '金额')).toHaveText('¥1,200,000')
  await expect(await cellOf(grid, rows.nth(2), '金额')).toHaveText('$3,000.5')
  await expect(await cellOf(grid, rows.nth(2), '币种')).toHaveText('USD')
  await expect(await cellOf(grid, rows.nth(0), '赢率')).toHaveText('30%')
  await expect(await cellOf(grid, rows.nth(0), '预计成交日期')).toHaveText('2025-03-01')
  await expect(await cellOf(grid, rows.nth(2), '预计成交日期')).toHaveText('2025-03-03')

  // …is what the core stored.
  const after = await firstThree(page)
  expect(after.map((d) => [d.amount, d.currency, d.probability, d.expectedCloseDate])).toEqual([
    [120000, 'CNY', 30, '2025-03-01'],
    [1200000, 'CNY', 45, '2025-03-02'],
    [3000.5, 'USD', 60, '2025-03-03'],
  ])

  // One paste is one undo step.
  await gridKeys(page).focus()
  await page.keyboard.press('ControlOrMeta+Z')
  await expect(page.getByText('已撤销')).toBeVisible()
  await expect
    .poll(async () => (await firstThree(page)).map((d) => [d.amount, d.currency, d.probability, d.expectedCloseDate]))
    .toEqual(before.map((d) => [d.amount, d.currency, d.probability, d.expectedCloseDate]))
  await expect(await cellOf(grid, rows.nth(0), '预计成交日期')).not.toHaveText('2025-03-01')

  // And redo puts it back.
  await page.keyboard.press('ControlOrMeta+Y')
  await expect.poll(async () => (await firstThree(page)).map((d) => d.amount)).toEqual([120000, 1200000, 3000.5])
})

test('a paste with a bad cell shows row, column, value and reason, and writes nothing', async ({ page }) => {
  test.setTimeout(120_000)
  await loadDemoWorkspace(page)
  await showAmountBlock(page)
  const grid = pipelineGrid(page)
  const before = await firstThree(page)

  await (await cellOf(grid, dataRows(grid).first(), '金额')).click()
  await pasteTsv(page, excelBlock.replace('¥1,200,000', 'about a million').replace('2025/3/2', '2025/2/30'))

  const problems = page.getByTestId('grid-problems')
  await expect(problems).toBeVisible()
  await expect(page.getByRole('dialog', { name: '粘贴未执行：有 2 处问题，未写入任何数据' })).toBeVisible()
  const lines = problems.locator('tbody tr')
  await expect(lines).toHaveCount(2)
  await expect(lines.nth(0)).toContainText('第 2 行')
  await expect(lines.nth(0)).toContainText('金额')
  await expect(lines.nth(0)).toContainText('about a million')
  await expect(lines.nth(0)).toContainText('无法识别为金额')
  await expect(lines.nth(1)).toContainText('预计成交日期')
  await expect(lines.nth(1)).toContainText('2025/2/30')
  await expect(lines.nth(1)).toContainText('该日期不存在')
  await page.getByRole('button', { name: '知道了' }).click()

  // Not even the good rows were written.
  const after = await firstThree(page)
  expect(after.map((d) => [d.amount, d.version])).toEqual(before.map((d) => [d.amount, d.version]))
})

test('copying a range puts TSV on the clipboard that pastes back unchanged', async ({ page }) => {
  test.setTimeout(120_000)
  await loadDemoWorkspace(page)
  const grid = pipelineGrid(page)
  const rows = dataRows(grid)
  await (await cellOf(grid, rows.nth(0), '商机名称')).click()
  await (await cellOf(grid, rows.nth(1), '阶段')).click({ modifiers: ['Shift'] })
  await page.keyboard.press('ControlOrMeta+C')
  await expect(page.getByText('已复制 2 行 × 3 列')).toBeVisible()
  const text = await readClipboard(page)
  const lines = text.split('\r\n').map((line) => line.split('\t'))
  expect(lines).toHaveLength(2)
  expect(lines[0]![0]).toBe(await (await cellOf(grid, rows.nth(0), '商机名称')).innerText())
  expect(lines[1]![2]).toBe(await (await cellOf(grid, rows.nth(1), '阶段')).innerText())
})

test('a paste past the last row offers to create the rows; Ctrl+D fills down and Delete clears', async ({ page }) => {
  test.setTimeout(120_000)
  await loadDemoWorkspace(page)
  const stages = await invoke(page.request, 'stages.list', {})
  const first = stages.filter((s) => s.kind === 'open' && s.requiredFields.length === 0).sort((a, b) => a.pipelineId - b.pipelineId || a.sortOrder - b.sortOrder)[0]!
  await invoke(page.request, 'opportunities.create', { name: '粘贴测试 甲', stageId: first.id })
  const grid = pipelineGrid(page)
  await page.getByRole('textbox', { name: '快速搜索' }).fill('粘贴测试')
  await expect(page.getByTestId('grid-total')).toHaveText('共 1 条')

  await (await cellOf(grid, dataRows(grid).first(), '商机名称')).click()
  await pasteTsv(page, '粘贴测试 甲\r\n粘贴测试 乙\r\n粘贴测试 丙\r\n')
  const confirm = page.getByRole('dialog', { name: '粘贴内容超出了最后一行' })
  await expect(confirm).toContainText('将新建 2 条记录')
  await clickUntil(confirm.getByRole('button', { name: '新建 2 条并粘贴' }), () => expect(confirm).toBeHidden({ timeout: 2_000 }))
  await expect(page.getByTestId('grid-total')).toHaveText('共 3 条')
  const found = await invoke(page.request, 'opportunities.list', { search: '粘贴测试', sort: [{ column: 'name', desc: false }] })
  expect(found.rows.map((r) => r.name).sort()).toEqual(['粘贴测试 丙', '粘贴测试 乙', '粘贴测试 甲'].sort())
  expect(new Set(found.rows.map((r) => r.stageId))).toEqual(new Set([first.id]))

  // Fill down: the first row's next step into the two below.
  await grid.getByRole('columnheader', { name: '商机名称', exact: true }).getByRole('button', { name: '商机名称', exact: true }).click()
  const rows = dataRows(grid)
  await (await cellOf(grid, rows.nth(0), '下一步')).click()
  await page.keyboard.type('约客户演示')
  await page.keyboard.press('Enter')
  await expect(await cellOf(grid, rows.nth(0), '下一步')).toHaveText('约客户演示')
  await (await cellOf(grid, rows.nth(0), '下一步')).click()
  await (await cellOf(grid, rows.nth(2), '下一步')).click({ modifiers: ['Shift'] })
  await page.keyboard.press('ControlOrMeta+D')
  await expect(await cellOf(grid, rows.nth(2), '下一步')).toHaveText('约客户演示')
  await expect
    .poll(async () => (await invoke(page.request, 'opportunities.list', { search: '粘贴测试' })).rows.map((r) => r.nextStep))
    .toEqual(['约客户演示', '约客户演示', '约客户演示'])

  // Delete clears the range (one step again).
  await page.keyboard.press('Delete')
  await expect
    .poll(async () => (await invoke(page.request, 'opportunities.list', { search: '粘贴测试' })).rows.map((r) => r.nextStep))
    .toEqual([null, null, null])
  // Clearing a name is refused: every deal needs one.
  await (await cellOf(grid, rows.nth(0), '商机名称')).click()
  await page.keyboard.press('Delete')
  await expect(page.getByTestId('grid-problems')).toContainText('此项为必填')
})
