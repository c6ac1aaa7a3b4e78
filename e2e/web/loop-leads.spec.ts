import { expect, test } from '../fixtures'
import { dataRows, invoke } from './grid-helpers'
import { prepareWorkspace, snap } from './loop-helpers'

// The lead's walk from capture to conversion is in loop.spec.ts; these cover the rest of the lead side.

test('two contacts merge with a per-field choice, and the merge can be undone', async ({ page, request }) => {
  test.setTimeout(150_000)
  await prepareWorkspace(request)
  const a = await invoke(request, 'contacts.create', { name: '欧阳合并', email: 'ouyang@old.cn' })
  const b = await invoke(request, 'contacts.create', { name: '欧阳合并', email: 'ouyang@new.cn', title: '采购经理' })
  await page.goto('/#/contacts')
  const grid = page.getByRole('grid', { name: '联系人' })
  await page.getByRole('textbox', { name: '快速搜索' }).fill('欧阳合并')
  await expect(dataRows(grid)).toHaveCount(2, { timeout: 20_000 })

  // Row numbers select whole rows; shift+click takes the second; the merge action needs exactly two.
  await dataRows(grid).nth(0).locator('[data-gutter]').click()
  await dataRows(grid).nth(1).locator('[data-gutter]').click({ modifiers: ['Shift'] })
  await page.getByRole('button', { name: '合并', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: '合并联系人' })
  await dialog.getByRole('radio', { name: '邮箱 使用“ouyang@new.cn”' }).check()
  await snap(page, 'merge-contacts')
  await dialog.getByRole('button', { name: '合并', exact: true }).click()
  await expect(dialog.getByText(/已将 #\d+ 合并到 #\d+/)).toBeVisible()

  const afterMerge = await invoke(request, 'contacts.list', { search: '欧阳合并' })
  expect(afterMerge.total).toBe(1)
  expect(afterMerge.rows[0]).toMatchObject({ email: 'ouyang@new.cn' })
  expect([a.id, b.id]).toContain(afterMerge.rows[0]!.id)

  await dialog.getByRole('button', { name: '撤销合并' }).click()
  await expect(page.getByText('合并已撤销')).toBeVisible()
  const afterUndo = await invoke(request, 'contacts.list', { search: '欧阳合并' })
  expect(afterUndo.total).toBe(2)
  expect(afterUndo.rows.map((c) => c.email).sort()).toEqual(['ouyang@new.cn', 'ouyang@old.cn'])
})

test('settings: assignment rules reorder by dragging, lead rules save, the trash restores', async ({ page, request }) => {
  test.setTimeout(150_000)
  const { first, second } = await prepareWorkspace(request)
  await invoke(request, 'assignmentRules.save', {
    rules: [
      { name: '华东给甲', matchField: 'region', matchValues: ['east'], assignTo: { type: 'user', userId: first.id } },
      { name: '轮流', matchField: null, assignTo: { type: 'roundRobin', userIds: [first.id, second.id] } },
    ],
  })
  const trashed = await invoke(request, 'leads.capture', {
    company: '回收站测试有限公司',
    phone: '13700000001',
    duplicateAction: 'save',
  })
  await invoke(request, 'grid.delete', { entity: 'lead', rows: [{ id: trashed.id, version: trashed.version }] })
  await page.goto('/#/settings')

  // Dragging the second rule's grip above the first puts it first.
  await page.getByRole('tab', { name: '分配规则' }).click()
  const from = (await page.getByRole('button', { name: '拖动排序：轮流' }).boundingBox())!
  const to = (await page.getByRole('button', { name: '拖动排序：华东给甲' }).boundingBox())!
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
  await page.mouse.down()
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 - 10, { steps: 3 })
  await page.mouse.move(to.x + to.width / 2, to.y - 10, { steps: 10 })
  await page.mouse.up()
  await snap(page, 'lead-assignment-rules')
  await page.getByRole('button', { name: '保存规则' }).click()
  await expect(page.getByText('分配规则已保存')).toBeVisible()
  const rules = await invoke(request, 'assignmentRules.list', {})
  expect(rules.map((r) => r.name)).toEqual(['轮流', '华东给甲'])

  await page.getByRole('tab', { name: '线索设置' }).click()
  await page.getByLabel('每人最多持有线索数').fill('7')
  await snap(page, 'lead-rules')
  await page.getByRole('button', { name: '保存设置' }).click()
  await expect(page.getByText('线索设置已保存')).toBeVisible()
  expect((await invoke(request, 'loopConfig.get', {})).pool.claimLimit).toBe(7)

  await page.getByRole('tab', { name: '回收站' }).click()
  await page.getByRole('button', { name: '恢复“回收站测试有限公司”' }).click()
  await expect(page.getByText('已恢复“回收站测试有限公司”')).toBeVisible()
  const restored = await invoke(request, 'leads.list', { search: '回收站测试' })
  expect(restored.rows.map((l) => l.id)).toEqual([trashed.id])
})
