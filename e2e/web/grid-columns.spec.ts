import { expect, loadDemoWorkspace, test } from '../fixtures'
import { chooseOption } from './click-until'
import { cellOf, dataRows, expectActiveCell, invoke, pipelineGrid, rowId, tickFilterChoice } from './grid-helpers'

test('columns reorder by dragging, resize by their edge, hide, and pin; the layout is part of the view', async ({ page }) => {
  test.setTimeout(120_000)
  await loadDemoWorkspace(page)
  const grid = pipelineGrid(page)
  const headerKeys = () => grid.locator('[role="columnheader"][data-column]').evaluateAll((els) => els.map((e) => e.getAttribute('data-column')))
  expect((await headerKeys()).slice(0, 3)).toEqual(['name', 'accountName', 'stageId'])

  // Drag 阶段 onto 客户: it moves before it.
  const stage = grid.getByRole('columnheader', { name: '阶段', exact: true })
  const account = grid.getByRole('columnheader', { name: '客户', exact: true })
  const from = (await stage.boundingBox())!
  const to = (await account.boundingBox())!
  await page.mouse.move(from.x + 30, from.y + from.height / 2)
  await page.mouse.down()
  await page.mouse.move(from.x + 20, from.y + from.height / 2, { steps: 3 })
  await page.mouse.move(to.x + 10, to.y + to.height / 2, { steps: 10 })
  await page.mouse.up()
  await expect.poll(async () => (await headerKeys()).slice(0, 3)).toEqual(['name', 'stageId', 'accountName'])

  // Resize 商机名称 by dragging its right edge.
  const name = grid.getByRole('columnheader', { name: '商机名称', exact: true })
  const width = (await name.boundingBox())!.width
  const edge = name.getByRole('separator')
  const e = (await edge.boundingBox())!
  await page.mouse.move(e.x + e.width / 2, e.y + e.height / 2)
  await page.mouse.down()
  await page.mouse.move(e.x + 80, e.y + e.height / 2, { steps: 5 })
  await page.mouse.up()
  await expect.poll(async () => Math.round((await name.boundingBox())!.width)).toBeGreaterThan(width + 60)

  // Hide a column and pin two.
  await page.getByRole('button', { name: '列设置' }).click()
  const menu = page.getByTestId('columns-menu')
  await menu.getByRole('checkbox', { name: '业务流程' }).uncheck()
  await menu.getByRole('spinbutton', { name: '固定前几列' }).fill('2')
  await page.keyboard.press('Escape')
  await expect(grid.getByRole('columnheader', { name: '业务流程' })).toHaveCount(0)
  await expect(grid.getByRole('columnheader', { name: '阶段', exact: true })).toHaveClass(/wb-grid-pinned-last/)
  await grid.evaluate((el) => el.scrollTo({ left: 800 }))
  const pinnedLeft = (await grid.getByRole('columnheader', { name: '阶段', exact: true }).boundingBox())!.x
  const gridLeft = (await grid.boundingBox())!.x
  expect(pinnedLeft - gridLeft).toBeLessThan(400)

  // The layout survives a reload (the grid remembers its view state).
  await page.reload()
  await expect(pipelineGrid(page).getByRole('columnheader', { name: '业务流程' })).toHaveCount(0)
  await expect.poll(async () => (await headerKeys()).slice(0, 2)).toEqual(['name', 'stageId'])
})

test('filters by type: a date preset, "me" among owners, a text condition, an amount range', async ({ page }) => {
  test.setTimeout(120_000)
  await loadDemoWorkspace(page)
  const users = await invoke(page.request, 'users.list', {})
  const me = users[0]!
  await page.getByRole('combobox', { name: '当前用户' }).click()
  await page.getByRole('combobox', { name: '当前用户' }).fill(me.name)
  await page.keyboard.press('Enter')

  const grid = pipelineGrid(page)
  const total = page.getByTestId('grid-total')
  const count = async () => Number((await total.innerText()).replace(/\D/g, ''))
  const all = await count()

  await tickFilterChoice(page, grid, '负责人', '我（当前用户）')
  await page.getByRole('button', { name: '应用' }).click()
  await expect(page.getByRole('group', { name: '当前筛选' })).toContainText('负责人：我（当前用户）')
  const mine = await invoke(page.request, 'opportunities.list', { filters: [{ column: 'ownerId', op: 'in', value: [me.id] }], limit: 1 })
  await expect.poll(count).toBe(mine.total)

  await grid.getByRole('button', { name: '筛选：下次跟进' }).click()
  await chooseOption(page, page.getByRole('combobox', { name: '筛选：下次跟进' }), '已逾期')
  await page.getByRole('button', { name: '应用' }).click()
  await expect(page.getByRole('group', { name: '当前筛选' })).toContainText('下次跟进：已逾期')
  await expect.poll(count).toBeLessThan(mine.total!)

  await page.getByRole('button', { name: '清除全部筛选' }).click()
  await expect.poll(count).toBe(all)

  await grid.getByRole('button', { name: '筛选：商机名称' }).click()
  await page.getByRole('textbox', { name: '筛选：商机名称' }).fill('ERP')
  await page.getByRole('button', { name: '应用' }).click()
  await expect(page.getByRole('group', { name: '当前筛选' })).toContainText('商机名称：包含“ERP”')
  // The filter's chip shows before the filtered rows arrive: wait until every shown row passes.
  const shown = async (column: string | null, passes: (text: string) => boolean) => {
    const texts = await dataRows(grid).locator(`[role="gridcell"][aria-colindex="${column}"]`).allInnerTexts()
    return texts.length > 0 && texts.every(passes)
  }
  await expect.poll(() => shown('2', (text) => text.includes('ERP'))).toBe(true)

  await grid.getByRole('button', { name: '筛选：金额' }).click()
  await page.getByRole('spinbutton', { name: '金额 从' }).fill('1000000')
  await page.getByRole('button', { name: '应用' }).click()
  const amountColumn = await grid.getByRole('columnheader', { name: '金额', exact: true }).getAttribute('aria-colindex')
  await expect.poll(() => shown(amountColumn, (text) => Number(text.replace(/[^\d.]/g, '')) >= 1000000)).toBe(true)
})

test('every list is a grid: accounts edit with inline validation, follow-ups stay read-only', async ({ page }) => {
  test.setTimeout(120_000)
  await loadDemoWorkspace(page)
  await page.getByRole('navigation').getByText('客户', { exact: true }).click()
  const grid = page.getByRole('grid', { name: '客户' })
  const first = dataRows(grid).first()
  await (await cellOf(grid, first, '邮箱')).click()
  await expectActiveCell(page, '邮箱', 1)
  await page.keyboard.type('not-an-email')
  await page.keyboard.press('Enter')
  await expect(grid.getByRole('alert')).toContainText('邮箱格式不正确')
  await grid.getByRole('textbox', { name: /的邮箱/ }).fill('sales@example.cn')
  await page.keyboard.press('Enter')
  const id = await rowId(first)
  await expect
    .poll(async () => (await invoke(page.request, 'accounts.list', { filters: [{ column: 'email', op: 'equals', value: 'sales@example.cn' }] })).rows.map((r) => r.id))
    .toContain(id)

  await page.getByRole('navigation').getByText('跟进与任务').click()
  const followUps = page.getByRole('grid', { name: '跟进记录' })
  await dataRows(followUps).first().locator('[role="gridcell"]').nth(2).click()
  await page.keyboard.press('Enter')
  await expect(page.getByText('该列表为只读，请在记录中修改。')).toBeVisible()
})
