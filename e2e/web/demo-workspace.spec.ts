import { expect, loadDemoWorkspace, test } from '../fixtures'
import { tickFilterChoice } from './grid-helpers'

test('a new workspace offers the demo, and the demo fills a windowed pipeline grid', async ({ page }) => {
  test.setTimeout(120_000)
  await page.goto('/')
  await expect(page.getByText('工作区还是空的')).toBeVisible()

  await loadDemoWorkspace(page)

  const grid = page.getByRole('grid', { name: '商机' })
  await expect(grid.getByRole('columnheader', { name: '商机名称' })).toBeVisible()
  await expect(page.getByTestId('grid-total')).toHaveText(/共 [\d,]+ 条/)
  const total = Number((await page.getByTestId('grid-total').innerText()).replace(/\D/g, ''))
  expect(total).toBeGreaterThan(100)

  // Thousands of rows in the workspace, a few dozen in the page.
  const domRows = await grid.locator('[role="row"][data-row-id]').count()
  expect(domRows).toBeGreaterThan(5)
  expect(domRows).toBeLessThan(80)

  // Scrolling to the end fetches the last window and still keeps the DOM small.
  await grid.evaluate((element) => element.scrollTo({ top: element.scrollHeight }))
  await expect(grid.locator(`[role="row"][aria-rowindex="${total + 1}"][data-row-id]`)).toBeVisible()
  expect(await grid.locator('[role="row"][data-row-id]').count()).toBeLessThan(80)
})

test('sorting by a header asks the core for a new order', async ({ page }) => {
  test.setTimeout(120_000)
  await loadDemoWorkspace(page)
  const grid = page.getByRole('grid', { name: '商机' })
  const amountHeader = grid.getByRole('columnheader', { name: '金额', exact: true })
  const sortByAmount = amountHeader.getByRole('button', { name: '金额', exact: true })
  const column = await amountHeader.getAttribute('aria-colindex')

  await sortByAmount.click()
  await expect(amountHeader).toHaveAttribute('aria-sort', 'ascending')
  await sortByAmount.click()
  await expect(amountHeader).toHaveAttribute('aria-sort', 'descending')

  const firstAmounts = grid.locator(`[role="row"][data-row-id] [role="gridcell"][aria-colindex="${column}"]`)
  await expect(firstAmounts.first()).toHaveText(/¥[\d,]{7,}/)
  const amounts = (await firstAmounts.allInnerTexts()).slice(0, 10).map((text) => Number(text.replace(/[^\d.]/g, '') || 0))
  expect(amounts).toEqual([...amounts].sort((a, b) => b - a))

  // Shift+click adds a second sort key and numbers the keys.
  await grid.getByRole('columnheader', { name: '负责人' }).getByRole('button', { name: '负责人', exact: true }).click({ modifiers: ['Shift'] })
  await expect(grid.getByRole('columnheader', { name: '负责人' })).toHaveAttribute('aria-sort', 'ascending')
  await expect(amountHeader).toHaveAttribute('aria-sort', 'descending')
  await expect(amountHeader.locator('sup')).toHaveText('1')
})

test('a column filter narrows the grid to the chosen stages', async ({ page }) => {
  test.setTimeout(120_000)
  await loadDemoWorkspace(page)
  const grid = page.getByRole('grid', { name: '商机' })
  const total = page.getByTestId('grid-total')
  const before = await total.innerText()

  await tickFilterChoice(page, grid, '阶段', '新客户 · 赢单')
  await page.getByRole('button', { name: '应用' }).click()

  await expect(total).not.toHaveText(before)
  await expect(grid.getByRole('button', { name: '筛选：阶段' })).toHaveAttribute('aria-pressed', 'true')
  const stages = await grid.locator('[role="row"][data-row-id] .ant-tag').filter({ hasText: /赢单|输单|初步接洽|需求确认|方案演示|报价|商务谈判/ }).allInnerTexts()
  expect(new Set(stages)).toEqual(new Set(['赢单']))

  await page.getByRole('button', { name: '清除全部筛选' }).click()
  await expect(total).toHaveText(before)
})
