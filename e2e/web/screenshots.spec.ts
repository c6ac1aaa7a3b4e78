import path from 'node:path'
import { expect, loadDemoWorkspace, test } from '../fixtures'
import { takingScreenshots } from './screenshotMode'

/**
 * Refreshes the pictures in docs/screenshots. Not a check: it runs only when
 * asked, with WORKBENCH_SCREENSHOTS=1, and writes into the work tree.
 */
const shotsDir = path.resolve(import.meta.dirname, '../../docs/screenshots')
const shot = (name: string) => ({ path: path.join(shotsDir, `${name}.png`) })

test.skip(!takingScreenshots, 'set WORKBENCH_SCREENSHOTS=1 to refresh docs/screenshots')

test('main screens at 1440x900', async ({ page }) => {
  test.setTimeout(180_000)
  await page.setViewportSize({ width: 1440, height: 900 })
  await loadDemoWorkspace(page)
  const userPicker = page.getByRole('combobox', { name: '当前用户' })
  await userPicker.click()
  await userPicker.press('Enter')
  await expect(page.getByRole('banner').getByTitle('赵伟')).toBeVisible()
  const grid = page.getByRole('grid', { name: '商机' })
  // The living pipeline: open deals, biggest first.
  await grid.getByRole('button', { name: '筛选：状态' }).click()
  await page.getByRole('checkbox', { name: '进行中' }).check()
  await page.getByRole('button', { name: '应用' }).click()
  const amount = grid.getByRole('button', { name: '金额', exact: true })
  await amount.click()
  await amount.click()
  await expect(grid.getByRole('columnheader', { name: '金额', exact: true })).toHaveAttribute('aria-sort', 'descending')
  await grid.evaluate((element) => element.scrollTo({ left: 0 }))
  await expect(page.getByText('演示数据已加载')).toBeHidden()
  await page.mouse.move(0, 0)
  await page.waitForTimeout(500)
  await page.screenshot(shot('pipeline-zh'))

  await grid.locator('[role="row"][data-row-id]').nth(2).getByRole('button', { name: /^打开/ }).click()
  await expect(page.getByRole('heading', { name: '阶段历史' })).toBeVisible()
  await page.waitForTimeout(500)
  await page.screenshot(shot('record-drawer'))
  await page.keyboard.press('Escape')

  await page.getByRole('button', { name: '新建商机' }).click()
  const form = page.getByRole('dialog', { name: '新建商机' })
  const stagePicker = form.getByRole('combobox', { name: '阶段' })
  await stagePicker.fill('报价')
  await stagePicker.press('Enter')
  await form.getByRole('button', { name: '创建商机' }).click()
  await expect(form.getByText('此项为必填')).toBeVisible()
  await page.waitForTimeout(500)
  await page.screenshot(shot('opportunity-form-error'))
  await form.getByRole('button', { name: '取消' }).click()

  await page.getByRole('navigation').getByText('仪表盘').click()
  await expect(page.getByTestId('chart-funnel').locator('[data-drawn="true"]')).toBeVisible({ timeout: 60_000 })
  await page.waitForTimeout(1200)
  await page.screenshot(shot('dashboard'))

  await page.getByRole('navigation').getByText('商机').click()
  await page.getByText('English', { exact: true }).click()
  await expect(page.getByRole('grid', { name: 'Pipeline' })).toBeVisible()
  await expect(page.getByTestId('grid-total')).toHaveText(/total/)
  await page.mouse.move(0, 0)
  await page.waitForTimeout(800)
  await page.screenshot(shot('pipeline-en'))
})
