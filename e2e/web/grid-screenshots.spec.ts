import path from 'node:path'
import { expect, loadDemoWorkspace, test } from '../fixtures'
import { cellOf, dataRows, pipelineGrid } from './grid-helpers'
import { takingScreenshots } from './screenshotMode'

/**
 * Pictures of the spreadsheet grid and the board for docs/screenshots. Not
 * a check: it runs only with WORKBENCH_SCREENSHOTS=1 and writes into the work tree.
 */
const shotsDir = path.resolve(import.meta.dirname, '../../docs/screenshots')
const shot = (name: string) => ({ path: path.join(shotsDir, `${name}.png`) })

test.skip(!takingScreenshots, 'set WORKBENCH_SCREENSHOTS=1 to refresh docs/screenshots')

test('grid editing, grouping and the kanban board at 1440x900', async ({ page }) => {
  test.setTimeout(180_000)
  await page.setViewportSize({ width: 1440, height: 900 })
  await loadDemoWorkspace(page)
  const userPicker = page.getByRole('combobox', { name: '当前用户' })
  await userPicker.click()
  await userPicker.press('Enter')
  await expect(page.getByText('演示数据已加载')).toBeHidden()

  // A range selected, and a cell refusing a value it cannot read.
  const grid = pipelineGrid(page)
  const rows = dataRows(grid)
  await (await cellOf(grid, rows.nth(1), '金额')).click()
  await (await cellOf(grid, rows.nth(4), '赢率')).click({ modifiers: ['Shift'] })
  await (await cellOf(grid, rows.nth(6), '预计成交日期')).click()
  await page.keyboard.type('2025年2月30日')
  await page.keyboard.press('Enter')
  await expect(grid.getByRole('alert')).toBeVisible()
  await page.mouse.move(0, 0)
  await page.waitForTimeout(400)
  await page.screenshot(shot('grid-editing'))
  await page.keyboard.press('Escape')

  // Grouped by stage with subtotals.
  await page.getByRole('combobox', { name: '分组' }).click()
  await page.getByRole('option', { name: '按阶段分组' }).click()
  await expect(grid.locator('[role="row"][data-group]').first()).toBeVisible()
  await grid.evaluate((element) => element.scrollTo({ left: 0 }))
  await page.waitForTimeout(600)
  await page.screenshot(shot('grid-grouped'))
  await page.getByRole('combobox', { name: '分组' }).click()
  await page.getByRole('option', { name: '不分组' }).click()

  // The board.
  await page.getByRole('navigation').getByText('销售看板').click()
  await expect(page.getByTestId('kanban-card').first()).toBeVisible()
  await page.mouse.move(0, 0)
  await page.waitForTimeout(800)
  await page.screenshot(shot('kanban'))
})
