import { expect, test } from '../fixtures'

test('creating an opportunity: inline validation, then found by quick search, still there after reload', async ({ page }) => {
  const name = `华东区 ERP 升级 ${Date.now()}`
  await page.goto('/')
  await page.getByRole('button', { name: '新建商机' }).click()

  const drawer = page.getByRole('dialog', { name: '新建商机' })
  await drawer.getByRole('button', { name: '创建商机' }).click()
  await expect(drawer.getByText('此项为必填')).toBeVisible()

  await drawer.getByLabel('商机名称').fill(name)
  await expect(drawer.getByText('此项为必填')).toBeHidden()
  await drawer.getByLabel('金额').fill('1280000')
  await drawer.getByRole('button', { name: '创建商机' }).click()

  await expect(page.getByText(`商机“${name}”已创建`)).toBeVisible()
  await expect(drawer).toBeHidden()

  const grid = page.getByRole('grid', { name: '商机' })
  await page.getByRole('textbox', { name: '快速搜索' }).fill(name)
  const row = grid.getByRole('row', { name: new RegExp(name) })
  await expect(row).toBeVisible()
  await expect(row).toContainText('¥1,280,000')

  await page.reload()
  await page.getByRole('textbox', { name: '快速搜索' }).fill(name)
  await expect(page.getByRole('grid', { name: '商机' }).getByRole('row', { name: new RegExp(name) })).toBeVisible()
})
