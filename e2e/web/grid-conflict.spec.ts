import { expect, loadDemoWorkspace, test } from '../fixtures'
import { cellOf, dataRows, getDeal, invoke, pipelineGrid, rowId } from './grid-helpers'

test('an edit to a row changed behind the grid is refused with the fresh value, and nothing is overwritten', async ({ page }) => {
  test.setTimeout(120_000)
  await loadDemoWorkspace(page)
  const grid = pipelineGrid(page)
  const first = dataRows(grid).first()
  const id = await rowId(first)

  await (await cellOf(grid, first, '商机名称')).click()
  await page.keyboard.press('Enter')
  const editor = grid.getByRole('textbox', { name: /编辑“.+”的商机名称/ })
  await expect(editor).toBeFocused()

  // A teammate renames the deal while this person is typing.
  const deal = await getDeal(page.request, id)
  await invoke(page.request, 'opportunities.update', { id, version: deal.version, patch: { name: '同事改过的名称' } })

  await editor.fill('我的修改')
  await page.keyboard.press('Enter')
  const report = page.getByTestId('grid-conflict')
  await expect(report).toBeVisible()
  await expect(page.getByRole('dialog', { name: '未保存：记录已被修改' })).toBeVisible()
  await expect(report).toContainText('现在是“同事改过的名称”')
  await expect(report).toContainText('你输入的是“我的修改”')

  expect((await getDeal(page.request, id)).name).toBe('同事改过的名称')
  await page.getByRole('button', { name: /知道了|OK|确定/ }).click()
  await expect(await cellOf(grid, first, '商机名称')).toHaveText('同事改过的名称')
})
