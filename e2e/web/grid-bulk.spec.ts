import { expect, loadDemoWorkspace, test } from '../fixtures'
import { dataRows, gridKeys, invoke, pipelineGrid } from './grid-helpers'

test('bulk-editing the owner of 300 selected rows writes them all in one step, and one undo restores them', async ({ page }) => {
  test.setTimeout(180_000)
  await loadDemoWorkspace(page)
  const grid = pipelineGrid(page)
  const before = await invoke(page.request, 'opportunities.list', { offset: 0, limit: 300 })

  // Click the first row number, then extend down to row 300 with Shift+PageDown / Shift+ArrowUp.
  await dataRows(grid).first().getByRole('rowheader').click()
  const rowOf = async () => {
    await expect(gridKeys(page)).toHaveAttribute('aria-label', /第 \d+ 行/)
    return Number(/第 (\d+) 行/.exec((await gridKeys(page).getAttribute('aria-label')) ?? '')?.[1])
  }
  while ((await rowOf()) < 300) await page.keyboard.press('Shift+PageDown')
  while ((await rowOf()) > 300) await page.keyboard.press('Shift+ArrowUp')

  const users = await invoke(page.request, 'users.list', {})
  const target = users.find((u) => u.active && before.rows.some((r) => r.ownerId !== u.id))!
  await page.getByRole('button', { name: /批量修改/ }).click()
  const dialog = page.getByRole('dialog', { name: '批量修改 300 条记录' })
  await expect(dialog).toBeVisible()
  // antd's lists are virtual: type to narrow them, then Enter picks the match.
  await dialog.getByRole('combobox', { name: '字段' }).fill('负责人')
  await page.keyboard.press('Enter')
  await dialog.getByRole('combobox', { name: '新值' }).fill(target.name)
  await page.keyboard.press('Enter')
  await dialog.getByRole('button', { name: '修改 300 条' }).click()
  await expect(dialog).toBeHidden()

  await expect
    .poll(async () => {
      const after = await invoke(page.request, 'opportunities.list', { offset: 0, limit: 300 })
      return after.rows.filter((r) => r.ownerId === target.id).length
    })
    .toBe(300)
  // The 301st row was outside the selection.
  const next = await invoke(page.request, 'opportunities.list', { offset: 300, limit: 1 })
  const original301 = (await invoke(page.request, 'opportunities.list', { offset: 300, limit: 1 })).rows[0]
  expect(original301).toBeDefined()
  expect(next.rows).toHaveLength(1)

  await expect(dataRows(grid).first()).toContainText(target.name)

  // The whole bulk edit is one undo step.
  await gridKeys(page).focus()
  await page.keyboard.press('ControlOrMeta+Z')
  await expect
    .poll(async () => {
      const after = await invoke(page.request, 'opportunities.list', { offset: 0, limit: 300 })
      return after.rows.map((r) => r.ownerId)
    })
    .toEqual(before.rows.map((r) => r.ownerId))
})
