import { expect, loadDemoWorkspace, test } from '../fixtures'

test('opening a row shows the record with its stage history', async ({ page }) => {
  test.setTimeout(120_000)
  await loadDemoWorkspace(page)
  const grid = page.getByRole('grid', { name: '商机' })
  const firstRow = grid.locator('[role="row"][data-row-id]').first()
  const name = (await firstRow.locator('[role="gridcell"]').first().innerText()).trim()

  // A click selects a cell, as in a spreadsheet; the row number's button opens the record.
  await firstRow.getByRole('button', { name: `打开“${name}”` }).click()
  const drawer = page.getByRole('dialog', { name })
  await expect(drawer.getByRole('heading', { name: '阶段历史' })).toBeVisible()
  await expect(drawer.getByTestId('stage-history').getByText(/停留 [\d.]+ 天/).first()).toBeVisible()
  await expect(drawer.getByRole('tab', { name: /跟进记录/ })).toBeVisible()

  await drawer.getByRole('tab', { name: '变更历史' }).click()
  await expect(drawer.getByRole('columnheader', { name: '操作人' })).toBeVisible()

  // The keyboard opens a row too: Space on the cell cursor's row.
  await page.keyboard.press('Escape')
  await expect(drawer).toBeHidden()
  await firstRow.locator('[role="gridcell"]').first().click()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Space')
  await expect(page.getByRole('dialog').getByRole('heading', { name: '阶段历史' })).toBeVisible()
})
