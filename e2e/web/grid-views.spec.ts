import { expect, loadDemoWorkspace, test } from '../fixtures'
import { chooseOption } from './click-until'
import { chooseFromViewsMenu, invoke, pipelineGrid, tickFilterChoice } from './grid-helpers'

const money = (n: number) => `¥${new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }).format(n)}`

test('saving a view and reopening it brings back its filters and sort, also after a reload', async ({ page }) => {
  test.setTimeout(150_000)
  await loadDemoWorkspace(page)
  const grid = pipelineGrid(page)
  const total = page.getByTestId('grid-total')
  const all = await total.innerText()

  await tickFilterChoice(page, grid, '阶段', '新客户 · 报价')
  await page.getByRole('button', { name: '应用' }).click()
  await expect(total).not.toHaveText(all)
  const filtered = await total.innerText()
  const amount = grid.getByRole('columnheader', { name: '金额', exact: true })
  await amount.getByRole('button', { name: '金额', exact: true }).click()
  await amount.getByRole('button', { name: '金额', exact: true }).click()
  await expect(amount).toHaveAttribute('aria-sort', 'descending')

  const views = page.getByTestId('views-menu')
  await chooseFromViewsMenu(page, '另存为新视图…')
  const dialog = page.getByRole('dialog', { name: '另存为新视图' })
  await dialog.getByRole('textbox', { name: '视图名称' }).fill('报价阶段大单')
  await dialog.getByRole('checkbox', { name: '与团队共享' }).check()
  await dialog.getByRole('button', { name: '保存' }).click()
  await expect(views).toContainText('报价阶段大单')

  // Back to the whole list…
  await chooseFromViewsMenu(page, '全部记录')
  await expect(total).toHaveText(all)
  await expect(amount).toHaveAttribute('aria-sort', 'none')

  // …and the view again.
  await chooseFromViewsMenu(page, /报价阶段大单/)
  await expect(total).toHaveText(filtered)
  await expect(amount).toHaveAttribute('aria-sort', 'descending')
  await expect(page.getByRole('group', { name: '当前筛选' })).toContainText('阶段：新客户 · 报价')

  const stored = await invoke(page.request, 'views.list', { entity: 'opportunity' })
  const mine = stored.find((v) => v.name === '报价阶段大单')!
  expect(mine.shared).toBe(true)
  expect(mine.state.sort).toEqual([{ column: 'amount', desc: true }])
  expect(mine.state.filters).toHaveLength(1)

  await page.reload()
  await expect(page.getByTestId('views-menu')).toContainText('报价阶段大单')
  await expect(page.getByTestId('grid-total')).toHaveText(filtered)

  // The built-in views are there, named in the person's language.
  await page.getByTestId('views-menu').click()
  for (const name of ['我的进行中商机', '本月预计成交', '停滞商机', '本季度赢单']) await expect(page.getByRole('menuitem', { name })).toBeVisible()
  await chooseFromViewsMenu(page, '停滞商机')
  await expect(page.getByRole('group', { name: '当前筛选' })).toContainText('停滞')
  await expect(pipelineGrid(page).locator('[role="row"][data-group]').first()).toBeVisible()
})

test('grouping by stage shows each stage with its count, amount and weighted amount from the core', async ({ page }) => {
  test.setTimeout(120_000)
  await loadDemoWorkspace(page)
  const grid = pipelineGrid(page)
  await chooseOption(page, page.getByRole('combobox', { name: '分组' }), '按阶段分组')

  const groups = await invoke(page.request, 'grid.groups', { entity: 'opportunity', groupBy: 'stageId', filters: [] })
  const headers = grid.locator('[role="row"][data-group]')
  await expect(headers.first()).toBeVisible()
  const first = headers.first()
  await expect(first).toContainText('初步接洽')
  await expect(first.getByTestId('group-count')).toHaveText(`${groups[0]!.count} 条`)
  await expect(first.getByTestId('group-amount')).toHaveText(`金额 ${money(groups[0]!.amount!)}`)
  await expect(first.getByTestId('group-weighted')).toHaveText(`加权 ${money(groups[0]!.weightedAmount!)}`)

  // Collapsing a group brings the next group's header up under it.
  await first.getByRole('button', { name: /收起/ }).click()
  await expect(headers.nth(1).getByTestId('group-count')).toHaveText(`${groups[1]!.count} 条`)
  await expect(headers.nth(1)).toHaveAttribute('aria-rowindex', '3')
  await headers.first().getByRole('button', { name: /展开/ }).click()
  await expect(grid.locator('[role="row"][data-row-id]').first()).toContainText('初步接洽')
})
